#include "store/batch_sentences.hpp"

#include <memory>
#include <new>

#include "common/error.hpp"

namespace rawabit::store {

namespace {

// SQLite's structs come first in ours, so that SQLite's pointers to them are pointers to ours.
struct Table {
  sqlite3_vtab base{};
  const BatchSentences* batch = nullptr;
};

struct Cursor {
  sqlite3_vtab_cursor base{};
  const BatchSentences* batch = nullptr;
  size_t row = 0;
};

constexpr int kIdColumn = 0, kTextColumn = 1;

int connect(sqlite3* db, void* batch, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(id INTEGER, text TEXT)");
  if (rc != SQLITE_OK) return rc;
  auto* table = new (std::nothrow) Table;
  if (!table) return SQLITE_NOMEM;
  table->batch = static_cast<const BatchSentences*>(batch);
  *out = &table->base;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab* table) {
  delete reinterpret_cast<Table*>(table);
  return SQLITE_OK;
}

// One way to read it: every row, in order.
int best_index(sqlite3_vtab*, sqlite3_index_info* info) {
  info->estimatedCost = 1e6;
  info->estimatedRows = 100000;
  return SQLITE_OK;
}

int open(sqlite3_vtab* table, sqlite3_vtab_cursor** out) {
  auto* cursor = new (std::nothrow) Cursor;
  if (!cursor) return SQLITE_NOMEM;
  cursor->batch = reinterpret_cast<Table*>(table)->batch;
  *out = &cursor->base;
  return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cursor) {
  delete reinterpret_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
  reinterpret_cast<Cursor*>(cursor)->row = 0;
  return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cursor) {
  ++reinterpret_cast<Cursor*>(cursor)->row;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cursor) {
  const auto* c = reinterpret_cast<Cursor*>(cursor);
  return c->row >= c->batch->size();
}

int column(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int n) {
  const auto* c = reinterpret_cast<Cursor*>(cursor);
  BatchSentences::Row row = c->batch->row(c->row);
  if (n == kIdColumn) {
    sqlite3_result_int64(context, row.id);
  } else if (n == kTextColumn) {
    // SQLITE_STATIC: the bytes stay put until the batch is cleared, after the statement.
    sqlite3_result_text(context, row.text.data(), static_cast<int>(row.text.size()), SQLITE_STATIC);
  }
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* out) {
  const auto* c = reinterpret_cast<Cursor*>(cursor);
  *out = c->batch->row(c->row).id;
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m{};
  m.iVersion = 1;
  m.xCreate = nullptr;  // eponymous only: no CREATE VIRTUAL TABLE makes one
  m.xConnect = connect;
  m.xBestIndex = best_index;
  m.xDisconnect = disconnect;
  m.xOpen = open;
  m.xClose = close;
  m.xFilter = filter;
  m.xNext = next;
  m.xEof = eof;
  m.xColumn = column;
  m.xRowid = rowid;
  return m;
}

const sqlite3_module kModule = make_module();

}  // namespace

void install_batch_sentences(sqlite3* db, const BatchSentences* batch) {
  if (sqlite3_create_module_v2(db, "rawabit_batch_sentences", &kModule, const_cast<BatchSentences*>(batch), nullptr) !=
      SQLITE_OK)
    throw Error(std::string("cannot register rawabit_batch_sentences: ") + sqlite3_errmsg(db));
}

}  // namespace rawabit::store
