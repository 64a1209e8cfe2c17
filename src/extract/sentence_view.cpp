#include "extract/sentence_view.hpp"

namespace rawabit::extract {

SentenceView::SentenceView(const text::Document& doc, uint32_t sentence, const Annotations& ann)
    : doc_(&doc), sentence_(sentence) {
  const auto& s = doc.sentences[sentence];
  covering_.assign(s.end_token - s.first_token, -1);
  starts_.assign(covering_.size(), false);
  for (uint32_t m = 0; m < ann.mentions.size(); ++m) {
    const Mention& men = ann.mentions[m];
    if (men.sentence != sentence) continue;
    starts_[men.first_token - s.first_token] = true;
    for (size_t t = men.first_token; t < men.end_token; ++t) covering_[t - s.first_token] = static_cast<int32_t>(m);
  }
}

std::optional<uint32_t> SentenceView::mention_at(size_t t) const {
  if (t < first() || t >= end() || !starts_[t - first()]) return std::nullopt;
  return static_cast<uint32_t>(covering_[t - first()]);
}

std::optional<uint32_t> SentenceView::mention_covering(size_t t) const {
  if (t < first() || t >= end() || covering_[t - first()] < 0) return std::nullopt;
  return static_cast<uint32_t>(covering_[t - first()]);
}

}  // namespace rawabit::extract
