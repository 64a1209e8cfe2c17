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
#include <vector>

namespace rawabit::store {

class BatchSentences {
 public:
  struct Row {
    int64_t id;
    std::string_view text;  // valid until clear()
  };

  void add(int64_t id, std::string_view text) {
    rows_.push_back({id, bytes_.size(), text.size()});
    bytes_.append(text);
  }
  // Drops the rows of these ids.
  void remove(const std::vector<int64_t>& ids) {
    std::erase_if(rows_, [&ids](const Stored& r) { return std::find(ids.begin(), ids.end(), r.id) != ids.end(); });
  }
  void clear() {
    rows_.clear();
    bytes_.clear();
  }
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  Row row(size_t i) const { return {rows_[i].id, std::string_view(bytes_).substr(rows_[i].offset, rows_[i].size)}; }

 private:
  struct Stored {
    int64_t id;
    size_t offset, size;  // into bytes_
  };
  std::vector<Stored> rows_;
  std::string bytes_;
};

void install_batch_sentences(sqlite3* db, const BatchSentences* batch);

}  // namespace rawabit::store
