// The function words the relation rules read (schema/lexicon/relation_words.tsv:
// class<TAB>word), one set per class:
//   prepositions          an argument right after one is governed, never a subject
//   clause_words          quotation marks and complementizers (أن، إن): a clause boundary
//   relatives             relative pronouns (الذي، التي); coordinated_relatives the same after و
//   list_glue             may stand between the members of an enumeration (و، كل من، إضافة)
//   list_glue_prepositions glue only beside another glue word («إلى جانب», «بالإضافة إلى»)
//   state_adjectives      between a force noun and a nisba («القوات الجوية الروسية»)
//   between               «بين»: the two parties of a symmetric relation follow it
//   former                an office no longer held («السابق», «آنذاك»)
//   apposition_pronouns   «وهو» opening an apposition after a name
//   postings              where an envoy is posted: «سفير روسيا لدى الولايات المتحدة»
//   target_nouns          a nisba after them is a state as a target, never an agent («الأهداف الإيرانية»)
//   vessel_nouns          targets too («ناقلة نفط سعودية»), whose place (a sea) is not attacked
//   mutuals               a directed trigger with one of them holds both ways («القصف المتبادل بين»)
//   cause_prepositions    before a trigger: its agent is not before them («مقتل جنود روس جراء هجوم»)
//   reaction_verbs        their subject reacts to an act, it is not the act's agent («أدانت مصر الهجمات»)
//   treaty_anaphors       «الاتفاق»: the one treaty the article named before
//   pair_anaphors         «البلدين»: the last two states the article named before
//   country_anaphors      «بلاده»: the state of the person named last before it
//   group_nouns           «الدول»: stands for the enumeration an apposition after it names
//   group_numbers         «الثلاث»: after a group noun, lets a comma open that apposition
//   kin_nouns             «زوجة»، «صهر»: a title after them is a genitive
//   patrons               «الموالية»، «المدعومة»: who they name backs a party, it is not acted on
//   division_nouns        «إقليم»، «ولاية»: the place after them has officials of its own
//   attributives          participle triggers («الموقعة»): outside the modality of their clause
//   verb_adverbs          words of time or manner that may follow a verb whose subject is unspoken
//   own_kin               «زوجته»: after و, a relative acting with the one named before
//   office_nouns          «عرش», «سدة»: a place after them is their genitive, not a destination
//   idioms                two words, the second a trigger, that mean something else («على وقع»)
//   leader_pair_anaphors  «الزعيمان»: the last two leaders the article named; minister_pair_anaphors
//                         «الوزيران» the last two officials
//   belonging             «التابعة»: forces that belong to the body named after it with ل
//   partitives            «عشرات»: «عشرات من الجنود» is the object, «من» no preposition of its own
//   allies_glue           «وحلفاؤها»: «الحكومة السورية وحلفاؤها الروس والإيرانيون» is one list
//   framework             «ضمن» (and «في إطار»): the body an actor acts within
//   hostile_purposes      «وقف»: «تحالف لوقف تقدم الحوثيين» is against them
#pragma once
#include <filesystem>

#include "lexicon/word_set.hpp"

namespace rawabit::lexicon {

struct RelationWords {
  WordSet prepositions, clause_words, relatives, coordinated_relatives, list_glue, list_glue_prepositions,
      state_adjectives, between, former, apposition_pronouns, postings, target_nouns, vessel_nouns, mutuals,
      cause_prepositions, reaction_verbs, treaty_anaphors, pair_anaphors, country_anaphors, group_nouns,
      group_numbers, kin_nouns, patrons, division_nouns, attributives, verb_adverbs, own_kin, office_nouns, idioms,
      leader_pair_anaphors, minister_pair_anaphors, belonging, partitives, allies_glue, framework, hostile_purposes;

  void load(const std::filesystem::path& file);
};

}  // namespace rawabit::lexicon
