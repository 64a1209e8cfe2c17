#include "ner/eval.hpp"

#include <cstdio>

namespace rawabit::ner {

void SpanScores::add(std::span<const TaggedSpan> gold, std::span<const TaggedSpan> predicted) {
  for (const TaggedSpan& g : gold) ++by_type_[static_cast<size_t>(g.type)].gold;
  for (const TaggedSpan& p : predicted) ++by_type_[static_cast<size_t>(p.type)].predicted;
  // Both lists are ordered and free of overlaps: walk them together.
  size_t gi = 0;
  for (const TaggedSpan& p : predicted) {
    while (gi < gold.size() && gold[gi].first < p.first) ++gi;
    if (gi < gold.size() && gold[gi] == p) ++by_type_[static_cast<size_t>(p.type)].correct;
  }
}

SpanCounts SpanScores::micro(std::initializer_list<NerType> types) const {
  SpanCounts sum;
  for (NerType t : types) sum += of(t);
  return sum;
}

std::string format_scores(const SpanScores& scores) {
  std::string out = "type              gold  predicted  correct  precision  recall     F1\n";
  auto line = [&out](std::string_view name, const SpanCounts& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-16.*s %5zu  %9zu  %7zu     %6.2f  %6.2f  %6.2f\n", static_cast<int>(name.size()),
                  name.data(), c.gold, c.predicted, c.correct, 100 * c.precision(), 100 * c.recall(), 100 * c.f1());
    out += buf;
  };
  for (size_t t = 0; t < kNerTypes; ++t)
    line(ner_type_name(static_cast<NerType>(t)), scores.of(static_cast<NerType>(t)));
  line("micro PER+ORG+LOC", scores.micro({NerType::PER, NerType::ORG, NerType::LOC}));
  line("micro all", scores.micro({NerType::PER, NerType::ORG, NerType::LOC, NerType::MISC}));
  return out;
}

}  // namespace rawabit::ner
