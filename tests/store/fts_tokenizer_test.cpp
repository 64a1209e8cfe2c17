// The fast unicode61 tokenizer against SQLite's own: the same tokens, offsets and order for
// Arabic with and without diacritics, Latin with case and accents, combining marks, digits,
// punctuation, characters beyond the BMP and malformed UTF-8 (table-driven, then random
// texts); and an index written through it that a plain SQLite connection checks and queries.
#include "store/fts_tokenizer.hpp"
#include "text/utf8.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

using rawabit::store::FtsToken;
using rawabit::store::install_fast_unicode61;
using rawabit::store::unicode61_tokens;

struct Connection {
  sqlite3* db = nullptr;
  explicit Connection(const std::string& path = ":memory:") { sqlite3_open(path.c_str(), &db); }
  ~Connection() { sqlite3_close(db); }
  void exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << message;
  }
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(s) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
  }
};

std::string texts_of(const std::vector<FtsToken>& tokens) {
  std::string out;
  for (const FtsToken& t : tokens) out += "[" + t.text + " " + std::to_string(t.begin) + "-" + std::to_string(t.end) + "]";
  return out;
}

struct Case {
  const char* text;
  const char* tokens;  // what SQLite's unicode61 gives
};

TEST(FastUnicode61, GivesSqlitesTokens) {
  const Case cases[] = {
      {"", ""},
      {"   ، . ؟", ""},
      {"زار بوتين مينسك", "[زار 0-6][بوتين 7-17][مينسك 18-28]"},
      {"روسيا، وبيلاروسيا.", "[روسيا 0-10][وبيلاروسيا 13-33]"},
      // Arabic diacritics are not token characters for unicode61: they split the word.
      {"رُوسيا", "[ر 0-2][وسيا 4-12]"},
      {"Café RUSSIA", "[cafe 0-5][russia 6-12]"},
      // A combining accent continues a token but does not start one, and is removed.
      {"e\xCC\x81t\xC3\xA9 \xCC\x81x", "[ete 0-6][x 9-10]"},
      {"١٢٣ 2023م", "[١٢٣ 0-6][2023م 7-13]"},
      // The tatweel is a letter (Lm) to unicode61.
      {"الـ ـنووية", "[الـ 0-6][ـنووية 7-19]"},
      {"ﻻ ﺑﻮﺗﻴﻦ", "[ﻻ 0-3][ﺑﻮﺗﻴﻦ 4-19]"},
      {"ПУТИН Ἀθῆναι", "[путин 0-10][ἀθῆναι 11-25]"},
      // Beyond the BMP and malformed UTF-8 go to SQLite's own tokenizer.
      {"روسيا 😀 𝐀bc", "[روسيا 0-10][𝐀bc 16-22]"},
      // A stray byte is a separator.
      {"ab\xFF" "cd \xC3", "[ab 0-2][cd 3-5]"},
  };
  Connection plain, fast;
  install_fast_unicode61(fast.db);
  for (const Case& c : cases) {
    EXPECT_EQ(texts_of(unicode61_tokens(plain.db, c.text)), c.tokens) << "SQLite itself, on: " << c.text;
    EXPECT_EQ(texts_of(unicode61_tokens(fast.db, c.text)), c.tokens) << c.text;
  }
}

TEST(FastUnicode61, AgreesWithSqliteOnRandomTexts) {
  // Pieces from the scripts and edge cases above, joined at random.
  const std::vector<std::string> pieces = {
      "روسيا", "ُ", "ّ", "ـ", "،", " ", "\n", "\t", "A", "z", "Ä", "ß", "İ", "ﷲ", "ﻻ", "٣", "3", "-", "'", "_",
      "\xCC\x81", "\xE2\x80\x8F", "\xE2\x80\x8C", "😀", "𝐀", "\xFF", "\xC3", "\xE0\x80\x80", "\xED\xA0\x80",
      "\xEF\xBF\xBE", "\xEF\xBF\xBD", "中文", "Ω", "ǅ", "ﬁ", "Ⅻ", "ⓐ", "\x01", std::string(1, '\0')};
  Connection plain, fast;
  install_fast_unicode61(fast.db);
  std::mt19937 random(20261121);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 12); n > 0; --n) text += pieces[random() % pieces.size()];
    ASSERT_EQ(texts_of(unicode61_tokens(fast.db, text)), texts_of(unicode61_tokens(plain.db, text))) << text;
  }
}

