#include "extract/sentence_view.hpp"

#include <algorithm>

namespace rawabit::extract {

namespace {

// Whether ann.mentions is in nondecreasing sentence order, checking only what was appended since
// the last check (Annotations::mentions_in_order): each view then costs the sentence's mentions,
// not the document's. A failed check is forgotten, so the next view checks the whole list again.
bool mentions_in_sentence_order(const Annotations& ann) {
  const std::vector<Mention>& ms = ann.mentions;
  size_t& checked = ann.mentions_in_order;
  if (checked > ms.size()) checked = 0;
  for (size_t i = std::max<size_t>(checked, 1); i < ms.size(); ++i) {
    if (ms[i - 1].sentence > ms[i].sentence) {
      checked = 0;
      return false;
    }
  }
  checked = ms.size();
  return true;
}

// Calls f(m) for each mention of `sentence`, in index order: a binary search when the mentions
// are in sentence order (always, between the passes of the extractor), else a scan of all.
template <class F>
void for_each_mention_of(const Annotations& ann, uint32_t sentence, F f) {
  const std::vector<Mention>& ms = ann.mentions;
  if (!mentions_in_sentence_order(ann)) {
    for (uint32_t m = 0; m < ms.size(); ++m)
      if (ms[m].sentence == sentence) f(m);
    return;
  }
  auto first = std::partition_point(ms.begin(), ms.end(), [&](const Mention& x) { return x.sentence < sentence; });
  for (auto it = first; it != ms.end() && it->sentence == sentence; ++it) f(static_cast<uint32_t>(it - ms.begin()));
}

}  // namespace

SentenceView::SentenceView(const text::Document& doc, uint32_t sentence, const Annotations& ann,
                           const TokenFacts& facts)
    : doc_(&doc),
      facts_(&facts),
      sentence_(sentence),
      first_(doc.sentences[sentence].first_token),
      end_(doc.sentences[sentence].end_token) {
  const auto& s = doc.sentences[sentence];
  covering_.assign(s.end_token - s.first_token, -1);
  for_each_mention_of(ann, sentence, [&](uint32_t m) {
    const Mention& men = ann.mentions[m];
    for (size_t t = men.first_token; t < men.end_token; ++t) covering_[t - s.first_token] = static_cast<int32_t>(2 * m);
  });
  // Where a later mention overlaps an earlier one, each token keeps the later mention, as before;
  // a start is marked where a mention starts, whichever mention covers the token.
  for_each_mention_of(ann, sentence,
                      [&](uint32_t m) { covering_[ann.mentions[m].first_token - s.first_token] |= 1; });
}

}  // namespace rawabit::extract
