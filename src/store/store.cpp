#include "store/store.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.hpp"
#include "common/paths.hpp"
#include "lexicon/entity_type.hpp"

namespace rawabit::store {

namespace {

std::string schema_sql() {
  std::filesystem::path p = schema_dir() / "sql" / "schema.sql";
  std::ifstream in(p);
  if (!in) throw Error(p.string() + ": cannot read the database schema");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Character (code point) offset of every byte boundary of a UTF-8 text.
std::vector<uint32_t> char_offsets(std::string_view text) {
  std::vector<uint32_t> out(text.size() + 1);
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    out[i] = chars;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  out[text.size()] = chars;
  // A boundary inside a character maps to the character's start.
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) out[i] = out[i] - 1;
  return out;
}

SQLite::Database open_database(const std::filesystem::path& path) {
  try {
    return SQLite::Database(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  } catch (const SQLite::Exception& e) {
    throw Error(path.string() + ": cannot open the database: " + e.what());
  }
}

}  // namespace

Store::Store(const std::filesystem::path& db_path) : db_(open_database(db_path)) {
  try {
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=NORMAL");
    db_.exec("PRAGMA foreign_keys=ON");
    db_.exec(schema_sql());
  } catch (const SQLite::Exception& e) {
    throw Error(db_path.string() + ": cannot prepare the database: " + e.what());
  }
}

Store::~Store() = default;  // an uncommitted batch rolls back

void Store::begin_batch() { batch_ = std::make_unique<SQLite::Transaction>(db_); }

void Store::commit_batch() {
  if (batch_) batch_->commit();
  batch_.reset();
}

bool Store::unchanged(const std::string& source, const std::string& sha256) {
  SQLite::Statement q(db_, "SELECT sha256 FROM documents WHERE source = ?");
  q.bind(1, source);
  return q.executeStep() && q.getColumn(0).getString() == sha256;
}

int64_t Store::entity_id(const extract::Annotations& ann, uint32_t index) {
  const extract::Entity& e = ann.entities[index];
  auto it = entity_ids_.find(e.key);
  int64_t id;
  if (it != entity_ids_.end()) {
    id = it->second;
  } else {
    SQLite::Statement find(db_, "SELECT id FROM entities WHERE key = ?");
    find.bind(1, e.key);
    if (find.executeStep()) {
      id = find.getColumn(0).getInt64();
    } else {
      SQLite::Statement ins(db_,
                            "INSERT INTO entities(key, name, name_ar, type, qid, origin) VALUES (?, ?, ?, ?, ?, ?)");
      ins.bind(1, e.key);
      ins.bind(2, e.name);
      ins.bind(3, e.name_ar);
      ins.bind(4, std::string(lexicon::type_name(e.type)));
      if (e.qid.empty()) ins.bind(5); else ins.bind(5, e.qid);
      ins.bind(6, e.origin);
      ins.exec();
      id = db_.getLastInsertRowid();
      if (e.stands_for) {
        int64_t target = entity_id(ann, *e.stands_for);
        SQLite::Statement up(db_, "UPDATE entities SET stands_for = ? WHERE id = ?");
        up.bind(1, target);
        up.bind(2, id);
        up.exec();
      }
    }
    entity_ids_.emplace(e.key, id);
  }
  SQLite::Statement alias(db_, "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?, ?)");
  for (const std::string& a : e.aliases) {
    alias.bind(1, id);
    alias.bind(2, a);
    alias.exec();
    alias.reset();
  }
  return id;
}

int64_t Store::relation_id(int64_t subject, const std::string& predicate, int64_t object) {
  SQLite::Statement ins(db_, "INSERT OR IGNORE INTO relations(subject_id, predicate, object_id) VALUES (?, ?, ?)");
  ins.bind(1, subject);
  ins.bind(2, predicate);
  ins.bind(3, object);
  ins.exec();
  SQLite::Statement find(db_, "SELECT id FROM relations WHERE subject_id = ? AND predicate = ? AND object_id = ?");
  find.bind(1, subject);
  find.bind(2, predicate);
  find.bind(3, object);
  find.executeStep();
  return find.getColumn(0).getInt64();
}

Outcome Store::add(const text::Document& doc, const std::string& sha256, const extract::Annotations& ann) {
  Outcome outcome = Outcome::Stored;
  {
    SQLite::Statement q(db_, "SELECT id, sha256 FROM documents WHERE source = ?");
    q.bind(1, doc.source);
    if (q.executeStep()) {
      if (q.getColumn(1).getString() == sha256) return Outcome::Unchanged;
      SQLite::Statement del(db_, "DELETE FROM documents WHERE id = ?");
      del.bind(1, q.getColumn(0).getInt64());
      del.exec();
      outcome = Outcome::Replaced;
    }
  }
  SQLite::Statement ins(db_, "INSERT INTO documents(source, title, date, publisher, sha256, text) VALUES (?,?,?,?,?,?)");
  ins.bind(1, doc.source);
  ins.bind(2, doc.title);
  if (doc.date.empty()) ins.bind(3); else ins.bind(3, doc.date);
  if (doc.publisher.empty()) ins.bind(4); else ins.bind(4, doc.publisher);
  ins.bind(5, sha256);
  ins.bind(6, doc.text);
  ins.exec();
  int64_t doc_id = db_.getLastInsertRowid();

  std::vector<uint32_t> chars = char_offsets(doc.text);
  std::vector<int64_t> sentence_ids(doc.sentences.size());
  SQLite::Statement sent(db_, "INSERT INTO sentences(document_id, ordinal, start, end, text) VALUES (?,?,?,?,?)");
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    auto span = doc.span_of_tokens(doc.sentences[i].first_token, doc.sentences[i].end_token);
    sent.bind(1, doc_id);
    sent.bind(2, static_cast<int64_t>(i));
    sent.bind(3, chars[span.begin]);
    sent.bind(4, chars[span.end]);
    sent.bind(5, doc.text.substr(span.begin, span.end - span.begin));
    sent.exec();
    sent.reset();
    sentence_ids[i] = db_.getLastInsertRowid();
  }

