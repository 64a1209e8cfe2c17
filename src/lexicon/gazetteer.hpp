// The gazetteer: known entities with their Arabic surface forms (schema/gazetteer/*.tsv; the
// format is documented in schema/gazetteer/README.md).
//
// Contract: every entry has a unique English name; every normalized surface form belongs to
// one entry only — a form given to two entries is a load error quoting both places, as is an
// unknown type or a stands_for naming no entry.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/entity_type.hpp"
#include "lexicon/phrase_index.hpp"

namespace rawabit::lexicon {

struct GazetteerEntry {
  std::string name_en, name_ar, qid;
  EntityType type;
  std::vector<std::string> forms;  // name_ar first, then the aliases, as written
  std::optional<uint32_t> stands_for;
  std::string origin;              // file:line, for messages
};

class Gazetteer {
 public:
  // Loads every *.tsv in `dir`, in sorted file name order.
  static Gazetteer load_dir(const std::filesystem::path& dir);
  void load_file(const std::filesystem::path& file);
  // Adds one entry; throws Error on a conflicting name or form. Returns its index.
  uint32_t add(GazetteerEntry entry);
  // Resolves stands_for names recorded by load_file; called by load_dir after all files.
  void resolve_references();

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const GazetteerEntry& operator[](uint32_t i) const { return entries_[i]; }
  std::optional<uint32_t> by_name(std::string_view name_en) const;
  const PhraseIndex& forms() const { return forms_; }

 private:
  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, uint32_t> by_name_;
  PhraseIndex forms_;
  std::vector<std::pair<uint32_t, std::string>> pending_stands_for_;
};

}  // namespace rawabit::lexicon
