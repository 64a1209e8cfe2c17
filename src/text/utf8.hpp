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
  if (c < 0xE0 && i + 1 < s.size()) {  // two bytes, as the Arabic letters: most of an Arabic text
    char32_t cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2;
    return cp;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (0x3F >> (len - 1));
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// The number of code points of well-formed UTF-8 (the bytes that are not continuation bytes).
inline size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Character (code point) offsets of byte offsets into one UTF-8 text; a byte offset inside a
// character maps to the character's start, text.size() to the number of characters. Keeps the
// character count of every 64-byte block (one pass over the text, a sixteenth of its size), so
// that an offset costs a count over less than a block.
class CharCounter {
 public:
  explicit CharCounter(std::string_view text);
  uint32_t operator()(size_t byte) const;

 private:
  static constexpr size_t kBlock = 64;
  std::string_view text_;
  std::vector<uint32_t> before_block_;  // [k]: characters that begin before byte k * kBlock
};

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

// Byte by byte: the characters appended are one or two bytes as a rule, where a call to
// std::string::append costs more than the copy.
inline void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  size_t n = encode_utf8(cp, bytes);
  for (size_t k = 0; k < n; ++k) out.push_back(bytes[k]);
}

// The code points of well-formed UTF-8, for code that indexes a text by character.
inline std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

// The UTF-8 of code points.
inline std::string encode_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if the bytes there are not one.
size_t utf8_sequence_length(std::string_view s, size_t i);

}  // namespace rawabit::text
