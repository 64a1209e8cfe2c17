#include "text/normalize.hpp"

#include <algorithm>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "common/error.hpp"
#include "text/utf8.hpp"

namespace rawabit::text {

bool is_dropped_mark(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x0655) || cp == 0x0670 || cp == 0x0640 ||  // harakat, tatweel
         cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||                  // ALM, ZW*, LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||  // embeddings, isolates
         cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;                      // WJ, BOM/ZWNBSP, soft hyphen
}

namespace {

// The letter folding applied after NFKC; returns 0 for a character that is dropped.
char32_t fold(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (is_dropped_mark(cp)) return 0;
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ → ا
    case 0x0649: return 0x064A;                                          // ى → ي
    case 0x0629: return 0x0647;                                          // ة → ه
    case 0x06CC: return 0x064A;                                          // ی → ي
    case 0x06A9: return 0x0643;                                          // ک → ك
    default: break;
  }
  if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
  return cp;
}

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || !n) throw Error("ICU: cannot load the NFKC normalizer");
  return *n;
}

// What NFKC does with each BMP code point, looked up without calling into ICU.
enum : uint8_t {
  kStableAlone = 1,    // NFKC leaves it unchanged when it stands alone
  kBoundaryBefore = 2  // it never combines with the character before it
};

// Built once, so that the common case (a letter with no combining mark after it) never calls
// into ICU.
const std::vector<uint8_t>& nfkc_flags() {
  static const std::vector<uint8_t> table = [] {
    const icu::Normalizer2& n = nfkc();
    std::vector<uint8_t> t(0x10000, 0);
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString one(c);
      if (n.isNormalized(one, status) && U_SUCCESS(status)) t[c] |= kStableAlone;
      if (n.hasBoundaryBefore(c)) t[c] |= kBoundaryBefore;
    }
    return t;
  }();
  return table;
}

// fold() of every BMP code point, looked up rather than computed per character.
const std::vector<char16_t>& fold_table() {
  static const std::vector<char16_t> table = [] {
    std::vector<char16_t> t(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) t[c] = static_cast<char16_t>(fold(c));
    return t;
  }();
  return table;
}

// Writes a NormalizedText through raw pointers into buffers sized ahead: normalize() writes every
// byte of a text three times (text, origin, origin_end), and append()/push_back() per byte cost
// more than the writes themselves.
class Writer {
 public:
  Writer(NormalizedText& out, size_t expected) : out_(out), folded_(fold_table().data()) { grow(expected); }

  // Appends the folded form of `cp` (already NFKC), every byte mapped to [from, to).
  void put_folded(char32_t cp, uint32_t from, uint32_t to) {
    char32_t f = cp < 0x10000 ? folded_[cp] : fold(cp);
    if (!f) return;
    if (size_ + 4 > capacity_) grow(size_ + 4);
    // Locals: stores through text_ (a char*) could alias the pointers otherwise.
    uint32_t* origin = origin_ + size_;
    uint32_t* origin_end = origin_end_ + size_;
    size_t n = encode_utf8(f, text_ + size_);
    for (size_t k = 0; k < n; ++k) {
      origin[k] = from;
      origin_end[k] = to;
    }
    size_ += n;
  }

  void finish() {
    out_.text.resize(size_);
    out_.origin.resize(size_);
    out_.origin_end.resize(size_);
  }

 private:
  NormalizedText& out_;
  const char16_t* folded_;
  size_t size_ = 0, capacity_ = 0;
  char* text_ = nullptr;
  uint32_t* origin_ = nullptr;
  uint32_t* origin_end_ = nullptr;

  void grow(size_t at_least) {
    capacity_ = std::max(at_least, 2 * capacity_);
    out_.text.resize(capacity_);
    out_.origin.resize(capacity_);
    out_.origin_end.resize(capacity_);
    text_ = out_.text.data();
    origin_ = out_.origin.data();
    origin_end_ = out_.origin_end.data();
  }
};

