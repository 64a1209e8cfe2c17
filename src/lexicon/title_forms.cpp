#include "lexicon/title_forms.hpp"

#include <sstream>

namespace rawabit::lexicon {

namespace {

constexpr std::string_view kArticle = "\u0627\u0644";  // ال
constexpr std::string_view kTaMarbuta = "\u0629";      // ة
constexpr std::string_view kTa = "\u062A";             // ت

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool definite(std::string_view w) { return w.starts_with(kArticle); }

// Whether a word can take the feminine ending: not already feminine or ending in a long vowel.
bool can_feminize(std::string_view w) {
  for (std::string_view end : {"\u0629", "\u0649", "\u0627", "\u0647"})
    if (w.ends_with(end)) return false;
  return true;
}

// The words after a definite head that agree with it: its adjectives, up to the first word
// without the article («المتحدث الرسمي باسم»: الرسمي).
size_t agreeing_words(const std::vector<std::string>& words) {
  if (!definite(words[0])) return 1;
  size_t n = 1;
  while (n < words.size() && definite(words[n])) ++n;
  return n;
}

std::string stem_of_feminine(const std::string& w) { return w.substr(0, w.size() - kTaMarbuta.size()) + std::string(kTa); }

size_t letters(std::string_view w) {
  size_t n = 0;
  for (unsigned char c : w) n += (c & 0xC0) != 0x80;
  return n;
}

// The inflections of one spelling of a title.
std::vector<TitleForm> inflections(const std::vector<std::string>& words, std::string_view plural, bool feminine) {
  std::vector<TitleForm> forms;
  size_t agreeing = agreeing_words(words);
  bool head_definite = definite(words[0]);
  // A genitive after the head: «رئيس الوزراء», «وزير الخارجية» (not an adjective: the head is bare).
  bool genitive = !head_definite && words.size() > 1 && definite(words[1]);

  std::vector<std::vector<std::string>> bases{words};
  if (feminine && can_feminize(words[0])) {
    std::vector<std::string> fem = words;
    bool all = true;
    for (size_t i = 0; i < agreeing; ++i) all &= can_feminize(fem[i]);
    if (all) {
      for (size_t i = 0; i < agreeing; ++i) fem[i] += kTaMarbuta;
      forms.push_back({joined(fem)});
      bases.push_back(fem);
    }
  }
  // The dual of the head alone, where no adjective would have to agree with it.
  if (agreeing == 1) {
    for (const auto& base : bases) {
      std::string head = base[0];
      if (head.ends_with(kTaMarbuta)) head = stem_of_feminine(head);
      std::vector<std::string> dual = base;
      if (genitive) {
        // In a construct only the ـا / ـي forms: «وزيرا الخارجية», «وزيري الخارجية».
        for (std::string_view end : {"\u0627", "\u064A"}) {
          dual[0] = head + std::string(end);
          forms.push_back({joined(dual)});
        }
      } else {
        for (std::string_view end : {"\u0627\u0646", "\u064A\u0646"}) {
          dual[0] = head + std::string(end);
          forms.push_back({joined(dual)});
        }
      }
    }
  }
  if (!plural.empty() && agreeing == 1) {
    std::vector<std::string> pl = words;
    pl[0] = (head_definite ? std::string(kArticle) : std::string()) + std::string(plural);
    forms.push_back({joined(pl)});
  }
  if (genitive && words.size() == 2) {
    for (const auto& base : bases) {
      std::vector<std::string> construct = base;
      construct[1] = construct[1].substr(kArticle.size());
      if (construct[1].empty()) continue;
      forms.push_back({joined(construct), true});
    }
  }
  return forms;
}

}  // namespace

std::vector<TitleForm> title_forms(std::string_view title, std::string_view plural, bool feminine) {
  std::vector<std::string> words = words_of(title);
  if (words.empty()) return {};
  std::vector<TitleForm> forms = inflections(words, plural, feminine);
  // A one-word title is used with and without the article: «الوزير البريطاني», «وزير الدفاع».
  if (words.size() == 1) {
    std::vector<std::string> other{definite(words[0]) ? words[0].substr(kArticle.size()) : std::string(kArticle) + words[0]};
    if (letters(other[0]) >= 2) {
      forms.push_back({other[0]});
      for (TitleForm& f : inflections(other, plural, feminine)) forms.push_back(std::move(f));
    }
  }
  return forms;
}

}  // namespace rawabit::lexicon
