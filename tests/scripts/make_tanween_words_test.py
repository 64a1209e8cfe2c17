#!/usr/bin/env python3
"""scripts/make-tanween-words: the words a corpus writes with tanween, which no name carries."""
import unittest

from tiny_database import load_script

script = load_script("make-tanween-words")


class MakeTanweenWordsTest(unittest.TestCase):
    def test_words_often_marked_with_tanween(self):
        words = ["مازحاً"] * 3 + ["مازحا"] * 20 + ["روسياً"] * 2 + ["روسيا"] * 98 + ["كتاباً"] * 1 + ["كتابا"] * 3
        # «مازحا» 3 of 23; «روسيا» 2 of 100, under the share; «كتابا» marked once only.
        self.assertEqual(script.tanween_words(words), ["مازحا"])

    def test_a_gazetteer_persons_word_is_never_listed(self):
        words = ["سعيداً"] * 5 + ["سعيدا"] * 5
        self.assertEqual(script.tanween_words(words), ["سعيدا"])
        self.assertEqual(script.tanween_words(words, {"سعيدا"}), [])

    def test_all_three_tanween_marks_and_normalized_forms(self):
        words = ["طفلٌ", "طفلٍ", "طفل", "أيضاً", "ايضاً", "ايضا"]
        self.assertEqual(script.tanween_words(words), ["ايضا", "طفل"])


if __name__ == "__main__":
    unittest.main()
