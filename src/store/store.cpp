#include "store/store.hpp"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sstream>

#include "common/error.hpp"
#include "common/paths.hpp"
#include "lexicon/entity_type.hpp"
#include "store/batch_sentences.hpp"
#include "store/fts_tokenizer.hpp"
#include "store/search_form.hpp"
#include "store/views.hpp"
#include "text/decode.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {

namespace {

constexpr int kBusyTimeoutMs = 2000;
// Documents that, each naming an organization only weakly, vouch for it together: most names the
// corpus repeats apart are real («يويفا», «ويغان»), and they are the ones an analyst looks for.
constexpr int kVouchingDocuments = 3;

// SQLite counts every allocation under a global mutex, for sqlite3_memory_used() that rawabit
// never calls: off, before the library initializes (at the first connection). Each connection
// below is used by one thread at a time, so it needs no mutex of its own either (NOMUTEX).
void configure_sqlite() {
  static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)once;
}

SQLite::Database open_database(const std::filesystem::path& path) {
  configure_sqlite();
  std::filesystem::path folder = path.parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
    throw Error(path.string() + ": cannot open the database: the folder " + folder.string() + " does not exist");
  try {
    // Another writer (a second build) holds the lock for a whole batch: wait a little for it,
    // then fail with SQLite's "database is locked" rather than hang.
    return SQLite::Database(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
                            kBusyTimeoutMs);
  } catch (const SQLite::Exception& e) {
    throw Error(path.string() + ": cannot open the database: " + e.what());
  }
}

// Entity names that no list knows (found by a rule or the tagger) are at most this many
// characters: real names are far shorter, and a longer one is a run of cut tokens or a garbled
// line read as a name (docs/inputs.md).
size_t max_name_chars(lexicon::EntityType type) { return type == lexicon::EntityType::Person ? 60 : 120; }

bool storable(const extract::Entity& e) {
  return e.gazetteer || text::code_points(e.name) <= max_name_chars(e.type);
}

void bind_one(SQLite::Statement& s, int i, int64_t v) { s.bind(i, v); }
void bind_one(SQLite::Statement& s, int i, uint32_t v) { s.bind(i, static_cast<int64_t>(v)); }
void bind_one(SQLite::Statement& s, int i, double v) { s.bind(i, v); }
// Text is bound without a copy when it can be: every string bound outlives the statement's run
// inside run(), and the next run binds every parameter again. Empty text is stored as NULL:
// dates, publishers and QIDs that are unknown.
void bind_one(SQLite::Statement& s, int i, const std::string& v) {
  if (v.empty()) s.bind(i); else s.bindNoCopy(i, v);
}
void bind_one(SQLite::Statement& s, int i, std::string_view v) {
  if (v.empty()) s.bind(i); else s.bind(i, std::string(v));
}

