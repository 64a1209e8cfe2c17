#include "ner/decode.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace rawabit::ner {

namespace {

// For each label, the labels that may come before it (kPredecessors) or after it (kSuccessors)
// by label_may_follow, in increasing order.
struct Neighbours {
  std::array<std::array<Label, kLabels>, kLabels> of{};
  std::array<uint8_t, kLabels> count{};
};

constexpr Neighbours make_neighbours(bool before) {
  Neighbours n;
  for (Label l = 0; l < kLabels; ++l) {
    for (Label other = 0; other < kLabels; ++other) {
      if (before ? label_may_follow(other, l) : label_may_follow(l, other)) n.of[l][n.count[l]++] = other;
    }
  }
  return n;
}

constexpr Neighbours kPredecessors = make_neighbours(true);
constexpr Neighbours kSuccessors = make_neighbours(false);

// The labels of the best path: its last label (the best of `last`, the scores at the last word,
// that leaves no entity open; a tie keeps the earlier label), then back[i * kLabels + l] word by
// word.
template <class Score>
void trace_back(const Score* last, std::span<const Label> back, std::vector<Label>& labels) {
  Label l = kOutsideLabel;
  for (Label c = 1; c < kLabels; ++c) {
    if (!opens(c) && last[c] > last[l]) l = c;
  }
  for (size_t i = labels.size(); i-- > 0;) {
    labels[i] = l;
    l = back[i * kLabels + l];
  }
}

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
  trace_back(&scratch.best[(n - 1) * kLabels], scratch.back, labels);
}

}  // namespace

void viterbi(std::span<const double> emission, const Transitions& transition, ViterbiScratch& scratch,
             std::vector<Label>& labels) {
  decode(emission, transition, scratch, -std::numeric_limits<double>::infinity(), labels);
}

// The integer decoder takes the shape of label_may_follow: a label that starts something (O,
// B-T, U-T) follows exactly the labels that close one (O, L-T, U-T); I-T and L-T follow B-T and
// I-T only. Fixed loops over those sets, with selects instead of branches, replace the
// general predecessor lists of decode().
namespace {

constexpr std::array<Label, 1 + 2 * kNerTypes> labels_with_part(Part a, Part b) {
  std::array<Label, 1 + 2 * kNerTypes> out{kOutsideLabel};
  for (size_t t = 0; t < kNerTypes; ++t) {
    out[1 + 2 * t] = make_label(static_cast<NerType>(t), a);
    out[2 + 2 * t] = make_label(static_cast<NerType>(t), b);
  }
  return out;
}
constexpr auto kStarting = labels_with_part(Part::Begin, Part::Unit);  // O, B-T, U-T
constexpr auto kClosing = labels_with_part(Part::Last, Part::Unit);    // O, L-T, U-T: increasing

static_assert([] {
  for (Label next : kStarting) {
    for (Label prev = 0; prev < kLabels; ++prev) {
      bool closing = std::find(kClosing.begin(), kClosing.end(), prev) != kClosing.end();
      if (label_may_follow(prev, next) != closing) return false;
    }
  }
  return true;
}());

// A path through a label that cannot start a sentence (I-T, L-T on the first word): below any
// real path, and far from overflowing when transitions are added.
constexpr int32_t kImpossible = -(1 << 28);

// The transitions into the starting labels, from the closing ones: from[k][j] scores kStarting[j]
// after kClosing[k], in lanes padded to a multiple of four.
constexpr size_t kStartingLanes = (kStarting.size() + 3) / 4 * 4;
struct StartingTransitions {
  std::array<std::array<int32_t, kStartingLanes>, kClosing.size()> from{};
};

StartingTransitions starting_transitions(const IntTransitions& transition) {
  StartingTransitions out;
  for (size_t k = 0; k < kClosing.size(); ++k) {
    for (size_t j = 0; j < kStarting.size(); ++j) out.from[k][j] = transition[kClosing[k] * kLabels + kStarting[j]];
  }
  return out;
}

}  // namespace

