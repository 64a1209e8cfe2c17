#include "test_database.hpp"

#include <SQLiteCpp/Statement.h>

#include <fstream>
#include <random>
#include <sstream>

namespace rawabit::graph::testing {
namespace {

std::filesystem::path fresh_temp_dir() {
  std::random_device rd;
  auto dir =
      std::filesystem::temp_directory_path() / ("rawabit-graph-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::string schema_sql() {
  std::ifstream in(std::string(RAWABIT_SOURCE_DIR) + "/schema/sql/schema.sql");
  std::stringstream sql;
  sql << in.rdbuf();
  return sql.str();
}

template <class T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) q.bind(index, *value);
  else q.bind(index);  // NULL
}

}  // namespace

TestDatabase::TestDatabase()
    : dir_(fresh_temp_dir()), db_((dir_ / "test.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
  db_.exec("PRAGMA synchronous = OFF");  // a scratch database: no need to wait for the disk
  db_.exec(schema_sql());
}

TestDatabase::~TestDatabase() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

int64_t TestDatabase::document(const std::string& source, const std::optional<std::string>& date) {
  SQLite::Statement q(db_, "INSERT INTO documents (source, date, sha256, text) VALUES (?, ?, 'sha', '')");
  q.bind(1, source);
  bind_optional(q, 2, date);
  q.exec();
  return db_.getLastInsertRowid();
}

// The sentence's text goes at the end of its document's, where the view `sentences` reads it.
int64_t TestDatabase::sentence(int64_t document_id, const std::string& text) {
  SQLite::Statement append(db_, "UPDATE documents SET text = text || ?2 WHERE id = ?1");
  append.bind(1, document_id);
  append.bind(2, text);
  append.exec();
  SQLite::Statement q(db_,
                      "INSERT INTO sentence_spans (document_id, ordinal, start, end) "
                      "SELECT ?1, (SELECT COUNT(*) FROM sentence_spans WHERE document_id = ?1), "
                      "length(text) - length(?2), length(text) FROM documents WHERE id = ?1");
  q.bind(1, document_id);
  q.bind(2, text);
  q.exec();
  return db_.getLastInsertRowid();
}

int64_t TestDatabase::entity(const std::string& name, const std::optional<std::string>& name_ar,
                             const std::string& type, std::optional<int64_t> stands_for) {
  SQLite::Statement q(
      db_,
      "INSERT INTO entities (key, name, name_ar, type, stands_for, origin) VALUES (?1, ?1, ?2, ?3, ?4, 'gazetteer')");
  q.bind(1, name);
  bind_optional(q, 2, name_ar);
  q.bind(3, type);
  bind_optional(q, 4, stands_for);
  q.exec();
  return db_.getLastInsertRowid();
}

void TestDatabase::alias(int64_t entity_id, const std::string& alias) {
  SQLite::Statement q(db_, "INSERT INTO aliases (entity_id, alias) VALUES (?, ?)");
  q.bind(1, entity_id);
  q.bind(2, alias);
  q.exec();
}

void TestDatabase::mention(int64_t sentence_id, int64_t entity_id) {
  SQLite::Statement q(db_, "INSERT INTO mentions (document_id, sentence_id, entity_id, start, end, surface, method) "
                           "SELECT document_id, id, ?2, 0, 0, '', 'gazetteer' FROM sentences WHERE id = ?1");
  q.bind(1, sentence_id);
  q.bind(2, entity_id);
  q.exec();
}

int64_t TestDatabase::relation(int64_t subject_id, const std::string& predicate, int64_t object_id) {
  SQLite::Statement q(db_, "INSERT INTO relations (subject_id, predicate, object_id) VALUES (?, ?, ?)");
  q.bind(1, subject_id);
  q.bind(2, predicate);
  q.bind(3, object_id);
  q.exec();
  return db_.getLastInsertRowid();
}

void TestDatabase::evidence(int64_t relation_id, int64_t sentence_id, double confidence,
                            const std::optional<std::string>& date) {
  SQLite::Statement q(
      db_,
      "INSERT INTO evidence (relation_id, document_id, sentence_id, start, end, confidence, date, pattern) "
      "SELECT ?1, document_id, id, 0, 0, ?3, ?4, 'test' FROM sentences WHERE id = ?2");
  q.bind(1, relation_id);
  q.bind(2, sentence_id);
  q.bind(3, confidence);
  bind_optional(q, 4, date);
  q.exec();
}

void fill_sample(TestDatabase& t) {
  const int64_t d1 = t.document("a.txt", "2023-03-25"), d2 = t.document("b.txt", "2023-05-25"),
                d3 = t.document("c.txt", "2023-06-16");
  const int64_t s1 = t.sentence(d1, "s1"), s1b = t.sentence(d1, "s1b"), s2 = t.sentence(d2, "s2"),
                s3 = t.sentence(d3, "s3");

  const int64_t russia = t.entity("Russia", "روسيا", "COUNTRY");
  const int64_t belarus = t.entity("Belarus", "بيلاروسيا", "COUNTRY");
  const int64_t putin = t.entity("Vladimir Putin", "فلاديمير بوتين", "PERSON");
  const int64_t csto = t.entity("CSTO", "منظمة معاهدة الأمن الجماعي", "ORGANIZATION");
  const int64_t odd = t.entity(kOddName, kOddNameAr, "ORGANIZATION");
  const int64_t moscow = t.entity("Moscow", "موسكو", "LOCATION", russia);
  const int64_t kazakhstan = t.entity("Kazakhstan", std::nullopt, "COUNTRY");
  t.alias(putin, "الرئيس الروسي");
  t.db().exec("UPDATE entities SET qid = 'Q159' WHERE id = " + std::to_string(russia));

  for (int64_t s : {s1, s1b, s2, s3}) t.mention(s, russia);
  for (int64_t s : {s1, s2}) t.mention(s, belarus);
  for (int64_t s : {s1, s3}) t.mention(s, putin);
  t.mention(s1, csto);
  t.mention(s3, odd);
  t.mention(s2, moscow);
  t.mention(s2, kazakhstan);

  const int64_t belarus_csto = t.relation(belarus, "member_of", csto);
  t.evidence(belarus_csto, s1, 0.9, "2023-03-25");
  t.evidence(belarus_csto, s2, 0.8, "2023-05-25");
  t.evidence(t.relation(russia, "member_of", csto), s1, 0.9, "2023-03-25");
  const int64_t deployed = t.relation(russia, "deployed_weapons_in", belarus);
  t.evidence(deployed, s2, 0.95, "2023-05-25");
  t.evidence(deployed, s3, 0.7, "2023-06-16");
  t.evidence(t.relation(russia, "deployed_troops_in", belarus), s1, 0.6, "2023-03-25");
  const int64_t leader = t.relation(putin, "leader_of", russia);
  t.evidence(leader, s1, 0.9, "2023-03-25");
  t.evidence(leader, s1b, 0.9, "2023-03-25");
  t.evidence(t.relation(odd, "met_with", putin), s3, 0.5, "2023-06-16");
  t.evidence(t.relation(moscow, "supplied_weapons_to", belarus), s2, 0.4, "2023-05-25");
}

}  // namespace rawabit::graph::testing
