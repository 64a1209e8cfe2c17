#include "extract/pair_scorer_train.hpp"

#include <algorithm>
#include <numeric>
#include <random>

namespace rawabit::extract {

namespace {

// The class the perceptron should have chosen: NONE for a pair the gold does not relate, else
// the best-scored of its gold predicates that its types allow.
uint32_t target_of(const PairExample& e, const std::vector<float>& scores) {
  uint32_t target = 0;
  for (uint32_t k = 1; k < scores.size(); ++k)
    if ((e.gold & e.allowed) >> k & 1 && (target == 0 || scores[k] > scores[target])) target = k;
  return target;
}

uint32_t predicted(const PairExample& e, const std::vector<float>& scores) {
  uint32_t best = 0;
  for (uint32_t k = 1; k < scores.size(); ++k)
    if (e.allowed >> k & 1 && scores[k] > scores[best]) best = k;
  return best;
}

}  // namespace

PairScorer train_weights(const std::vector<PredicateClass>& classes, const std::vector<PairExample>& examples,
                         const PairTrainOptions& options) {
  PairScorer model(classes, options.hash_bits);
  std::vector<float>& w = model.weights();
  std::vector<float> summed(w.size(), 0.0f);  // Σ step × update, for the average w − summed / steps
  const size_t width = classes.size();
  const uint64_t mask = (uint64_t{1} << options.hash_bits) - 1;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  std::vector<float> scores;
  float step = 1;
  for (uint32_t epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const PairExample& e = examples[i];
      model.scores(e.features, scores);
      uint32_t guess = predicted(e, scores), target = target_of(e, scores);
      if (guess != target) {
        for (uint64_t f : e.features) {
          size_t base = (f & mask) * width;
          w[base + target] += 1;
          w[base + guess] -= 1;
          summed[base + target] += step;
          summed[base + guess] -= step;
        }
      }
      ++step;
    }
  }
  for (size_t i = 0; i < w.size(); ++i) w[i] -= summed[i] / step;
  return model;
}

double threshold_for_precision(std::vector<std::pair<float, bool>> scored, double precision) {
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  double threshold = scored.empty() ? 0.0 : scored.front().first;
  size_t right = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    right += scored[i].second;
    // Everything down to this margin is kept when the threshold sits just under it, between it
    // and the next one.
    bool boundary = i + 1 == scored.size() || scored[i + 1].first < scored[i].first;
    if (boundary && double(right) / double(i + 1) >= precision)
      threshold = i + 1 < scored.size() ? (scored[i].first + scored[i + 1].first) / 2 : scored[i].first - 1;
  }
  return threshold;
}

PairScorer train_pair_scorer(const std::vector<PredicateClass>& classes, const std::vector<PairExample>& examples,
                             const PairTrainOptions& options, std::vector<std::pair<float, bool>>* held_out_out) {
  std::vector<std::pair<float, bool>> held_out;
  std::vector<float> buffer;
  const uint32_t folds = std::max<uint32_t>(options.threshold_folds, 2);
  for (uint32_t fold = 0; fold < folds; ++fold) {
    std::vector<PairExample> train, test;
    for (const PairExample& e : examples) (!e.silver && e.group % folds == fold ? test : train).push_back(e);
    if (test.empty() || train.empty()) continue;
    PairScorer model = train_weights(classes, train, options);
    for (const PairExample& e : test) {
      PairCandidate c{0, 0, 0, 0, 0, e.allowed, e.features};
      auto [k, margin] = model.best(c, buffer);
      if (k != 0) held_out.emplace_back(margin, (e.gold >> k) & 1);
    }
  }
  if (held_out_out) *held_out_out = held_out;
  PairScorer model = train_weights(classes, examples, options);
  // Never below NONE's score: on a few dozen articles a negative margin is noise.
  model.set_threshold(std::max(0.0, threshold_for_precision(std::move(held_out), options.precision)));
  return model;
}

}  // namespace rawabit::extract
