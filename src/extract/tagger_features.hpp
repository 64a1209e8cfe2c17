// The observation features of the tagger, hashed into rows of its weight table.
//
// For each word of a sentence (words in their matching form, text::normalize): the word, its
// clitic stems (text::clitic_readings), prefixes and suffixes of 1–4 code points, the words and
// stems of a ±2 window with bigrams, the shape (character classes, length), nisba endings,
// trigger words (titles before persons, place and organization nouns), gazetteer roles of the
// word and the BIO label of the longest gazetteer match it falls in, and the corpus statistics
// of the word, of its shortest stem and of its neighbours (tagger_stats.hpp). A feature is a
// template id and the hashes of its pieces (feature_row, tagger_words.hpp); each word's hashes
// are computed once per sentence and no feature string is built. Changing any feature changes
// what a stored model means: bump kModelFormatVersion (tagger.hpp) with it.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/tagger_names.hpp"
#include "extract/tagger_stats.hpp"
#include "extract/tagger_words.hpp"

namespace rawabit::extract::ner {

// The weight-table rows selected by the features of each word of one sentence.
class SentenceFeatures {
 public:
  static constexpr size_t kRowsPerWordHint = 96;  // more than the features of a typical word

  size_t size() const { return offsets_.size() - 1; }
  std::span<const uint32_t> rows(size_t word) const {
    return {rows_.data() + offsets_[word], rows_.data() + offsets_[word + 1]};
  }

  // Empties the list, with room for `words` words.
  void clear(size_t words) {
    rows_.clear();
    rows_.reserve(words * kRowsPerWordHint);
    offsets_.assign(1, 0);
  }
  void add(uint32_t row) { rows_.push_back(row); }
  void end_word() { offsets_.push_back(static_cast<uint32_t>(rows_.size())); }

 private:
  std::vector<uint32_t> rows_;
  std::vector<uint32_t> offsets_{0};
};

// What the features know beyond the sentence; both parts are stored in the model file, and
// either may be empty (then its features are left out).
struct FeatureResources {
  NameList names;   // gazetteer names
  WordStats stats;  // corpus statistics
};

// Computes SentenceFeatures. Keeps a reference to `resources` and scratch buffers, so one
// extractor serves one thread.
class FeatureExtractor {
 public:
  FeatureExtractor(const FeatureResources& resources, unsigned hash_bits);

  void extract(std::span<const std::string_view> words, SentenceFeatures& out);

 private:
  struct WordInfo {
    std::string_view word;
    Stems stems;
    std::array<uint64_t, 4> stem_hash{};           // hash_of() each stem; [0] is the word's
    uint64_t core_hash = 0;                        // of the shortest stem
    uint8_t shape = 0;                             // classes of characters present (ShapeBit)
    uint8_t length = 0;                            // code points, capped
    uint8_t nisba = 0;                             // nisba ending of the shortest stem (0: none)
    uint8_t trigger = 0;                           // trigger classes of any reading (TriggerBit)
    uint16_t gaz_roles = 0;                        // NameList::word_roles of any reading
    Tag gaz_tag = kOutside;                        // label from the longest gazetteer matches
    const WordStats::Entry* stats = nullptr;       // of the word
    const WordStats::Entry* core_stats = nullptr;  // of its shortest stem, when that differs
  };

  void describe(std::span<const std::string_view> words);
  void mark_name_matches(std::span<const std::string_view> words);
  const WordInfo& at(size_t i, int offset) const;
  void word_features(size_t i, SentenceFeatures& out) const;
  void stats_features(const WordInfo& w, SentenceFeatures& out) const;
  // The tagged shares of a neighbouring word (its own, or its stem's).
  void neighbour_shares(const WordInfo& w, uint8_t templ, SentenceFeatures& out) const;

  const NameList& names_;
  const WordStats& stats_;
  unsigned hash_bits_;
  StemReader stem_reader_;
  std::vector<WordInfo> info_;
};

}  // namespace rawabit::extract::ner
