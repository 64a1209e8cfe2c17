#include "ner/words.hpp"

namespace rawabit::ner {

namespace {
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

Stems StemReader::read(std::string_view word) {
  Stems stems;
  text::for_each_reading(word, [&](std::string_view form, size_t stem_offset) {
    if (stems.count == stems.items.size()) return;
    std::string_view rest = word.substr(stem_offset);
    // The reading is either the rest of the word or the article followed by it (لل → ال).
    stems.items[stems.count++] = {form.size() != rest.size(), rest};
  });
  return stems;
}

std::string_view first_code_points(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    if (!is_continuation(s[i]) && seen++ == n) break;
  }
  return s.substr(0, i);
}

std::string_view last_code_points(std::string_view s, size_t n) {
  size_t i = s.size();
  for (size_t seen = 0; i > 0 && seen < n;) {
    --i;
    if (!is_continuation(s[i])) ++seen;
  }
  return s.substr(i);
}

}  // namespace rawabit::ner
