#include "text/decode.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "text/utf8.hpp"

namespace rawabit::text {

using namespace std::string_view_literals;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Bytes that are Arabic letters, marks or punctuation in windows-1256.
constexpr std::array<bool, 256> kCp1256Arabic = [] {
  std::array<bool, 256> t{};
  for (int c = 0xC1; c <= 0xDF; ++c) t[c] = c != 0xD7;  // ء … ك (0xD7 is ×)
  for (int c : {0xA1, 0xBA, 0xBF, 0xE1, 0xE3, 0xE4, 0xE5, 0xE6, 0xEC, 0xED, 0xF0, 0xF1, 0xF2, 0xF3, 0xF5, 0xF6,
                0xF8, 0xFA})
    t[c] = true;  // ، ؛ ؟ ل م ن ه و ى ي and the harakat
  return t;
}();

struct HighBytes {
  size_t high = 0;      // bytes >= 0x80
  size_t in_utf8 = 0;   // of which part of a well-formed UTF-8 sequence
  size_t cp1256 = 0;    // of which Arabic in windows-1256
};

HighBytes count_high_bytes(std::string_view s) {
  HighBytes h;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = utf8_sequence_length(s, i);
    size_t n = len ? len : 1;
    for (size_t k = i; k < i + n; ++k) h.cp1256 += kCp1256Arabic[static_cast<unsigned char>(s[k])];
    h.high += n;
    if (len) h.in_utf8 += len;
    i += n;
  }
  return h;
}

std::string percent(size_t part, size_t whole) { return std::to_string(whole ? part * 100 / whole : 0) + "%"; }

// C0 controls other than \t \n \r, and DEL; a 0xC2 lead byte may start a C1 control.
constexpr std::array<bool, 256> kMayBeControl = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = c != '\t' && c != '\n' && c != '\r';
  t[0x7F] = t[0xC2] = true;
  return t;
}();

// Whether any of the 8 bytes of `word` is below 0x20, 0x7F or 0xC2: the bytes that may start a
// control character or make a file look binary. Never misses one; may report a clean word.
bool may_hold_control(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  uint64_t below_0x20 = (word - kOnes * 0x20) & ~word & kHigh;
  return below_0x20 | has_zero_byte(word ^ (kOnes * 0x7F)) | has_zero_byte(word ^ (kOnes * 0xC2));
}

// The start of the first 8-byte block at or after `from` that may hold a control, or of the
// last partial block: scanning a clean text costs one test per 8 bytes.
size_t skip_clean_words(std::string_view s, size_t from) {
  size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (may_hold_control(word)) break;
  }
  return i;
}

bool is_c1_at(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

// The encoding a byte-order mark announces.
std::optional<SniffedEncoding> byte_order_mark(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xFE\x00\x00"sv) || starts_with(bytes, "\x00\x00\xFE\xFF"sv))
    return SniffedEncoding{Encoding::Utf32, 4};
  if (starts_with(bytes, "\xEF\xBB\xBF")) return SniffedEncoding{Encoding::Utf8, 3};
  if (starts_with(bytes, "\xFF\xFE")) return SniffedEncoding{Encoding::Utf16LE, 2};
  if (starts_with(bytes, "\xFE\xFF")) return SniffedEncoding{Encoding::Utf16BE, 2};
  return std::nullopt;
}

// UTF-8, or windows-1256 when the high bytes say so (see the header).
SniffedEncoding legacy_encoding(std::string_view bytes) {
  HighBytes h = count_high_bytes(bytes);
  if (h.in_utf8 == h.high) return {};
  bool mostly_invalid = h.in_utf8 * 5 <= h.high;
  if (mostly_invalid && h.high >= 4 && h.cp1256 * 10 >= h.high * 8) return {Encoding::Windows1256, 0};
  return {Encoding::Utf8, 0, mostly_invalid && h.cp1256 * 2 >= h.high};
}

}  // namespace

SniffedEncoding sniff_encoding(std::string_view bytes) {
  if (auto bom = byte_order_mark(bytes)) return *bom;
  return legacy_encoding(bytes);
}

std::optional<std::string> binary_kind(std::string_view head) {
  static const std::pair<std::string_view, const char*> kSignatures[] = {
      {"\x89PNG\r\n\x1A\n"sv, "a PNG image"}, {"\xFF\xD8\xFF"sv, "a JPEG image"},  {"GIF8"sv, "a GIF image"},
      {"%PDF-"sv, "a PDF document"},          {"PK\x03\x04"sv, "a ZIP archive"},  {"\x1F\x8B"sv, "gzip data"},
      {"\xFD" "7zXZ\x00"sv, "xz data"},      {"\x28\xB5\x2F\xFD"sv, "zstd data"}, {"\x7F" "ELF"sv, "an executable"},
      {"SQLite format 3\x00"sv, "an SQLite database"},
  };
  for (const auto& [magic, what] : kSignatures)
    if (starts_with(head, magic)) return std::string("looks like ") + what;
  head = head.substr(0, 4096);
  size_t controls = 0;
  for (size_t i = 0; i < head.size();) {
    i = skip_clean_words(head, i);
    for (size_t end = std::min(i + 8, head.size()); i < end; ++i) {
      unsigned char c = static_cast<unsigned char>(head[i]);
      controls += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }
  }
  if (controls * 10 > head.size()) return "binary data (" + percent(controls, head.size()) + " NUL or control bytes)";
  return std::nullopt;
}

