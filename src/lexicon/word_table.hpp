// A hash table from words to values, built once when the lexicon loads and then read by the
// extractor's inner loops, several times per token of every document.
//
// Contract: keys are byte strings looked up as std::string_view, never copied on lookup; a word
// is inserted once (emplace keeps the first value, as std::unordered_map::emplace does); values
// are kept in insertion order (for_each visits them so). Copyable and movable (no internal
// pointers). Not thread-safe for writes; concurrent finds are fine.
//
// Why not std::unordered_map<std::string, V>: std::hash over the bytes, a node per entry and a
// bucket list walk made these lookups a tenth of the extractor's time. Here a miss — by far the
// common case: most words of a text are in no list — usually stops at one of two small bit
// sets that stay in cache: the first indexed by the word's first and last two bytes and its
// length (no hash needed), the second a Bloom filter on the hash. A hit costs one probe of a
// flat open-addressing array of 8-byte slots.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rawabit::lexicon {

// A fast 64-bit hash of a short byte string (8 bytes at a time, multiply-xorshift mixing; the
// last bytes read as one overlapping 8-byte word, or in 4-byte halves, never byte by byte).
inline uint64_t word_hash(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull ^ (s.size() * kMul);
  const char* p = s.data();
  const size_t size = s.size();
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  };
  auto load64 = [](const char* at) {
    uint64_t w;
    std::memcpy(&w, at, 8);
    return w;
  };
  auto load32 = [](const char* at) {
    uint32_t w;
    std::memcpy(&w, at, 4);
    return uint64_t{w};
  };
  if (size >= 8) {
    size_t n = 0;
    for (; n + 8 <= size; n += 8) mix(load64(p + n));
    if (n < size) mix(load64(p + size - 8));
  } else if (size >= 4) {
    mix(load32(p) << 32 | load32(p + size - 4));
  } else if (size > 0) {
    auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
    mix(byte(0) << 16 | byte(size / 2) << 8 | byte(size - 1));
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

// Which last two bytes the words of a set end with (hashed to 4096 bits) and, when none of them
// is shorter than four bytes, which last four (another 4096 bits): in Arabic the last letter, and
// the last two. A word that fails may_end() is in no form of the set, nor is any suffix of it, nor
// ال + a suffix of four bytes or more. Lets a lookup of all proclitic readings of a token — which
// share the token's ending — stop before hashing any of them. Exact: words shorter than two bytes
// always pass.
class EndingFilter {
 public:
  void add(std::string_view word) {
    if (word.size() < 2) short_words_ = true;
    else set(two_, slot2(word));
    if (word.size() < 4) under_four_ = true;
    else set(four_, slot4(word));
  }
  // False only when no word of the set ends as `word` does and `word` is at least two bytes.
  bool may_end(std::string_view word) const {
    if (word.size() < 2 || short_words_) return true;
    if (!test(two_, slot2(word))) return false;
    return word.size() < 4 || under_four_ || test(four_, slot4(word));
  }
  // may_end() for the proclitic readings of `word` only (text/clitics.hpp: the word, or a suffix
  // of four bytes or more, or ال + one), which no word of the set under four bytes can be when
  // `word` has four bytes or more: the four-byte test holds whatever the set's short words.
  bool may_end_reading(std::string_view word) const {
    if (word.size() < 4) return may_end(word);
    return test(two_, slot2(word)) && test(four_, slot4(word));
  }

 private:
  static size_t slot2(std::string_view w) {
    auto a = static_cast<unsigned char>(w[w.size() - 2]), b = static_cast<unsigned char>(w[w.size() - 1]);
    return ((a * 64u) ^ b) & 4095u;
  }
  static size_t slot4(std::string_view w) {
    uint32_t x;
    std::memcpy(&x, w.data() + w.size() - 4, 4);
    return (x * 0x9E3779B1u) >> 20;
  }
  static void set(uint64_t* bits, size_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }
  static bool test(const uint64_t* bits, size_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
  uint64_t two_[64] = {}, four_[64] = {};
  bool short_words_ = false;  // a word under two bytes: every word may end like it
  bool under_four_ = false;   // a word under four bytes: the four-byte test is off
};

// Whether two byte strings are equal, compared 8 bytes at a time in line: lexicon words are
// short, and a call to memcmp for each probe that hits cost more than the comparison.
inline bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t n = a.size(), i = 0;
  auto load64 = [](const char* at) {
    uint64_t w;
    std::memcpy(&w, at, 8);
    return w;
  };
  for (; i + 8 <= n; i += 8)
    if (load64(a.data() + i) != load64(b.data() + i)) return false;
  if (i == n) return true;
  if (n >= 8) return load64(a.data() + n - 8) == load64(b.data() + n - 8);
  for (; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

template <class V>
class WordTable {
 public:
  // Adds word → value when the word is absent. Returns the stored value and whether it was added.
  // The reference is valid until the next emplace.
  std::pair<V&, bool> emplace(std::string_view word, V value) {
    uint64_t h = word_hash(word);
    if (const Slot* s = slot_of(word, h)) return {values_[s->index], false};
    if ((values_.size() + 1) * 2 > slots_.size()) grow();
    keys_.push_back(Key{static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(word.size())});
    bytes_.append(word);
    values_.push_back(std::move(value));
    place(static_cast<uint32_t>(values_.size() - 1), h);
    return {values_.back(), true};
  }

  // The value of a word, or null.
  const V* find(std::string_view word) const {
    if (values_.empty() || !bit(sketch_, sketch_of(word))) return nullptr;
    return find(word, word_hash(word));
  }
  // The same with the word's word_hash() already computed.
  const V* find(std::string_view word, uint64_t hash) const {
    if (values_.empty() || !bit(bloom_, hash >> bloom_shift_)) return nullptr;
    const Slot* s = slot_of(word, hash);
    return s ? &values_[s->index] : nullptr;
  }
  bool contains(std::string_view word) const { return find(word) != nullptr; }

  size_t size() const { return values_.size(); }
  // Calls f(word, value) in insertion order.
  template <class F>
  void for_each(F f) const {
    for (size_t i = 0; i < values_.size(); ++i) f(key_of(static_cast<uint32_t>(i)), values_[i]);
  }

 private:
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  struct Key {
    uint32_t offset, length;  // into bytes_
  };
  // Eight bytes, so that the slots of a list of thousands of words stay in cache; `check`
  // (the hash's high half) settles most probes before the key's bytes are read.
  struct Slot {
    uint32_t check = 0;
    uint32_t index = kEmpty;  // into values_ and keys_
  };

  std::string bytes_;           // the keys, back to back
  std::vector<Key> keys_;
  std::vector<V> values_;
  std::vector<Slot> slots_;     // power-of-two size, at most half full
  std::vector<uint64_t> bloom_; // one bit per key, about 16 bits per key
  std::vector<uint64_t> sketch_;// one bit per key's sketch_of(), as many bits as bloom_
  unsigned bloom_shift_ = 64;

  std::string_view key_of(uint32_t i) const { return std::string_view(bytes_.data() + keys_[i].offset, keys_[i].length); }

  static bool bit(const std::vector<uint64_t>& bits, uint64_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
  static void set_bit(std::vector<uint64_t>& bits, uint64_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }

  // The bit of sketch_ for a word: its first and last two bytes and its length, mixed.
  uint64_t sketch_of(std::string_view w) const {
    uint64_t n = w.size(), x = n * 0x9E3779B97F4A7C15ull;
    if (n >= 2) {
      auto u = [&](size_t i) { return uint64_t{static_cast<unsigned char>(w[i])}; };
      x ^= (u(0) | u(1) << 8 | u(n - 2) << 16 | u(n - 1) << 24) * 0xC2B2AE3D27D4EB4Full;
    } else if (n == 1) {
      x ^= uint64_t{static_cast<unsigned char>(w[0])} * 0xC2B2AE3D27D4EB4Full;
    }
    return x >> bloom_shift_;
  }

  const Slot* slot_of(std::string_view word, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.index == kEmpty) return nullptr;
      if (s.check == static_cast<uint32_t>(h >> 32) && same_word(key_of(s.index), word)) return &s;
    }
  }

  void place(uint32_t index, uint64_t h) {
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(h >> 32), index};
    set_bit(bloom_, h >> bloom_shift_);
    set_bit(sketch_, sketch_of(key_of(index)));
  }

  void grow() {
    size_t capacity = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(capacity, Slot{});
    // 8 × capacity ≥ 16 bits per key at the fullest.
    unsigned bloom_bits = 0;
    while ((size_t{1} << bloom_bits) < capacity * 8) ++bloom_bits;
    bloom_shift_ = 64 - bloom_bits;
    bloom_.assign(std::max<size_t>((size_t{1} << bloom_bits) / 64, 1), 0);
    sketch_.assign(bloom_.size(), 0);
    for (uint32_t i = 0; i < keys_.size(); ++i) place(i, word_hash(key_of(i)));
  }
};

}  // namespace rawabit::lexicon
