// Spelling variants of names. Arabic renders foreign names inconsistently: لوكاشينكو /
// لوكاشنكو, سيرجي / سيرغي, ترمب / ترامب, دميتري / ديمتري. The skeleton of a name keeps what is
// stable across renderings: its first letter, then its consonants with long vowels (ا و ي)
// dropped, doubled letters single, and ج غ ك (for g), ط → ت, ق → ك folded.
//
// same_person() is guarded: multi-word names must agree word by word, so that Ilham Aliyev
// and Heydar Aliyev, or Sergei Lavrov and Sergei Shoigu, stay apart.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/word_set.hpp"

namespace rawabit::extract {

std::string name_skeleton(std::string_view normalized_word);
// name_skeleton() appended to out, or its first max_letters letters.
void append_name_skeleton(std::string_view normalized_word, std::string& out, size_t max_letters = SIZE_MAX);
std::string name_skeleton_of_phrase(std::string_view normalized_phrase);  // word skeletons joined by ' '
// The key that merges renderings of a person's name found in text: name_skeleton_of_phrase(),
// except that a native word (schema/lexicon/native_name_words.txt) stands as written. Arabic
// spells its names one way and tells them apart by the long vowels a skeleton drops: «محمد» /
// «محمود», «حسن» / «حسين», «سعيد» / «سعودي» are different names.
std::string person_key(std::string_view normalized_phrase, const lexicon::WordSet& native_words);

// Levenshtein distance over code points.
size_t edit_distance(std::string_view a, std::string_view b);
// edit_distance(a, b) <= 1, in one pass over well-formed UTF-8 and without allocating.
bool within_one_edit(std::string_view a, std::string_view b);

// Two single normalized words that are renderings of one name: identical; or both of at least
// four letters with equal skeletons of at least two, where one word's long vowels are a
// subsequence of the other's (vowels added or dropped, never changed: بوتين ≁ بوتان); or both of
// at least seven letters, one edit apart, with the same first letter (لوكاشينو — a slip).
bool variant_words(std::string_view a, std::string_view b);
// The same with b's name_skeleton() given: computed once for a word met against many names.
bool variant_words(std::string_view a, std::string_view b, std::string_view skeleton_b);

// The folded first letter of a word (its skeleton's first letter; 0 for an empty word).
// Variants share it: variant_words(a, b) implies name_initial(a) == name_initial(b).
char32_t name_initial(std::string_view normalized_word);

// Two normalized multi-word names for one person: the same number of words, each pair variants.
bool same_person(std::string_view a, std::string_view b);
// Two normalized names with equal name_skeleton_of_phrase() for one person: one word is the
// same in both, which anchors the others' looser renderings (جون / جان إيف لودريان, نيكولاي /
// نيكولا ساركوزي, مارك روت / روتي), or else every pair of words is variant_words (same_person):
// «سيرجيو راموس» is not «سيرغي روماس», whose vowels come in another order.
bool same_person_by_skeleton(std::string_view a, std::string_view b);

std::vector<std::string_view> words_of(std::string_view phrase);

}  // namespace rawabit::extract
