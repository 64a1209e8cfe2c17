#include "lexicon/trigger_forms.hpp"

#include "text/utf8.hpp"

namespace rawabit::lexicon {

namespace {

constexpr std::string_view kArticle = "\u0627\u0644";  // ال
constexpr std::string_view kTaMarbuta = "\u0629";      // ة
// Object and possessive pronouns: ه ها هم هما هن نا.
constexpr std::string_view kPronouns[] = {"\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627",
                                          "\u0647\u0646", "\u0646\u0627"};
// After a feminine noun's ت: the pronouns, the dual (ان، ين، يه ‹his two›, يها), the first person ي.
constexpr std::string_view kFeminineEndings[] = {"\u0627\u0646", "\u064A\u0646", "\u064A\u0647",
                                                 "\u064A\u0647\u0627", "\u064A"};

size_t letters(std::string_view w) {
  size_t n = 0;
  for (unsigned char c : w) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::vector<std::string> suffixed_forms(std::string_view w) {
  std::vector<std::string> forms;
  if (w.find(' ') != std::string_view::npos || w.starts_with(kArticle) || letters(w) < 3) return forms;
  std::string stem(w);
  if (w.ends_with(kTaMarbuta)) {
    stem = std::string(w.substr(0, w.size() - kTaMarbuta.size())) + "\u062A";
    for (std::string_view e : kFeminineEndings) forms.push_back(stem + std::string(e));
  }
  // A three-letter word with «ه» is, once ة is normalized to ه, also a feminine noun: «وصله» is
  // «بوصلة» (a compass), «وقعه» «وقعة»; the other pronouns are not.
  bool short_stem = letters(w) == 3 && !w.ends_with(kTaMarbuta);
  for (std::string_view p : kPronouns)
    if (!(short_stem && p == kPronouns[0])) forms.push_back(stem + std::string(p));
  return forms;
}

}  // namespace rawabit::lexicon
