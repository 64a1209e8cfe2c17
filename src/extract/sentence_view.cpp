#include "extract/sentence_view.hpp"

namespace rawabit::extract {

SentenceView::SentenceView(const text::Document& doc, uint32_t sentence, const Annotations& ann,
                           const TokenFacts& facts)
    : doc_(&doc),
      facts_(&facts),
      sentence_(sentence),
      first_(doc.sentences[sentence].first_token),
      end_(doc.sentences[sentence].end_token) {
  const auto& s = doc.sentences[sentence];
  covering_.assign(s.end_token - s.first_token, -1);
  for (uint32_t m = 0; m < ann.mentions.size(); ++m) {
    const Mention& men = ann.mentions[m];
    if (men.sentence != sentence) continue;
    for (size_t t = men.first_token; t < men.end_token; ++t) covering_[t - s.first_token] = static_cast<int32_t>(2 * m);
  }
  // Where a later mention overlaps an earlier one, each token keeps the later mention, as before;
  // a start is marked where a mention starts, whichever mention covers the token.
  for (uint32_t m = 0; m < ann.mentions.size(); ++m) {
    const Mention& men = ann.mentions[m];
    if (men.sentence == sentence) covering_[men.first_token - s.first_token] |= 1;
  }
}

}  // namespace rawabit::extract