// A statement on the raw connection, for the rows written most: it binds text without a copy
// (SQLiteCpp's bind copies a string_view's text twice, into a std::string and into SQLite) and
// resets after each run. Bound text must outlive the run.
class RawStatement {
 public:
  RawStatement(sqlite3* db, const std::string& sql) : db_(db) {
    sqlite3_stmt* s = nullptr;
    check(sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr));
    stmt_.reset(s);
  }
  void bind(int i, int64_t v) { check(sqlite3_bind_int64(stmt_.get(), i, v)); }
  // Empty text is stored as NULL, as by bind_one.
  void bind(int i, std::string_view v) {
    check(v.empty() ? sqlite3_bind_null(stmt_.get(), i)
                    : sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
  }
  void exec() {
    int rc = sqlite3_step(stmt_.get());
    if (rc != SQLITE_DONE) {
      SQLite::Exception error(db_, rc);
      sqlite3_reset(stmt_.get());
      throw error;
    }
    sqlite3_reset(stmt_.get());
  }

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;

  void check(int rc) const {
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
};

void bind_one(RawStatement& s, int i, int64_t v) { s.bind(i, v); }
void bind_one(RawStatement& s, int i, uint32_t v) { s.bind(i, static_cast<int64_t>(v)); }
void bind_one(RawStatement& s, int i, std::string_view v) { s.bind(i, v); }
void bind_one(RawStatement& s, int i, const std::string& v) { s.bind(i, std::string_view(v)); }

// Binds the arguments to the parameters after the i-th, in order, and advances i past them.
template <class Statement, class... Args>
void bind_all(Statement& s, int& i, const Args&... args) {
  ((bind_one(s, ++i, args)), ...);
}

// Binds the arguments in order, runs the statement and resets it for the next use.
template <class... Args>
void run(SQLite::Statement& s, const Args&... args) {
  s.reset();
  int i = 0;
  bind_all(s, i, args...);
  s.exec();
}

// An INSERT of up to kMaxRows rows in one statement, one prepared statement per number of rows
// (prepared on first use): a statement's fixed cost (start, halt, reset) is paid once per
// document instead of once per row. The rows get consecutive ids, in order, the last one the
// connection's last insert rowid.
class MultiRowInsert {
 public:
  static constexpr size_t kMaxRows = 32;

  // `head`: "INSERT INTO table(columns...) VALUES "; `columns`: how many values a row has.
  MultiRowInsert(SQLite::Database& db, std::string head, int columns)
      : db_(db), head_(std::move(head)), columns_(columns) {}

  // Inserts `rows` rows, kMaxRows at most per statement: bind_row(statement, parameter, i)
  // binds the values of row i after `parameter` and advances it; after each statement,
  // inserted(first, end) is told that rows [first, end) are in.
  template <class BindRow, class Inserted>
  void insert(size_t rows, BindRow bind_row, Inserted inserted) {
    for (size_t first = 0; first < rows; first += kMaxRows) {
      const size_t end = std::min(rows, first + kMaxRows);
      RawStatement& statement = with_rows(end - first);
      int parameter = 0;
      for (size_t i = first; i < end; ++i) bind_row(statement, parameter, i);
      statement.exec();
      inserted(first, end);
    }
  }
  template <class BindRow>
  void insert(size_t rows, BindRow bind_row) {
    insert(rows, bind_row, [](size_t, size_t) {});
  }

 private:
  // The statement for `rows` rows (1 to kMaxRows).
  RawStatement& with_rows(size_t rows) {
    std::unique_ptr<RawStatement>& s = by_rows_[rows - 1];
    if (!s) {
      std::string row = "(?";
      for (int c = 1; c < columns_; ++c) row += ",?";
      row += ")";
      std::string sql = head_ + row;
      for (size_t r = 1; r < rows; ++r) sql += "," + row;
      s = std::make_unique<RawStatement>(db_.getHandle(), sql);
    }
    return *s;
  }

  SQLite::Database& db_;
  std::string head_;
  int columns_;
  std::array<std::unique_ptr<RawStatement>, kMaxRows> by_rows_;
};

}  // namespace

