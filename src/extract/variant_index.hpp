// The first of a list of names (in list order) of which a word is a spelling variant, found
// without comparing the word to every name: a document-level pass meets each word of the
// document against the document's names, and a scan of them all made long documents quadratic.
//
// first_variant(word) returns exactly what the scan
//     for (i in list order) if (sizes within 2 bytes && variant_words(word, names[i])) return i;
// returns. variant_words (names.hpp) holds only for equal words, words of one name skeleton, or
// words one code point apart; so the candidates are the names with the word's skeleton and the
// names sharing a key with it, a key being the name itself or the name less one code point (two
// words one edit apart always share one). The candidates are then tried in list order.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rawabit::extract {

class VariantIndex {
 public:
  // `names`: normalized words, in the order in which a scan would try them.
  explicit VariantIndex(const std::vector<std::string_view>& names);

  // The position in `names` of the first name the word is a variant of.
  std::optional<uint32_t> first_variant(std::string_view word) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>>;
  std::vector<std::string> names_;
  Map by_key_;       // a name, and the name less each of its code points → positions
  Map by_skeleton_;  // name skeleton → positions
};

}  // namespace rawabit::extract
