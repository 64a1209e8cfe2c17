// v_facts counts asserted evidence only, and databases made before that get the new definition:
// a writable one in the file (Store), a read-only one as a TEMP view for the connection.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <random>

#include "store/store.hpp"
#include "store/views.hpp"

namespace rawabit::store {
namespace {

namespace fs = std::filesystem;

// v_facts as rawabit defined it before modality counted.
constexpr const char* kOldFactsView = R"(CREATE VIEW v_facts AS
SELECT r.subject_id, s.name AS subject, r.predicate, r.object_id, o.name AS object,
       COUNT(DISTINCT ev.document_id) AS weight,
       MIN(ev.date) AS first_seen, MAX(ev.date) AS last_seen
FROM relations r
JOIN evidence ev ON ev.relation_id = r.id
JOIN entities s ON s.id = r.subject_id
JOIN entities o ON o.id = r.object_id
GROUP BY r.id)";

struct ScratchDatabase {
  ScratchDatabase() {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("rawabit-views-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir);
  }
  ~ScratchDatabase() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  fs::path path() const { return dir / "kg.sqlite"; }
  fs::path dir;
};

// Russia deployed_weapons_in Belarus: asserted in doc 1 (2023-03-01), planned in doc 2 (2050-01-01),
// attrs not JSON in doc 3 (2023-04-01: counted, as score.py counts it). Russia attacked Poland:
// hypothetical only, in doc 1.
void fill(SQLite::Database& db) {
  db.exec(R"(
    INSERT INTO documents (id, source, date, sha256, text) VALUES
      (1, 'a.txt', '2023-03-01', 'a', 'جملة'), (2, 'b.txt', '2023-03-02', 'b', 'جملة'), (3, 'c.txt', NULL, 'c', 'جملة');
    INSERT INTO sentence_spans (id, document_id, ordinal, start, end) VALUES (1, 1, 0, 0, 4), (2, 2, 0, 0, 4), (3, 3, 0, 0, 4);
    INSERT INTO entities (id, key, name, type, origin) VALUES
      (1, 'Russia', 'Russia', 'COUNTRY', 'gazetteer'), (2, 'Belarus', 'Belarus', 'COUNTRY', 'gazetteer'),
      (3, 'Poland', 'Poland', 'COUNTRY', 'gazetteer');
    INSERT INTO relations (id, subject_id, predicate, object_id) VALUES
      (1, 1, 'deployed_weapons_in', 2), (2, 1, 'attacked', 3);
    INSERT INTO evidence (relation_id, document_id, sentence_id, start, end, confidence, date, attrs, pattern) VALUES
      (1, 1, 1, 0, 4, 0.9, '2023-03-01', '{"modality":"asserted","weapon":"Iskander"}', 'p'),
      (1, 2, 2, 0, 4, 0.9, '2050-01-01', '{"modality":"planned"}', 'p'),
      (1, 3, 3, 0, 4, 0.9, '2023-04-01', 'not json', 'p'),
      (2, 1, 1, 0, 4, 0.9, '2023-03-01', '{"modality":"hypothetical"}', 'p');
  )");
}

struct Fact {
  int64_t weight;
  std::string first_seen, last_seen;
};

std::vector<std::pair<std::string, Fact>> facts(SQLite::Database& db) {
  std::vector<std::pair<std::string, Fact>> out;
  SQLite::Statement q(db, "SELECT subject, predicate, object, weight, first_seen, last_seen FROM v_facts ORDER BY 1, 2, 3");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " + q.getColumn(2).getString(),
                   {q.getColumn(3).getInt64(), q.getColumn(4).getString(), q.getColumn(5).getString()}});
  return out;
}

void expect_asserted_facts_only(SQLite::Database& db) {
  auto f = facts(db);
  ASSERT_EQ(f.size(), 1u);  // Russia attacked Poland is only hypothetical
  EXPECT_EQ(f[0].first, "Russia deployed_weapons_in Belarus");
  EXPECT_EQ(f[0].second.weight, 2);  // documents 1 and 3, not the plan of document 2
  EXPECT_EQ(f[0].second.first_seen, "2023-03-01");
  EXPECT_EQ(f[0].second.last_seen, "2023-04-01");  // not 2050
}

