#!/usr/bin/env python3
"""scripts/make-native-words: Arabic words that one name skeleton would confuse with another."""
import collections
import unittest

from tiny_database import load_script

script = load_script("make-native-words")


def corpus(counts):
    return [w for w, n in counts.items() for _ in range(n)]


class MakeNativeWordsTest(unittest.TestCase):
    def test_arabic_words_sharing_a_skeleton_are_listed(self):
        words = corpus({"محمد": 50, "محمود": 30, "حسن": 40, "سعيد": 25})
        # «حسن» and «سعيد» share their skeleton with no other listed word.
        self.assertEqual(script.native_words(words), ["محمد", "محمود"])

    def test_foreign_renderings_are_never_listed(self):
        # No letter of Arabic words alone, and no article: «كيليني» / «كلوني» keep one skeleton key.
        words = corpus({"كيليني": 40, "كلوني": 40, "جياني": 30, "جاني": 30, "الجاني": 60})
        self.assertEqual(script.native_words(words), [])

    def test_words_with_the_article_need_their_stem_written_alone(self):
        words = corpus({"العبيدي": 40, "عبيدي": 10, "العبدي": 30, "عبدي": 5, "اليغري": 90, "يغري": 5})
        # «العبيدي» / «العبدي»: both have ع; «اليغري»'s stem is too rare alone to make it Arabic.
        self.assertEqual(script.native_words(words), ["العبدي", "العبيدي"])
        self.assertFalse(script.is_arabic("اليغري", collections.Counter(words)))
        self.assertTrue(script.is_arabic("الجابر", collections.Counter({"الجابر": 100, "جابر": 50})))

    def test_rare_words_and_case_forms_are_left_out(self):
        words = corpus({"محمد": 50, "محمود": 19, "ابو": 100, "ابي": 80})
        self.assertEqual(script.native_words(words), [])

    def test_spellings_of_one_name_are_counted_as_one(self):
        self.assertEqual(script.native_spelling("عائض"), "عايض")
        self.assertEqual(script.native_spelling("عطاء"), "عطا")
        self.assertEqual(script.native_spelling("داوود"), "داود")
        self.assertEqual(script.native_spelling("بالحاج"), "بلحج")
        self.assertEqual(script.native_spelling("الرحمان"), "الرحمن")
        self.assertEqual(script.native_spelling("عامر"), "عامر")  # four letters: «عمر» / «عامر» stay apart
        # «عائض» and «عايض» are one word, listed once, apart from «عوض».
        words = corpus({"عائض": 15, "عايض": 10, "عوض": 30})
        self.assertEqual(script.native_words(words), ["عايض", "عوض"])

    def test_skeleton_agrees_with_the_extractor(self):
        self.assertEqual(script.skeleton("ترامب"), script.skeleton("ترمب"))
        self.assertEqual(script.skeleton("غويندا"), script.skeleton("جويندا"))
        self.assertEqual(script.skeleton("محمود"), "محمد")


if __name__ == "__main__":
    unittest.main()
