// Proclitic readings of an Arabic word (normalized form).
//
// «وبوتين» reads as itself and as «بوتين»; «لروسيا» as «روسيا»; «للكرملين» as «الكرملين» (the
// article's alef elided after ل); «وبالكرملين» as «الكرملين». Each reading says how many bytes
// of the word precede its stem, so a mention's span can cover the stem only.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::text {

struct Reading {
  std::string form;     // what to look up
  size_t stem_offset;   // bytes of the word before the part that `form` stands for
};

// Readings of `word`, the unchanged word first, then shorter stems. A stem keeps at least two
// letters. Clitics recognized: conjunctions و ف, prepositions ب ل ك, and لل = ل + ال.
void clitic_readings(std::string_view word, std::vector<Reading>& out);

}  // namespace rawabit::text
