// A faster implementation of FTS5's built-in "unicode61" tokenizer, for the connections that
// write the full-text index.
//
// Contract: after install_fast_unicode61(db), every FTS5 table on `db` declared with
// tokenize='unicode61' (and no further options) tokenizes through this implementation, which
// gives exactly the tokens, in the same order and with the same byte offsets, as SQLite's own
// unicode61 with default options. The index it writes is therefore the one SQLite would write:
// other programs (the sqlite3 shell, Python) query and update it with their built-in unicode61.
// Tables declared with other options, and the rare texts outside the fast path (anything
// not well-formed UTF-8 in the Basic Multilingual Plane), go to SQLite's own tokenizer.
//
// Why: unicode61 classifies every non-ASCII character by a binary search in its category
// tables, and folds it by another; on Arabic text that was about 8% of a whole build's CPU.
// Here both answers come from one table lookup. The table is read off SQLite's tokenizer
// itself, one character at a time, once per process, so it cannot disagree with the SQLite
// the program runs against.
#pragma once
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace rawabit::store {

// Registers the fast tokenizer under the name "unicode61" on this connection. Call it before
// the connection first uses an FTS5 table. Throws rawabit::Error if FTS5 is unavailable.
void install_fast_unicode61(sqlite3* db);

// A token as FTS5 receives it: the folded text and the byte span in the input.
struct FtsToken {
  std::string text;
  int begin = 0, end = 0;
  bool operator==(const FtsToken&) const = default;
};

// The tokens that the tokenizer registered as "unicode61" on `db` gives for `text` (SQLite's
// own unless install_fast_unicode61 was called): for tests and diagnostics.
std::vector<FtsToken> unicode61_tokens(sqlite3* db, std::string_view text);

}  // namespace rawabit::store
