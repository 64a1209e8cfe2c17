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

bool WordSet::contains_reading(std::string_view w) const {
  bool found = false;
  text::for_each_reading(w, [&](std::string_view form, size_t) { found = found || contains(form); });
  return found;
}

}  // namespace rawabit::lexicon
