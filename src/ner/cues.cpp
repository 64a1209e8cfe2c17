#include "ner/cues.hpp"

#include <algorithm>

#include "lexicon/tsv.hpp"
#include "ner/words.hpp"
#include "text/normalize.hpp"

namespace rawabit::ner {

namespace {

struct CueName {
  CueBit cue;
  std::string_view name;
};
constexpr CueName kCueNames[] = {
    {kTitleCue, "title"}, {kPlaceCue, "place"}, {kOrgCue, "org"}, {kClubCue, "club"}, {kSportCue, "sport"},
    {kWorkCue, "work"}};

}  // namespace

uint8_t CueWords::cue_of(std::string_view name) {
  for (const CueName& c : kCueNames) {
    if (c.name == name) return c.cue;
  }
  return 0;
}

std::string_view CueWords::name_of(CueBit cue) {
  for (const CueName& c : kCueNames) {
    if (c.cue == cue) return c.name;
  }
  return "?";
}

CueWords CueWords::from_file(const std::filesystem::path& path) {
  CueWords cues;
  lexicon::read_tsv(path, [&cues](const lexicon::TsvLine& line) {
    line.expect_fields(2, 2);
    const uint8_t cue = cue_of(lexicon::trim(line.fields[0]));
    if (!cue) line.fail("unknown cue class (expected title, place, org, club, sport or work)");
    const std::string_view word = lexicon::trim(line.fields[1]);
    if (word.empty() || word.size() > 255) line.fail("empty or overlong cue word");
    cues.add(static_cast<CueBit>(cue), word);
  });
  return cues;
}

void CueWords::add(CueBit cue, std::string_view word) { add_normalized(cue, text::normalize_form(word)); }

void CueWords::add_normalized(CueBit cue, std::string form) {
  table_[hash_of(form)] |= cue;
  entries_.push_back({cue, std::move(form)});
}

size_t CueWords::count(CueBit cue) const {
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(), [cue](const Entry& e) { return e.cue == cue; }));
}

void CueWords::write(ByteWriter& w) const {
  w.u32(static_cast<uint32_t>(entries_.size()));
  for (const Entry& e : entries_) {
    w.u8(e.cue);
    w.u16(static_cast<uint16_t>(e.form.size()));
    w.bytes(e.form);
  }
}

CueWords CueWords::read(ByteReader& r) {
  CueWords cues;
  for (uint32_t n = r.u32(); n > 0; --n) {
    const uint8_t cue = r.u8();
    if (name_of(static_cast<CueBit>(cue)) == "?") r.fail("malformed model file (cue class)");
    cues.add_normalized(static_cast<CueBit>(cue), std::string(r.bytes(r.u16())));
  }
  return cues;
}

}  // namespace rawabit::ner
