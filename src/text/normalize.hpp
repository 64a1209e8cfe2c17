// The matching form of Arabic text, with an offset map back to the original.
//
// normalize() applies, in order: NFKC (ICU); removal of diacritics U+064B–U+0655 and U+0670, of
// tatweel, of bidi controls and zero-width marks; alef forms أ إ آ ٱ → ا; ى → ي; ة → ه; Persian
// ی ک → ي ك; Arabic-Indic digits → ASCII digits; ASCII letters lower-cased; hashtags read as
// words («#عهد_التميمي» → عهد التميمي: '#' before a letter dropped, '_' a space). All other characters
// (spaces, punctuation, line breaks) are kept, so sentence and token boundaries survive.
//
// Contract: for every byte of `text`, `origin[i]` is the byte offset in the original text of
// the character it came from; original_span() maps a normalized [begin,end) to the original
// span that covers exactly the characters that produced it (plus any marks dropped inside it).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::text {

struct NormalizedText {
  std::string text;
  std::vector<uint32_t> origin;      // origin[i]: original offset of normalized byte i
  std::vector<uint32_t> origin_end;  // origin_end[i]: original end of the character of byte i
  size_t original_size = 0;

  struct Span { size_t begin, end; };
  Span original_span(size_t begin, size_t end) const;
};

NormalizedText normalize(std::string_view original);

// The matching form of a lexicon entry or query: normalize() plus runs of white space folded to
// one space and trimmed.
std::string normalize_form(std::string_view s);

// True for code points dropped by normalize() (diacritics, tatweel, bidi and zero-width marks).
bool is_dropped_mark(char32_t cp);

}  // namespace rawabit::text
