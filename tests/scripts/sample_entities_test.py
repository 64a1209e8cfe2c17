#!/usr/bin/env python3
"""scripts/sample-entities: a deterministic draw of entities, seeded, with three contexts marked."""
import contextlib
import io
import tempfile
import unittest
from pathlib import Path

from tiny_database import TinyDatabase, load_script

sample = load_script("sample-entities")


class SampleEntitiesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = str(Path(cls.dir.name) / "tiny.sqlite")
        t = TinyDatabase(cls.path)
        cls.entities = [t.entity(f"مدينة{k}", "LOCATION") for k in range(20)]
        t.entity("بلا ذكر", "PERSON")  # no mention: never drawn
        for k, e in enumerate(cls.entities):
            for j in range(k % 5 + 1):  # 1 to 5 mentions each
                d = t.document(f"d{k}-{j}.txt", f"زار الوفد مدينة{k} في اليوم {j}.")
                t.mention(d, e, f"مدينة{k}")
        t.close()

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_the_same_seed_draws_the_same_entities(self):
        a = [r["entity_id"] for r in sample.draw(self.path, 10, 7)]
        self.assertEqual(a, [r["entity_id"] for r in sample.draw(self.path, 10, 7)])
        self.assertEqual(len(set(a)), 10)
        self.assertNotEqual(a, [r["entity_id"] for r in sample.draw(self.path, 10, 8)])
        self.assertNotEqual(sorted(a), self.entities[:10])  # not the first rows

    def test_only_entities_with_mentions_are_drawn(self):
        self.assertEqual(sorted(r["entity_id"] for r in sample.draw(self.path, 100, 1)), self.entities)

    def test_counts_and_at_most_three_contexts_marked(self):
        rows = {r["entity_id"]: r for r in sample.draw(self.path, 100, 3)}
        r = rows[self.entities[4]]  # five mentions in five documents
        self.assertEqual((r["type"], r["name"], r["mentions"], r["documents"]), ("LOCATION", "مدينة4", 5, 5))
        contexts = [r[f"context{i}"] for i in (1, 2, 3)]
        self.assertEqual(len(set(contexts)), 3)
        for c in contexts:
            self.assertRegex(c, r"^زار الوفد ⟦مدينة4⟧ في اليوم \d\.$")
        one = rows[self.entities[0]]  # one mention
        self.assertEqual((one["context1"], one["context2"], one["context3"]), ("زار الوفد ⟦مدينة0⟧ في اليوم 0.", "", ""))

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