struct Store::Statements {
  // `fts_text`: what the full-text index holds of a sentence's `text` (Store::fts_text_sql);
  // `spans`: the table of the sentences' rows (sentence_spans, or sentences in a database made
  // before it, which stores their text too: `text_stored`).
  Statements(SQLite::Database& db, const std::string& fts_text, const std::string& spans, bool text_stored)
      : doc_by_source(db, "SELECT id, sha256 FROM documents WHERE source = ?"),
        doc_by_sha(db, "SELECT id, source FROM documents WHERE sha256 = ? AND source <> ? LIMIT 1"),
        insert_duplicate(db, "INSERT OR REPLACE INTO duplicates(source, document_id) VALUES (?, ?)"),
        delete_evidence(db, "DELETE FROM evidence WHERE document_id = ?"),
        delete_mentions(db, "DELETE FROM mentions WHERE document_id = ?"),
        delete_sentences(db, "DELETE FROM " + spans + " WHERE document_id = ?"),
        delete_duplicates(db, "DELETE FROM duplicates WHERE document_id = ?"),
        delete_doc(db, "DELETE FROM documents WHERE id = ?"),
        insert_doc(db, "INSERT INTO documents(source, title, date, publisher, sha256, text) VALUES (?,?,?,?,?,?)"),
        index_sentences(db, "INSERT INTO sentences_fts(rowid, text) SELECT id, " + fts_text +
                                " FROM rawabit_batch_sentences"),
        unindex_sentences(db, "INSERT INTO sentences_fts(sentences_fts, rowid, text) SELECT 'delete', id, " + fts_text +
                                  " FROM sentences WHERE document_id = ?"),
        entity_by_key(db, "SELECT id FROM entities WHERE key = ?"),
        insert_entity(db, "INSERT INTO entities(key, name, name_ar, type, qid, origin) VALUES (?,?,?,?,?,?)"),
        set_stands_for(db, "UPDATE entities SET stands_for = ? WHERE id = ?"),
        insert_relation(db, "INSERT OR IGNORE INTO relations(subject_id, predicate, object_id) VALUES (?, ?, ?)"),
        relation_id(db, "SELECT id FROM relations WHERE subject_id = ? AND predicate = ? AND object_id = ?"),
        insert_evidence(db, "INSERT INTO evidence(relation_id, document_id, sentence_id, start, end, confidence, "
                            "date, attrs, pattern) VALUES (?,?,?,?,?,?,?,?,?)"),
        insert_weak(db, "INSERT INTO temp.weak_mentions(document_id, start) VALUES (?, ?)"),
        insert_sentences(db,
                         "INSERT INTO " + spans + "(document_id, ordinal, start, end" +
                             (text_stored ? ", text" : "") + ") VALUES ",
                         text_stored ? 5 : 4),
        insert_mentions(db, "INSERT INTO mentions(document_id, sentence_id, entity_id, start, end, surface, method) "
                            "VALUES ", 7),
        insert_aliases(db, "INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES ", 2) {}

  SQLite::Statement doc_by_source, doc_by_sha, insert_duplicate, delete_evidence, delete_mentions, delete_sentences,
      delete_duplicates, delete_doc, insert_doc, index_sentences, unindex_sentences, entity_by_key,
      insert_entity, set_stands_for, insert_relation, relation_id, insert_evidence, insert_weak;
  MultiRowInsert insert_sentences, insert_mentions, insert_aliases;
};

