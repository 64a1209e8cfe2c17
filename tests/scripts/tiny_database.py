"""A tiny rawabit database for the scripts' tests: the real schema, rows written by the test."""
import json
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class TinyDatabase:
    """Each document is one sentence; mentions and evidence are placed by the text they cover."""

    def __init__(self, path):
        self.db = sqlite3.connect(path)
        self.db.executescript((REPO / "schema" / "sql" / "schema.sql").read_text(encoding="utf-8"))
        self.texts = {}

    def entity(self, name, type_, aliases=()):
        cur = self.db.execute("INSERT INTO entities (key, name, type, origin) VALUES (?, ?, ?, 'gazetteer')",
                              (name, name, type_))
        for a in aliases:
            self.db.execute("INSERT INTO aliases VALUES (?, ?)", (cur.lastrowid, a))
        return cur.lastrowid

    def document(self, source, text):
        cur = self.db.execute("INSERT INTO documents (source, sha256, text) VALUES (?, ?, ?)", (source, source, text))
        doc = cur.lastrowid
        self.db.execute("INSERT INTO sentence_spans (id, document_id, ordinal, start, end) VALUES (?, ?, 0, 0, ?)",
                        (doc, doc, len(text)))
        self.texts[doc] = text
        return doc

    def mention(self, doc, entity, surface, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = self.texts[doc].index(surface, start + 1)
        self.db.execute("INSERT INTO mentions (document_id, sentence_id, entity_id, start, end, surface, method) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'gazetteer')", (doc, doc, entity, start, start + len(surface), surface))

    def evidence(self, doc, subject, predicate, obj, span, confidence, attrs=None):
        self.db.execute("INSERT OR IGNORE INTO relations (subject_id, predicate, object_id) VALUES (?, ?, ?)",
                        (subject, predicate, obj))
        rid = self.db.execute("SELECT id FROM relations WHERE subject_id = ? AND predicate = ? AND object_id = ?",
                              (subject, predicate, obj)).fetchone()[0]
        start = self.texts[doc].index(span)
        self.db.execute("INSERT INTO evidence (relation_id, document_id, sentence_id, start, end, confidence, attrs, pattern) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, 'test')",
                        (rid, doc, doc, start, start + len(span), confidence, json.dumps(attrs or {}, ensure_ascii=False)))

    def close(self):
        self.db.commit()
        self.db.close()


def load_script(name):
    """A script of scripts/ (no .py suffix) as a module."""
    import importlib.machinery
    import importlib.util
    path = str(REPO / "scripts" / name)
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
