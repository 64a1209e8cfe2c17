#!/usr/bin/env python3
"""scripts/proclitic-names: entities that are a proclitic plus another entity's name."""
import tempfile
import unittest
from pathlib import Path

from tiny_database import TinyDatabase, load_script

script = load_script("proclitic-names")


class ProcliticNamesTest(unittest.TestCase):
    def test_counts_names_glued_to_a_proclitic(self):
        with tempfile.TemporaryDirectory() as d:
            path = str(Path(d) / "tiny.sqlite")
            t = TinyDatabase(path)
            for name in ["نايف هزازي", "ونايف هزازي", "جندوبة", "بجندوبة", "وبجندوبة", "وليد", "ليد", "روسيا",
                         "كروسيا", "فرنسا"]:
                t.entity(name, "PERSON")
            t.close()
            found = {(p, name, bare) for p, name, bare, _ in script.proclitic_names(path)}
        self.assertEqual(found, {("و", "ونايف هزازي", "نايف هزازي"), ("ب", "بجندوبة", "جندوبة"),
                                 ("وب", "وبجندوبة", "جندوبة"), ("و", "وليد", "ليد"), ("ك", "كروسيا", "روسيا")})


if __name__ == "__main__":
    unittest.main()