Store::Store(const std::filesystem::path& db_path) : db_(open_database(db_path)) {
  try {
    // Before the schema: FTS5 picks a table's tokenizer when the connection first uses it.
    install_fast_unicode61(db_.getHandle());
    install_search_form(db_.getHandle());
    install_batch_sentences(db_.getHandle(), &batch_sentences_);
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=NORMAL");
    // The writer keeps references whole by construction (a document goes with its rows, see
    // delete_document), so it does not pay for a foreign-key check on every row it inserts; the
    // schema still declares them, and connections that enable them get the cascades.
    db_.exec("PRAGMA foreign_keys=OFF");
    // Nor for the CHECK on entities.type, which SQLite evaluates by building a temporary B-tree
    // of the six names for every row (most of the cost of inserting an entity): the writer only
    // stores lexicon::type_name() of an EntityType. (Setting the pragma re-prepares every
    // statement of the connection, so it holds for the connection's life; merge_into sets it
    // back for the rows it copies from other databases.)
    db_.exec("PRAGMA ignore_check_constraints=ON");
    // A larger page cache keeps the index B-trees (sha256, mention entity) in memory, and the WAL
    // is checkpointed less often: each page is copied back once per 16 MB instead of per 4 MB.
    db_.exec("PRAGMA cache_size=-65536");
    db_.exec("PRAGMA wal_autocheckpoint=4096");
    // Temporary B-trees (sorts, NOT IN lists) stay in files, which the OS caches: a sort past
    // the page cache's size spills to disk instead of growing memory with the corpus (building
    // the deferred index in memory, a ten-fold ANT build peaked at 540 MB instead of 400).
    db_.exec("PRAGMA temp_store=FILE");
    db_.exec(schema_sql());
    update_views(db_, true);  // a database made by an earlier rawabit gets today's query views
    // FTS5 merges its index segments 16 at a time instead of 4: a fifth less indexing work per
    // batch, and queries as fast at this size. It keeps up to 16 MB of new index in memory
    // instead of 1 MB, so that a batch of thousands of documents becomes one segment, not
    // dozens to merge: an eighth of the writer's time with 4096-document batches. (Settings
    // stored in the database.) Written once, by the first connection that finds them unset:
    // other connections (a shard being merged, the --rebuild reader) must not write.
    for (const char* setting : {"'automerge', 16", "'hashsize', 16777216"}) {
      const std::string key_value = std::string("(") + setting + ")";
      if (db_.execAndGet("SELECT COUNT(*) FROM sentences_fts_config WHERE (k, v) = " + key_value).getInt() == 0)
        db_.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES " + key_value);
    }
    // Databases made before the view sentences_search index the sentences' text as it is.
    search_form_indexed_ =
        db_.execAndGet("SELECT instr(sql, 'sentences_search') > 0 FROM sqlite_schema WHERE name = 'sentences_fts'").getInt();
    // Databases made before sentence_spans store the sentences' text in the table `sentences`.
    sentence_text_stored_ =
        db_.execAndGet("SELECT type = 'table' FROM sqlite_schema WHERE name = 'sentences'").getInt();
    // The weak mentions this connection writes (extract::Mention::weak), until drop_weak_mentions().
    db_.exec("CREATE TEMP TABLE IF NOT EXISTS weak_mentions (document_id INTEGER NOT NULL, start INTEGER NOT NULL)");
    sql_ = std::make_unique<Statements>(db_, fts_text_sql("text"), sentence_table(), sentence_text_stored_);
  } catch (const SQLite::Exception& e) {
    throw Error(db_path.string() + ": cannot prepare the database: " + e.what());
  }
}

Store::~Store() = default;  // an uncommitted batch rolls back

void Store::begin_batch() {
  batch_ = std::make_unique<SQLite::Transaction>(db_);
  batch_sentences_.clear();
}

// The full-text index is written once per batch, from the batch's sentences in memory: once
// written to within a transaction, FTS5 flushes at every later statement's savepoint, which
// would dominate the build's time.
void Store::commit_batch() {
  if (!batch_) return;
  if (!batch_sentences_.empty()) run(sql_->index_sentences);
  batch_->commit();
  batch_.reset();
  batch_sentences_.clear();
}

void Store::delete_document(int64_t id) {
  // A document added in this batch is not in the full-text index yet: it leaves the batch.
  // Any other is taken out of the index, while its sentences' text can still be read.
  if (batch_sentences_.holds_document(id)) {
    batch_sentences_.remove_document(id);
  } else {
    run(sql_->unindex_sentences, id);
  }
  for (SQLite::Statement* q : {&sql_->delete_evidence, &sql_->delete_mentions, &sql_->delete_sentences,
                               &sql_->delete_duplicates, &sql_->delete_doc})
    run(*q, id);
}

int64_t Store::entity_id(const extract::Annotations& ann, uint32_t index) {
  const extract::Entity& e = ann.entities[index];
  if (auto it = entity_ids_.find(e.key); it != entity_ids_.end()) return it->second;
  SQLite::Statement& find = sql_->entity_by_key;
  find.reset();
  find.bind(1, e.key);
  int64_t id;
  if (find.executeStep()) {
    id = find.getColumn(0).getInt64();
    find.reset();  // see relation_id
  } else {
    // Names are labels in every export: cleaned once, here (the mentions keep the text as it is).
    run(sql_->insert_entity, e.key, text::clean_name(e.name), text::clean_name(e.name_ar), lexicon::type_name(e.type),
        e.qid, e.origin);
    id = db_.getLastInsertRowid();
    if (e.stands_for && storable(ann.entities[*e.stands_for]))
      run(sql_->set_stands_for, entity_id(ann, *e.stands_for), id);
  }
  entity_ids_.emplace(e.key, id);
  for (const std::string& a : e.aliases) add_alias(id, a);
  return id;
}

