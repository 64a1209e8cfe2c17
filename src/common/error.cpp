#include "common/error.hpp"

#include <cstdio>

namespace rawabit {

namespace {

// The length of the UTF-8 sequence at text[i] when it encodes a character that must not reach
// a terminal raw (see terminal_safe), else 0; `cp` gets the code point.
size_t hidden_character_at(std::string_view text, size_t i, unsigned& cp) {
  auto byte = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  unsigned b0 = byte(0), b1 = byte(1), b2 = byte(2);
  if (b0 == 0xD8 && b1 == 0x9C) return cp = 0x061C, 2;
  if (b0 == 0xE2 && b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)))
    return cp = 0x2000 + (b2 - 0x80), 3;
  if (b0 == 0xE2 && b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return cp = 0x2040 + (b2 - 0x80), 3;
  if (b0 == 0xEF && b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) return cp = 0xFFC0 + (b2 - 0x80), 3;
  return 0;
}

std::string code_point_name(unsigned cp) {
  char name[16];
  std::snprintf(name, sizeof name, "<U+%04X>", cp);
  return name;
}

}  // namespace

std::string terminal_safe(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (size_t i = 0; i < message.size();) {
    unsigned char c = static_cast<unsigned char>(message[i]);
    unsigned cp = 0;
    if (size_t n = hidden_character_at(message, i, cp)) {
      out += code_point_name(cp);
      i += n;
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += code_point_name(c);
      ++i;
    } else {
      out += static_cast<char>(c);
      ++i;
    }
  }
  return out;
}

std::string quoted(std::string_view text, size_t max_bytes) {
  std::string out = "«";
  size_t i = 0;
  for (; i < text.size() && i < max_bytes; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      out += (c == '\t') ? "\\t" : (c == '\n') ? "\\n" : (c == '\r') ? "\\r" : "?";
    } else {
      out += static_cast<char>(c);
    }
  }
  // Do not cut a UTF-8 sequence in half.
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) out += text[i++];
  if (i < text.size()) out += "…";
  return terminal_safe(out) + "»";
}

std::string at_line(std::string_view file, size_t line, std::string_view what, std::string_view text) {
  return std::string(file) + ":" + std::to_string(line) + ": " + std::string(what) + ": " + quoted(text);
}

}  // namespace rawabit
