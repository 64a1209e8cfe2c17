// A database as rawabit made them before sentence_spans (commit c0a084c and earlier): a table
// `sentences` storing each sentence's text, which mentions and evidence reference. The current
// schema is rewritten to that layout, so that the rest of it is today's.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rawabit::e2e {

inline void create_database_before_sentence_spans(const std::filesystem::path& db) {
  std::ifstream in(std::filesystem::path(RAWABIT_SOURCE_DIR) / "schema" / "sql" / "schema.sql");
  std::stringstream text;
  text << in.rdbuf();
  std::string schema = text.str();
  auto replace = [&schema](const std::string& from, const std::string& to) {
    size_t at = schema.find(from);
    if (at == std::string::npos) throw std::runtime_error("schema.sql no longer has: " + from);
    schema.replace(at, from.size(), to);
    for (at = schema.find(from, at + to.size()); at != std::string::npos; at = schema.find(from, at + to.size()))
      schema.replace(at, from.size(), to);
  };
  // The table of before, under the view's name; references to it by that name.
  replace("CREATE VIEW IF NOT EXISTS sentences AS\n", "CREATE VIEW IF NOT EXISTS sentences_view_unused AS\n");
  replace("CREATE TABLE IF NOT EXISTS sentence_spans (", "CREATE TABLE IF NOT EXISTS sentences (");
  replace("  end         INTEGER NOT NULL\n);", "  end         INTEGER NOT NULL,\n  text        TEXT NOT NULL\n);");
  replace("ON sentence_spans(document_id)", "ON sentences(document_id)");
  replace("REFERENCES sentence_spans(id)", "REFERENCES sentences(id)");
  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  d.exec(schema);
  d.exec("DROP VIEW sentences_view_unused");
}

}  // namespace rawabit::e2e
