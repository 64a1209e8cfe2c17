// Proclitic readings of an Arabic word (normalized form).
//
// «وبوتين» reads as itself and as «بوتين»; «لروسيا» as «روسيا»; «للكرملين» as «الكرملين» (the
// article's alef elided after ل); «وبالكرملين» as «الكرملين». Each reading says how many bytes
// of the word precede its stem, so a mention's span can cover the stem only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::text {

struct Reading {
  std::string form;     // what to look up
  size_t stem_offset;   // bytes of the word before the part that `form` stands for
};

// Readings of `word`, the unchanged word first, then shorter stems. A stem keeps at least two
// letters. Clitics recognized: conjunctions و ف, prepositions ب ل ك, and لل = ل + ال.
void clitic_readings(std::string_view word, std::vector<Reading>& out);

// The same readings without allocating: calls visit(form, stem_offset) for each, in the same
// order. A form is valid only during its call (the لل → ال form lives in a local buffer).
template <class Visit>
void for_each_reading(std::string_view word, Visit visit);

// w.starts_with(prefix) compared in line, for the short prefixes of Arabic words: called for
// every token several times, where a call to memcmp for two bytes cost more than the comparison.
inline bool has_prefix(std::string_view w, std::string_view prefix) {
  if (w.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (w[i] != prefix[i]) return false;
  return true;
}

namespace detail {
inline constexpr std::string_view kWaw = "\u0648", kFa = "\u0641";                    // و ف
inline constexpr std::string_view kBa = "\u0628", kLam = "\u0644", kKaf = "\u0643";  // ب ل ك
inline constexpr std::string_view kLamLam = "\u0644\u0644";                          // لل
inline constexpr std::string_view kArticle = "\u0627\u0644";                         // ال
inline constexpr size_t kMinStemBytes = 4;                                           // two Arabic letters
inline constexpr size_t kMaxWordBytes = 512;

// The first letter of w as its two bytes (every clitic is a two-byte Arabic letter), or 0: one
// comparison per clitic instead of a loop over its bytes, in code that runs for every reading
// of every token.
inline uint16_t first_letter(std::string_view w) {
  if (w.size() < 2) return 0;
  return static_cast<uint16_t>(static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1]));
}
constexpr uint16_t letter(std::string_view l) {
  return static_cast<uint16_t>(static_cast<unsigned char>(l[0]) << 8 | static_cast<unsigned char>(l[1]));
}

template <class Visit>
void after_conjunction(std::string_view w, size_t offset, Visit& visit) {
  uint16_t first = first_letter(w);
  if (first == letter(kLam) && first_letter(w.substr(2)) == letter(kLam) &&
      w.size() >= kLamLam.size() + kMinStemBytes) {
    std::string_view rest = w.substr(kLamLam.size());
    if (rest.size() + kArticle.size() > kMaxWordBytes) return;
    char buffer[kMaxWordBytes];
    kArticle.copy(buffer, kArticle.size());
    rest.copy(buffer + kArticle.size(), rest.size());
    visit(std::string_view(buffer, kArticle.size() + rest.size()), offset + kLamLam.size());
    return;
  }
  // ب ل ك: at most one of them begins the word.
  if ((first == letter(kBa) || first == letter(kLam) || first == letter(kKaf)) && w.size() >= 2 + kMinStemBytes)
    visit(w.substr(2), offset + 2);
}
}  // namespace detail

template <class Visit>
void for_each_reading(std::string_view word, Visit visit) {
  using namespace detail;
  visit(word, size_t{0});
  after_conjunction(word, 0, visit);
  // و ف: at most one of them begins the word.
  uint16_t first = first_letter(word);
  if ((first == letter(kWaw) || first == letter(kFa)) && word.size() >= 2 + kMinStemBytes) {
    std::string_view rest = word.substr(2);
    visit(rest, size_t{2});
    after_conjunction(rest, 2, visit);
  }
}

}  // namespace rawabit::text
