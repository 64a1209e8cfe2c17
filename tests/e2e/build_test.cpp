// End to end: runs the rawabit executable on the bundled corpus and checks the database with SQL.
#include <gtest/gtest.h>

#include "run.hpp"
#include "common/huge_pages.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>
#include <filesystem>
#include <unistd.h>

namespace {

using rawabit::e2e::kCorpus;
using rawabit::e2e::rawabit;

namespace fs = std::filesystem;

class SeedCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("rawabit-e2e-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + db_path()), 0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string db_path() { return (*dir_ / "seeds.sqlite").string(); }

  static int64_t count(const std::string& sql) {
    SQLite::Database db(db_path());
    return db.execAndGet(sql).getInt64();
  }

  static inline fs::path* dir_ = nullptr;
};

TEST_F(SeedCorpus, StoresEveryArticle) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents WHERE title IS NULL OR title = ''"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents WHERE date = '2022-12-19'"), 1);
  EXPECT_GT(count("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'بيلاروسيا'"), 5);
}

TEST_F(SeedCorpus, LukashenkosThreeSpellingsAreOneEntity) {
  SQLite::Database db(db_path());
  SQLite::Statement q(db,
                      "SELECT COUNT(DISTINCT entity_id), COUNT(DISTINCT surface) FROM v_mentions "
                      "WHERE surface IN ('لوكاشينكو', 'لوكاشنكو', 'لوكاشينو', 'ألكسندر لوكاشينكو', 'ألكسندر لوكاشنكو')");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getInt(), 1);
  EXPECT_GE(q.getColumn(1).getInt(), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v_mentions WHERE surface = 'لوكاشينو' AND entity = 'Alexander Lukashenko'"), 1);
}

TEST_F(SeedCorpus, CliticIsOutsideTheMentionSpan) {
  // «لروسيا» in the text is a mention of Russia whose span covers روسيا only.
  EXPECT_GT(count("SELECT COUNT(*) FROM mentions m JOIN documents d ON d.id = m.document_id "
                  "JOIN entities e ON e.id = m.entity_id WHERE e.name = 'Russia' AND m.surface = 'روسيا' "
                  "AND substr(d.text, m.start, 1) = 'ل' AND substr(d.text, m.start - 1, 2) <> 'ال'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v_mentions WHERE surface = 'لروسيا'"), 0);
}

TEST_F(SeedCorpus, EverySpanPointsIntoTheOriginalText) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM mentions m JOIN documents d ON d.id = m.document_id "
                  "WHERE substr(d.text, m.start + 1, m.end - m.start) <> m.surface"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
                  "WHERE substr(d.text, s.start + 1, s.end - s.start) <> s.text"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evidence ev JOIN sentences s ON s.id = ev.sentence_id "
                  "WHERE ev.start < s.start OR ev.end > s.end OR ev.start >= ev.end"),
            0);
}

TEST_F(SeedCorpus, KeyFactsAreExtracted) {
  struct Case {
    const char* subject;
    const char* predicate;
    const char* object;
  };
  const Case cases[] = {
      {"Vladimir Putin", "leader_of", "Russia"},
      {"Russia", "deployed_weapons_in", "Belarus"},
      {"Vladimir Putin", "visited", "Minsk"},
      {"Kazakhstan", "member_of", "CSTO"},
      {"Dmitry Peskov", "official_of", "Kremlin"},
  };
  SQLite::Database db(db_path());
  for (const Case& c : cases) {
    SQLite::Statement q(db, "SELECT weight FROM v_facts WHERE subject = ? AND predicate = ? AND object = ?");
    q.bind(1, c.subject);
    q.bind(2, c.predicate);
    q.bind(3, c.object);
    EXPECT_TRUE(q.executeStep()) << c.subject << " " << c.predicate << " " << c.object;
  }
}

TEST_F(SeedCorpus, EvidenceIsComplete) {
  EXPECT_GT(count("SELECT COUNT(*) FROM v_evidence"), 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v_evidence WHERE confidence <= 0 OR confidence > 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v_evidence WHERE json_valid(attrs) = 0"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM v_evidence WHERE json_extract(attrs, '$.role') = 'President'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM v_evidence WHERE date IS NOT NULL"), 0);
}

