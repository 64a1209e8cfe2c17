#include "text/utf8.hpp"

namespace rawabit::text {

std::vector<uint32_t> char_offsets(std::string_view text) {
  std::vector<uint32_t> out(text.size() + 1);
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    out[i] = lead ? chars : chars - 1;
    chars += lead;
  }
  out[text.size()] = chars;
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encode_utf8(cp, bytes));
}

namespace {

// Length of the well-formed sequence at s[i], or 0 if the bytes there are not one.
// `consumed` receives how many bytes make up the maximal invalid prefix otherwise.
size_t valid_sequence_length(std::string_view s, size_t i, size_t& consumed) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  consumed = 1;
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) return 0;
    unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    consumed = k + 1;
  }
  return len;
}

}  // namespace

size_t utf8_sequence_length(std::string_view s, size_t i) {
  size_t consumed;
  return valid_sequence_length(s, i, consumed);
}

RepairedUtf8 repair_utf8(std::string_view bytes) {
  RepairedUtf8 out;
  // Fast path: scan; copy only when something must change.
  size_t i = 0;
  while (i < bytes.size()) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) { ++i; continue; }
    // Two-byte sequences (Arabic letters) inline: they are most of an Arabic text.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < bytes.size() && (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t consumed;
    size_t len = valid_sequence_length(bytes, i, consumed);
    if (len == 0) break;
    i += len;
  }
  if (i == bytes.size()) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size() + 16);
  out.text.append(bytes.substr(0, i));
  while (i < bytes.size()) {
    size_t consumed;
    size_t len = valid_sequence_length(bytes, i, consumed);
    if (len) {
      out.text.append(bytes.substr(i, len));
      i += len;
    } else {
      if (!out.first_bad_offset) out.first_bad_offset = i;
      ++out.bad_sequences;
      append_utf8(out.text, 0xFFFD);
      i += consumed;
    }
  }
  return out;
}

}  // namespace rawabit::text
