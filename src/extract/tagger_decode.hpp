// Viterbi decoding over BIO tags: the best well-formed sequence (may_follow) for per-word tag
// scores and tag-to-tag transition scores. Shared by training and tagging.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "extract/tagger_tags.hpp"

namespace rawabit::extract::ner {

// transition[prev * kTags + next]; row kTags scores the first tag of a sentence.
using Transitions = std::array<double, (kTags + 1) * kTags>;

// Scratch space, reused across sentences.
template <class Score>
struct ViterbiScratchOf {
  std::vector<Score> best;  // best[i * kTags + t]: best score of a path ending in t at word i
  std::vector<Tag> back;    // back[i * kTags + t]: the tag before t on that path
};
using ViterbiScratch = ViterbiScratchOf<double>;

// `emission[i * kTags + t]` scores tag t on word i; fills tags with one tag per word.
void viterbi(std::span<const double> emission, const Transitions& transition, ViterbiScratch& scratch,
             std::vector<Tag>& tags);

// The same over integer scores (the quantized tagger's): identical choices to the double
// version on the same values, as long as every path score stays below 2^53 in magnitude.
using IntTransitions = std::array<int64_t, (kTags + 1) * kTags>;
using IntViterbiScratch = ViterbiScratchOf<int64_t>;
void viterbi(std::span<const int32_t> emission, const IntTransitions& transition, IntViterbiScratch& scratch,
             std::vector<Tag>& tags);

}  // namespace rawabit::extract::ner
