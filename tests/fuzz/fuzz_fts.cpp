// libFuzzer target for the full-text tokenizer (src/store/fts_tokenizer.hpp): on arbitrary
// bytes, the fast unicode61 gives exactly the tokens (text, byte offsets, order) of SQLite's own
// unicode61. Any difference traps (__builtin_trap), so libFuzzer records the input.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "store/fts_tokenizer.hpp"

namespace {

// Two connections for the whole run: SQLite's tokenizer on one, the fast one on the other.
struct Connections {
  sqlite3* plain = nullptr;
  sqlite3* fast = nullptr;
  Connections() {
    sqlite3_open(":memory:", &plain);
    sqlite3_open(":memory:", &fast);
    rawabit::store::install_fast_unicode61(fast);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Connections db;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rawabit::fuzz::check(rawabit::store::unicode61_tokens(db.fast, text) ==
                       rawabit::store::unicode61_tokens(db.plain, text));
  return 0;
}
