// From an input file's bytes to clean UTF-8 text: byte-order marks, encodings, binary files,
// control characters. Policies (also in docs/inputs.md):
//
// - A UTF-8 BOM is dropped. UTF-16 LE/BE with a BOM is converted to UTF-8. UTF-32 is refused.
// - Text that is not UTF-8 is windows-1256 when at least 80% of its bytes >= 0x80 are cp1256
//   Arabic letters, marks or punctuation and at most 20% form UTF-8 sequences; it is then
//   converted (with a note). Else each invalid sequence becomes U+FFFD, with a note giving the
//   first offset, saying "unsure" when at least half of those bytes looked like cp1256 Arabic.
// - Binary data is refused, named by its signature (PNG, gzip, …) or by its share of NUL and
//   control bytes in the first 4 KiB (over 10%).
// - In the text, NUL is dropped; other C0 controls except \t \n \r, DEL and C1 controls become a
//   space. A title (a label in exports) also loses bidi controls (and U+FEFF) and folds white
//   space.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::text {

enum class Encoding { Utf8, Utf16LE, Utf16BE, Utf32, Windows1256 };

struct SniffedEncoding {
  Encoding encoding = Encoding::Utf8;
  size_t bom_bytes = 0;  // leading byte-order mark to drop
  bool unsure = false;   // invalid UTF-8 that looks like a legacy encoding, yet not clearly cp1256
};

// The encoding of a file judged from its bytes (a whole .txt, or the head of a .jsonl).
SniffedEncoding sniff_encoding(std::string_view bytes);

// What the start of a file looks like when it is not text ("a PNG image", "gzip data",
// "binary data (40% NUL or control bytes)"); nullopt for text. Call after the BOM check:
// UTF-16 text is full of NULs.
std::optional<std::string> binary_kind(std::string_view head);

// `bytes` in `charset` (an ICU converter name) as UTF-8; unmappable sequences become U+FFFD.
std::string to_utf8(std::string_view bytes, const char* charset);

// The warning for invalid UTF-8: "invalid UTF-8 at byte 12 (3 sequence(s) replaced by U+FFFD)",
// saying so when windows-1256 was suspected but not clear (SniffedEncoding::unsure).
std::string invalid_utf8_note(size_t first_offset, size_t sequences, bool unsure = false);

struct DecodedText {
  std::string text;                // well-formed UTF-8 (when `refused` is empty)
  std::string refused;             // why the bytes cannot be used as text, or empty
  std::vector<std::string> notes;  // what was repaired or converted, for one warning each
};

// A whole text file's bytes as UTF-8, following the policies above (control characters aside).
DecodedText decode_text(std::string_view bytes);

struct CleanedControls {
  size_t nuls = 0;                   // NUL bytes dropped
  std::optional<size_t> first_nul;   // offset of the first one in the text before cleaning
};

// Applies the control-character policy to well-formed UTF-8 in place; leaves it untouched (and
// costs one scan) when there is nothing to clean.
CleanedControls clean_controls(std::string& text);

// Whether well-formed UTF-8 shows nothing: only white space (U+3000, U+2028 as well as ASCII),
// format characters (U+200B, bidi marks, U+FEFF) and controls. Such a document is skipped.
bool only_white_space(std::string_view s);

// Whether a code point is a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF): never text, and
// ill-formed in XML.
inline bool is_noncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

// An entity name as stored: bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates),
// U+FEFF, noncharacters and controls removed (tab and line breaks become a space), so that a
// name cannot reorder or spoof its neighbours in a graph tool or break an XML export. Returns
// `s` itself when there is nothing to remove (one scan of its bytes).
std::string clean_name(std::string_view s);

// A one-line label: controls, bidi marks and noncharacters removed, runs of white space folded to one space,
// trimmed. Input must be well-formed UTF-8.
std::string clean_label(std::string_view s);

}  // namespace rawabit::text