void viterbi(std::span<const int32_t> emission, const IntTransitions& transition, IntViterbiScratch& scratch,
             std::vector<Label>& labels) {
  const size_t n = emission.size() / kLabels;
  labels.resize(n);
  if (n == 0) return;
  scratch.back.resize(n * kLabels);
  auto t = [&transition](size_t prev, size_t next) { return transition[prev * kLabels + next]; };
  const StartingTransitions starting = starting_transitions(transition);
  std::array<int32_t, kLabels> best;
  for (Label l = 0; l < kLabels; ++l) {
    best[l] = label_may_follow(kOutsideLabel, l) ? t(kLabels, l) + emission[l] : kImpossible;
  }
  for (size_t i = 1; i < n; ++i) {
    // Shifted so that O, always reachable, scores 0: path scores stay small.
    std::array<int32_t, kLabels> before;
    for (Label l = 0; l < kLabels; ++l) before[l] = best[l] - best[kOutsideLabel];
    const int32_t* e = &emission[i * kLabels];
    Label* back = &scratch.back[i * kLabels];
    // All the starting labels at once, as independent lanes that the compiler vectorizes;
    // from[j] indexes kClosing.
    std::array<int32_t, kStartingLanes> top, from{};
    for (size_t j = 0; j < kStartingLanes; ++j) top[j] = before[kOutsideLabel] + starting.from[0][j];
    for (size_t k = 1; k < kClosing.size(); ++k) {
      const int32_t b = before[kClosing[k]];
      for (size_t j = 0; j < kStartingLanes; ++j) {
        const int32_t s = b + starting.from[k][j];
        const bool take = s > top[j];  // strictly: a tie keeps the earlier label
        top[j] = take ? s : top[j];
        from[j] = take ? static_cast<int32_t>(k) : from[j];
      }
    }
    for (size_t j = 0; j < kStarting.size(); ++j) {
      best[kStarting[j]] = top[j] + e[kStarting[j]];
      back[kStarting[j]] = kClosing[static_cast<size_t>(from[j])];
    }
    for (size_t type = 0; type < kNerTypes; ++type) {
      const Label b = make_label(static_cast<NerType>(type), Part::Begin), in = b + 1;
      for (Label next : {in, static_cast<Label>(b + 2)}) {
        const int32_t from_begin = before[b] + t(b, next), from_inside = before[in] + t(in, next);
        const bool take = from_inside > from_begin;
        best[next] = (take ? from_inside : from_begin) + e[next];
        back[next] = take ? in : b;
      }
    }
  }
  trace_back(best.data(), scratch.back, labels);
}

namespace {
constexpr int64_t kNoPath = std::numeric_limits<int64_t>::min() / 4;
}  // namespace

// A path that cannot be (kNoPath) stays far below any real one however many scores are added
// to it, so the loops need no test for it.
void path_scores(std::span<const int32_t> emission, const IntTransitions& transition, PathScores& out) {
  const size_t n = emission.size() / kLabels;
  out.forward.resize(n * kLabels);
  out.backward.resize(n * kLabels);
  if (n == 0) return;
  auto t = [&transition](size_t prev, size_t next) { return int64_t{transition[prev * kLabels + next]}; };
  for (Label l = 0; l < kLabels; ++l)
    out.forward[l] = label_may_follow(kOutsideLabel, l) ? t(kLabels, l) + emission[l] : kNoPath;
  for (size_t i = 1; i < n; ++i) {
    const int64_t* before = &out.forward[(i - 1) * kLabels];
    int64_t* here = &out.forward[i * kLabels];
    for (Label l = 0; l < kLabels; ++l) {
      int64_t top = kNoPath;
      for (size_t k = 0; k < kPredecessors.count[l]; ++k) {
        const Label p = kPredecessors.of[l][k];
        top = std::max(top, before[p] + t(p, l));
      }
      here[l] = top + emission[i * kLabels + l];
    }
  }
  for (Label l = 0; l < kLabels; ++l) out.backward[(n - 1) * kLabels + l] = opens(l) ? kNoPath : 0;
  for (size_t i = n - 1; i-- > 0;) {
    // after[next]: the best of the rest once `next` is at word i + 1, its emission included.
    std::array<int64_t, kLabels> after;
    for (Label next = 0; next < kLabels; ++next)
      after[next] = emission[(i + 1) * kLabels + next] + out.backward[(i + 1) * kLabels + next];
    int64_t* here = &out.backward[i * kLabels];
    for (Label l = 0; l < kLabels; ++l) {
      int64_t top = kNoPath;
      for (size_t k = 0; k < kSuccessors.count[l]; ++k) {
        const Label next = kSuccessors.of[l][k];
        top = std::max(top, t(l, next) + after[next]);
      }
      here[l] = top;
    }
  }
}

int64_t PathScores::best() const {
  int64_t top = kNoPath;
  for (Label l = 0; l < kLabels; ++l) top = std::max(top, through(0, l));
  return top;
}

int64_t PathScores::best_outside(std::span<const int32_t> emission, const IntTransitions& transition, size_t first,
                                 size_t end) const {
  auto t = [&transition](size_t prev, size_t next) { return int64_t{transition[prev * kLabels + next]}; };
  int64_t score = kNoPath;
  if (first == 0) {
    score = t(kLabels, kOutsideLabel);
  } else {
    for (Label p = 0; p < kLabels; ++p) {
      if (!opens(p)) score = std::max(score, forward[(first - 1) * kLabels + p] + t(p, kOutsideLabel));
    }
  }
  for (size_t i = first; i < end; ++i) {
    score += emission[i * kLabels + kOutsideLabel] + (i > first ? t(kOutsideLabel, kOutsideLabel) : 0);
  }
  return score + backward[(end - 1) * kLabels + kOutsideLabel];
}

}  // namespace rawabit::ner
