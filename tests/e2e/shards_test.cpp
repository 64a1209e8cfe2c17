// Corpora built apart: merging shard databases, and extract (no database) followed by load.
#include <gtest/gtest.h>

#include "legacy_database.hpp"
#include "run.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

using rawabit::e2e::kCorpus;
using rawabit::e2e::rawabit;

namespace fs = std::filesystem;

std::vector<std::string> rows(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(d, sql);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::string file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// SQLite's own checks of the file and of the full-text index against the sentences, on a plain
// connection (without rawabit's tokenizer).
void integrity_check(const fs::path& db) {
  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(d.execAndGet("PRAGMA integrity_check").getString(), "ok") << db;
  EXPECT_NO_THROW(d.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")) << db;
}

// Every fact with its evidence, named by document file name and entity keys: independent of ids and paths.
const char* kFacts =
    "SELECT replace(d.source, rtrim(d.source, replace(d.source, '/', '')), '') || '|' || s.key || '|' || r.predicate "
    "|| '|' || o.key || '|' || ev.start || '|' || ev.end || '|' || ev.confidence || '|' || coalesce(ev.date, '') "
    "FROM evidence ev JOIN relations r ON r.id = ev.relation_id JOIN entities s ON s.id = r.subject_id "
    "JOIN entities o ON o.id = r.object_id JOIN documents d ON d.id = ev.document_id ORDER BY 1";
// Every mention, named the same way.
const char* kMentions =
    "SELECT replace(d.source, rtrim(d.source, replace(d.source, '/', '')), '') || '|' || e.key || '|' || m.surface "
    "|| '|' || m.start || '|' || m.end || '|' || m.method FROM mentions m JOIN entities e ON e.id = m.entity_id "
    "JOIN documents d ON d.id = m.document_id ORDER BY 1";

// Every sentence with its text, named the same way.
const char* kSentences =
    "SELECT replace(d.source, rtrim(d.source, replace(d.source, '/', '')), '') || '|' || s.ordinal || '|' || s.start "
    "|| '|' || s.end || '|' || s.text FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY 1";

class Shards : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rawabit-shards-" + std::to_string(getpid()));
    fs::create_directories(dir_ / "a");
    fs::create_directories(dir_ / "b");
    int i = 0;
    for (const auto& f : fs::directory_iterator(kCorpus)) {
      fs::copy_file(f.path(), dir_ / (i++ % 2 ? "b" : "a") / f.path().filename());
    }
    ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + (dir_ / "whole.sqlite").string()), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(Shards, MergedShardsHoldWhatOneBuildHolds) {
  ASSERT_EQ(rawabit("build " + (dir_ / "a").string() + " --db " + (dir_ / "a.sqlite").string()), 0);
  ASSERT_EQ(rawabit("build " + (dir_ / "b").string() + " --db " + (dir_ / "b.sqlite").string()), 0);
  const std::string shard_before = file_bytes(dir_ / "a.sqlite");
  ASSERT_EQ(rawabit("merge " + (dir_ / "a.sqlite").string() + " " + (dir_ / "b.sqlite").string() + " -o " +
                    (dir_ / "merged.sqlite").string()),
            0);
  fs::path merged = dir_ / "merged.sqlite", whole = dir_ / "whole.sqlite";
  EXPECT_TRUE(file_bytes(dir_ / "a.sqlite") == shard_before) << "merge wrote to a shard";
  EXPECT_EQ(rows(merged, kFacts), rows(whole, kFacts));
  EXPECT_EQ(rows(merged, kMentions), rows(whole, kMentions));
  EXPECT_EQ(rows(merged, kSentences), rows(whole, kSentences));
  EXPECT_EQ(rows(merged, "SELECT subject || predicate || object || weight FROM v_facts ORDER BY 1"),
            rows(whole, "SELECT subject || predicate || object || weight FROM v_facts ORDER BY 1"));
  EXPECT_EQ(rows(merged, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'كازاخستان'"),
            rows(whole, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'كازاخستان'"));
  // The full-text index holds every sentence once, as SQLite itself would index it.
  EXPECT_EQ(rows(merged, "SELECT COUNT(*) FROM sentences_fts"), rows(whole, "SELECT COUNT(*) FROM sentences"));
  EXPECT_EQ(rows(merged, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'روسيا OR بيلاروسيا'"),
            rows(whole, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'روسيا OR بيلاروسيا'"));
  integrity_check(merged);
  // Merging a shard again adds nothing.
  ASSERT_EQ(rawabit("merge " + (dir_ / "a.sqlite").string() + " -o " + merged.string()), 0);
  EXPECT_EQ(rows(merged, kFacts), rows(whole, kFacts));
  integrity_check(merged);
  EXPECT_NE(rawabit("merge " + (dir_ / "missing.sqlite").string() + " -o " + merged.string()), 0);
}

// Shards and targets made before sentence_spans (their sentences' text in a table) merge with
// today's both ways.
TEST_F(Shards, ShardsOfEitherSentenceLayoutMerge) {
  fs::path old_a = dir_ / "old-a.sqlite", old_target = dir_ / "old-target.sqlite";
  rawabit::e2e::create_database_before_sentence_spans(old_a);
  rawabit::e2e::create_database_before_sentence_spans(old_target);
  ASSERT_EQ(rawabit("build " + (dir_ / "a").string() + " --db " + old_a.string()), 0);
  ASSERT_EQ(rawabit("build " + (dir_ / "b").string() + " --db " + (dir_ / "b.sqlite").string()), 0);
  fs::path merged = dir_ / "merged.sqlite", whole = dir_ / "whole.sqlite";
  for (const fs::path& target : {merged, old_target}) {
    ASSERT_EQ(rawabit("merge " + old_a.string() + " " + (dir_ / "b.sqlite").string() + " -o " + target.string()), 0);
    EXPECT_EQ(rows(target, kSentences), rows(whole, kSentences)) << target;
    EXPECT_EQ(rows(target, kMentions), rows(whole, kMentions)) << target;
    EXPECT_EQ(rows(target, kFacts), rows(whole, kFacts)) << target;
    EXPECT_EQ(rows(target, "SELECT COUNT(*) FROM sentences_fts"), rows(whole, "SELECT COUNT(*) FROM sentences"));
    integrity_check(target);
  }
  const char* kSentencesType = "SELECT type FROM sqlite_schema WHERE name = 'sentences'";
  EXPECT_EQ(rows(old_target, kSentencesType), std::vector<std::string>{"table"});
  EXPECT_EQ(rows(merged, kSentencesType), std::vector<std::string>{"view"});
}

TEST_F(Shards, ExtractThenLoadHoldsWhatBuildHolds) {
  fs::path jsonl = dir_ / "extracted.jsonl", loaded = dir_ / "loaded.sqlite";
  ASSERT_EQ(rawabit("extract " + kCorpus.string() + " > " + jsonl.string()), 0);
  ASSERT_EQ(rawabit("load " + jsonl.string() + " --db " + loaded.string()), 0);
  EXPECT_EQ(rows(loaded, kFacts), rows(dir_ / "whole.sqlite", kFacts));
  EXPECT_EQ(rows(loaded, kMentions), rows(dir_ / "whole.sqlite", kMentions));
  integrity_check(loaded);
  // From standard input, as a Spark or Hadoop Streaming mapper would be fed.
  fs::path piped = dir_ / "piped.sqlite";
  ASSERT_EQ(rawabit("load --db " + piped.string() + " < " + jsonl.string()), 0);
  EXPECT_EQ(rows(piped, kFacts), rows(dir_ / "whole.sqlite", kFacts));
}

// Bad records are skipped whole, each reported, and the good ones stored: a broken line, a text
// holding a NUL (which SQLite's substr() would cut short in the view `sentences`), a mention
// without a method (the database requires one: refused before any of the record is stored).
TEST_F(Shards, LoadSkipsBadRecordsAndStoresTheRest) {
  fs::path jsonl = dir_ / "extracted.jsonl", mixed = dir_ / "mixed.jsonl", loaded = dir_ / "loaded.sqlite";
  ASSERT_EQ(rawabit("extract " + kCorpus.string() + " > " + jsonl.string()), 0);
  std::string first;
  std::getline(std::ifstream(jsonl) >> std::ws, first);
  std::string with_nul = first;
  const std::string document = "\"document\":\"", text = "\"text\":\"";
  ASSERT_NE(with_nul.find(document), std::string::npos);
  ASSERT_NE(with_nul.rfind(text), std::string::npos);  // the article's: the last key but the title
  with_nul.insert(with_nul.rfind(text) + text.size(), "\\u0000");
  with_nul.insert(with_nul.find(document) + document.size(), "nul-");
  std::string no_method = first;
  const std::string method = "\"method\":\"gazetteer\"";
  ASSERT_NE(no_method.find(method), std::string::npos);
  no_method.replace(no_method.find(method), method.size(), "\"method\":\"\"");
  no_method.insert(no_method.find(document) + document.size(), "no-method-");
  std::ofstream(mixed) << "{\"broken\": \n" << with_nul << "\n" << no_method << "\n" << first << "\n";
  ASSERT_EQ(rawabit("load " + mixed.string() + " --db " + loaded.string()), 0);
  // Only the good record, as a document of its own (the bad ones share its text: one stored
  // in part would make it a duplicate).
  EXPECT_EQ(rows(loaded, "SELECT COUNT(*) FROM documents WHERE source NOT LIKE '%nul-%' AND source NOT LIKE "
                         "'%no-method-%'"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(rows(loaded, "SELECT COUNT(*) FROM documents"), std::vector<std::string>{"1"});
  EXPECT_EQ(rows(loaded, "SELECT COUNT(*) FROM duplicates"), std::vector<std::string>{"0"});
  integrity_check(loaded);
  // Nothing good at all: the load fails.
  std::ofstream(mixed) << "{\"broken\": \n" << with_nul << "\n";
  EXPECT_NE(rawabit("load " + mixed.string() + " --db " + (dir_ / "none.sqlite").string()), 0);
}

}  // namespace
