// Everything the extractor knows, loaded from schema/: the gazetteer, nisba adjectives, titles,
// relation patterns and word lists. Loaded once per run and shared read-only by all workers.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "lexicon/gazetteer.hpp"
#include "lexicon/nisba.hpp"
#include "lexicon/offices.hpp"
#include "lexicon/patterns.hpp"
#include "lexicon/phrase_index.hpp"
#include "lexicon/relation_words.hpp"
#include "lexicon/roles.hpp"
#include "lexicon/word_set.hpp"
#include "lexicon/word_table.hpp"

namespace rawabit::lexicon {

struct Lexicon {
  Gazetteer gazetteer;
  NisbaTable nisba;
  RoleTable roles;
  OfficeTable offices;    // known office holdings: resolve a title that names no state
  PatternTable patterns;
  WordSet common_words;   // frequent words that are not parts of names
  WordSet ordinary_words; // corpus words seldom inside a name (scripts/make-ordinary-words)
  WordSet name_words;     // corpus words mostly inside a name (the same script)
  WordSet article_words;  // corpus words often written with the article too: nouns, adjectives (scripts/make-article-words)
  WordSet function_words; // particles, pronouns, negation: never part of a name or an argument
  WordSet force_nouns;    // «القوات», «جنود»: a nisba after them acts for its state
  WordSet place_heads;    // «سيدي», «بئر»: a man's name after them names a place («سيدي بوزيد»)
  WordSet organization_heads;  // «شركة», «بنك»: a person's name after them names the organization
  WordSet club_heads;          // «نادي», «فريق»: a city's name after them names the club
  WordSet state_institution_heads;  // «وزارة», «هيئة»: with a field and a state's nisba, its institution
  WordSet tanween_words;       // «مازحاً», «أيضاً»: words the corpus writes with tanween, never a name's
  WordSet native_name_words;   // «محمد» / «محمود»: Arabic words one skeleton would confuse (scripts/make-native-words)
  // A one-word name's form → beginnings of a next word that make an idiom with it («مسقط رأس»).
  WordTable<std::vector<std::string>> idioms_with_names;
  bool idiom_with_name(std::string_view form, std::string_view next) const;
  WordSet modifiers;      // «السابق», «الأخيرة»: may stand between a head noun and its dependent
  WordSet day_parts, days;  // «صباح», «مساء» before «الأحد», «اليوم»: a time, never part of a name
  RelationWords relation_words;  // prepositions, clause words, list glue … (relation_words.hpp)
  PhraseIndex negation_cues, hypothetical_cues;
  PhraseIndex before_present_cues;  // hypothetical only before a present-tense verb (قد)
  PhraseIndex conditional_cues;     // «إذا»: the condition and its consequence, across commas
  WordSet after_trigger_cues;       // hypothetical right after a verbal noun («اللقاء المرتقب»)
  WordSet continuing_verbs;         // «تواصل»: what follows is happening already; a hedge before stops there
  WordSet past_auxiliaries;         // «كان»: a «قد» after it in its clause is the perfect («كان قد توقف»)
  WordSet pasts_after_qad;          // «تم»: a past verb in تـ after «قد», not a present
  // Names and their surroundings (issue 16): a word that is a proclitic glued to a more frequent
  // word → the proclitic's bytes («ونايف» → 2), plus kCommonStem when that word is a common one
  // («لجبهة»); blessings that end a name («رضي الله عنه»); head nouns of places named after a
  // person («مستشفى») → the EntityType of the whole, as a number.
  static constexpr uint8_t kCommonStem = 0x80;
  WordTable<uint8_t> glued_words;
  PhraseIndex blessings;
  PhraseIndex named_after;
  // Word pairs the corpus writes as one name (schema/lexicon/name_pairs.tsv, keys «word next»):
  // a first letter that is the name's own before the next word («بليغ حمدي»), a common word a
  // name goes on over («فرحان حق»); and head nouns after which a word carries no proclitic
  // («محافظة بابل», «في بابل»); a proclitic glued to a name the corpus writes without it
  // («ونذير القطاري»), or before any word («بجندوبة»); a whole name, seldom followed by a name's
  // word («هيكتور كوبر»); words whose first letter is their own before any word, the corpus
  // writing them ten times as often as any stem without it («بيراميدز», «لبنان»).
  WordSet own_words;
  WordSet own_first_letter, name_goes_on, construct_heads, proclitic_before_name, proclitic_words, complete_names;
  std::string version;    // a digest of every data file, recorded in the database

  static Lexicon load(const std::filesystem::path& schema_dir);
};

}  // namespace rawabit::lexicon
