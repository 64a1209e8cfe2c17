#!/usr/bin/env python3
"""scripts/sample-evidence: a deterministic draw, seeded, with the span marked and columns to judge."""
import contextlib
import io
import tempfile
import unittest
from pathlib import Path

from tiny_database import TinyDatabase, load_script

sample = load_script("sample-evidence")


class SampleEvidenceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = str(Path(cls.dir.name) / "tiny.sqlite")
        t = TinyDatabase(cls.path)
        russia, belarus = t.entity("Russia", "COUNTRY"), t.entity("Belarus", "COUNTRY")
        for k in range(30):
            d = t.document(f"d{k}.txt", f"مقدمة {k}. نشرت روسيا أسلحة في بيلاروسيا.")
            t.evidence(d, russia, "deployed_weapons_in", belarus, "نشرت روسيا أسلحة في بيلاروسيا", 0.5 + k / 100,
                       {"modality": "planned"} if k % 2 else {})
        t.close()

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_the_same_seed_draws_the_same_rows(self):
        a = [r["evidence"] for r in sample.draw(self.path, 10, 15)]
        self.assertEqual(a, [r["evidence"] for r in sample.draw(self.path, 10, 15)])
        self.assertEqual(len(set(a)), 10)
        self.assertNotEqual(a, [r["evidence"] for r in sample.draw(self.path, 10, 16)])
        self.assertNotEqual(sorted(a), list(range(1, 11)))  # not the first rows

    def test_a_smaller_draw_is_a_prefix_of_a_larger(self):
        self.assertEqual([r["evidence"] for r in sample.draw(self.path, 5, 15)],
                         [r["evidence"] for r in sample.draw(self.path, 10, 15)][:5])

    def test_more_than_there_is_draws_everything(self):
        self.assertEqual(sorted(r["evidence"] for r in sample.draw(self.path, 100, 1)), list(range(1, 31)))

    def test_row_fields(self):
        rows = {r["evidence"]: r for r in sample.draw(self.path, 30, 15)}
        r = rows[2]
        self.assertEqual((r["predicate"], r["subject"], r["object"], r["modality"], r["document"]),
                         ("deployed_weapons_in", "Russia", "Belarus", "planned", "d1.txt"))
        self.assertEqual(r["confidence"], 0.51)
        self.assertEqual(r["sentence"], "مقدمة 1. ⟦نشرت روسيا أسلحة في بيلاروسيا⟧.")
        self.assertEqual(rows[1]["modality"], "asserted")

    def test_tsv_has_columns_to_judge(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.assertEqual(sample.main([self.path, "3", "15", "--tsv"]), 0)
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), 4)
        header = lines[0].split("\t")
        self.assertEqual(header[-2:], ["judgement", "note"])
        self.assertTrue(all(len(line.split("\t")) == len(header) for line in lines))


if __name__ == "__main__":
    unittest.main()
