#!/usr/bin/env python3
"""scripts/mine on a database made here: the pairs it takes, the constructions it finds, the counts."""
import io
import json
import sqlite3
import tempfile
import unittest
from pathlib import Path

from tiny_database import TinyDatabase, load_script

mine = load_script("mine")


class MineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = str(Path(cls.dir.name) / "tiny.sqlite")
        t = TinyDatabase(cls.path)
        cls.russia = t.entity("Russia", "COUNTRY", ["روسيا"])
        cls.china = t.entity("China", "COUNTRY", ["الصين"])
        cls.lavrov = t.entity("Sergey Lavrov", "PERSON", ["سيرغي لافروف"])
        cls.putin = t.entity("فلاديمير بوتين", "PERSON", ["فلاديمير بوتين"])  # no English name: gold resolves by alias
        d1 = t.document("a.txt", "قال وزير خارجية روسيا سيرغي لافروف إن التعاون مع الصين مهم.")
        t.mention(d1, cls.russia, "روسيا")
        t.mention(d1, cls.lavrov, "سيرغي لافروف")
        t.mention(d1, cls.china, "الصين")
        t.evidence(d1, cls.lavrov, "official_of", cls.russia, "وزير خارجية روسيا سيرغي لافروف", 0.9)
        t.evidence(d1, cls.lavrov, "official_of", cls.russia, "روسيا سيرغي لافروف", 0.8)
        t.evidence(d1, cls.lavrov, "leader_of", cls.russia, "خارجية روسيا سيرغي لافروف", 0.9)  # outvoted
        t.evidence(d1, cls.russia, "cooperates_with", cls.china, "روسيا سيرغي لافروف إن التعاون مع الصين", 0.9,
                   {"modality": "hypothetical"})
        t.evidence(d1, cls.lavrov, "met_with", cls.china, "سيرغي لافروف إن التعاون مع الصين", 0.5)
        d2 = t.document("b.txt", "التقى سيرغي لافروف، وزير خارجية روسيا، نظيره الصيني.")
        t.mention(d2, cls.lavrov, "سيرغي لافروف")
        t.mention(d2, cls.russia, "روسيا")
        d3 = t.document("c.txt", "وصل الرئيس الروسي فلاديمير بوتين إلى بكين، ووزيرة الخارجية.")
        t.mention(d3, cls.putin, "فلاديمير بوتين")
        t.close()
        cls.gold = str(Path(cls.dir.name) / "gold.json")
        Path(cls.gold).write_text(json.dumps({"documents": [{
            "doc": "c.txt",
            "entities": [{"name": "Vladimir Putin", "type": "PERSON", "surface": ["فلاديمير بوتين"]},
                         {"name": "Russia", "type": "COUNTRY", "surface": ["روسيا"]},
                         {"name": "Nobody", "type": "PERSON", "surface": ["لا أحد"]}],
            "optional_entities": [],
            "relations": [{"s": "Vladimir Putin", "p": "leader_of", "o": "Russia"},
                          {"s": "Nobody", "p": "leader_of", "o": "Russia"}]}]}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def db(self):
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)

    def test_extractor_pairs_are_confident_and_asserted(self):
        pairs = mine.extractor_pairs(self.db(), ["official_of", "cooperates_with", "met_with"], 0.7)
        self.assertEqual(pairs["official_of"], {(self.lavrov, self.russia)})
        self.assertFalse(pairs["cooperates_with"])  # hypothetical
        self.assertFalse(pairs["met_with"])  # confidence 0.5

    def test_a_pair_goes_to_its_best_supported_predicate(self):
        pairs = mine.extractor_pairs(self.db(), ["official_of", "leader_of"], 0.7)
        self.assertEqual(pairs["official_of"], {(self.lavrov, self.russia)})
        self.assertFalse(pairs["leader_of"])  # one evidence row against two

    def test_gold_pairs_resolve_names_and_surfaces(self):
        pairs, unresolved = mine.gold_pairs(self.db(), [self.gold], {"leader_of"})
        self.assertEqual(pairs["leader_of"], {(self.putin, self.russia)})
        self.assertEqual(unresolved["leader_of"], 1)  # Nobody is in no entity of the database

    def test_constructions_with_argument_order_types_and_context(self):
        db = self.db()
        pairs = mine.extractor_pairs(db, ["official_of"], 0.7)
        gold, _ = mine.gold_pairs(db, [self.gold], {"leader_of"})
        pairs.update(gold)
        results, coverage, words = mine.mine(db, pairs)
        official = results["official_of"]
        self.assertEqual(set(official), {"[O:COUNTRY] [S:PERSON]", "[S:PERSON] ، وزير خارجية [O:COUNTRY]"})
        before = official["[O:COUNTRY] [S:PERSON]"]
        self.assertEqual((len(before.documents), before.sentences, before.held), (1, 1, 1))
        self.assertEqual(dict(before.left), {"وزير خارجية": 1})
        self.assertEqual(dict(before.right), {"ان التعاون": 1})  # normalized: إن → ان
        after = official["[S:PERSON] ، وزير خارجية [O:COUNTRY]"]
        self.assertEqual(after.held, 0)  # the extractor does not hold it there
        self.assertIn("⟦S سيرغي لافروف⟧، وزير خارجية ⟦O روسيا⟧", after.examples[0][1])
        # A nisba stands for its state: الروسي is Russia.
        self.assertEqual(set(results["leader_of"]), {"[O:NISBA] [S:PERSON]"})
        self.assertEqual(dict(results["leader_of"]["[O:NISBA] [S:PERSON]"].left), {"وصل الرئيس": 1})
        self.assertEqual(coverage["official_of"], (2, 2))
        # Words of the constructions and two units around them, with their documents.
        self.assertEqual(words["official_of"]["خارجية"], {1, 2})
        self.assertEqual(words["official_of"]["التقى"], {2})
        self.assertNotIn("مهم", words["official_of"])  # too far

    def test_words_ranked_by_lift(self):
        out = io.StringIO()
        words = {"غارات": set(range(10)), "في": set(range(10)), "نادر": {1}}
        df = {"غارات": 10, "في": 1000, "نادر": 1}
        mine.report_words(out, "attacked", words, {"attacked": (20, 10)}, df, 1000)
        line = out.getvalue()
        self.assertIn("غارات (10, ×100)", line)
        self.assertNotIn("في (", line)  # as frequent there as anywhere
        self.assertNotIn("نادر", line)  # too few documents

    def test_report_ranks_by_documents(self):
        db = self.db()
        results, coverage, _ = mine.mine(db, mine.extractor_pairs(db, ["official_of"], 0.7))
        out = io.StringIO()
        mine.report(out, "official_of", results["official_of"], coverage, 1, 25)
        table = [line for line in out.getvalue().splitlines() if line.startswith("| 1 ") or line.startswith("| 2 ")]
        self.assertEqual(len(table), 2)
        self.assertIn("100%", table[0] + table[1])

    def test_count_forms_whole_words_clitics_and_wildcards(self):
        texts = list(mine.corpus_texts(self.path))
        counts = mine.count_forms(["وزير خارجية", "الخارجية", "وزيرة الخارجية", "وزير * روسيا", "التعاون"], texts, 1)
        # [as written: occurrences, documents; with a proclitic: occurrences, documents]
        self.assertEqual(counts["وزير خارجية"][:4], [2, 2, 0, 0])
        self.assertEqual(counts["الخارجية"][:4], [1, 1, 0, 0])
        self.assertEqual(counts["وزيرة الخارجية"][:4], [0, 0, 1, 1])  # ووزيرة: with a proclitic only
        self.assertEqual(counts["وزير * روسيا"][:2], [2, 2])
        self.assertEqual(counts["التعاون"][:2], [1, 1])
        # ل before ال drops the alef: للتعاون is a proclitic form of التعاون.
        self.assertEqual(mine.count_forms(["التعاون"], [("x", "دعا للتعاون والتعاون")])["التعاون"][:4], [0, 0, 2, 1])
        self.assertEqual(counts["وزير خارجية"][4][0][0], "a.txt")

    def test_command_line(self):
        out = io.StringIO()
        import contextlib
        with contextlib.redirect_stdout(out):
            self.assertEqual(mine.main(["--db", self.path, "--predicate", "official_of", "--top", "1"]), 0)
        self.assertIn("## official_of", out.getvalue())
        self.assertIn("`[O:COUNTRY] [S:PERSON]`", out.getvalue())


if __name__ == "__main__":
    unittest.main()
