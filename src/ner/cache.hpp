// A bounded cache of per-word-type partial scores of the tagger.
//
// Most features of a token depend on one word of its ±2 window only (features.hpp,
// neighbour_rows): what the word contributes to its own score and, as a neighbour, to the words
// one and two places before and after it. Their summed int16 weights are a fixed vector per
// (word type, offset), so the tagger computes them once per word type and then only adds five
// vectors and the few contextual features per token. Integer sums do not depend on the order of
// addition: cached and uncached scores are identical.
//
// Words longer than 65,535 bytes are not cached (the tagger scores such a sentence uncached).
// The cache holds at most `capacity` words; when a sentence would not fit, it is emptied (the
// frequent words come back at once). Not thread-safe: one cache per thread.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ner/features.hpp"
#include "ner/tags.hpp"

namespace rawabit::ner {

using LabelScores = std::array<int32_t, kLabels>;

struct CachedWord {
  static constexpr size_t kKeyHead = 24;  // key bytes kept in the entry itself

  // The word: its first kKeyHead bytes here (one cache miss fewer per lookup), the rest at
  // key_tail in the cache's byte store.
  uint16_t key_size = 0;
  uint8_t shape = 0;
  bool may_start_name = false;  // some reading may begin a gazetteer name
  uint32_t key_tail = 0;
  std::array<char, kKeyHead> key_head;
  uint64_t hash = 0;  // hash_of() the word
  uint16_t cluster = 0;  // fine_cluster()
  uint8_t cue = 0;       // WordInfo::trigger
  uint8_t dominant = 0;  // dominant_type()
  // scores[kWindow + d]: the weights of the rows the word contributes to the word d places
  // after it (d < 0: before it); scores[kWindow] are its own.
  std::array<LabelScores, 2 * kWindow + 1> scores;

  const LabelScores& toward(int d) const { return scores[static_cast<size_t>(kWindow + d)]; }
  LabelScores& toward(int d) { return scores[static_cast<size_t>(kWindow + d)]; }
};

class WordScoreCache {
 public:
  static constexpr size_t kDefaultCapacity = size_t{1} << 17;  // about 50 MB when full

  explicit WordScoreCache(size_t capacity = kDefaultCapacity);

  // The entry of `word`, or null.
  const CachedWord* find(std::string_view word) const;
  // find() for each word, into found[i]. The lookups are staged over the whole sentence
  // (hashes and slot prefetches, then entry prefetches, then comparisons), so that their cache
  // misses overlap instead of following one another.
  void find_all(std::span<const std::string_view> words, std::span<const CachedWord*> found) const;
  // Adds `word` (not present, size() < capacity()); the entry is zeroed. Entries stay at
  // their address until clear().
  CachedWord& insert(std::string_view word);
  void clear();

  size_t size() const { return words_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  struct Slot {
    uint32_t index = 0;  // 1 + index into words_; 0 for an empty slot
    uint32_t check = 0;  // high bits of the key's hash, to skip most string comparisons
  };

  size_t home(uint64_t h) const { return static_cast<size_t>(h) & (slots_.size() - 1); }
  bool is_key(const CachedWord& w, std::string_view word) const;

  size_t capacity_;
  mutable std::vector<uint64_t> hashes_;  // find_all's scratch
  std::vector<CachedWord> words_;  // reserved to capacity_: entries never move
  std::string tails_;              // the key bytes beyond CachedWord::kKeyHead
  std::vector<Slot> slots_;  // open addressing, at most half full
};

}  // namespace rawabit::ner
