#include "extract/names.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace rawabit::extract {

namespace {

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

void append_name_skeleton(std::string_view word, std::string& out, size_t max_letters) {
  char32_t last = 0;
  for (size_t i = 0, letters = 0; i < word.size() && letters < max_letters;) {
    bool first = i == 0;
    char32_t c = fold_consonant(text::next_code_point(word, i));
    if (!first && long_vowel(c)) continue;
    if (c == last) continue;
    text::append_utf8(out, c);
    last = c;
    ++letters;
  }
}

char32_t name_initial(std::string_view word) {
  size_t i = 0;
  return word.empty() ? 0 : fold_consonant(text::next_code_point(word, i));
}

std::string name_skeleton(std::string_view word) {
  std::string out;
  append_name_skeleton(word, out);
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
    append_name_skeleton(w, out);
  }
  return out;
}

namespace {

// How a native word is looked up and keyed: one spelling for the ways Arabic writes a name.
// Hamza on a seat is read as the seat («عائض» / «عايض») and hamza on the line left out («عطاء» /
// «عطا»); a doubled «و» or «ي» is written once («داوود» / «داود», «يحيى» / «يحي»). In words of
// five letters or more, the Maghrebi «بال» at the start is «بل» («بالحاج» / «بلحاج»), and an alef
// before the last letter, which the old spelling leaves out, is dropped («إسحق» / «إسحاق»,
// «الرحمن» / «الرحمان»). scripts/make-native-words lists the words so.
std::u32string native_spelling(std::string_view word) {
  std::u32string out;
  for (size_t i = 0; i < word.size();) {
    char32_t c = text::next_code_point(word, i);
    if (c == U'\u0626') c = U'\u064A';  // ئ → ي
    if (c == U'\u0624') c = U'\u0648';  // ؤ → و
    if (c == U'\u0621') continue;        // ء
    if (!out.empty() && c == out.back() && (c == U'\u0648' || c == U'\u064A')) continue;
    out.push_back(c);
  }
  constexpr size_t kLong = 5;
  if (out.size() >= kLong && out.compare(0, 3, U"\u0628\u0627\u0644") == 0) out.erase(1, 1);  // بال → بل
  if (out.size() >= kLong && out[out.size() - 2] == U'\u0627') out.erase(out.size() - 2, 1);
  return out;
}

}  // namespace

std::string person_key(std::string_view phrase, const lexicon::WordSet& native_words) {
  std::string out;
  for (std::string_view w : words_of(phrase)) {
    if (!out.empty()) out += ' ';
    const std::string spelling = text::encode_utf8(native_spelling(w));
    if (native_words.contains(spelling)) {
      out += spelling;
    } else {
      append_name_skeleton(w, out);
    }
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string x = text::decode_utf8(a), y = text::decode_utf8(b);
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

bool within_one_edit(std::string_view a, std::string_view b) {
  // Past the longest common prefix, one edit at the first difference must make the rests equal:
  // a substitution, a deletion from a or an insertion into a. (UTF-8 is compared as bytes once
  // the prefix is read by code points: equal byte strings are equal code point strings.)
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    size_t next_i = i, next_j = j;
    if (text::next_code_point(a, next_i) != text::next_code_point(b, next_j)) break;
    i = next_i;
    j = next_j;
  }
  std::string_view rest_a = a.substr(i), rest_b = b.substr(j);
  if (rest_a == rest_b) return true;
  size_t skip_a = i, skip_b = j;
  if (i < a.size()) text::next_code_point(a, skip_a);
  if (j < b.size()) text::next_code_point(b, skip_b);
  std::string_view after_a = a.substr(std::min(skip_a, a.size())), after_b = b.substr(std::min(skip_b, b.size()));
  return (i < a.size() && j < b.size() && after_a == after_b) || (i < a.size() && after_a == rest_b) ||
         (j < b.size() && rest_a == after_b);
}

// The long vowels of a word after its first letter, in order, and whether it ends on one.
struct Vowels {
  std::u32string inner;
  bool last = false;
};
Vowels vowels_of(std::string_view word) {
  const std::u32string w = text::decode_utf8(word);
  Vowels out;
  for (size_t i = 1; i < w.size(); ++i)
    if (long_vowel(w[i])) out.inner.push_back(w[i]);
  out.last = !w.empty() && long_vowel(w.back());
  return out;
}

bool is_subsequence(const std::u32string& small, const std::u32string& big) {
  size_t k = 0;
  for (char32_t c : big)
    if (k < small.size() && small[k] == c) ++k;
  return k == small.size();
}

// Long vowels added or dropped inside a name, never changed, and none added at its end.
bool compatible_vowels(std::string_view a, std::string_view b) {
  const Vowels va = vowels_of(a), vb = vowels_of(b);
  return (is_subsequence(va.inner, vb.inner) || is_subsequence(vb.inner, va.inner)) && va.last == vb.last;
}

namespace {

// variant_words(a, b), with b's skeleton given or, when null, computed here if needed.
bool variant_words(std::string_view a, std::string_view b, const std::string_view* skeleton_b) {
  if (a == b) return true;
  size_t la = text::code_points(a), lb = text::code_points(b);
  if (la < 4 || lb < 4) return false;
  // Both tests below need the same first letter (folded, as the skeletons keep it): most pairs
  // of candidates differ there already.
  size_t i = 0, j = 0;
  char32_t first_a = text::next_code_point(a, i), first_b = text::next_code_point(b, j);
  if (fold_consonant(first_a) != fold_consonant(first_b)) return false;
  // Scratch: this runs for every candidate word of a document, often for one word against many
  // candidates in a row, whose skeleton is then read once.
  thread_local std::string skeleton_of, sa, sb;
  if (skeleton_of != a) {
    skeleton_of.assign(a);
    sa.clear();
    append_name_skeleton(a, sa);
  }
  if (!skeleton_b) {
    sb.clear();
    append_name_skeleton(b, sb);
  }
  if (text::code_points(sa) >= 2 && sa == (skeleton_b ? *skeleton_b : std::string_view(sb))) {
    // Vowels may be added or dropped (ترمب / ترامب) but not changed (بوتين / بوتان), nor added
    // at the end, which makes another name («سينغ» / «سانجاي»).
    if (compatible_vowels(a, b)) return true;
  }
  // A slip: the cheap necessary conditions (same first letter, lengths one apart) first.
  return la >= 7 && lb >= 7 && la <= lb + 1 && lb <= la + 1 && first_a == first_b && within_one_edit(a, b);
}

}  // namespace

bool variant_words(std::string_view a, std::string_view b) { return variant_words(a, b, nullptr); }

bool variant_words(std::string_view a, std::string_view b, std::string_view skeleton_b) {
  return variant_words(a, b, &skeleton_b);
}

bool same_person_by_skeleton(std::string_view a, std::string_view b) {
  auto wa = words_of(a), wb = words_of(b);
  if (wa.size() != wb.size() || wa.empty()) return false;
  for (size_t i = 0; i < wa.size(); ++i)
    if (wa[i] == wb[i]) return true;
  return same_person(a, b);
}

bool same_person(std::string_view a, std::string_view b) {
  auto wa = words_of(a), wb = words_of(b);
  if (wa.size() != wb.size() || wa.empty()) return false;
  for (size_t i = 0; i < wa.size(); ++i)
    if (!variant_words(wa[i], wb[i])) return false;
  return true;
}

}  // namespace rawabit::extract