void Store::add_alias(int64_t entity, std::string_view alias) {
  if (aliases_seen_.find(std::pair<int64_t, std::string_view>(entity, alias)) != aliases_seen_.end()) return;
  std::string clean = text::clean_name(alias);
  if (clean.size() != alias.size() &&
      aliases_seen_.find(std::pair<int64_t, std::string_view>(entity, clean)) != aliases_seen_.end())
    return;
  pending_aliases_.push_back(&*aliases_seen_.emplace(entity, std::move(clean)).first);
}

// The aliases table is keyed by its two columns, so the order in which rows arrive does not
// show: a document's new aliases are written together, in statements of many rows.
void Store::write_pending_aliases() {
  sql_->insert_aliases.insert(pending_aliases_.size(), [&](RawStatement& insert, int& p, size_t i) {
    bind_all(insert, p, pending_aliases_[i]->first, pending_aliases_[i]->second);
  });
  pending_aliases_.clear();
}

int64_t Store::relation_id(int64_t subject, const std::string& predicate, int64_t object) {
  run(sql_->insert_relation, subject, predicate, object);
  SQLite::Statement& find = sql_->relation_id;
  find.reset();
  find.bind(1, subject);
  find.bind(2, predicate);
  find.bind(3, object);
  find.executeStep();
  int64_t id = find.getColumn(0).getInt64();
  // A statement left on a row keeps the connection in a read transaction past the batch's commit,
  // and the WAL cannot be checkpointed then (SQLITE_LOCKED, silently): it grew by the whole
  // build, every page read searched an ever longer WAL index, and the file system zeroed each new block.
  find.reset();
  return id;
}