  SQLite::Statement men(db_,
                        "INSERT INTO mentions(document_id, sentence_id, entity_id, start, end, surface, method) "
                        "VALUES (?,?,?,?,?,?,?)");
  for (const extract::Mention& m : ann.mentions) {
    men.bind(1, doc_id);
    men.bind(2, sentence_ids[m.sentence]);
    men.bind(3, entity_id(ann, m.entity));
    men.bind(4, chars[m.begin]);
    men.bind(5, chars[m.end]);
    men.bind(6, doc.text.substr(m.begin, m.end - m.begin));
    men.bind(7, m.method);
    men.exec();
    men.reset();
  }

  SQLite::Statement ev(db_,
                       "INSERT INTO evidence(relation_id, document_id, sentence_id, start, end, confidence, date, "
                       "attrs, pattern) VALUES (?,?,?,?,?,?,?,?,?)");
  for (const extract::Fact& f : ann.facts) {
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& [k, v] : f.attrs) attrs[k] = v;
    ev.bind(1, relation_id(entity_id(ann, f.subject), f.predicate, entity_id(ann, f.object)));
    ev.bind(2, doc_id);
    ev.bind(3, sentence_ids[f.sentence]);
    ev.bind(4, chars[f.begin]);
    ev.bind(5, chars[f.end]);
    ev.bind(6, f.confidence);
    if (f.date.empty()) ev.bind(7); else ev.bind(7, f.date);
    ev.bind(8, attrs.dump());
    ev.bind(9, f.pattern);
    ev.exec();
    ev.reset();
  }
  return outcome;
}

void Store::set_meta(const std::string& key, const std::string& value) {
  SQLite::Statement q(db_, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

std::string Store::meta(const std::string& key) {
  SQLite::Statement q(db_, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void Store::remove_orphans() {
  db_.exec("DELETE FROM relations WHERE id NOT IN (SELECT relation_id FROM evidence)");
  db_.exec(
      "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions) "
      "AND id NOT IN (SELECT subject_id FROM relations) AND id NOT IN (SELECT object_id FROM relations) "
      "AND id NOT IN (SELECT stands_for FROM entities WHERE stands_for IS NOT NULL)");
  entity_ids_.clear();
}

}  // namespace rawabit::store
