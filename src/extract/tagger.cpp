#include "extract/tagger.hpp"

#include <algorithm>
#include <cmath>

#include "extract/tagger_decode.hpp"

namespace rawabit::extract::ner {

namespace {

constexpr float kInt16Max = 32767.0f;

float max_magnitude(std::span<const float> values, float start) {
  float m = start;
  for (float v : values) m = std::max(m, std::fabs(v));
  return m;
}

int16_t quantize(float value, float scale) { return static_cast<int16_t>(std::lround(value / scale)); }

}  // namespace

Tagger::Tagger(const TaggerWeights& weights, FeatureResources resources)
    : hash_bits_(weights.hash_bits), emission_(weights.hash_bits), resources_(std::move(resources)) {
  float largest = max_magnitude(weights.transition, max_magnitude(weights.emission, 0));
  scale_ = largest > 0 ? largest / kInt16Max : 1;
  std::array<int16_t, kTags> row;
  for (size_t r = 0; r < weights.emission.size() / kTags; ++r) {
    for (size_t t = 0; t < kTags; ++t) row[t] = quantize(weights.emission[r * kTags + t], scale_);
    bool zero = std::all_of(row.begin(), row.end(), [](int16_t v) { return v == 0; });
    if (!zero) emission_.append(static_cast<uint32_t>(r), row);
  }
  emission_.finish();
  for (size_t i = 0; i < transition_.size(); ++i) transition_[i] = quantize(weights.transition[i], scale_);
}

std::vector<TaggedSpan> Tagger::tag(std::span<const std::string_view> words) const {
  std::vector<Tag> tags;
  tag_bio(words, tags);
  return spans_from_tags(tags);
}

void Tagger::tag_bio(std::span<const std::string_view> words, std::vector<Tag>& tags) const {
  FeatureExtractor extractor(resources_, hash_bits_);
  SentenceFeatures features;
  extractor.extract(words, features);
  // Scores stay in int16 units: the common scale does not change the best sequence.
  std::vector<double> emission(words.size() * kTags);
  for (size_t i = 0; i < words.size(); ++i) {
    std::array<int32_t, kTags> sum{};
    for (uint32_t row : features.rows(i)) {
      const int16_t* w = emission_.find(row);
      if (!w) continue;
      for (size_t t = 0; t < kTags; ++t) sum[t] += w[t];
    }
    for (size_t t = 0; t < kTags; ++t) emission[i * kTags + t] = sum[t];
  }
  Transitions transition;
  for (size_t i = 0; i < transition.size(); ++i) transition[i] = transition_[i];
  ViterbiScratch scratch;
  viterbi(emission, transition, scratch, tags);
}

}  // namespace rawabit::extract::ner
