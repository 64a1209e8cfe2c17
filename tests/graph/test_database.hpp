// A rawabit database built row by row in a fresh temporary directory, for the graph tests: the real
// schema (schema/sql/schema.sql) plus whatever documents, entities, relations and evidence a test
// inserts. The directory is removed with the object.
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rawabit::graph::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::string path() const { return (dir_ / "test.db").string(); }
  SQLite::Database& db() { return db_; }

  // Each insert returns the new row id. A document gets one sentence per call to sentence().
  int64_t document(const std::string& source, const std::optional<std::string>& date);
  int64_t sentence(int64_t document_id, const std::string& text);
  int64_t entity(const std::string& name, const std::optional<std::string>& name_ar, const std::string& type,
                 std::optional<int64_t> stands_for = std::nullopt);
  void alias(int64_t entity_id, const std::string& alias);
  void mention(int64_t sentence_id, int64_t entity_id);
  int64_t relation(int64_t subject_id, const std::string& predicate, int64_t object_id);
  void evidence(int64_t relation_id, int64_t sentence_id, double confidence, const std::optional<std::string>& date);

 private:
  std::filesystem::path dir_;
  SQLite::Database db_;
};

// The database most tests share. Entities (ids in order): Russia, Belarus, Vladimir Putin, CSTO,
// an organization whose name holds " \ < & ' ]]> a \x01 control and a trailing backslash, Moscow
// (stands for Russia), Kazakhstan (no Arabic name, in no fact). Russia has the Wikidata id Q159. Facts (weight = distinct documents):
//   Belarus member_of CSTO 2 · Russia member_of CSTO 1 · Russia deployed_weapons_in Belarus 2 ·
//   Russia deployed_troops_in Belarus 1 · Putin leader_of Russia 1 (two evidence rows, one document) ·
//   <odd name> met_with Putin 1 · Moscow supplied_weapons_to Belarus 1 (confidence 0.4).
// Documents are dated 2023-03-25, 2023-05-25 and 2023-06-16.
void fill_sample(TestDatabase& t);

// The odd organization's name and Arabic name, as stored.
inline const std::string kOddName = "Odd \"quoted\" <tag> & 'apos' ]]> \x01 end\\";
inline const std::string kOddNameAr = "اسم \"غريب\" \\";

}  // namespace rawabit::graph::testing
