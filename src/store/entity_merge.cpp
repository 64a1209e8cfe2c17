#include "store/entity_merge.hpp"

#include <initializer_list>
#include <string>
#include <vector>

namespace rawabit::store {

namespace {

// Runs one statement with its integer parameters bound in order.
void execute(SQLite::Database& db, const char* sql, std::initializer_list<int64_t> values) {
  SQLite::Statement statement(db, sql);
  int index = 0;
  for (int64_t value : values) statement.bind(++index, value);
  statement.exec();
}

}  // namespace

std::string entity_slot(std::string_view type, std::string_view form) {
  return std::string(type).append(1, '\t').append(form);
}

bool word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  switch (c) {
    case U'\u00A0': case U'\u00AB': case U'\u00BB': case U'\u060C': case U'\u061B': case U'\u061F':
    case U'\u06D4': case U'\u2013': case U'\u2014': case U'\u2018': case U'\u2019': case U'\u201C': case U'\u201D':
    case U'\u2026':
      return false;
    default:
      return !(c >= U'\u2000' && c <= U'\u200F');
  }
}

void fold_entity_into(SQLite::Database& db, int64_t from, int64_t to) {
  SQLite::Statement relations(db, "SELECT id, subject_id, predicate, object_id FROM relations "
                                  "WHERE subject_id = ?1 OR object_id = ?1");
  relations.bind(1, from);
  struct Row { int64_t id, subject, object; std::string predicate; };
  std::vector<Row> rows;
  while (relations.executeStep()) {
    rows.push_back({relations.getColumn(0).getInt64(), relations.getColumn(1).getInt64(),
                    relations.getColumn(3).getInt64(), relations.getColumn(2).getString()});
  }
  for (const Row& r : rows) {
    int64_t subject = r.subject == from ? to : r.subject, object = r.object == from ? to : r.object;
    if (subject == object) {  // an entity related to itself says nothing
      execute(db, "DELETE FROM evidence WHERE relation_id = ?", {r.id});
      execute(db, "DELETE FROM relations WHERE id = ?", {r.id});
      continue;
    }
    SQLite::Statement existing(db, "SELECT id FROM relations WHERE subject_id = ? AND predicate = ? AND object_id = ?");
    existing.bind(1, subject);
    existing.bind(2, r.predicate);
    existing.bind(3, object);
    if (existing.executeStep()) {
      execute(db, "UPDATE evidence SET relation_id = ? WHERE relation_id = ?", {existing.getColumn(0).getInt64(), r.id});
      execute(db, "DELETE FROM relations WHERE id = ?", {r.id});
    } else {
      execute(db, "UPDATE relations SET subject_id = ?, object_id = ? WHERE id = ?", {subject, object, r.id});
    }
  }
  execute(db, "UPDATE entities SET stands_for = ? WHERE stands_for = ?", {to, from});
  execute(db, "DELETE FROM aliases WHERE entity_id = ?", {from});
  execute(db, "DELETE FROM entities WHERE id = ?", {from});
}


}  // namespace rawabit::store
