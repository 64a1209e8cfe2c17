// Viterbi decoding over BILOU labels: the best well-formed sequence (label_may_follow, ending on
// no label that opens an entity) for per-word label scores and label-to-label transition
// scores. Shared by training and tagging.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "ner/tags.hpp"

namespace rawabit::ner {

// transition[prev * kLabels + next]; row kLabels scores the first label of a sentence.
using Transitions = std::array<double, (kLabels + 1) * kLabels>;

// Scratch space, reused across sentences.
template <class Score>
struct ViterbiScratchOf {
  std::vector<Score> best;  // best[i * kLabels + l]: best score of a path ending in l at word i
  std::vector<Label> back;  // back[i * kLabels + l]: the label before l on that path
};
using ViterbiScratch = ViterbiScratchOf<double>;

// `emission[i * kLabels + l]` scores label l on word i; fills labels with one label per word.
void viterbi(std::span<const double> emission, const Transitions& transition, ViterbiScratch& scratch,
             std::vector<Label>& labels);

// The same over integer scores (the quantized tagger's): identical choices to the double
// version on the same values, ties included, as long as the emission scores of a word and the
// transitions stay within ±2^24 (sums of int16 weights do). Faster: path scores in int32, shifted
// at each word so that they stay small (a common shift changes no comparison), and the best
// predecessors of the labels that start something (O, B-T, U-T) found in loops the compiler
// vectorizes.
using IntTransitions = std::array<int32_t, (kLabels + 1) * kLabels>;
struct IntViterbiScratch {
  std::vector<Label> back;  // back[i * kLabels + l]: the label before l on the best path to it
};
void viterbi(std::span<const int32_t> emission, const IntTransitions& transition, IntViterbiScratch& scratch,
             std::vector<Label>& labels);

// The forward and backward scores of a sentence, for how firmly the tagger holds its reading:
// forward[i * kLabels + l] is the best score of a well-formed path over words 0..i that ends in
// l (l's emission included); backward[i * kLabels + l] the best of the rest of the sentence
// after l at word i (l's emission excluded). Their sum at (i, l) is the best whole path through
// l at i, so the best path scores the maximum of any word's sums.
struct PathScores {
  std::vector<int64_t> forward, backward;
  size_t words() const { return forward.size() / kLabels; }
  int64_t through(size_t i, Label l) const { return forward[i * kLabels + l] + backward[i * kLabels + l]; }
  int64_t best() const;
  // The best whole path that leaves words [first, end) outside any entity (O).
  int64_t best_outside(std::span<const int32_t> emission, const IntTransitions& transition, size_t first,
                       size_t end) const;
};
void path_scores(std::span<const int32_t> emission, const IntTransitions& transition, PathScores& out);

}  // namespace rawabit::ner
