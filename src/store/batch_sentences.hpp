// The sentences of the batch being written, as an SQLite table over the writer's memory.
//
// Why: the full-text index is written once per batch, in one statement (FTS5 flushes at every
// statement's savepoint once written to in a transaction; see Store::commit_batch). It used to
// read the batch's sentences back from `sentences.text`, a second copy of every article's text
// in the database (a third of its size), written, logged in the WAL and checkpointed only to be
// read once. The sentences are now rows of offsets (sentence_spans) and their text a view over
// documents.text; the writer keeps the batch's sentence text here until the index is written.
//
// Contract: install_batch_sentences registers the eponymous virtual table
// rawabit_batch_sentences(id INTEGER, text TEXT) on a connection; it reads `batch`, which must
// outlive the connection, and lists its rows in the order they were added. Read-only from SQL.
// Not thread-safe: the writer's thread fills it and runs the statements that read it.
#pragma once
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace rawabit::store {

// The documents added since the last commit, and their sentences: not yet in the full-text
// index, which the commit writes from here.
class BatchSentences {
 public:
  struct Row {
    int64_t id;
    std::string_view text;  // valid until clear()
  };

  // A document added in this batch (with or without sentences).
  void add_document(int64_t document) { documents_.insert(document); }
  bool holds_document(int64_t document) const { return documents_.count(document) > 0; }
  // A sentence of a document added in this batch.
  void add(int64_t document, int64_t id, std::string_view text) {
    rows_.push_back({document, id, bytes_.size(), text.size()});
    bytes_.append(text);
  }
  // Takes a document of this batch out, with its sentences (it was replaced or removed: their
  // ids may be given again to the next sentences inserted).
  void remove_document(int64_t document) {
    documents_.erase(document);
    std::erase_if(rows_, [document](const Stored& r) { return r.document == document; });
  }
  void clear() {
    documents_.clear();
    rows_.clear();
    bytes_.clear();
  }
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  Row row(size_t i) const { return {rows_[i].id, std::string_view(bytes_).substr(rows_[i].offset, rows_[i].size)}; }

 private:
  struct Stored {
    int64_t document, id;
    size_t offset, size;  // into bytes_
  };
  std::unordered_set<int64_t> documents_;
  std::vector<Stored> rows_;
  std::string bytes_;
};

void install_batch_sentences(sqlite3* db, const BatchSentences* batch);

}  // namespace rawabit::store
