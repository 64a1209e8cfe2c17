// Nisba adjectives (الروسي، البيلاروسية، الأمريكيين) and the gazetteer entry each refers to,
// from schema/lexicon/nisba.tsv (name_en<TAB>forms without the article, |-separated).
//
// A nisba is not a mention of its country, but it resolves roles («وزير الدفاع الروسي») and
// actors («القوات الروسية»). lookup() accepts the article and proclitics: «والروسية» → Russia.
// A form of two words («كوري شمالي» → North Korea) is read by lookup_pair(), its first word
// being a nisba of its own (كوري → South Korea) that the second word changes.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "lexicon/gazetteer.hpp"
#include "lexicon/word_table.hpp"

namespace rawabit::lexicon {

class NisbaTable {
 public:
  void load(const std::filesystem::path& file, const Gazetteer& gazetteer);
  void add(std::string_view form, uint32_t entry);
  // The gazetteer entry a normalized word refers to as a nisba, if any.
  std::optional<uint32_t> lookup(std::string_view word) const;
  // The entry of a two-word form whose words are `first` and `second` (normalized words, each
  // with the article where the nisba is definite: «الكوري الشمالي»), if any.
  std::optional<uint32_t> lookup_pair(std::string_view first, std::string_view second) const;
  size_t size() const { return forms_.size(); }

 private:
  WordTable<uint32_t> forms_;  // normalized, without the article
  WordTable<uint32_t> pairs_;  // two-word forms, «first second», normalized, without the article
  EndingFilter endings_;       // of forms_: a word that ends otherwise has no nisba reading
  std::optional<uint32_t> find(std::string_view bare) const;
};

}  // namespace rawabit::lexicon