TEST_F(SeedCorpus, BuildingTwiceStoresNothingTwice) {
  const char* tables[] = {"documents", "sentences", "mentions", "entities", "relations", "evidence", "aliases"};
  std::vector<int64_t> before;
  for (const char* t : tables) before.push_back(count(std::string("SELECT COUNT(*) FROM ") + t));
  ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + db_path()), 0);
  for (size_t i = 0; i < std::size(tables); ++i)
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + tables[i]), before[i]) << tables[i];
}

// The indexes schema/sql/schema.sql declares, by name.
std::vector<std::string> declared_indexes() {
  std::ifstream in(fs::path(RAWABIT_SOURCE_DIR) / "schema" / "sql" / "schema.sql");
  std::string schema((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::regex index(R"(CREATE INDEX IF NOT EXISTS (\w+))");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(schema.begin(), schema.end(), index); it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1]);
  std::sort(names.begin(), names.end());
  return names;
}

// A build into a new database inserts mentions without the index by entity and builds it at
// the end: every declared index is there when it is done.
TEST_F(SeedCorpus, EveryIndexOfTheSchemaExists) {
  std::vector<std::string> declared = declared_indexes();
  ASSERT_GE(declared.size(), 6u);
  SQLite::Database db(db_path());
  SQLite::Statement q(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
  std::vector<std::string> present;
  while (q.executeStep()) present.push_back(q.getColumn(0).getString());
  EXPECT_EQ(present, declared);
}

TEST_F(SeedCorpus, DatabasePassesIntegrityCheck) {
  SQLite::Database db(db_path(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  // The full-text index is the one SQLite's own unicode61 makes of the sentences.
  EXPECT_NO_THROW(db.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_GT(db.execAndGet("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'بيلاروسيا'").getInt64(), 0);
}

// Words that carry diacritics or a tatweel in the seed articles are found as users type them,
// without: «رؤوسًا» (warheads), «يُعتقد», «أيضًا».
TEST_F(SeedCorpus, FullTextSearchIgnoresDiacritics) {
  for (const char* word : {"رؤوسا", "يعتقد", "أيضا"}) {
    EXPECT_GT(count(std::string("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH '") + word + "'"), 0)
        << word;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'وسا'"), 0)
      << "no word is cut at its diacritics";
}

TEST(Cli, HelpExplainsEveryCommand) {
  for (const char* cmd : {"--help", "build --help", "export --help", "stats --help"}) {
    EXPECT_EQ(rawabit(cmd), 0) << cmd;
  }
}

TEST(Cli, BadInputGivesAnErrorNotACrash) {
  EXPECT_EQ(rawabit("build /nonexistent/folder --db /tmp/rawabit-never.sqlite"), 1);
  EXPECT_NE(rawabit("no-such-command"), 0);
}

// The summary of --log-json says whether malloc got huge pages: main() starts the program again
// with glibc's tunable when the kernel waits to be asked, and a GLIBC_TUNABLES that names the
// tunable is the user's choice.
TEST(Cli, AsksForHugePagesUnlessTheUserChoseOtherwise) {
  const fs::path dir = fs::temp_directory_path() / ("rawabit-huge-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto summary_says_huge_pages = [&](const std::string& env) {
    const fs::path log = dir / "log.json";
    fs::remove(dir / "db.sqlite");
    const std::string cmd = env + " " RAWABIT_BINARY " build " + kCorpus.string() + " --db " + (dir / "db.sqlite").string() +
                            " --log-json 2>" + log.string();
    EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0) << cmd;
    std::ifstream in(log);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_NE(text.find("\"event\":\"summary\""), std::string::npos) << text;
    return text.find("\"huge_pages\":true") != std::string::npos;
  };
  const rawabit::HugePagePolicy policy = rawabit::huge_page_policy();
  EXPECT_EQ(summary_says_huge_pages("env -u GLIBC_TUNABLES"), policy != rawabit::HugePagePolicy::Never);
  EXPECT_EQ(summary_says_huge_pages("env GLIBC_TUNABLES=glibc.malloc.check=0"), policy != rawabit::HugePagePolicy::Never);
  EXPECT_EQ(summary_says_huge_pages("env GLIBC_TUNABLES=glibc.malloc.hugetlb=0"), policy == rawabit::HugePagePolicy::Always);
  fs::remove_all(dir);
}

}  // namespace
