// Incremental builds, duplicates, the jobs setting, and crash safety: each runs the executable.
#include <gtest/gtest.h>

#include "legacy_database.hpp"
#include "run.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

extern char** environ;

namespace {

using rawabit::e2e::kCorpus;
using rawabit::e2e::rawabit;

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() : dir_(fs::temp_directory_path() / ("rawabit-inc-" + std::to_string(getpid()) + "-" + std::to_string(n_++))) {
    fs::create_directories(dir_);
  }
  ~Scratch() { fs::remove_all(dir_); }
  fs::path operator/(const std::string& p) const { return dir_ / p; }

 private:
  fs::path dir_;
  static inline int n_ = 0;
};

// The bundled corpus, copied into `dir` (created), for a test to change.
void copy_corpus_to(const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto& f : fs::directory_iterator(kCorpus)) fs::copy_file(f.path(), dir / f.path().filename());
}

int64_t scalar(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

std::vector<std::string> column(const fs::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(d, sql);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

TEST(Incremental, AddChangeDeleteAndDuplicate) {
  Scratch s;
  fs::path in = s / "articles", db = s / "kg.sqlite";
  copy_corpus_to(in);
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);
  ASSERT_EQ(scalar(db, "SELECT COUNT(*) FROM documents"), 5);
  int64_t evidence_before = scalar(db, "SELECT COUNT(*) FROM evidence");

  // Add one, change one, delete one, and copy one under another name.
  std::ofstream(in / "added.txt") << "عنوان\nزار الرئيس الفرنسي إيمانويل ماكرون موسكو.\n";
  std::ofstream(in / "000_0ca93437824307c6.txt", std::ios::app) << "\nوصل الرئيس الصيني شي جين بينغ إلى موسكو.\n";
  fs::remove(in / "004_28bbfae33bae9d50.txt");
  fs::copy_file(in / "001_0be6841ad36734a0.txt", in / "copy.txt");
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);

  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents"), 5);  // +1 added, -1 deleted, copy not stored
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents WHERE source LIKE '%004_28bbfae33bae9d50.txt'"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM v_evidence WHERE document LIKE '%004_28bbfae33bae9d50.txt'"), 0);
  EXPECT_EQ(column(db, "SELECT source FROM duplicates"), std::vector<std::string>{(in / "copy.txt").string()});
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM v_facts WHERE subject = 'Emmanuel Macron' AND predicate = 'visited'"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM v_evidence WHERE subject = 'Xi Jinping' AND predicate = 'visited' "
                       "AND document LIKE '%000_0ca93437824307c6.txt'"),
            1);
  EXPECT_LT(scalar(db, "SELECT COUNT(*) FROM evidence"), evidence_before);  // the deleted article took its facts
  // Orphans go: no relation without evidence, no entity without a mention or a fact.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM relations WHERE id NOT IN (SELECT relation_id FROM evidence)"), 0);
  // The changed and deleted documents took all their rows with them: every reference resolves.
  EXPECT_EQ(column(db, "SELECT \"table\" || ' row ' || ifnull(rowid, '?') || ' → ' || parent FROM pragma_foreign_key_check"),
            std::vector<std::string>{});
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'خرينين'"),
            scalar(db, "SELECT COUNT(*) FROM sentences WHERE text LIKE '%خرينين%'"));
  // The full-text index matches the sentences as SQLite's own tokenizer reads them (a plain
  // connection, without rawabit's faster one).
  SQLite::Database(db.string(), SQLite::OPEN_READWRITE)
      .exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");

  // A third build with no change stores nothing.
  int64_t evidence = scalar(db, "SELECT COUNT(*) FROM evidence");
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM evidence"), evidence);
}

// A database made before the full-text index held the search form of sentences (its index is
// over sentences.text) is updated in its own form: the index still matches its content.
TEST(Incremental, ADatabaseWithTheOlderFullTextIndexStaysConsistent) {
  Scratch s;
  fs::path in = s / "articles", db = s / "kg.sqlite";
  copy_corpus_to(in);
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
    d.exec("DROP TABLE sentences_fts");
    d.exec("CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id')");
    d.exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')");
  }
  std::ofstream(in / "added.txt") << "عنوان\nيُعتقد أن الرئيس الفرنسي زار بلدة كوسوفارا.\n";
  std::ofstream(in / "000_0ca93437824307c6.txt", std::ios::app) << "\nوصل الرئيس الصيني إلى موسكو.\n";
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);
  SQLite::Database(db.string(), SQLite::OPEN_READWRITE)
      .exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'كوسوفارا'"), 1);
}

