// A small database for the store's passes over whole entities (glued_names, completed_names):
// documents, entities, and mentions at every occurrence of a surface.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "common/paths.hpp"
#include "lexicon/lexicon.hpp"
#include "store/store.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {

namespace fs = std::filesystem;

inline const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(schema_dir());
  return l;
}

// A database of tagger entities whose mentions are every occurrence of a surface in a document.
class EntityDatabase {
 public:
  EntityDatabase() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("rawabit-store-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
    store_ = std::make_unique<Store>(dir_ / "kg.sqlite");
  }
  ~EntityDatabase() {
    store_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  SQLite::Database& db() { return store_->db(); }
  Store& store() { return *store_; }

  int64_t document(const std::string& text) {
    SQLite::Statement d(db(), "INSERT INTO documents (source, sha256, text) VALUES (?, ?, ?)");
    std::string source = "doc" + std::to_string(++documents_);
    d.bind(1, source);
    d.bind(2, source);
    d.bind(3, text);
    d.exec();
    int64_t id = db().getLastInsertRowid();
    SQLite::Statement s(db(), "INSERT INTO sentence_spans (document_id, ordinal, start, end) VALUES (?, 0, 0, ?)");
    s.bind(1, id);
    s.bind(2, static_cast<int64_t>(text::code_points(text)));
    s.exec();
    return id;
  }

  int64_t entity(const std::string& type, const std::string& name, const std::string& origin = "tagger") {
    SQLite::Statement e(db(), "INSERT INTO entities (key, name, name_ar, type, origin) VALUES (?, ?, ?, ?, ?)");
    e.bind(1, type + ":" + name);
    e.bind(2, name);
    e.bind(3, name);
    e.bind(4, type);
    e.bind(5, origin);
    e.exec();
    return db().getLastInsertRowid();
  }

  // A mention of `entity` at each occurrence of `surface` in document `doc` (from byte `from` on);
  // returns how many.
  size_t mentions(int64_t doc, int64_t entity, const std::string& surface, size_t from = 0) {
    std::string text = db().execAndGet("SELECT text FROM documents WHERE id = " + std::to_string(doc)).getString();
    size_t n = 0;
    for (size_t at = text.find(surface, from); at != std::string::npos; at = text.find(surface, at + surface.size())) {
      SQLite::Statement m(db(), "INSERT INTO mentions (document_id, sentence_id, entity_id, start, end, surface, method) "
                                "VALUES (?1, (SELECT id FROM sentence_spans WHERE document_id = ?1), ?2, ?3, ?4, ?5, 'tagger')");
      int64_t start = static_cast<int64_t>(text::code_points(text.substr(0, at)));
      m.bind(1, doc);
      m.bind(2, entity);
      m.bind(3, start);
      m.bind(4, start + static_cast<int64_t>(text::code_points(surface)));
      m.bind(5, surface);
      m.exec();
      ++n;
    }
    return n;
  }

  // (entity name, surface) of each mention in a document, in text order; every surface checked
  // against the text it claims to cover.
  std::vector<std::pair<std::string, std::string>> mentions_of(int64_t doc) {
    SQLite::Statement q(db(), "SELECT e.name_ar, m.surface, substr(d.text, m.start + 1, m.end - m.start) FROM mentions m "
                              "JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id "
                              "WHERE m.document_id = ? ORDER BY m.start");
    q.bind(1, doc);
    std::vector<std::pair<std::string, std::string>> out;
    while (q.executeStep()) {
      EXPECT_EQ(q.getColumn(1).getString(), q.getColumn(2).getString()) << "span and surface disagree";
      out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    }
    return out;
  }

  bool exists(int64_t entity) {
    return db().execAndGet("SELECT COUNT(*) FROM entities WHERE id = " + std::to_string(entity)).getInt() == 1;
  }

 private:
  fs::path dir_;
  std::unique_ptr<Store> store_;
  int documents_ = 0;
};

}  // namespace rawabit::store
