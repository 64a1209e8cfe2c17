// Relation extraction v1: facts from the mentions of a document.
//
// Two kinds of rules, both driven by data in schema/:
//  - roles: a title context (extract/titles.hpp) with an affiliation and a person gives
//    leader_of / official_of / affiliated_with, the role kept as an attribute;
//  - patterns (schema/patterns/relations.tsv, format in lexicon/patterns.hpp): a trigger word,
//    then a subject and an object found by position, with enumerations giving one fact per
//    member.
// Arguments are mentions, plus nisba adjectives after a force noun («القوات الروسية» acts for
// Russia). A capital or seat in a slot that needs an actor is replaced by the state it stands
// for (موسكو → Russia); where a place is allowed, the place itself is kept.
// Modality: a negation cue within five words before the trigger suppresses the fact; a
// hypothetical cue (قد، من المرجح، يعتزم، سوف، future س-، من المتوقع، تعهد، هدد; or after a verbal
// noun المرتقب، المقبل) keeps it with modality=hypothetical; a sentence dated after the article
// keeps it with modality=planned, planned_for that date, and the article's date.
//
// Confidence = pattern reliability × distance factor × certainty of both arguments ×
// modality factor, where the distance factor is 1 up to three words between trigger and the
// farthest argument and falls by 0.02 a word after that (never below 0.5); certainty is 1 for
// gazetteer, variant and surname mentions, 0.9 for title-rule persons and nisba actors, 0.8 for
// tagger mentions; the hypothetical factor is 0.6.
#pragma once
#include <functional>
#include <string>

#include "extract/annotations.hpp"
#include "extract/entities.hpp"
#include "extract/token_facts.hpp"
#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

// The date a sentence states (ISO; empty when none), and whether it bounds a state rather than
// dating an event: «منذ عام 2015» (since) or «حتى عام 2012» (until). Supplied by the date reader.
struct SentenceDate {
  std::string iso;
  enum class Kind { At, Since, Until } kind = Kind::At;
  size_t begin = 0, end = 0;  // the date's original byte span
};
using SentenceDater = std::function<SentenceDate(const text::Document&, uint32_t sentence)>;

class RelationExtractor {
 public:
  RelationExtractor(const lexicon::Lexicon& lex, const EntityRecognizer& entities, SentenceDater dater = {});
  // `facts` must have been built for `doc` (extract/token_facts.hpp).
  void extract(const text::Document& doc, const TokenFacts& facts, Annotations& ann) const;
  // Dates the facts from `first` on as the rules date theirs: the sentence's own date, else the
  // article's; a date after «منذ» or «حتى» bounds the fact (since / until); a date after the
  // article's makes it planned. For facts found by other stages too (the pair scorer).
  void date_facts(const text::Document& doc, Annotations& ann, size_t first) const;

 private:
  const lexicon::Lexicon& lex_;
  const EntityRecognizer& entities_;
  SentenceDater dater_;
};

}  // namespace rawabit::extract
