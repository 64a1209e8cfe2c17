// Proclitic readings of an Arabic word (normalized form).
//
// «وبوتين» reads as itself and as «بوتين»; «لروسيا» as «روسيا»; «للكرملين» as «الكرملين» (the
// article's alef elided after ل); «وبالكرملين» as «الكرملين». Each reading says how many bytes
// of the word precede its stem, so a mention's span can cover the stem only.
#pragma once
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

namespace detail {
inline constexpr std::string_view kWaw = "\u0648", kFa = "\u0641";                    // و ف
inline constexpr std::string_view kBa = "\u0628", kLam = "\u0644", kKaf = "\u0643";  // ب ل ك
inline constexpr std::string_view kLamLam = "\u0644\u0644";                          // لل
inline constexpr std::string_view kArticle = "\u0627\u0644";                         // ال
inline constexpr size_t kMinStemBytes = 4;                                           // two Arabic letters
inline constexpr size_t kMaxWordBytes = 512;

template <class Visit>
void after_conjunction(std::string_view w, size_t offset, Visit& visit) {
  if (w.starts_with(kLamLam) && w.size() >= kLamLam.size() + kMinStemBytes) {
    std::string_view rest = w.substr(kLamLam.size());
    if (rest.size() + kArticle.size() > kMaxWordBytes) return;
    char buffer[kMaxWordBytes];
    kArticle.copy(buffer, kArticle.size());
    rest.copy(buffer + kArticle.size(), rest.size());
    visit(std::string_view(buffer, kArticle.size() + rest.size()), offset + kLamLam.size());
    return;
  }
  for (std::string_view prep : {kBa, kLam, kKaf}) {
    if (w.starts_with(prep) && w.size() >= prep.size() + kMinStemBytes) visit(w.substr(prep.size()), offset + prep.size());
  }
}
}  // namespace detail

template <class Visit>
void for_each_reading(std::string_view word, Visit visit) {
  using namespace detail;
  visit(word, size_t{0});
  after_conjunction(word, 0, visit);
  for (std::string_view conj : {kWaw, kFa}) {
    if (word.starts_with(conj) && word.size() >= conj.size() + kMinStemBytes) {
      std::string_view rest = word.substr(conj.size());
      visit(rest, conj.size());
      after_conjunction(rest, conj.size(), visit);
    }
  }
}

}  // namespace rawabit::text
