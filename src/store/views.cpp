#include "store/views.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <fstream>
#include <map>
#include <sstream>

#include "common/error.hpp"
#include "common/paths.hpp"

namespace rawabit::store {

namespace {

using ViewSql = std::map<std::string, std::string>;  // view name → the CREATE VIEW statement SQLite records

ViewSql public_views(SQLite::Database& db, const std::string& schema) {
  ViewSql views;
  SQLite::Statement q(db, "SELECT name, sql FROM " + schema + ".sqlite_schema WHERE type = 'view' AND name LIKE 'v\\_%' ESCAPE '\\'");
  while (q.executeStep()) views.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
  return views;
}

// SQLite records a view's statement from its name on ("CREATE VIEW name AS …", without IF NOT
// EXISTS): running schema.sql in an empty database gives the text to compare with.
const ViewSql& schema_views() {
  static const ViewSql views = [] {
    SQLite::Database scratch(":memory:", SQLite::OPEN_READWRITE);
    scratch.exec(schema_sql());
    return public_views(scratch, "main");
  }();
  return views;
}

// "CREATE VIEW v AS …" → "CREATE TEMP VIEW v AS …".
std::string as_temp_view(const std::string& create_view) {
  const std::string prefix = "CREATE VIEW ";
  if (create_view.rfind(prefix, 0) != 0) throw Error("unexpected view definition in schema.sql: " + create_view);
  return "CREATE TEMP VIEW " + create_view.substr(prefix.size());
}

}  // namespace

std::string schema_sql() {
  std::filesystem::path p = schema_dir() / "sql" / "schema.sql";
  std::ifstream in(p);
  if (!in) throw Error(p.string() + ": cannot read the database schema");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void update_views(SQLite::Database& db, bool writable) {
  try {
    const ViewSql& wanted = schema_views();
    std::map<std::string, std::string> stale;
    for (const auto& [name, sql] : public_views(db, "main")) {
      const auto it = wanted.find(name);
      if (it != wanted.end() && it->second != sql) stale.emplace(name, it->second);
    }
    if (stale.empty()) return;
    if (!writable) {
      for (const auto& [name, sql] : stale) db.exec(as_temp_view(sql));
      return;
    }
    SQLite::Transaction t(db);
    for (const auto& [name, sql] : stale) {
      db.exec("DROP VIEW main.\"" + name + "\"");
      db.exec(sql);
    }
    t.commit();
  } catch (const SQLite::Exception& e) {
    throw Error(db.getFilename() + ": cannot update the query views: " + e.what());
  }
}

std::string asserted_evidence_sql(const std::string& attrs) {
  return "(CASE WHEN json_valid(" + attrs + ") THEN coalesce(json_extract(" + attrs +
         ", '$.modality'), 'asserted') IN ('asserted', '') ELSE 1 END)";
}

}  // namespace rawabit::store
