// Training the pair scorer (extract/pair_scorer.hpp): an averaged multiclass perceptron over
// labelled candidate pairs, and a threshold chosen by cross-validation for precision.
#pragma once
#include <cstdint>
#include <vector>

#include "extract/pair_scorer.hpp"

namespace rawabit::extract {

// A labelled candidate: `gold` has bit k set for every class k > 0 the gold annotation gives the
// pair (0: NONE); `group` is its document, the unit of the threshold's cross-validation.
struct PairExample {
  std::vector<uint64_t> features;
  uint64_t allowed = 1;
  uint64_t gold = 0;
  uint32_t group = 0;
  bool silver = false;  // labelled by the rules, not by people: trained on, never held out
};

struct PairTrainOptions {
  uint32_t epochs = 10;
  uint32_t seed = 1;
  uint32_t hash_bits = 18;
  // The threshold is the lowest margin at which the held-out pairs scored above it reach this
  // precision (a pair counts as right when its best predicate is one of its gold predicates).
  double precision = 0.85;
  uint32_t threshold_folds = 5;
};

// The averaged perceptron's weights for these examples (threshold 0).
PairScorer train_weights(const std::vector<PredicateClass>& classes, const std::vector<PairExample>& examples,
                         const PairTrainOptions& options);

// The margin threshold reaching `precision` on (margin, right) pairs: the lowest margin t such
// that the pairs with margin > t are right at least that often. Above every margin when none does.
double threshold_for_precision(std::vector<std::pair<float, bool>> scored, double precision);

// Weights from all examples and a threshold from `threshold_folds`-fold cross-validation by group.
// `held_out`, when given, receives the (margin, right) of every held-out pair the cross-validation
// scored with a predicate.
PairScorer train_pair_scorer(const std::vector<PredicateClass>& classes, const std::vector<PairExample>& examples,
                             const PairTrainOptions& options, std::vector<std::pair<float, bool>>* held_out = nullptr);

}  // namespace rawabit::extract
