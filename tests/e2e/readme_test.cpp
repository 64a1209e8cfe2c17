// Every SQL example of README.md runs on a database of the bundled corpus and finds something: the
// examples are the query API's documentation, and a renamed column or view would break them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run.hpp"

namespace {

namespace fs = std::filesystem;
using rawabit::e2e::kCorpus;
using rawabit::e2e::rawabit;

struct Query {
  std::string comment;  // the "-- ..." line before it
  std::string sql;
};

// The statements of the ```sql blocks of a Markdown text, each with the comment above it.
std::vector<Query> sql_examples(const std::string& markdown) {
  std::vector<Query> queries;
  std::istringstream in(markdown);
  std::string line, comment, statement;
  bool in_sql = false;
  while (std::getline(in, line)) {
    if (!in_sql) {
      in_sql = line == "```sql";
      continue;
    }
    if (line.starts_with("```")) {
      in_sql = false;
    } else if (line.starts_with("--")) {
      comment = line;
    } else if (!line.empty()) {
      statement += line + "\n";
      if (line.ends_with(";")) {
        queries.push_back({comment, statement});
        statement.clear();
      }
    }
  }
  return queries;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ReadmeQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("rawabit-readme-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + db()), 0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string db() { return (*dir_ / "readme.sqlite").string(); }
  static inline fs::path* dir_ = nullptr;
};

TEST(ReadmeSql, ExtractsTheStatementsOfSqlBlocks) {
  const auto queries = sql_examples("text\n```sql\n-- One.\nSELECT 1;\n\n-- Two.\nSELECT 2\nFROM t;\n```\n```\nSELECT 3;\n```\n");
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries[0].comment, "-- One.");
  EXPECT_EQ(queries[1].sql, "SELECT 2\nFROM t;\n");
}

TEST_F(ReadmeQueries, EveryExampleRunsAndFindsRows) {
  const auto queries = sql_examples(slurp(fs::path(RAWABIT_SOURCE_DIR) / "README.md"));
  ASSERT_GE(queries.size(), 8u) << "README.md lost its examples";
  SQLite::Database database(db(), SQLite::OPEN_READONLY);
  for (const Query& q : queries) {
    try {
      SQLite::Statement statement(database, q.sql);
      size_t rows = 0;
      while (statement.executeStep()) ++rows;
      EXPECT_GT(rows, 0u) << q.comment << "\n" << q.sql;
    } catch (const SQLite::Exception& e) {
      ADD_FAILURE() << q.comment << "\n" << q.sql << e.what();
    }
  }
}

// "The five most mentioned entities of each type" ranks within each type.
TEST_F(ReadmeQueries, MostMentionedPerTypeGroupsByType) {
  for (const Query& q : sql_examples(slurp(fs::path(RAWABIT_SOURCE_DIR) / "README.md"))) {
    if (q.comment.find("of each type") == std::string::npos) continue;
    SQLite::Database database(db(), SQLite::OPEN_READONLY);
    SQLite::Statement statement(database, q.sql);
    std::map<std::string, std::vector<int64_t>> mentions_by_type;
    while (statement.executeStep())
      mentions_by_type[statement.getColumn(0).getString()].push_back(statement.getColumn(3).getInt64());
    EXPECT_GE(mentions_by_type.size(), 4u) << "several types";
    for (const auto& [type, mentions] : mentions_by_type) {
      EXPECT_LE(mentions.size(), 5u) << type;
      EXPECT_TRUE(std::is_sorted(mentions.rbegin(), mentions.rend())) << type;
    }
    return;
  }
  FAIL() << "README.md has no query for the most mentioned entities of each type";
}

// The inputs' compressions are documented where users look first.
TEST(BuildHelp, NamesTheCompressedInputs) {
  const fs::path help = fs::temp_directory_path() / ("rawabit-help-" + std::to_string(getpid()) + ".txt");
  ASSERT_EQ(rawabit("build --help > " + help.string()), 0);
  const std::string text = slurp(help);
  fs::remove(help);
  for (const char* suffix : {".gz", ".xz", ".zst"}) EXPECT_NE(text.find(suffix), std::string::npos) << suffix;
}

}  // namespace
