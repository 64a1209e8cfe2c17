// Word-level tools of the tagger: clitic stems as views into the word, the 64-bit hash that
// features and lookups are keyed by, and code-point slices.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/clitics.hpp"
#include "text/utf8.hpp"

namespace rawabit::ner {

// A clitic reading of a word (text::clitic_readings), not copied: the article «ال» when the
// reading restores it (للكرملين → الكرملين), then `rest`, a view into the word.
struct Stem {
  bool article = false;
  std::string_view rest;
};

// The readings of a word, the word itself first. At most four exist (conjunction, preposition).
struct Stems {
  std::array<Stem, 4> items;
  size_t count = 0;
  const Stem* begin() const { return items.data(); }
  const Stem* end() const { return items.data() + count; }
  const Stem& shortest() const { return items[count - 1]; }
};

// Computes Stems with text::for_each_reading, without allocating.
class StemReader {
 public:
  Stems read(std::string_view word);
};

// FNV-1a over bytes, fed piece by piece: equal byte sequences hash equally however they are
// split, so a Stem hashes as the string it stands for and a name as its words joined by spaces.
class Hasher {
 public:
  Hasher& byte(uint8_t b) {
    h_ = (h_ ^ b) * 0x100000001b3ULL;
    return *this;
  }
  Hasher& bytes(std::string_view s) {
    for (char c : s) byte(static_cast<uint8_t>(c));
    return *this;
  }
  Hasher& bytes(const Stem& s) {
    if (s.article) bytes("\u0627\u0644");
    return bytes(s.rest);
  }

  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

inline uint64_t hash_of(std::string_view s) { return Hasher().bytes(s).value(); }
inline uint64_t hash_of(const Stem& s) { return Hasher().bytes(s).value(); }

// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// The weight-table row (the top `bits` bits) of a feature: a template id and up to three
// values — hashes of pieces (words, affixes) or small numbers — combined without touching the
// pieces' bytes again, so that a word's hash is computed once and serves all its features.
constexpr uint32_t feature_row(unsigned bits, uint8_t templ, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (a ^ (uint64_t{templ} * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 31) ^ b) * 0x94d049bb133111ebULL;
  h = (h ^ (h >> 29) ^ c) * 0xff51afd7ed558ccdULL;
  return static_cast<uint32_t>(mix64(h) >> (64 - bits));
}

using text::code_points;
// The first / last n code points of s (all of s if it is shorter).
std::string_view first_code_points(std::string_view s, size_t n);
std::string_view last_code_points(std::string_view s, size_t n);

}  // namespace rawabit::ner
