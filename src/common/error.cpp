#include "common/error.hpp"

namespace rawabit {

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
  return out + "»";
}

std::string at_line(std::string_view file, size_t line, std::string_view what, std::string_view text) {
  return std::string(file) + ":" + std::to_string(line) + ": " + std::string(what) + ": " + quoted(text);
}

}  // namespace rawabit
