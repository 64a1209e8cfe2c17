"""What scripts/sample-evidence and scripts/sample-entities share: a seeded draw that any machine
repeats (SQLite's random() cannot be seeded), the marking of a span in its sentence, the command
line and the TSV to judge. Python 3 standard library only."""
import argparse
import hashlib
import sqlite3


def sample_order(row_id, seed):
    """The rank of a row in the draw of `seed`: 64 bits of SHA-256 of "seed:id"."""
    digest = hashlib.sha256(f"{seed}:{row_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1  # SQLite integers are signed 64-bit


def connect(db_path):
    """The database read-only, with sample_order(id, seed) to ORDER BY."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    db.create_function("sample_order", 2, sample_order, deterministic=True)
    return db


def marked(sentence, sentence_start, start, end):
    """The sentence with a span (document offsets) in ⟦…⟧."""
    a, b = max(0, start - sentence_start), max(0, min(len(sentence), end - sentence_start))
    return sentence[:a] + "⟦" + sentence[a:b] + "⟧" + sentence[b:]


def one_line(text):
    return " ".join(str(text).split())


def arguments(doc, argv, tsv_help):
    """DB, N and SEED, and --tsv, from the command line; N must be a count."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0], epilog=doc,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("n", type=int)
    ap.add_argument("seed")
    ap.add_argument("--tsv", action="store_true", help=tsv_help)
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error(f"N must be a count, not {a.n}")
    return a


def write_tsv(out, rows, columns):
    """A header, then one line per row, each column on one line (missing ones empty)."""
    out.write("\t".join(columns) + "\n")
    for r in rows:
        out.write("\t".join(one_line(r.get(c, "")) for c in columns) + "\n")