// Every sentence, by document file name and ordinal, with its text: independent of ids and paths.
const char* kSentences =
    "SELECT replace(d.source, rtrim(d.source, replace(d.source, '/', '')), '') || '|' || s.ordinal || '|' || s.start "
    "|| '|' || s.end || '|' || s.text FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY 1";

// A database made before sentence_spans (the sentences' text stored in a table `sentences`)
// keeps its layout through added, changed and deleted documents, its full-text index in step.
TEST(Incremental, ADatabaseMadeBeforeSentenceSpansKeepsItsLayout) {
  Scratch s;
  fs::path in = s / "articles", db = s / "kg.sqlite", fresh = s / "fresh.sqlite";
  copy_corpus_to(in);
  rawabit::e2e::create_database_before_sentence_spans(db);
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);
  std::ofstream(in / "added.txt") << "عنوان\nوصل الرئيس الفرنسي إلى بلدة كوسوفارا.\n";
  std::ofstream(in / "000_0ca93437824307c6.txt", std::ios::app) << "\nوصل الرئيس الصيني إلى موسكو.\n";
  fs::remove(in / "004_28bbfae33bae9d50.txt");
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + db.string()), 0);
  ASSERT_EQ(rawabit("build " + in.string() + " --db " + fresh.string()), 0);
  EXPECT_EQ(scalar(db, "SELECT type = 'table' FROM sqlite_schema WHERE name = 'sentences'"), 1);
  EXPECT_EQ(scalar(fresh, "SELECT type = 'view' FROM sqlite_schema WHERE name = 'sentences'"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentence_spans"), 0);
  EXPECT_EQ(column(db, "SELECT value FROM meta WHERE key = 'schema_version'"), std::vector<std::string>{"1"});
  EXPECT_EQ(column(fresh, "SELECT value FROM meta WHERE key = 'schema_version'"), std::vector<std::string>{"2"});
  EXPECT_EQ(column(db, kSentences), column(fresh, kSentences));
  EXPECT_GT(scalar(db, "SELECT COUNT(*) FROM sentences"), 20);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
                       "WHERE s.text IS NOT substr(d.text, s.start + 1, s.end - s.start)"),
            0);
  SQLite::Database(db.string(), SQLite::OPEN_READWRITE)
      .exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'كوسوفارا'"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts"), scalar(fresh, "SELECT COUNT(*) FROM sentences"));
}

// A record read twice in one batch (the same source): the second replaces the first before the
// batch's sentences are indexed, and the index holds only the second's.
TEST(Incremental, ASourceReplacedWithinOneBatchIsIndexedOnce) {
  Scratch s;
  fs::path jsonl = s / "twice.jsonl", db = s / "kg.sqlite";
  std::ofstream(jsonl) << R"({"id": "a", "title": "ت", "text": "زار الرئيس مدينة كوسوفارا. ثم عاد."})" "\n"
                       << R"({"id": "b", "title": "ت", "text": "وصل الوزير إلى موسكو."})" "\n"
                       << R"({"id": "a", "title": "ت", "text": "زار الرئيس مدينة ترينيداد."})" "\n";
  ASSERT_EQ(rawabit("build " + jsonl.string() + " --db " + db.string()), 0);
  SQLite::Database(db.string(), SQLite::OPEN_READWRITE)
      .exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'كوسوفارا'"), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'ترينيداد'"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'موسكو'"), 1);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts"), scalar(db, "SELECT COUNT(*) FROM sentences"));
}

// Replacing a document by one without sentences (no title, no word) frees the highest sentence
// ids, and the next sentences of the batch take them again: below the batch's first new id.
// Each document's sentences are still indexed once, and those of replaced ones not at all.
TEST(Incremental, SentenceIdsGivenAgainWithinABatchAreIndexedRight) {
  Scratch s;
  fs::path jsonl = s / "f.jsonl", db = s / "kg.sqlite";
  std::ofstream(jsonl) << R"({"id": "b", "text": "وصل الوزير إلى موسكو."})" "\n";
  ASSERT_EQ(rawabit("build " + jsonl.string() + " --db " + db.string()), 0);
  std::ofstream(jsonl) << R"({"id": "c", "text": "زار الرئيس مدينة كوسوفارا."})" "\n"
                       << R"({"id": "c", "text": "…"})" "\n"  // replaced by a text without a word
                       << R"({"id": "b", "text": "وصل الوزير إلى باريس."})" "\n"
                       << R"({"id": "b", "text": "وصل الوزير إلى لندن."})" "\n";
  ASSERT_EQ(rawabit("build " + jsonl.string() + " --db " + db.string()), 0);
  SQLite::Database(db.string(), SQLite::OPEN_READWRITE)
      .exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'لندن'"), 1);
  for (const char* gone : {"باريس", "موسكو", "كوسوفارا"}) {
    EXPECT_EQ(scalar(db, std::string("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH '") + gone + "'"), 0)
        << gone;
  }
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sentences_fts"), scalar(db, "SELECT COUNT(*) FROM sentences"));
}

