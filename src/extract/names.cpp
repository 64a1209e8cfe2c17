#include "extract/names.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace rawabit::extract {

namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(text::next_code_point(s, i));
  return out;
}

char32_t fold_consonant(char32_t c) {
  switch (c) {
    case U'\u063A': case U'\u062C': case U'\u0642': return U'\u0643';  // غ ج ق → ك
    case U'\u0637': return U'\u062A';                                   // ط → ت
    case U'\u0630': return U'\u0632';                                   // ذ → ز
    case U'\u0624': case U'\u0626': case U'\u0621': return U'\u0627';   // ؤ ئ ء → ا
    default: return c;
  }
}

bool long_vowel(char32_t c) { return c == U'\u0627' || c == U'\u0648' || c == U'\u064A'; }

}  // namespace

std::string name_skeleton(std::string_view word) {
  std::u32string w = decode(word);
  std::string out;
  char32_t last = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char32_t c = fold_consonant(w[i]);
    if (i > 0 && long_vowel(c)) continue;
    if (c == last) continue;
    text::append_utf8(out, c);
    last = c;
  }
  return out;
}

std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (sp > pos) out.push_back(phrase.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

std::string name_skeleton_of_phrase(std::string_view phrase) {
  std::string out;
  for (std::string_view w : words_of(phrase)) {
    if (!out.empty()) out += ' ';
    out += name_skeleton(w);
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string x = decode(a), y = decode(b);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

// The long vowels of a word after its first letter, in order.
std::u32string inner_vowels(std::string_view word) {
  std::u32string w = decode(word), out;
  for (size_t i = 1; i < w.size(); ++i)
    if (long_vowel(w[i])) out.push_back(w[i]);
  return out;
}

bool is_subsequence(const std::u32string& small, const std::u32string& big) {
  size_t k = 0;
  for (char32_t c : big)
    if (k < small.size() && small[k] == c) ++k;
  return k == small.size();
}

bool variant_words(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t la = decode(a).size(), lb = decode(b).size();
  if (la < 4 || lb < 4) return false;
  std::string sa = name_skeleton(a), sb = name_skeleton(b);
  if (decode(sa).size() >= 2 && sa == sb) {
    // Vowels may be added or dropped (ترمب / ترامب) but not changed (بوتين / بوتان).
    std::u32string va = inner_vowels(a), vb = inner_vowels(b);
    if (is_subsequence(va, vb) || is_subsequence(vb, va)) return true;
  }
  return la >= 7 && lb >= 7 && edit_distance(a, b) <= 1 && decode(a)[0] == decode(b)[0];
}

bool same_person(std::string_view a, std::string_view b) {
  auto wa = words_of(a), wb = words_of(b);
  if (wa.size() != wb.size() || wa.empty()) return false;
  for (size_t i = 0; i < wa.size(); ++i)
    if (!variant_words(wa[i], wb[i])) return false;
  return true;
}

}  // namespace rawabit::extract
