-- rawabit database schema, version 2 (meta.schema_version; version 1 stored the sentences'
-- text in a table `sentences`, which such databases keep).
-- Offsets (start, end) are character offsets (Unicode code points, 0-based, end exclusive) into
-- documents.text, so that substr(text, start + 1, end - start) returns the span in SQL.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  id        INTEGER PRIMARY KEY,
  source    TEXT NOT NULL UNIQUE,   -- input path, or path#id for a JSON Lines record
  title     TEXT,
  date      TEXT,                   -- ISO date, year-month or year; NULL when unknown
  publisher TEXT,
  sha256    TEXT NOT NULL,
  text      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);

-- Inputs whose text is identical to a stored document's: stored once, their names kept here.
CREATE TABLE IF NOT EXISTS duplicates (
  source      TEXT PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);

-- The sentences of each document: character offsets into documents.text (0-based, end
-- exclusive); the view `sentences` adds their text. The text is not stored a second time.
CREATE TABLE IF NOT EXISTS sentence_spans (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sentence_spans_document ON sentence_spans(document_id);

-- (A database made before sentence_spans has a table `sentences` with these columns, its text
-- stored: the table keeps its place, this view is not created and sentence_spans stays empty.)
CREATE VIEW IF NOT EXISTS sentences AS
SELECT s.id, s.document_id, s.ordinal, s.start, s.end, substr(d.text, s.start + 1, s.end - s.start) AS text
FROM sentence_spans s JOIN documents d ON d.id = s.document_id;

-- What the full-text index holds of each sentence: its text without Arabic diacritics (tanwin,
-- short vowels, shadda, sukun: U+064B-0652; superscript alef U+0670) and tatweel (U+0640), which
-- unicode61 would take for word breaks or letters: «رؤوسًا» is found by رؤوسا, as users type it.
-- The writer computes the same with its function rawabit_search_form (src/store/search_form.hpp).
CREATE VIEW IF NOT EXISTS sentences_search AS
SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text,
         char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''),
         char(1616), ''), char(1617), ''), char(1618), ''), char(1648), ''), char(1600), '') AS text
FROM sentences;

-- Full-text index over the sentences (external content: the view above). The store keeps it in
-- step once per batch (a trigger per row costs a virtual-table savepoint per sentence). The
-- tokenizer is FTS5's default, unicode61, named so that rawabit's writer can tokenize faster
-- with the same tokens (src/store/fts_tokenizer.hpp); any SQLite reads and writes the index with
-- its own. Databases made before the view index sentences.text as it is (content='sentences').
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, content='sentences_search', content_rowid='id', tokenize='unicode61');

CREATE TABLE IF NOT EXISTS entities (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,  -- gazetteer name_en, or TYPE:normalized Arabic name
  name       TEXT NOT NULL,         -- English canonical name (Arabic when none is known)
  name_ar    TEXT,
  type       TEXT NOT NULL CHECK (type IN ('PERSON','ORGANIZATION','COUNTRY','LOCATION','TREATY','WEAPON')),
  qid        TEXT,
  stands_for INTEGER REFERENCES entities(id),
  origin     TEXT NOT NULL          -- gazetteer | title | tagger
);

CREATE TABLE IF NOT EXISTS aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mentions (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL REFERENCES sentence_spans(id) ON DELETE CASCADE,
  entity_id   INTEGER NOT NULL REFERENCES entities(id),
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  surface     TEXT NOT NULL,        -- exactly substr(documents.text, start + 1, end - start)
  method      TEXT NOT NULL         -- gazetteer | title | variant | tagger
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS relations (
  id         INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES entities(id),
  predicate  TEXT NOT NULL,
  object_id  INTEGER NOT NULL REFERENCES entities(id),
  UNIQUE (subject_id, predicate, object_id)
);

CREATE TABLE IF NOT EXISTS evidence (
  id          INTEGER PRIMARY KEY,
  relation_id INTEGER NOT NULL REFERENCES relations(id),
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL REFERENCES sentence_spans(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,     -- span from the first to the last word of the match
  end         INTEGER NOT NULL,
  confidence  REAL NOT NULL,
  date        TEXT,                 -- the sentence's date, else the article's
  attrs       TEXT NOT NULL DEFAULT '{}',  -- JSON: role, weapon, modality, ...
  pattern     TEXT NOT NULL         -- the rule that matched
);
CREATE INDEX IF NOT EXISTS evidence_relation ON evidence(relation_id);
CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document_id);

-- The query API. These views are stable: columns are only ever added at the end.

-- The views are a public API: a column is only ever added at the end (qid came last; Store
-- recreates a v_entities without it when it opens an older database).
CREATE VIEW IF NOT EXISTS v_entities AS
SELECT e.id AS entity_id, e.name AS entity, e.name_ar, e.type AS entity_type,
       COUNT(m.id) AS mentions, COUNT(DISTINCT m.document_id) AS documents, e.qid
FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
GROUP BY e.id;

CREATE VIEW IF NOT EXISTS v_aliases AS
SELECT entity_id, alias FROM aliases;

CREATE VIEW IF NOT EXISTS v_mentions AS
SELECT d.source AS document, e.id AS entity_id, e.name AS entity, e.type AS entity_type,
       m.surface, m.start, m.end
FROM mentions m JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id;

CREATE VIEW IF NOT EXISTS v_evidence AS
SELECT d.source AS document, r.subject_id, s.name AS subject, r.predicate, r.object_id, o.name AS object,
       se.text AS sentence, ev.confidence, ev.date, ev.attrs, ev.start, ev.end
FROM evidence ev
JOIN relations r ON r.id = ev.relation_id
JOIN entities s ON s.id = r.subject_id
JOIN entities o ON o.id = r.object_id
JOIN documents d ON d.id = ev.document_id
JOIN sentences se ON se.id = ev.sentence_id;

-- A fact is what the articles assert: evidence whose attrs give a modality other than "asserted"
-- (hypothetical, planned, negated, ...) stays in v_evidence but is not counted here, and a fact
-- with no asserted evidence is not listed. (The condition is store::asserted_evidence_sql; an
-- existing database gets this definition from store::update_views.)
CREATE VIEW IF NOT EXISTS v_facts AS
SELECT r.subject_id, s.name AS subject, r.predicate, r.object_id, o.name AS object,
       COUNT(DISTINCT ev.document_id) AS weight,
       MIN(ev.date) AS first_seen, MAX(ev.date) AS last_seen
FROM relations r
JOIN evidence ev ON ev.relation_id = r.id
JOIN entities s ON s.id = r.subject_id
JOIN entities o ON o.id = r.object_id
WHERE (CASE WHEN json_valid(ev.attrs) THEN coalesce(json_extract(ev.attrs, '$.modality'), 'asserted') IN ('asserted', '') ELSE 1 END)
GROUP BY r.id;
