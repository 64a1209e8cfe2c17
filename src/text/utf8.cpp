#include "text/utf8.hpp"

#include <algorithm>
#include <cstring>
#include <simdjson.h>

namespace rawabit::text {

namespace {

// The number of bytes in [p, p + n) that begin a character (that are not 10xxxxxx), eight at a
// time: a continuation byte has its top bit set and the next one clear.
uint32_t count_char_starts(const char* p, size_t n) {
  uint32_t count = 0;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ULL;
    count += 8 - static_cast<uint32_t>(((continuation >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; n; ++p, --n) count += (static_cast<unsigned char>(*p) & 0xC0) != 0x80;
  return count;
}

}  // namespace

CharCounter::CharCounter(std::string_view text) : text_(text) {
  before_block_.reserve(text.size() / kBlock + 1);
  uint32_t chars = 0;
  for (size_t at = 0; at <= text.size(); at += kBlock) {
    before_block_.push_back(chars);
    chars += count_char_starts(text.data() + at, std::min(kBlock, text.size() - at));
  }
}

uint32_t CharCounter::operator()(size_t byte) const {
  size_t block = byte / kBlock;
  uint32_t chars = before_block_[block] + count_char_starts(text_.data() + block * kBlock, byte % kBlock);
  bool inside = byte < text_.size() && (static_cast<unsigned char>(text_[byte]) & 0xC0) == 0x80;
  return chars - inside;
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
  // Fastest path: simdjson's validator (SIMD, the same rules: no overlong forms, surrogates or
  // code points above U+10FFFF) finds nothing to change in nearly every input.
  if (simdjson::validate_utf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  // Else repair, sequence by sequence.
  out.text.reserve(bytes.size() + 16);
  size_t i = 0;
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
