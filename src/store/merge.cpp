#include "store/merge.hpp"

#include "common/error.hpp"

namespace rawabit::store {

namespace {

// Maps the shard's documents to the target's: inserted, duplicate or already there.
MergeTally map_documents(SQLite::Database& db, const std::function<void(const std::string&)>& warn) {
  MergeTally tally;
  db.exec("CREATE TEMP TABLE dmap(old INTEGER PRIMARY KEY, new INTEGER NOT NULL)");
  SQLite::Statement docs(db, "SELECT id, source, title, date, publisher, sha256, text FROM shard.documents ORDER BY id");
  SQLite::Statement by_source(db, "SELECT sha256 FROM main.documents WHERE source = ?");
  SQLite::Statement by_sha(db, "SELECT id FROM main.documents WHERE sha256 = ? LIMIT 1");
  SQLite::Statement insert(db, "INSERT INTO main.documents(source, title, date, publisher, sha256, text) VALUES (?,?,?,?,?,?)");
  SQLite::Statement map(db, "INSERT INTO dmap(old, new) VALUES (?, ?)");
  SQLite::Statement duplicate(db, "INSERT OR IGNORE INTO main.duplicates(source, document_id) VALUES (?, ?)");
  while (docs.executeStep()) {
    std::string source = docs.getColumn(1).getString(), sha = docs.getColumn(5).getString();
    by_source.reset();
    by_source.bind(1, source);
    if (by_source.executeStep()) {
      if (by_source.getColumn(0).getString() != sha) {
        warn(source + ": stored with another text in the target; the target's is kept");
        ++tally.conflicts;
      }
      continue;
    }
    by_sha.reset();
    by_sha.bind(1, sha);
    if (by_sha.executeStep()) {
      duplicate.reset();
      duplicate.bind(1, source);
      duplicate.bind(2, by_sha.getColumn(0).getInt64());
      duplicate.exec();
      ++tally.duplicates;
      continue;
    }
    insert.reset();
    for (int c = 1; c <= 6; ++c) {  // all text, date and publisher may be NULL
      SQLite::Column col = docs.getColumn(c);
      if (col.isNull()) insert.bind(c); else insert.bind(c, col.getString());
    }
    insert.exec();
    map.reset();
    map.bind(1, docs.getColumn(0).getInt64());
    map.bind(2, db.getLastInsertRowid());
    map.exec();
    ++tally.documents;
  }
  return tally;
}

// Everything derived from the mapped documents, keyed through temporary id maps. The shard's
// `sentences` has the same columns whether it is a table or a view; the target's rows go to
// SENTENCE_TABLE, with their text where the target stores it (TEXT_COLUMN, TEXT_VALUE).
constexpr std::string_view kMergeDerived = R"sql(
INSERT OR IGNORE INTO main.entities(key, name, name_ar, type, qid, origin)
  SELECT key, name, name_ar, type, qid, origin FROM shard.entities;
CREATE TEMP TABLE emap AS
  SELECT se.id AS old, e.id AS new FROM shard.entities se JOIN main.entities e ON e.key = se.key;
UPDATE main.entities SET stands_for = (
    SELECT t.new FROM shard.entities se JOIN emap t ON t.old = se.stands_for WHERE se.key = main.entities.key)
  WHERE stands_for IS NULL AND key IN (SELECT key FROM shard.entities WHERE stands_for IS NOT NULL);
INSERT OR IGNORE INTO main.aliases(entity_id, alias)
  SELECT emap.new, a.alias FROM shard.aliases a JOIN emap ON emap.old = a.entity_id;
INSERT INTO main.SENTENCE_TABLE(document_id, ordinal, start, end TEXT_COLUMN)
  SELECT dmap.new, s.ordinal, s.start, s.end TEXT_VALUE FROM shard.sentences s JOIN dmap ON dmap.old = s.document_id
  ORDER BY s.id;
CREATE TEMP TABLE smap AS
  SELECT s.id AS old, n.id AS new FROM shard.sentences s JOIN dmap ON dmap.old = s.document_id
  JOIN main.SENTENCE_TABLE n ON n.document_id = dmap.new AND n.ordinal = s.ordinal;
INSERT INTO main.mentions(document_id, sentence_id, entity_id, start, end, surface, method)
  SELECT dmap.new, smap.new, emap.new, m.start, m.end, m.surface, m.method FROM shard.mentions m
  JOIN dmap ON dmap.old = m.document_id JOIN smap ON smap.old = m.sentence_id JOIN emap ON emap.old = m.entity_id
  ORDER BY m.id;
INSERT OR IGNORE INTO main.relations(subject_id, predicate, object_id)
  SELECT es.new, r.predicate, eo.new FROM shard.relations r
  JOIN emap es ON es.old = r.subject_id JOIN emap eo ON eo.old = r.object_id;
CREATE TEMP TABLE rmap AS
  SELECT r.id AS old, n.id AS new FROM shard.relations r
  JOIN emap es ON es.old = r.subject_id JOIN emap eo ON eo.old = r.object_id
  JOIN main.relations n ON n.subject_id = es.new AND n.predicate = r.predicate AND n.object_id = eo.new;
INSERT INTO main.evidence(relation_id, document_id, sentence_id, start, end, confidence, date, attrs, pattern)
  SELECT rmap.new, dmap.new, smap.new, ev.start, ev.end, ev.confidence, ev.date, ev.attrs, ev.pattern
  FROM shard.evidence ev JOIN rmap ON rmap.old = ev.relation_id JOIN dmap ON dmap.old = ev.document_id
  JOIN smap ON smap.old = ev.sentence_id ORDER BY ev.id;
INSERT OR IGNORE INTO main.duplicates(source, document_id)
  SELECT x.source, dmap.new FROM shard.duplicates x JOIN dmap ON dmap.old = x.document_id;
DROP TABLE dmap; DROP TABLE emap; DROP TABLE rmap;
)sql";

std::string merge_derived_sql(const Store& target) {
  std::string sql(kMergeDerived);
  auto replace_all = [&sql](std::string_view name, const std::string& value) {
    for (size_t at = sql.find(name); at != std::string::npos; at = sql.find(name, at + value.size()))
      sql.replace(at, name.size(), value);
  };
  replace_all("SENTENCE_TABLE", target.sentence_table());
  replace_all("TEXT_COLUMN", target.stores_sentence_text() ? ", text" : "");
  replace_all("TEXT_VALUE", target.stores_sentence_text() ? ", s.text" : "");
  return sql;
}

// Only the sentences merged now go into the full-text index (a 'rebuild' re-indexed the whole
// target for every shard merged: quadratic in the number of shards).
std::string index_merged_sentences(const Store& target) {
  return "INSERT INTO main.sentences_fts(rowid, text) SELECT s.id, " + target.fts_text_sql("s.text") +
         " FROM main.sentences s JOIN smap ON smap.new = s.id ORDER BY s.id; DROP TABLE smap;";
}

}  // namespace

