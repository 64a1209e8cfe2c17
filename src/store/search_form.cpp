#include "store/search_form.hpp"

#include <cstdint>
#include <cstring>

#include "common/error.hpp"

namespace rawabit::store {

namespace {

// The marks removed are all two bytes in UTF-8: 0xD9, then one of these.
constexpr bool removed_after_d9(unsigned char second) {
  return (second >= 0x8B && second <= 0x92) || second == 0xB0 || second == 0x80;  // U+064B–0652, U+0670, U+0640
}

// 16 bytes as lanes of a GCC/Clang vector (SSE2 on x86-64, NEON on ARM).
using Bytes = uint8_t __attribute__((vector_size(16)));

Bytes load16(const char* at) {
  Bytes b;
  std::memcpy(&b, at, sizeof b);
  return b;
}

// Whether a mark begins in the 16 bytes at `at` (the 17th byte is read too): the test of
// removed_after_d9 on all of them at once. Most sentences have no mark and Arabic letters lead
// with 0xD9 or 0xD8, so a byte-by-byte scan branched on almost every letter.
bool mark_in_16(const char* at) {
  const Bytes lead = load16(at), second = load16(at + 1);
  const auto in_range = (second - uint8_t{0x8B}) <= uint8_t{0x92 - 0x8B};  // unsigned: below 0x8B wraps high
  const auto hit = (lead == uint8_t{0xD9}) & (in_range | (second == uint8_t{0xB0}) | (second == uint8_t{0x80}));
  uint64_t halves[2];
  std::memcpy(halves, &hit, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

// Where the first mark at or after `from` begins; text.size() when there is none.
size_t next_mark(std::string_view text, size_t from) {
  size_t i = from;
  // 16 at a time while 17 bytes remain, then one by one from the first block with a mark.
  while (i + 17 <= text.size() && !mark_in_16(text.data() + i)) i += 16;
  for (; i + 1 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xD9 && removed_after_d9(static_cast<unsigned char>(text[i + 1])))
      return i;
  }
  return text.size();
}

// Appends the text without its marks, the first of which is at `mark`.
void append_without_marks(std::string_view text, size_t mark, std::string& out) {
  size_t copied = 0;
  while (mark < text.size()) {
    out.append(text.substr(copied, mark - copied));
    copied = mark + 2;
    mark = next_mark(text, copied);
  }
  out.append(text.substr(copied));
}

// Most sentences carry no mark: their value is returned as it is, without a copy.
void search_form_sql(sqlite3_context* context, int, sqlite3_value** args) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) return sqlite3_result_null(context);
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  std::string_view text(bytes, static_cast<size_t>(sqlite3_value_bytes(args[0])));
  const size_t mark = next_mark(text, 0);
  if (mark == text.size()) return sqlite3_result_value(context, args[0]);
  thread_local std::string out;
  out.clear();
  append_without_marks(text, mark, out);
  sqlite3_result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::string search_form(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_without_marks(text, next_mark(text, 0), out);
  return out;
}

void install_search_form(sqlite3* db) {
  if (sqlite3_create_function_v2(db, "rawabit_search_form", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                 search_form_sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(std::string("cannot register rawabit_search_form: ") + sqlite3_errmsg(db));
}

}  // namespace rawabit::store
