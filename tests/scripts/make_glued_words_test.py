#!/usr/bin/env python3
"""scripts/make-glued-words: which words the corpus reads as a proclitic glued to a more frequent word."""
import json
import tempfile
import unittest
from pathlib import Path

from tiny_database import load_script

script = load_script("make-glued-words")


def glued(words, common=()):
    """The list make-glued-words writes for a corpus of these words (word → count)."""
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        text = " ".join(w for w, n in words.items() for _ in range(n))
        (d / "corpus.jsonl").write_text(json.dumps({"title": "", "text": text}, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
        (d / "common.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
        for name in ("function.txt", "ordinary.txt"):
            (d / name).write_text("\n", encoding="utf-8")
        script.main(str(d / "corpus.jsonl"), str(d / "common.txt"), str(d / "function.txt"), str(d / "ordinary.txt"),
                    str(d / "out.tsv"))
        rows = (l.rstrip("\n").split("\t") for l in (d / "out.tsv").read_text(encoding="utf-8").splitlines()
                if not l.startswith("#"))
        return {w: (p, kind) for w, p, kind in rows}


class MakeGluedWordsTest(unittest.TestCase):
    def test_a_proclitic_before_a_more_frequent_name(self):
        listed = glued({"نايف": 10, "ونايف": 2, "جندوبة": 10, "بجندوبة": 4})
        self.assertEqual(listed["ونايف"], ("و", "name"))
        self.assertEqual(listed["بجندوبه"], ("ب", "name"))

    def test_a_name_as_frequent_as_its_stem_is_not_listed(self):
        self.assertNotIn("وليد", glued({"وليد": 10, "ليد": 10}))

    def test_no_conjunction_after_a_preposition(self):
        # «وريال» is mostly «و» + «ريال»: «لوريال» (L'Oréal) is no «ل» + «وريال».
        listed = glued({"ريال": 40, "وريال": 10, "لوريال": 3, "وزير": 10, "لوزير": 3, "زير": 1})
        self.assertNotIn("لوريال", listed)
        self.assertEqual(listed["لوزير"], ("ل", "name"))
        self.assertEqual(listed["وريال"], ("و", "name"))


if __name__ == "__main__":
    unittest.main()
