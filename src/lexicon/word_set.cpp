#include "lexicon/word_set.hpp"

#include "lexicon/tsv.hpp"
#include "text/clitics.hpp"
#include "text/normalize.hpp"

namespace rawabit::lexicon {

void WordSet::load(const std::filesystem::path& file) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(1, 1);
    add(line.fields[0]);
  });
}

void WordSet::add(std::string_view word) { words_.emplace(text::normalize_form(word), 1); }

bool WordSet::contains(std::string_view w) const { return words_.contains(w); }

bool WordSet::contains_reading(std::string_view w) const { return reading_offset(w).has_value(); }

std::optional<size_t> WordSet::reading_offset(std::string_view w) const {
  std::optional<size_t> offset;
  text::for_each_reading(w, [&](std::string_view form, size_t at) {
    if (!offset && contains(form)) offset = at;
  });
  return offset;
}

}  // namespace rawabit::lexicon
