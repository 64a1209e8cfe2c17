// libFuzzer target for the full-text index's inputs: on arbitrary bytes, the fast unicode61
// (src/store/fts_tokenizer.hpp) gives exactly the tokens (text, byte offsets, order) of SQLite's
// own unicode61; on valid UTF-8 (what sentences are), search_form (src/store/search_form.hpp)
// equals the replace() chain of the view sentences_search in plain SQLite. Any difference traps
// (__builtin_trap), so libFuzzer records the input.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "store/fts_tokenizer.hpp"
#include "store/search_form.hpp"
#include "text/utf8.hpp"

namespace {

// Two connections for the whole run: SQLite's tokenizer on one, the fast one on the other.
struct Connections {
  sqlite3* plain = nullptr;
  sqlite3* fast = nullptr;
  sqlite3_stmt* view_form = nullptr;  // the expression of sentences_search (schema/sql/schema.sql)
  Connections() {
    sqlite3_open(":memory:", &plain);
    sqlite3_open(":memory:", &fast);
    rawabit::store::install_fast_unicode61(fast);
    std::string form = "?1";
    for (int mark : {1611, 1612, 1613, 1614, 1615, 1616, 1617, 1618, 1648, 1600})
      form = "replace(" + form + ", char(" + std::to_string(mark) + "), '')";
    sqlite3_prepare_v2(plain, ("SELECT " + form).c_str(), -1, &view_form, nullptr);
  }
  std::string search_form_in_sql(std::string_view text) {
    sqlite3_reset(view_form);
    sqlite3_bind_text(view_form, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    sqlite3_step(view_form);
    return std::string(reinterpret_cast<const char*>(sqlite3_column_text(view_form, 0)),
                       static_cast<size_t>(sqlite3_column_bytes(view_form, 0)));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Connections db;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rawabit::fuzz::check(rawabit::store::unicode61_tokens(db.fast, text) ==
                       rawabit::store::unicode61_tokens(db.plain, text));
  if (!rawabit::text::repair_utf8(text).first_bad_offset) {
    rawabit::fuzz::check(rawabit::store::search_form(text) == db.search_form_in_sql(text));
  }
  return 0;
}