Outcome Store::add(const text::Document& doc, const std::string& sha256, const extract::Annotations& ann,
                   bool reextract) {
  Outcome outcome = Outcome::Stored;
  SQLite::Statement& q = sql_->doc_by_source;
  q.reset();
  q.bind(1, doc.source);
  if (q.executeStep()) {
    std::string stored_sha256 = q.getColumn(1).getString();
    int64_t old = q.getColumn(0).getInt64();
    q.reset();  // see relation_id
    if (stored_sha256 == sha256 && !reextract) return Outcome::Unchanged;
    delete_document(old);
    outcome = Outcome::Replaced;
  } else {
    q.reset();
    SQLite::Statement& same = sql_->doc_by_sha;
    same.reset();
    same.bind(1, sha256);
    same.bind(2, doc.source);
    if (same.executeStep()) {
      int64_t original = same.getColumn(0).getInt64();
      same.reset();
      run(sql_->insert_duplicate, doc.source, original);
      return Outcome::Duplicate;
    }
  }
  run(sql_->insert_doc, doc.source, doc.title, doc.date, doc.publisher, sha256, doc.text);
  int64_t doc_id = db_.getLastInsertRowid();
  batch_sentences_.add_document(doc_id);

  text::CharCounter chars(doc.text);
  std::vector<int64_t> sentence_ids(doc.sentences.size());
  auto sentence_text = [&doc](size_t i) {
    auto span = doc.span_of_tokens(doc.sentences[i].first_token, doc.sentences[i].end_token);
    return std::string_view(doc.text).substr(span.begin, span.end - span.begin);
  };
  sql_->insert_sentences.insert(
      doc.sentences.size(),
      [&](RawStatement& insert, int& p, size_t i) {
        auto span = doc.span_of_tokens(doc.sentences[i].first_token, doc.sentences[i].end_token);
        bind_all(insert, p, doc_id, static_cast<int64_t>(i), chars(span.begin), chars(span.end));
        if (sentence_text_stored_) bind_all(insert, p, sentence_text(i));
      },
      [&](size_t first, size_t end) {
        int64_t last = db_.getLastInsertRowid();
        for (size_t i = first; i < end; ++i) {
          sentence_ids[i] = last - static_cast<int64_t>(end - 1 - i);
          batch_sentences_.add(doc_id, sentence_ids[i], sentence_text(i));
        }
      });

  // The database id of each of the document's entities, looked up once per document rather than
  // once per mention (0: not yet; row ids start at 1).
  std::vector<int64_t> entity_ids(ann.entities.size(), 0);
  auto entity_of = [&](uint32_t index) {
    if (!entity_ids[index]) entity_ids[index] = entity_id(ann, index);
    return entity_ids[index];
  };
  // The mentions to store: all of them, unless an entity is not storable (rare: then a copy).
  const std::vector<extract::Mention>* mentions = &ann.mentions;
  std::vector<extract::Mention> kept_mentions;
  std::vector<bool> stored_entity(ann.entities.size(), true);
  bool all_storable = true;
  for (size_t e = 0; e < ann.entities.size(); ++e)
    if (!storable(ann.entities[e])) stored_entity[e] = all_storable = false;
  if (!all_storable) {
    for (const extract::Mention& m : ann.mentions)
      if (stored_entity[m.entity]) kept_mentions.push_back(m);
    mentions = &kept_mentions;
  }
  sql_->insert_mentions.insert(mentions->size(), [&](RawStatement& insert, int& p, size_t i) {
    const extract::Mention& m = (*mentions)[i];
    int64_t entity = entity_of(m.entity);
    std::string_view surface = std::string_view(doc.text).substr(m.begin, m.end - m.begin);
    bind_all(insert, p, doc_id, sentence_ids[m.sentence], entity, chars(m.begin), chars(m.end), surface, m.method);
    add_alias(entity, surface);  // spelling variants as met in text
  });
  for (const extract::Mention& m : *mentions)
    if (m.weak) run(sql_->insert_weak, doc_id, chars(m.begin));

  for (const extract::Fact& f : ann.facts) {
    if (!stored_entity[f.subject] || !stored_entity[f.object]) continue;
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& [k, v] : f.attrs) attrs[k] = v;
    // The object first: new entities get their ids in this order (the order in which the
    // compiler evaluated relation_id(entity_id(subject), ..., entity_id(object)) before).
    int64_t object = entity_of(f.object);
    int64_t subject = entity_of(f.subject);
    int64_t relation = relation_id(subject, f.predicate, object);
    run(sql_->insert_evidence, relation, doc_id, sentence_ids[f.sentence], chars(f.begin), chars(f.end), f.confidence,
        f.date, attrs.dump(), f.pattern);
  }
  write_pending_aliases();
  return outcome;
}

void Store::for_each_document(const std::function<void(text::Document&&)>& use) {
  SQLite::Statement q(db_, "SELECT source, title, date, publisher, text FROM documents ORDER BY id");
  while (q.executeStep()) {
    text::Document doc;
    doc.source = q.getColumn(0).getString();
    doc.title = q.getColumn(1).getString();
    doc.date = q.getColumn(2).getString();
    doc.publisher = q.getColumn(3).getString();
    doc.text = q.getColumn(4).getString();
    use(std::move(doc));
  }
}