TEST(FastUnicode61, EveryCharacterOfTheBmpAloneAndInsideAWord) {
  Connection plain, fast;
  install_fast_unicode61(fast.db);
  std::string text;
  for (uint32_t cp = 0x20; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string c;
    rawabit::text::append_utf8(c, cp);
    text += c + " x" + c + "y ";
    if (text.size() > 4000) {
      ASSERT_EQ(unicode61_tokens(fast.db, text), unicode61_tokens(plain.db, text)) << "near U+" << std::hex << cp;
      text.clear();
    }
  }
  EXPECT_EQ(unicode61_tokens(fast.db, text), unicode61_tokens(plain.db, text));
}

// A token far longer than any word (its buffer grows with it) and a long text of short ones.
TEST(FastUnicode61, LongTokensAndTexts) {
  Connection plain, fast;
  install_fast_unicode61(fast.db);
  std::string long_token;
  for (int i = 0; i < 100000; ++i) long_token += "سÄ";
  std::string text = "قبل " + long_token + " بعد";
  std::vector<FtsToken> tokens = unicode61_tokens(fast.db, text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text.size(), 100000u * 3) << "س (2 bytes) and Ä folded to a (1 byte), 100,000 times";
  EXPECT_EQ(tokens, unicode61_tokens(plain.db, text));
  std::string words;
  for (int i = 0; i < 50000; ++i) words += "روسيا، Minsk ";
  EXPECT_EQ(unicode61_tokens(fast.db, words), unicode61_tokens(plain.db, words));
}

TEST(FastUnicode61, InstallingTwiceIsHarmless) {
  Connection fast;
  install_fast_unicode61(fast.db);
  install_fast_unicode61(fast.db);
  EXPECT_EQ(texts_of(unicode61_tokens(fast.db, "Minsk مينسك")), "[minsk 0-5][مينسك 6-16]");
}

// An index written through the fast tokenizer is the one SQLite would write: a connection
// without it finds no fault in the index and finds the words.
TEST(FastUnicode61, IndexPassesSqlitesIntegrityCheck) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("rawabit-fts-" + std::to_string(getpid()) + ".sqlite");
  std::filesystem::remove(path);
  {
    Connection fast(path.string());
    install_fast_unicode61(fast.db);
    fast.exec("CREATE TABLE s(id INTEGER PRIMARY KEY, text TEXT)");
    fast.exec("CREATE VIRTUAL TABLE f USING fts5(text, content='s', content_rowid='id', tokenize='unicode61')");
    fast.exec("INSERT INTO s VALUES (1, 'نشرت روسيا أسلحة نووية تكتيكية في بيلاروسيا'), (2, 'Lukashenko met PUTIN'), "
              "(3, 'رُوسيا 😀 \xCC\x81x')");
    fast.exec("INSERT INTO f(rowid, text) SELECT id, text FROM s");
    fast.exec("INSERT INTO f(f, rowid, text) SELECT 'delete', id, text FROM s WHERE id = 2");
    fast.exec("DELETE FROM s WHERE id = 2");
  }
  Connection plain(path.string());
  plain.exec("INSERT INTO f(f, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(plain.column("SELECT rowid FROM f WHERE f MATCH 'بيلاروسيا'"), std::vector<std::string>{"1"});
  EXPECT_EQ(plain.column("SELECT rowid FROM f WHERE f MATCH 'وسيا'"), std::vector<std::string>{"3"});
  EXPECT_TRUE(plain.column("SELECT rowid FROM f WHERE f MATCH 'putin'").empty());
  plain.exec("INSERT INTO s VALUES (4, 'Putin visited Minsk')");
  plain.exec("INSERT INTO f(rowid, text) VALUES (4, 'Putin visited Minsk')");
  plain.exec("INSERT INTO f(f, rank) VALUES ('integrity-check', 1)");
  std::filesystem::remove(path);
}

}  // namespace
