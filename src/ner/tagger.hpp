// The statistical named-entity tagger: a linear model over hashed observation features
// (features.hpp) and label-to-label transitions, decoded with Viterbi over BILOU labels
// for PER, ORG, LOC and MISC and given out as BIO tags (tags.hpp). Trained as an averaged structured perceptron (train.hpp) on
// ANERcorp, whose tokens keep their clitics as the pipeline's tokens do.
//
// Weights are int16 with one scale factor; a model file (schema/models/ner.bin) holds
//   magic "RWBNER\0\0" · u32 format version · u32 hash bits · the tag names · f32 scale ·
//   the gazetteer names · the cue words (CueWords::write) · the corpus statistics (WordStats::write) · int16 transitions · the
//   non-zero weight rows (varint row gap, then one int16 per tag) · "END\0"
// in little-endian order. Loading checks the magic, the version and the tag set and throws
// rawabit::Error naming the file on any mismatch or truncation.
#pragma once
#include <array>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "ner/features.hpp"
#include "ner/rows.hpp"
#include "ner/tags.hpp"

namespace rawabit::ner {

// Bump whenever the file layout or the meaning of a feature changes (features.cpp).
inline constexpr uint32_t kModelFormatVersion = 6;

// Real-valued weights, as training produces them: `emission` has kLabels weights per hashed
// row, `transition` (kLabels + 1) × kLabels (the last row scores a sentence's first label).
struct TaggerWeights {
  unsigned hash_bits = 0;
  std::vector<float> emission;
  std::array<float, (kLabels + 1) * kLabels> transition{};
};

// How firmly the tagger holds a name it read in a sentence (before document consistency), in
// int16 weight units: by how much its best reading beats the best one that leaves the name's
// words outside any entity (`outside`), and the best one that gives any of its words, or the
// words next to it, another label (`labels`: type and bounds).
struct SpanMargin {
  TaggedSpan span;
  int64_t outside = 0;
  int64_t labels = 0;
};

class Tagger {
 public:
  // Quantizes trained weights to int16; rows whose weights all round to zero are dropped.
  Tagger(const TaggerWeights& weights, FeatureResources resources);

  static Tagger load(const std::filesystem::path& path);
  void save(const std::filesystem::path& path) const;

  // The entities of one sentence. `words` are its tokens in their matching form — slices of
  // text::normalize()'s output, as Document::word() returns them. Thread-safe.
  std::vector<TaggedSpan> tag(std::span<const std::string_view> words) const;
  // The same, as one BIO tag per word.
  void tag_bio(std::span<const std::string_view> words, std::vector<Tag>& tags) const;
  // The sentences of one document, in order: each tagged by tag_bio(), then the names made
  // consistent across nearby sentences (make_consistent with the sentences' scores,
  // document.hpp). This is what the cross-validation figures measure. Thread-safe.
  // With `margins`, also the margins of the names each sentence alone was read with, but of
  // those that are exactly a name of the model's gazetteer.
  void tag_document(std::span<const std::vector<std::string_view>> sentences,
                    std::vector<std::vector<Tag>>& tags,
                    std::vector<std::vector<SpanMargin>>* margins = nullptr) const;

  // The emission scores of a sentence in int16 weight units, kLabels per word (BILOU labels): the sums of the
  // weights of each word's feature rows. Per-word-type parts come from a per-thread cache
  // (cache.hpp), which is bounded and emptied when full or used by another Tagger.
  void scores(std::span<const std::string_view> words, std::vector<int32_t>& out) const;
  // The same without the cache, feature row by feature row: what scores() must equal.
  void scores_uncached(std::span<const std::string_view> words, std::vector<int32_t>& out) const;

  unsigned hash_bits() const { return hash_bits_; }
  const FeatureResources& resources() const { return resources_; }

 private:
  Tagger() = default;
  static uint64_t next_id();

  uint64_t id_ = next_id();  // tells per-thread caches which tagger they hold; copies share it
  unsigned hash_bits_ = 0;
  float scale_ = 1;      // weight = int16 value × scale
  PackedRows emission_;  // the non-zero rows of the hashed feature weights
  std::array<int16_t, (kLabels + 1) * kLabels> transition_{};
  FeatureResources resources_;
};

}  // namespace rawabit::ner
