// The SQLite knowledge-graph database (schema/sql/schema.sql).
//
// Contract: documents are keyed by their source; storing a document whose source is already
// present with the same SHA-256 stores nothing (Unchanged); with another SHA-256 the old
// document and everything derived from it is replaced (Replaced); a text identical to another
// stored document's is stored once and its source recorded in `duplicates` (Duplicate). Writes happen inside
// batches — one transaction each, committed by commit_batch() — so an interrupted build leaves
// only whole documents. All statements use bound parameters. Offsets stored are character
// (code point) offsets into documents.text. A Store or KnownDocuments is used by one thread at a
// time (its connection is opened without a mutex).
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/annotations.hpp"
#include "store/batch_sentences.hpp"
#include "text/document.hpp"

namespace rawabit::store {

enum class Outcome { Stored, Unchanged, Replaced, Duplicate };

// A read-only view of which documents a database holds, for a thread other than the writer's
// (WAL lets it read while the writer writes; it sees what was committed).
class KnownDocuments {
 public:
  explicit KnownDocuments(const std::filesystem::path& db_path);
  // Whether `source` is stored with this hash, or recorded as a duplicate of a document with it.
  bool unchanged(const std::string& source, const std::string& sha256);

 private:
  SQLite::Database db_;
  SQLite::Statement by_source_, duplicate_;
};

class Store {
 public:
  // Opens (creating if needed) the database and applies the schema. Throws rawabit::Error.
  explicit Store(const std::filesystem::path& db_path);
  ~Store();

  void begin_batch();
  void commit_batch();

  // `reextract`: replace the document's annotations even when its text is unchanged.
  Outcome add(const text::Document& doc, const std::string& sha256, const extract::Annotations& ann,
              bool reextract = false);

  // The stored sources that begin with `prefix` (an input path): documents and duplicates.
  std::vector<std::string> sources_under(const std::string& prefix);
  // Removes a document (or a duplicate's record) and everything derived from it.
  void remove_document(const std::string& source);

  // Every stored document (source, title, date, publisher, text), in id order.
  void for_each_document(const std::function<void(text::Document&&)>& use);
  size_t document_count();

  void set_meta(const std::string& key, const std::string& value);
  std::string meta(const std::string& key);
  // Removes relations and entities no longer backed by any evidence or mention.
  void remove_orphans();
  // Drops the weak mentions written since the store was opened (extract::Mention::weak: an
  // organization its document names only tentatively) of entities that no other stored mention
  // names and that fewer than three documents name weakly, and forgets the rest; returns how
  // many went. Needs the index of mentions by entity.
  size_t drop_weak_mentions();

  // Into an empty database, a build inserts mentions faster without the index of mentions by
  // entity, whose random inserts took a sixth of the writer's time: defer_indexes() drops it
  // when the database holds no document, and restore_indexes() builds it again in one sort (and
  // any other index of the schema that is missing). A build interrupted in between leaves the
  // database without it, whole otherwise; the next Store opened on it builds it again.
  void defer_indexes();
  void restore_indexes();

  SQLite::Database& db() { return db_; }
  // The SQL expression of what the full-text index holds for the sentence text `text_column`:
  // rawabit_search_form(text_column) (see search_form.hpp), or the text itself in a database
  // made before sentences_search.
  std::string fts_text_sql(const std::string& text_column) const;
  // The table of the sentences' rows: sentence_spans, or `sentences` in a database made before
  // it (which stores their text as well; elsewhere `sentences` is a view that adds it).
  std::string sentence_table() const;
  bool stores_sentence_text() const { return sentence_text_stored_; }
  // What meta.schema_version records: "2" (sentence_spans), or "1" for a database made before.
  std::string schema_version() const { return sentence_text_stored_ ? "1" : "2"; }

 private:
  struct Statements;  // prepared once, reused for every document
  BatchSentences batch_sentences_;  // read by db_'s rawabit_batch_sentences: destroyed after it
  SQLite::Database db_;
  std::unique_ptr<Statements> sql_;
  std::unique_ptr<SQLite::Transaction> batch_;
  std::unordered_map<std::string, int64_t> entity_ids_;     // entity key → id, this run
  // Aliases written this run; looked up by string_view so that a known alias costs no copy, in a
  // hash set (a tree of hundreds of thousands of strings cost a cache miss per level).
  struct AliasHash {
    using is_transparent = void;
    template <class Pair>
    size_t operator()(const Pair& a) const {
      return std::hash<std::string_view>{}(std::string_view(a.second)) ^
             static_cast<size_t>(a.first) * 0x9E3779B97F4A7C15ull;
    }
  };
  struct AliasEqual {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return a.first == b.first && std::string_view(a.second) == std::string_view(b.second);
    }
  };
  std::unordered_set<std::pair<int64_t, std::string>, AliasHash, AliasEqual> aliases_seen_;
  std::vector<const std::pair<int64_t, std::string>*> pending_aliases_;  // in aliases_seen_, not yet written
  bool search_form_indexed_ = true;
  bool sentence_text_stored_ = false;

  int64_t entity_id(const extract::Annotations& ann, uint32_t index);
  // Deletes a document with its sentences, mentions, evidence and duplicate records, and takes
  // its sentences out of the full-text index (or out of the batch, when added in this one).
  void delete_document(int64_t id);
  void add_alias(int64_t entity, std::string_view alias);  // written by write_pending_aliases()
  void write_pending_aliases();
  int64_t relation_id(int64_t subject, const std::string& predicate, int64_t object);
};

}  // namespace rawabit::store
