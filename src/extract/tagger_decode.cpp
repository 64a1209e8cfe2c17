#include "extract/tagger_decode.hpp"

#include <array>
#include <limits>

namespace rawabit::extract::ner {

namespace {

// For each label, the labels that may come before it (label_may_follow), in increasing order.
struct Predecessors {
  std::array<std::array<Label, kLabels>, kLabels> of{};
  std::array<uint8_t, kLabels> count{};
};

constexpr Predecessors make_predecessors() {
  Predecessors p;
  for (Label next = 0; next < kLabels; ++next) {
    for (Label prev = 0; prev < kLabels; ++prev) {
      if (label_may_follow(prev, next)) p.of[next][p.count[next]++] = prev;
    }
  }
  return p;
}

constexpr Predecessors kPredecessors = make_predecessors();

// Viterbi over per-word emission scores of type E and path scores of type Score. A tie keeps
// the earlier label.
template <class Score, class E>
void decode(std::span<const E> emission, const std::array<Score, (kLabels + 1) * kLabels>& transition,
            ViterbiScratchOf<Score>& scratch, Score impossible, std::vector<Label>& labels) {
  const size_t n = emission.size() / kLabels;
  labels.resize(n);
  if (n == 0) return;
  scratch.best.resize(n * kLabels);
  scratch.back.resize(n * kLabels);
  for (Label l = 0; l < kLabels; ++l) {
    scratch.best[l] = label_may_follow(kOutsideLabel, l) ? transition[kLabels * kLabels + l] + emission[l] : impossible;
  }
  for (size_t i = 1; i < n; ++i) {
    const Score* before = &scratch.best[(i - 1) * kLabels];
    Score* best = &scratch.best[i * kLabels];
    Label* back = &scratch.back[i * kLabels];
    const E* e = &emission[i * kLabels];
    for (Label l = 0; l < kLabels; ++l) {
      const Label* from = kPredecessors.of[l].data();
      Label top_from = from[0];
      Score top = before[top_from] + transition[top_from * kLabels + l];
      for (size_t k = 1; k < kPredecessors.count[l]; ++k) {
        Score s = before[from[k]] + transition[from[k] * kLabels + l];
        if (s > top) top = s, top_from = from[k];
      }
      best[l] = top + e[l];
      back[l] = top_from;
    }
  }
  const Score* last = &scratch.best[(n - 1) * kLabels];
  Label l = kOutsideLabel;
  for (Label c = 1; c < kLabels; ++c) {
    if (!opens(c) && last[c] > last[l]) l = c;
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = l;
    l = scratch.back[i * kLabels + l];
  }
}

}  // namespace

void viterbi(std::span<const double> emission, const Transitions& transition, ViterbiScratch& scratch,
             std::vector<Label>& labels) {
  decode(emission, transition, scratch, -std::numeric_limits<double>::infinity(), labels);
}

void viterbi(std::span<const int32_t> emission, const IntTransitions& transition, IntViterbiScratch& scratch,
             std::vector<Label>& labels) {
  // Far below any real path score, and far from overflowing when a transition is added.
  decode(emission, transition, scratch, std::numeric_limits<int64_t>::min() / 4, labels);
}

}  // namespace rawabit::extract::ner