std::vector<std::string> Store::sources_under(const std::string& prefix) {
  std::vector<std::string> out;
  SQLite::Statement q(db_,
                      "SELECT source FROM documents WHERE substr(source, 1, length(?1)) = ?1 "
                      "UNION ALL SELECT source FROM duplicates WHERE substr(source, 1, length(?1)) = ?1");
  q.bind(1, prefix);
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

void Store::remove_document(const std::string& source) {
  SQLite::Statement q(db_, "SELECT id FROM documents WHERE source = ?");
  q.bind(1, source);
  if (q.executeStep()) {
    int64_t id = q.getColumn(0).getInt64();
    delete_document(id);
  }
  SQLite::Statement dup(db_, "DELETE FROM duplicates WHERE source = ?");
  run(dup, source);
}

size_t Store::document_count() {
  return static_cast<size_t>(db_.execAndGet("SELECT COUNT(*) FROM documents").getInt64());
}

KnownDocuments::KnownDocuments(const std::filesystem::path& db_path)
    : db_(db_path.string(), SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX),
      by_source_(db_, "SELECT sha256 FROM documents WHERE source = ?"),
      duplicate_(db_, "SELECT d.sha256 FROM duplicates x JOIN documents d ON d.id = x.document_id WHERE x.source = ?") {}

bool KnownDocuments::unchanged(const std::string& source, const std::string& sha256) {
  for (SQLite::Statement* q : {&by_source_, &duplicate_}) {
    q->reset();
    q->bind(1, source);
    bool same = q->executeStep() && q->getColumn(0).getString() == sha256;
    // Reset at once: a statement left on a row holds a read snapshot of the WAL, which the
    // writer's checkpoints cannot then pass.
    q->reset();
    if (same) return true;
  }
  return false;
}

void Store::set_meta(const std::string& key, const std::string& value) {
  SQLite::Statement q(db_, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  run(q, key, value);
}

std::string Store::meta(const std::string& key) {
  SQLite::Statement q(db_, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::string Store::sentence_table() const { return sentence_text_stored_ ? "sentences" : "sentence_spans"; }

std::string Store::fts_text_sql(const std::string& text_column) const {
  return search_form_indexed_ ? "rawabit_search_form(" + text_column + ")" : text_column;
}

void Store::defer_indexes() {
  // EXISTS, not COUNT(*): a count reads a whole index of a large database.
  if (!db_.execAndGet("SELECT EXISTS (SELECT 1 FROM documents)").getInt()) db_.exec("DROP INDEX IF EXISTS mentions_entity");
}

// The sort behind CREATE INDEX spills to a temporary file past the page cache's size (see
// temp_store in the constructor).
void Store::restore_indexes() { db_.exec(schema_sql()); }  // every statement of it is IF NOT EXISTS

size_t Store::drop_weak_mentions() {
  db_.exec("CREATE INDEX IF NOT EXISTS temp.weak_mentions_at ON weak_mentions(document_id, start)");
  // Vouched for: a mention that is not weak, or weak ones in kVouchingDocuments documents.
  const int dropped = db_.exec(
      "WITH weak AS (SELECT m.id, m.entity_id, m.document_id FROM mentions m JOIN temp.weak_mentions w "
      "              ON w.document_id = m.document_id AND w.start = m.start), "
      "vouched AS (SELECT m.entity_id FROM mentions m WHERE m.entity_id IN (SELECT entity_id FROM weak) "
      "            AND m.id NOT IN (SELECT id FROM weak) "
      "            UNION SELECT entity_id FROM weak GROUP BY entity_id "
      "            HAVING COUNT(DISTINCT document_id) >= " + std::to_string(kVouchingDocuments) + ") "
      "DELETE FROM mentions WHERE id IN (SELECT id FROM weak WHERE entity_id NOT IN vouched)");
  db_.exec("DELETE FROM temp.weak_mentions");
  return static_cast<size_t>(dropped);
}

void Store::remove_orphans() {
  db_.exec("DELETE FROM relations WHERE id NOT IN (SELECT relation_id FROM evidence)");
  // Again until nothing goes: the entity a removed one stood for (the country of a capital) is
  // kept by the first pass, whose subquery still sees the capital.
  while (db_.exec(
             "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions) "
             "AND id NOT IN (SELECT subject_id FROM relations) AND id NOT IN (SELECT object_id FROM relations) "
             "AND id NOT IN (SELECT stands_for FROM entities WHERE stands_for IS NOT NULL)") > 0) {
  }
  db_.exec("DELETE FROM aliases WHERE entity_id NOT IN (SELECT id FROM entities)");
  entity_ids_.clear();
  aliases_seen_.clear();
}

}  // namespace rawabit::store