MergeTally merge_into(Store& target, const std::filesystem::path& shard,
                      const std::function<void(const std::string&)>& warn) {
  SQLite::Database& db = target.db();
  db.exec("PRAGMA ignore_check_constraints=OFF");  // rows from another database are checked (see Store)
  if (!std::filesystem::is_regular_file(shard)) throw Error(shard.string() + ": no such database");
  try {
    SQLite::Statement attach(db, "ATTACH DATABASE ? AS shard");
    attach.bind(1, shard.string());
    attach.exec();
  } catch (const SQLite::Exception& e) {
    throw Error(shard.string() + ": cannot open the database: " + e.what());
  }
  MergeTally tally;
  try {
    SQLite::Transaction tx(db);
    tally = map_documents(db, warn);
    {
      SQLite::Statement version(db, "SELECT value FROM shard.meta WHERE key = 'lexicon_version'");
      if (version.executeStep()) tally.lexicon_version = version.getColumn(0).getString();
    }  // finalized: a statement left on a row keeps the shard locked
    db.exec(merge_derived_sql(target));
    db.exec(index_merged_sentences(target));
    tx.commit();
  } catch (const SQLite::Exception& e) {
    db.exec("DETACH DATABASE shard");
    throw Error(shard.string() + ": not a rawabit database, or a damaged one: " + e.what());
  }
  db.exec("DETACH DATABASE shard");
  return tally;
}

}  // namespace rawabit::store