std::string to_utf8(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset, &status), ucnv_close);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), cnv.get(), status);
  std::string out;
  out.reserve(bytes.size() * 2);
  return u.toUTF8String(out);
}

std::string invalid_utf8_note(size_t first_offset, size_t sequences, bool unsure) {
  return "invalid UTF-8 at byte " + std::to_string(first_offset) + " (" + std::to_string(sequences) +
         " sequence(s) replaced by U+FFFD)" +
         (unsure ? "; the encoding may be windows-1256 but detection is unsure, read as UTF-8" : "");
}

DecodedText decode_text(std::string_view bytes) {
  DecodedText d;
  SniffedEncoding bom = byte_order_mark(bytes).value_or(SniffedEncoding{});
  bytes.remove_prefix(bom.bom_bytes);
  if (bom.encoding == Encoding::Utf32) {
    d.refused = "UTF-32 text is not supported (convert it to UTF-8)";
    return d;
  }
  if (bom.encoding == Encoding::Utf16LE || bom.encoding == Encoding::Utf16BE) {
    const char* name = bom.encoding == Encoding::Utf16LE ? "UTF-16LE" : "UTF-16BE";
    d.text = to_utf8(bytes, name);
    d.notes.push_back(std::string("decoded from ") + name);
    return d;
  }
  if (auto binary = binary_kind(bytes)) {
    d.refused = *binary;
    return d;
  }
  RepairedUtf8 r = repair_utf8(bytes);  // the common case: valid UTF-8, one scan and a copy
  if (!r.first_bad_offset) {
    d.text = std::move(r.text);
    return d;
  }
  SniffedEncoding legacy = legacy_encoding(bytes);
  if (legacy.encoding == Encoding::Windows1256) {
    d.text = to_utf8(bytes, "windows-1256");
    d.notes.push_back("not UTF-8; detected windows-1256 (Arabic) and converted");
    return d;
  }
  d.notes.push_back(invalid_utf8_note(*r.first_bad_offset + bom.bom_bytes, r.bad_sequences, legacy.unsure));
  d.text = std::move(r.text);
  return d;
}

CleanedControls clean_controls(std::string& text) {
  CleanedControls c;
  size_t i = 0;
  for (;;) {
    i = skip_clean_words(text, i);
    size_t word_end = std::min(i + 8, text.size());
    while (i < word_end && (!kMayBeControl[static_cast<unsigned char>(text[i])] ||
                            (text[i] == '\xC2' && !is_c1_at(text, i))))
      ++i;
    if (i < word_end || i == text.size()) break;
  }
  if (i == text.size()) return c;
  std::string out;
  out.reserve(text.size());
  out.append(text, 0, i);
  for (; i < text.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == 0) {
      if (!c.first_nul) c.first_nul = i;
      ++c.nuls;
    } else if (b == 0xC2 && is_c1_at(text, i)) {
      out += ' ';
      ++i;
    } else {
      out += kMayBeControl[b] && b != 0xC2 ? ' ' : static_cast<char>(b);
    }
  }
  text = std::move(out);
  return c;
}

namespace {

// Whether a name may hold a character clean_name() removes: a control, or the first byte of
// U+061C (D8 9C), of C1 controls (C2), of U+200E..U+2069 (E2) or of U+FDD0..U+FFFF (EF).
// Arabic letters (D8..DB) and ASCII letters pass at a comparison each.
bool may_need_cleaning(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF || b >= 0xF0) return true;
    if (b == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x9C) return true;
  }
  return false;
}

}  // namespace

std::string clean_name(std::string_view s) {
  if (!may_need_cleaning(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp) || is_noncharacter(cp)) continue;
    append_utf8(out, cp);
  }
  return out;
}

bool only_white_space(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x21 && b < 0x7F) return false;  // visible ASCII, without a call into ICU
    char32_t cp = next_code_point(s, i);
    if (b >= 0x80 && !u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      int8_t type = u_charType(static_cast<UChar32>(cp));
      if (type != U_FORMAT_CHAR && type != U_CONTROL_CHAR && type != U_SPACE_SEPARATOR && type != U_LINE_SEPARATOR &&
          type != U_PARAGRAPH_SEPARATOR)
        return false;
    }
  }
  return true;
}

std::string clean_label(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp) || is_noncharacter(cp)) continue;
    if (pending_space) out += ' ';
    pending_space = false;
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace rawabit::text
