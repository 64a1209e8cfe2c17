// The tagger's cue words: words that announce a name next to them — titles before a person,
// nouns before a place, nouns that head an organization. They are data (schema/models/
// ner-cues.tsv, `class<TAB>word`), read by `rawabit train-ner` and stored in the model file,
// so a model always tags with the cues it was trained with (Tagger::load never reads the TSV).
// A word may belong to several classes; its classes form a bit set (CueBit), looked up by the
// hash of its normalized form (hash_of, words.hpp).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ner/bytes.hpp"
#include "ner/hashmap.hpp"

namespace rawabit::ner {

// The bit values are part of the model format: they are feature values.
enum CueBit : uint8_t { kTitleCue = 1, kPlaceCue = 2, kOrgCue = 4, kClubCue = 8, kSportCue = 16, kWorkCue = 32 };

class CueWords {
 public:
  struct Entry {
    CueBit cue;
    std::string form;  // normalized (text::normalize_form)
  };

  // Reads `class<TAB>word` lines (classes: title, place, org, club, sport, work); throws rawabit::Error quoting
  // file:line on an unknown class, a missing word or an extra field.
  static CueWords from_file(const std::filesystem::path& path);
  // The class named `name` (title, place, org, club, sport, work), or 0.
  static uint8_t cue_of(std::string_view name);
  static std::string_view name_of(CueBit cue);

  // Adds a word (any spelling: it is normalized) to a class.
  void add(CueBit cue, std::string_view word);

  // The CueBit set of a normalized form's hash; 0 for none.
  uint8_t bits(uint64_t hash) const {
    const uint8_t* b = table_.find(hash);
    return b ? *b : 0;
  }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  // How many entries each class has.
  size_t count(CueBit cue) const;

  // u32 count, then u8 CueBit, u16 length and the normalized form of each entry.
  void write(ByteWriter& w) const;
  static CueWords read(ByteReader& r);

 private:
  void add_normalized(CueBit cue, std::string form);

  std::vector<Entry> entries_;
  HashMap<uint8_t> table_;
};

}  // namespace rawabit::ner
