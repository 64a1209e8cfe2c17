// Relation trigger patterns (schema/patterns/relations.tsv), one per line, tab-separated:
//
//   predicate  triggers  subject  object  subject_types  object_types  confidence  requires
//
// triggers   |-separated word forms, multi-word allowed («فرض عقوبات»); proclitics on the first
//            word are accepted in text; a one-word form's pronoun-suffixed forms (زيارته،
//            عقوباتها) are made by lexicon/trigger_forms.hpp.
// subject    where the subject is found relative to the trigger, tried in the order given:
//            `after` (first argument after it: VSO, or the genitive of a verbal noun),
//            `before` (nearest argument before it: SVO), `between` («بين X و Y»: X),
//            `prep:P` (after a preposition: «تلقت المنظمة طلبا من X»), `topic` (the sentence's first
//            argument, when the trigger's agent is the subject of the main clause: «أكد بوتين ...،
//            داعيا إلى ... إثر محادثات مع نظيره»).
// object     `prep:P1,P2` (first argument after one of these prepositions, which may also be
//            a proclitic ب ل on the argument), `direct` (first argument after the subject),
//            `before` (nearest argument before the trigger), `between` (Y of «بين X و Y»).
//            `before:N` / `after:N` set the window to N words (defaults: a subject after
//            the trigger 6, before it 8; an object 10).
//            A `*` after a position takes a whole enumeration («روسيا وكازاخستان
//            وقيرغيزستان»): one relation per member.
// types      comma-separated entity types, or `actor` (PERSON, ORGANIZATION, COUNTRY) and
//            `place` (COUNTRY, LOCATION), or `any`; `heads` beside COUNTRY lets a head of state
//            stand for their state in that slot («انسحاب ترامب من الاتفاق»).
// confidence the pattern's reliability in [0, 1].
// requires   optional |-separated words of which one must stand between the trigger and the
//            object («نشر» deploys troops only with قوات، جنود ...), or empty.
// attribute  optional: the attribute the required word's phrase fills («weapon»: «الأسلحة
//            النووية التكتيكية»); a WEAPON entity named in the match fills it first.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "lexicon/entity_type.hpp"
#include "lexicon/phrase_index.hpp"
#include "lexicon/word_set.hpp"

namespace rawabit::lexicon {

enum class Slot : uint8_t { After, Before, Between, Prep, Direct, Topic };

struct Position {
  Slot slot;
  size_t window = 0;                   // words between the trigger and the argument; 0: the default
  bool operator==(Slot s) const { return slot == s; }
};

struct SlotSpec {
  std::vector<Position> where;         // tried in order
  std::vector<std::string> preps;      // for Slot::Prep, normalized
  bool list = false;
  uint8_t types = 0;                   // bit per EntityType
};

struct Pattern {
  std::string predicate;
  SlotSpec subject, object;
  double confidence;
  WordSet requires_words;
  std::string attribute;               // filled from the required word's phrase, or empty
  std::string origin;                  // file:line, recorded with the evidence
};

inline uint8_t type_bit(EntityType t) { return static_cast<uint8_t>(1u << static_cast<unsigned>(t)); }
// In a mask of argument types, beside the types' bits («heads» in the table): a head of state may
// stand for their state, as in «انسحاب ترامب من الاتفاق».
constexpr uint8_t kHeadsOfState = 0x80;

class PatternTable {
 public:
  void load(const std::filesystem::path& file);
  const PhraseIndex& triggers() const { return triggers_; }
  // Patterns that a trigger value (from triggers()) stands for.
  const std::vector<uint32_t>& patterns_of(uint32_t trigger) const { return trigger_patterns_[trigger]; }
  // Whether a trigger value is a form made with a pronoun suffix («زيارته»), whose agent the
  // pronoun refers back to.
  bool suffixed(uint32_t trigger) const { return suffixed_[trigger]; }
  const Pattern& operator[](uint32_t i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }

 private:
  std::vector<Pattern> patterns_;
  PhraseIndex triggers_;
  std::vector<std::vector<uint32_t>> trigger_patterns_;
  std::vector<bool> suffixed_;

  // Indexes a trigger form for a pattern; a form already indexed gains the pattern.
  void add_trigger(std::string_view trigger, uint32_t pattern, bool suffixed);
};

// The 20 predicates of the ontology, and which of them are symmetric.
bool is_known_predicate(std::string_view p);
bool is_symmetric(std::string_view p);

}  // namespace rawabit::lexicon