TEST(Incremental, JobsDoNotChangeTheResult) {
  Scratch s;
  ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + (s / "one.sqlite").string() + " --jobs 1"), 0);
  ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + (s / "four.sqlite").string() + " --jobs 4"), 0);
  const std::string facts =
      "SELECT d.source || '|' || s.key || '|' || r.predicate || '|' || o.key || '|' || ev.start || '|' || ev.confidence "
      "FROM evidence ev JOIN relations r ON r.id = ev.relation_id JOIN entities s ON s.id = r.subject_id "
      "JOIN entities o ON o.id = r.object_id JOIN documents d ON d.id = ev.document_id ORDER BY 1";
  EXPECT_EQ(column(s / "one.sqlite", facts), column(s / "four.sqlite", facts));
  EXPECT_EQ(column(s / "one.sqlite", "SELECT source FROM documents ORDER BY id"),
            column(s / "four.sqlite", "SELECT source FROM documents ORDER BY id"));
}

// Writes `count` distinct articles (the seed texts with a numbered line) as one JSON Lines file.
void write_corpus(const fs::path& file, int count) {
  std::vector<std::string> texts;
  for (const auto& f : fs::directory_iterator(kCorpus)) {
    std::ifstream in(f.path());
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::ofstream out(file);
  for (int i = 0; i < count; ++i) {
    std::string text = texts[i % texts.size()] + "\nرقم " + std::to_string(i);
    std::string escaped;
    for (char c : text) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') { escaped += "\\n"; continue; }
      if (c == '\r' || c == '\t') { escaped += ' '; continue; }
      escaped += c;
    }
    out << "{\"id\": \"a" << i << "\", \"title\": \"t\", \"text\": \"" << escaped << "\"}\n";
  }
}

TEST(CrashSafety, KillDuringBuildLeavesWholeDocumentsAndTheBuildCompletes) {
  Scratch s;
  fs::path corpus = s / "big.jsonl", db = s / "kg.sqlite";
  write_corpus(corpus, 3000);
  std::string bin = RAWABIT_BINARY, c = corpus.string(), d = db.string();
  // Batches of 100 documents, so that the build is killed between commits of many batches.
  const char* argv[] = {bin.c_str(), "build", c.c_str(), "--db",  d.c_str(), "--jobs",
                        "2",         "--batch", "100",  "--quiet", nullptr};
  pid_t pid;
  ASSERT_EQ(posix_spawn(&pid, bin.c_str(), nullptr, nullptr, const_cast<char**>(argv), environ), 0);
  // Kill it once the first batches are committed.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int64_t stored = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    try {
      if (fs::exists(db) && (stored = scalar(db, "SELECT COUNT(*) FROM documents")) >= 200) break;
    } catch (const SQLite::Exception&) {  // the schema may not exist yet
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the build finished before it could be killed";
  ASSERT_GE(stored, 200);

  {
    SQLite::Database after(d, SQLite::OPEN_READWRITE);
    EXPECT_EQ(after.execAndGet("PRAGMA integrity_check").getString(), "ok");
    int64_t docs = after.execAndGet("SELECT COUNT(*) FROM documents").getInt64();
    EXPECT_LT(docs, 3000);
    // Into a new database the index of mentions by entity waits for the build's end.
    EXPECT_EQ(after.execAndGet("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'mentions_entity'").getInt64(), 0);
    // Whole documents only: each has its sentences and the same number of mentions as its text's twin.
    EXPECT_EQ(after.execAndGet("SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM sentences)").getInt64(), 0);
    after.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
  }
  ASSERT_EQ(rawabit("build " + c + " --db " + d), 0);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM documents"), 3000);
  // The index that the interrupted build had deferred is back.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = 'mentions_entity'"), 1);
  // Every article's twins (same seed text) have the same number of mentions and evidences.
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM (SELECT COUNT(DISTINCT n) FROM (SELECT d.id % 5 AS k, "
                       "(SELECT COUNT(*) FROM mentions m WHERE m.document_id = d.id) AS n FROM documents d) GROUP BY k "
                       "HAVING COUNT(DISTINCT n) > 1)"),
            0);
}

}  // namespace
