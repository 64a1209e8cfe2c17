#include "extract/tagger_decode.hpp"

#include <limits>

namespace rawabit::extract::ner {

namespace {

// Viterbi over per-word emission scores of type E and path scores of type Score. A tie keeps
// the earlier tag. The allowed predecessors come from the tag layout (tagger_tags.hpp): O and
// B-T may follow any tag; I-T only B-T (t - 1) and I-T (t), which is what may_follow() says.
template <class Score, class E>
void decode(std::span<const E> emission, const std::array<Score, (kTags + 1) * kTags>& transition,
            ViterbiScratchOf<Score>& scratch, Score impossible, std::vector<Tag>& tags) {
  const size_t n = emission.size() / kTags;
  tags.resize(n);
  if (n == 0) return;
  scratch.best.resize(n * kTags);
  scratch.back.resize(n * kTags);
  for (Tag t = 0; t < kTags; ++t) {
    scratch.best[t] = may_follow(kOutside, t) ? transition[kTags * kTags + t] + emission[t] : impossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const Score* before = &scratch.best[(i - 1) * kTags];
    Score* best = &scratch.best[i * kTags];
    Tag* back = &scratch.back[i * kTags];
    const E* e = &emission[i * kTags];
    for (Tag t = 0; t < kTags; t += (t == 0 ? 1 : 2)) {  // O and every B-T
      Score top = before[0] + transition[t];
      Tag from = 0;
      for (Tag p = 1; p < kTags; ++p) {
        Score s = before[p] + transition[p * kTags + t];
        if (s > top) top = s, from = p;
      }
      best[t] = top + e[t];
      back[t] = from;
    }
    for (Tag t = 2; t < kTags; t += 2) {  // every I-T
      Score from_begin = before[t - 1] + transition[(t - 1) * kTags + t];
      Score from_inside = before[t] + transition[t * kTags + t];
      bool inside = from_inside > from_begin;
      best[t] = (inside ? from_inside : from_begin) + e[t];
      back[t] = inside ? t : t - 1;
    }
  }
  const Score* last = &scratch.best[(n - 1) * kTags];
  Tag t = kOutside;
  for (Tag c = 1; c < kTags; ++c) {
    if (last[c] > last[t]) t = c;
  }
  for (size_t i = n; i-- > 0;) {
    tags[i] = t;
    t = scratch.back[i * kTags + t];
  }
}

}  // namespace

void viterbi(std::span<const double> emission, const Transitions& transition, ViterbiScratch& scratch,
             std::vector<Tag>& tags) {
  decode(emission, transition, scratch, -std::numeric_limits<double>::infinity(), tags);
}

void viterbi(std::span<const int32_t> emission, const IntTransitions& transition, IntViterbiScratch& scratch,
             std::vector<Tag>& tags) {
  // Far below any real path score, and far from overflowing when a transition is added.
  decode(emission, transition, scratch, std::numeric_limits<int64_t>::min() / 4, tags);
}

}  // namespace rawabit::extract::ner
