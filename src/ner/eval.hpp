// Exact-span scores of an entity tagger, as conlleval computes them: a predicted entity counts
// only if its first word, last word and type all match a gold entity.
#pragma once
#include <array>
#include <span>
#include <string>

#include "ner/tags.hpp"

namespace rawabit::ner {

struct SpanCounts {
  size_t gold = 0, predicted = 0, correct = 0;

  double precision() const { return predicted ? double(correct) / double(predicted) : 0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  SpanCounts& operator+=(const SpanCounts& o) {
    gold += o.gold, predicted += o.predicted, correct += o.correct;
    return *this;
  }
};

class SpanScores {
 public:
  // Adds one sentence's entities; each list in word order, as spans_from_tags() gives them.
  void add(std::span<const TaggedSpan> gold, std::span<const TaggedSpan> predicted);

  const SpanCounts& of(NerType type) const { return by_type_[static_cast<size_t>(type)]; }
  // Micro-averaged counts over `types`.
  SpanCounts micro(std::initializer_list<NerType> types) const;

 private:
  std::array<SpanCounts, kNerTypes> by_type_{};
};

// A table of precision, recall and F1 (in %) per type, then micro-averaged over PER, ORG, LOC
// and over all four types.
std::string format_scores(const SpanScores& scores);

}  // namespace rawabit::ner
