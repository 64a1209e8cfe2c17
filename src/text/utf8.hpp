// UTF-8 decoding and repair. Input bytes are validated once, on ingest; everything after that
// may assume well-formed UTF-8.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::text {

struct RepairedUtf8 {
  std::string text;                        // well-formed UTF-8; each invalid sequence became U+FFFD
  std::optional<size_t> first_bad_offset;  // byte offset of the first invalid byte in the input
  size_t bad_sequences = 0;
};

// Validates `bytes` and replaces every maximal invalid subsequence by U+FFFD (as the Unicode
// standard recommends). Overlong forms, surrogates and code points above U+10FFFF are invalid.
RepairedUtf8 repair_utf8(std::string_view bytes);

// Decodes the code point starting at s[i] of well-formed UTF-8 and advances i past it.
inline char32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (0x3F >> (len - 1));
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp);

// Character (code point) offset of every byte boundary of a UTF-8 text, text.size() + 1 of them;
// a boundary inside a character maps to the character's start.
std::vector<uint32_t> char_offsets(std::string_view text);

// Writes the UTF-8 bytes of `cp` to out[0..4) and returns how many there are.
inline size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if the bytes there are not one.
size_t utf8_sequence_length(std::string_view s, size_t i);

}  // namespace rawabit::text
