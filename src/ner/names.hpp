// Gazetteer names as the tagger's features see them.
//
// A name is a sequence of normalized tokens (text::normalize_form, then text::tokenize, so that
// «إس-400» is the three tokens the pipeline sees) with a NER type. Names are kept in the model
// file, so a model always tags with the names it was trained with. Lookups go through 64-bit
// hashes of the forms (words.hpp); they copy nothing, and a false hit would need a
// 64-bit collision.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ner/hashmap.hpp"
#include "ner/tags.hpp"
#include "ner/words.hpp"

namespace rawabit::ner {

// The role of a word in the names of one type: bit 0 a one-word name, bit 1 the first word of
// a longer name, bit 2 a later word. word_roles() packs them as three bits per NerType.
inline constexpr unsigned kRoleBits = 3;
inline constexpr uint16_t kRoleAlone = 1, kRoleFirst = 2, kRoleLater = 4;

// `role` for every NerType, as word_roles() packs it.
constexpr uint16_t for_every_type(uint16_t role) {
  uint16_t bits = 0;
  for (unsigned t = 0; t < kNerTypes; ++t) bits |= static_cast<uint16_t>(role << (kRoleBits * t));
  return bits;
}
// The roles of a word that may begin a name: without one, longest_match() finds none there.
inline constexpr uint16_t kStartRoles = for_every_type(kRoleAlone | kRoleFirst);

struct NameMatch {
  size_t end;  // one past the last word
  NerType type;
};

class NameList {
 public:
  struct Entry {
    NerType type;
    std::string form;  // tokens joined by single spaces
  };

  // Every *.tsv gazetteer of `dir`, in sorted file order: the Arabic name and its aliases
  // (columns 3 and 4), typed PERSON → PER, ORGANIZATION → ORG, COUNTRY and LOCATION → LOC,
  // TREATY and WEAPON → MISC. Throws rawabit::Error on a malformed line.
  static NameList from_gazetteer_dir(const std::filesystem::path& dir);

  // Adds a name written in ordinary text. A form already listed keeps its first type.
  void add(std::string_view name, NerType type);

  // The roles of a word (a clitic stem or a whole word) across all names, by its hash_of().
  uint16_t word_roles(uint64_t word_hash) const;

  // The longest name starting at words[first]; the first word may carry clitics (any of
  // `first_stems`), the others are matched as they are.
  std::optional<NameMatch> longest_match(std::span<const std::string_view> words, size_t first,
                                         const Stems& first_stems) const;

  const std::vector<Entry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<Entry> entries_;
  HashMap<NerType> names_;   // hash of the form → type
  HashMap<uint16_t> roles_;  // hash of a word → role bits
  size_t longest_ = 0;       // most tokens in a name
};

// The gazetteer-alone tagger: longest matches, left to right.
std::vector<TaggedSpan> tag_with_names(const NameList& names, std::span<const std::string_view> words);

}  // namespace rawabit::ner