bool is_letter_at(std::string_view s, size_t i) {
  char32_t next = next_code_point(s, i);
  return (next >= 0x0621 && next <= 0x064A) || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
}

}  // namespace

namespace {

// Calls put(cp, from, to) for each character of the NFKC form of `original`, in order, with the
// byte range [from, to) of `original` it came from; a hashtag's '#' before a letter is left out
// and its '_' given as a space. Folding is the caller's.
template <class Put>
void for_each_nfkc(std::string_view original, Put&& put) {
  const icu::Normalizer2& norm = nfkc();
  const std::vector<uint8_t>& flags = nfkc_flags();
  auto boundary_before = [&](char32_t c) {
    return c < 0x10000 ? (flags[c] & kBoundaryBefore) != 0 : norm.hasBoundaryBefore(static_cast<UChar32>(c));
  };
  // Walk NFKC segments: a segment starts at a character with a normalization boundary before
  // it. A segment that is inert (the common case: plain letters) is passed on directly;
  // otherwise ICU normalizes the segment and every output character maps to the whole segment.
  // Each character is decoded once: `next` is the character at `i`, read ahead while extending a
  // segment and used as the start of the following one.
  size_t i = 0, next_end = 0;
  char32_t next = 0;
  auto read_next = [&] {
    next_end = i;
    next = next_code_point(original, next_end);
  };
  if (!original.empty()) read_next();
  while (i < original.size()) {
    size_t seg_begin = i;
    char32_t cp = next;
    i = next_end;
    bool alone = cp < 0x10000 && (flags[cp] & kStableAlone);
    // Extend the segment over following characters that combine with it.
    while (i < original.size()) {
      read_next();
      if (next < 0x80 || boundary_before(next)) break;
      alone = false;
      i = next_end;
    }
    if (cp == '#' && i < original.size() && is_letter_at(original, i)) {
      continue;  // a hashtag: «#ترمب» matches ترمب
    }
    const auto from = static_cast<uint32_t>(seg_begin), to = static_cast<uint32_t>(i);
    if (cp == '_') {
      put(U' ', from, to);  // words of a hashtag: «#عهد_التميمي»
    } else if (alone) {
      put(cp, from, to);
    } else {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString src = icu::UnicodeString::fromUTF8(
          icu::StringPiece(original.data() + seg_begin, static_cast<int32_t>(i - seg_begin)));
      icu::UnicodeString dst = norm.normalize(src, status);
      if (U_FAILURE(status)) throw Error("ICU: NFKC normalization failed");
      for (int32_t k = 0; k < dst.length();) {
        UChar32 c = dst.char32At(k);
        put(static_cast<char32_t>(c), from, to);
        k += U16_LENGTH(c);
      }
    }
  }
}

}  // namespace

NormalizedText normalize(std::string_view original) {
  NormalizedText out;
  out.original_size = original.size();
  Writer write(out, original.size() + 4);
  for_each_nfkc(original, [&](char32_t cp, uint32_t from, uint32_t to) { write.put_folded(cp, from, to); });
  write.finish();
  return out;
}

NormalizedText::Span NormalizedText::original_span(size_t begin, size_t end) const {
  if (begin >= end || begin >= text.size()) {
    size_t at = begin < origin.size() ? origin[begin] : original_size;
    return {at, at};
  }
  return {origin[begin], origin_end[std::min(end, text.size()) - 1]};
}

// normalize() without the offset map, which a form for matching has no use for: per call, the
// map's two arrays cost more than a short form's normalization.
std::string normalize_form(std::string_view s) {
  const char16_t* folded = fold_table().data();
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for_each_nfkc(s, [&](char32_t cp, uint32_t, uint32_t) {
    const char32_t f = cp < 0x10000 ? folded[cp] : fold(cp);
    if (f == 0) return;
    if (f == ' ' || f == '\t' || f == '\n' || f == '\r') {
      space = !out.empty();
      return;
    }
    if (space) out += ' ';
    space = false;
    append_utf8(out, f);
  });
  return out;
}

}  // namespace rawabit::text
