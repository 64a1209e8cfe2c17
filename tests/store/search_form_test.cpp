// The full-text index's form of a sentence: Arabic diacritics and tatweel removed, everything
// else kept byte for byte (table-driven); the writer's function equals the schema's view
// sentences_search on random texts; a database built through the Store finds words that carry
// diacritics in the text by the words typed without them, from a plain SQLite connection.
#include "store/search_form.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/paths.hpp"
#include "store/store.hpp"

namespace {

using rawabit::store::search_form;

struct Case {
  const char* text;
  const char* form;
};

TEST(SearchForm, RemovesDiacriticsAndTatweelOnly) {
  const Case cases[] = {
      {"", ""},
      {"روسيا", "روسيا"},
      {"رؤوسًا نوويةً", "رؤوسا نووية"},                // tanwin fath, tanwin damm
      {"يُعتقد أنّ", "يعتقد أن"},                      // damma, shadda
      {"مُحَمَّدٌ", "محمد"},                           // damma, fatha, shadda, tanwin
      {"بِسْمِ", "بسم"},                               // kasra, sukun
      {"هٰذا", "هذا"},                                 // superscript alef
      {"الـنووية ـ بـ", "النووية  ب"},                 // tatweel, alone too
      {"أإآ ى ة ء ئ ؤ", "أإآ ى ة ء ئ ؤ"},              // hamzas and letters stay
      {"Café ١٢٣ 😀", "Café ١٢٣ 😀"},
      {"آخرًا", "آخرا"},                               // a mark at the very end
      {"\xD9", "\xD9"},                                // a lone lead byte at the end is kept
  };
  for (const Case& c : cases) EXPECT_EQ(search_form(c.text), c.form) << c.text;
}

// A mark at every position of a long text, across the 16-byte blocks the scan reads at once;
// letters that lead with 0xD9 and look like marks to a careless test (ف، ق، ن، ي) around it.
TEST(SearchForm, FindsAMarkAtAnyPositionOfALongText) {
  const std::string letters = "في قنينة يانعة x1 ";
  for (size_t at = 0; at <= 3 * letters.size(); ++at) {
    std::string plain = letters + letters + letters + letters;
    // Only between characters: a mark inside a letter's bytes would not be a mark.
    if (at < plain.size() && (static_cast<unsigned char>(plain[at]) & 0xC0) == 0x80) continue;
    for (const char* mark : {"\u064E", "\u0651", "\u0670", "\u0640"}) {
      std::string marked = plain;
      marked.insert(at, mark);
      EXPECT_EQ(search_form(marked), plain) << "at byte " << at;
      marked.insert(marked.size() - at / 2, mark);  // two marks, the second further on
      EXPECT_EQ(search_form(marked), plain) << "at byte " << at;
    }
  }
  EXPECT_EQ(search_form(letters + letters + letters), letters + letters + letters);
}

// The writer's function (rawabit_search_form) against the view that plain SQLite uses, on random
// valid texts: the database's schema itself, in memory.
TEST(SearchForm, EqualsTheSchemasView) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  std::ifstream in(rawabit::schema_dir() / "sql" / "schema.sql");
  std::stringstream schema;
  schema << in.rdbuf();
  db.exec(schema.str());
  rawabit::store::install_search_form(db.getHandle());
  const std::vector<std::string> pieces = {"ً", "ٌ", "ٍ", "َ", "ُ", "ِ", "ّ", "ْ", "ٰ", "ـ", "ٓ", "ٔ", "ٕ", "ٖ",
                                           "ر", "ؤ", "و", "س", "ا", " ", "،", "a", "Z", "é", "١", "😀", "ڤ", "ە"};
  std::mt19937 random(20261121);
  // Each text a document of one sentence.
  SQLite::Statement document(db, "INSERT INTO documents(source, sha256, text) VALUES (?1, 'x', ?2)");
  SQLite::Statement sentence(
      db, "INSERT INTO sentence_spans(document_id, ordinal, start, end) VALUES (last_insert_rowid(), 0, 0, length(?))");
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 16) + 1; n > 0; --n) text += pieces[random() % pieces.size()];
    document.bind(1, std::to_string(i));
    document.bind(2, text);
    document.exec();
    document.reset();
    sentence.bind(1, text);
    sentence.exec();
    sentence.reset();
  }
  ASSERT_EQ(db.execAndGet("SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
                          "WHERE s.text IS NOT d.text").getInt(), 0);
  SQLite::Statement differ(db,
                           "SELECT COUNT(*) FROM sentences s JOIN sentences_search v ON v.id = s.id "
                           "WHERE v.text IS NOT rawabit_search_form(s.text)");
  ASSERT_TRUE(differ.executeStep());
  EXPECT_EQ(differ.getColumn(0).getInt(), 0);
  SQLite::Statement changed(db, "SELECT COUNT(*) FROM sentences_search v JOIN sentences s ON s.id = v.id WHERE v.text <> s.text");
  ASSERT_TRUE(changed.executeStep());
  EXPECT_GT(changed.getColumn(0).getInt(), 1000) << "the random texts carry marks";
}

}  // namespace