TEST(FactsView, CountsOnlyAssertedEvidence) {
  ScratchDatabase scratch;
  Store store(scratch.path());
  fill(store.db());
  expect_asserted_facts_only(store.db());
  // The evidence view keeps every row, with its modality.
  EXPECT_EQ(store.db().execAndGet("SELECT COUNT(*) FROM v_evidence").getInt(), 4);
}

TEST(FactsView, KeepsItsColumnsInOrder) {
  ScratchDatabase scratch;
  Store store(scratch.path());
  SQLite::Statement q(store.db(), "SELECT * FROM v_facts");
  std::vector<std::string> names;
  for (int i = 0; i < q.getColumnCount(); ++i) names.push_back(q.getColumnName(i));
  EXPECT_EQ(names, (std::vector<std::string>{"subject_id", "subject", "predicate", "object_id", "object", "weight",
                                             "first_seen", "last_seen"}));
}

// A database whose v_facts still counts every modality.
void make_old_database(const fs::path& path) {
  { Store store(path); fill(store.db()); }
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("DROP VIEW v_facts");
  db.exec(kOldFactsView);
  ASSERT_EQ(db.execAndGet("SELECT COUNT(*) FROM v_facts").getInt(), 2);
}

TEST(FactsView, AnOldDatabaseOpenedByTheStoreGetsTheNewView) {
  ScratchDatabase scratch;
  make_old_database(scratch.path());
  { Store store(scratch.path()); }
  SQLite::Database db(scratch.path().string(), SQLite::OPEN_READONLY);  // no update: the file itself changed
  expect_asserted_facts_only(db);
}

TEST(FactsView, AnOldReadOnlyDatabaseIsShadowedForTheConnectionOnly) {
  ScratchDatabase scratch;
  make_old_database(scratch.path());
  SQLite::Database db(scratch.path().string(), SQLite::OPEN_READONLY);
  update_views(db, false);
  expect_asserted_facts_only(db);
  SQLite::Database other(scratch.path().string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(other.execAndGet("SELECT COUNT(*) FROM v_facts").getInt(), 2);  // the file is untouched
}

TEST(FactsView, AnUpToDateDatabaseIsLeftAlone) {
  ScratchDatabase scratch;
  { Store store(scratch.path()); fill(store.db()); }
  SQLite::Database db(scratch.path().string(), SQLite::OPEN_READONLY);
  update_views(db, false);
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM temp.sqlite_schema").getInt(), 0);
}

// schema.sql spells the condition the graph loader uses.
TEST(FactsView, UsesTheAssertedEvidenceCondition) {
  ScratchDatabase scratch;
  Store store(scratch.path());
  const std::string sql = store.db().execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'v_facts'").getString();
  EXPECT_NE(sql.find(asserted_evidence_sql("ev.attrs")), std::string::npos) << sql;
}

// The condition as score.py reads attrs: json.loads(attrs or "{}").get("modality", "asserted") in
// ("asserted", "", None), and True when attrs is not a JSON object.
TEST(AssertedEvidence, FollowsTheScorersReadingOfAttrs) {
  struct Case {
    const char* attrs;  // nullptr: SQL NULL
    bool asserted;
  };
  const Case cases[] = {
      {"{}", true},
      {"{\"modality\":\"asserted\"}", true},
      {"{\"modality\":\"\"}", true},
      {"{\"modality\":null}", true},
      {"{\"role\":\"president\"}", true},
      {"{\"modality\":\"hypothetical\"}", false},
      {"{\"modality\":\"planned\"}", false},
      {"{\"modality\":\"negated\"}", false},
      {"{\"modality\":0}", false},
      {"{\"modality\":true}", false},
      {"[1, 2]", true},
      {"\"text\"", true},
      {"not json", true},
      {"", true},
      {nullptr, true},
  };
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  SQLite::Statement q(db, "SELECT " + asserted_evidence_sql("?1"));
  for (const Case& c : cases) {
    q.reset();
    if (c.attrs) q.bind(1, c.attrs); else q.bind(1);
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt() != 0, c.asserted) << (c.attrs ? c.attrs : "NULL");
  }
}

}  // namespace
}  // namespace rawabit::store
