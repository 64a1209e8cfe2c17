#include "extract/tagger_decode.hpp"

#include <limits>

namespace rawabit::extract::ner {

void viterbi(std::span<const double> emission, const Transitions& transition, ViterbiScratch& scratch,
             std::vector<Tag>& tags) {
  constexpr double kImpossible = -std::numeric_limits<double>::infinity();
  const size_t n = emission.size() / kTags;
  tags.resize(n);
  if (n == 0) return;
  scratch.best.resize(n * kTags);
  scratch.back.resize(n * kTags);
  for (Tag t = 0; t < kTags; ++t) {
    scratch.best[t] = may_follow(kOutside, t) ? transition[kTags * kTags + t] + emission[t] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const double* before = &scratch.best[(i - 1) * kTags];
    for (Tag t = 0; t < kTags; ++t) {
      // The tags that may_follow() allows before t: B-T and I-T (adjacent) before I-T, any other.
      const Tag first = is_inside(t) ? t - 1 : 0, last = is_inside(t) ? t : kTags - 1;
      double best = kImpossible;
      Tag from = first;
      for (Tag p = first; p <= last; ++p) {
        double s = before[p] + transition[p * kTags + t];
        if (s > best) best = s, from = p;
      }
      scratch.best[i * kTags + t] = best + emission[i * kTags + t];
      scratch.back[i * kTags + t] = from;
    }
  }
  const double* last = &scratch.best[(n - 1) * kTags];
  Tag t = kOutside;
  for (Tag c = 1; c < kTags; ++c) {
    if (last[c] > last[t]) t = c;
  }
  for (size_t i = n; i-- > 0;) {
    tags[i] = t;
    t = scratch.back[i * kTags + t];
  }
}

void viterbi(std::span<const int32_t> emission, const IntTransitions& transition, IntViterbiScratch& scratch,
             std::vector<Tag>& tags) {
  // Far below any real path score, and far from overflowing when a transition is added.
  constexpr int64_t kImpossible = std::numeric_limits<int64_t>::min() / 4;
  const size_t n = emission.size() / kTags;
  tags.resize(n);
  if (n == 0) return;
  scratch.best.resize(n * kTags);
  scratch.back.resize(n * kTags);
  for (Tag t = 0; t < kTags; ++t) {
    scratch.best[t] = may_follow(kOutside, t) ? transition[kTags * kTags + t] + emission[t] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const int64_t* before = &scratch.best[(i - 1) * kTags];
    int64_t* best = &scratch.best[i * kTags];
    Tag* back = &scratch.back[i * kTags];
    const int32_t* e = &emission[i * kTags];
    // O and B-T may follow any tag.
    for (Tag t = 0; t < kTags; t += (t == 0 ? 1 : 2)) {
      int64_t top = before[0] + transition[t];
      Tag from = 0;
      for (Tag p = 1; p < kTags; ++p) {
        int64_t s = before[p] + transition[p * kTags + t];
        if (s > top) top = s, from = p;
      }
      best[t] = top + e[t];
      back[t] = from;
    }
    // I-T follows B-T or I-T only.
    for (Tag t = 2; t < kTags; t += 2) {
      int64_t from_begin = before[t - 1] + transition[(t - 1) * kTags + t];
      int64_t from_inside = before[t] + transition[t * kTags + t];
      bool inside = from_inside > from_begin;
      best[t] = (inside ? from_inside : from_begin) + e[t];
      back[t] = inside ? t : t - 1;
    }
  }
  const int64_t* last = &scratch.best[(n - 1) * kTags];
  Tag t = kOutside;
  for (Tag c = 1; c < kTags; ++c) {
    if (last[c] > last[t]) t = c;
  }
  for (size_t i = n; i-- > 0;) {
    tags[i] = t;
    t = scratch.back[i * kTags + t];
  }
}

}  // namespace rawabit::extract::ner
