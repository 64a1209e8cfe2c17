#include "lexicon/word_set.hpp"

#include "lexicon/tsv.hpp"
#include "text/normalize.hpp"

namespace rawabit::lexicon {

void WordSet::load(const std::filesystem::path& file) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(1, 1);
    add(line.fields[0]);
  });
}

void WordSet::add(std::string_view word) { words_.insert(text::normalize_form(word)); }

bool WordSet::contains(std::string_view w) const { return words_.find(w) != words_.end(); }

}  // namespace rawabit::lexicon
