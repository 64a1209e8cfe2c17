// A set of normalized words read from a one-word-per-line file (comments with '#').
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "lexicon/word_table.hpp"

namespace rawabit::lexicon {

class WordSet {
 public:
  void load(const std::filesystem::path& file);
  void add(std::string_view word);
  bool contains(std::string_view normalized_word) const;
  // Whether the word or one of its clitic readings (text::for_each_reading) is in the set:
  // «بالاتفاق», «للبلدين», «لشركة».
  bool contains_reading(std::string_view normalized_word) const;
  // The offset of the first such reading (0 for the word itself; the proclitic's bytes for
  // «لوزارة»), if any.
  std::optional<size_t> reading_offset(std::string_view normalized_word) const;
  size_t size() const { return words_.size(); }
  // Calls f(word) for every word, in the order added.
  template <class F>
  void for_each(F f) const {
    words_.for_each([&](std::string_view w, uint8_t) { f(w); });
  }

 private:
  WordTable<uint8_t> words_;  // the value is unused
};

}  // namespace rawabit::lexicon
