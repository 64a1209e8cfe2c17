// The extract stage as one object: an analyzed document in, its annotations out.
// The lexicon's answers about each token, looked up once (extract/token_facts.hpp) →
// entities (gazetteer, titles, surnames) → relations (roles, patterns) dated by the sentence's
// own date expression (extract/dates.hpp) or else the article's date.
// Thread-safe: run() may be called from several threads on different documents.
#pragma once
#include "extract/annotations.hpp"
#include "extract/dates.hpp"
#include "extract/entities.hpp"
#include "extract/pair_scorer.hpp"
#include "extract/relations.hpp"
#include "extract/token_facts.hpp"
#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

// Which relation scorer model the extractor runs after the rules (extract/pair_scorer.hpp):
// by default schema_dir/models/relations.bin when that file exists; `model` overrides it (and
// must exist); `enabled = false` runs the rules alone.
struct ScorerChoice {
  bool enabled = true;
  std::filesystem::path model;
};

class Extractor {
 public:
  // Reads the date words from schema_dir/lexicon/dates.tsv, the tagger's model from
  // schema_dir/models/ner.bin and the relation scorer's as `scorer` says.
  Extractor(const lexicon::Lexicon& lex, const std::filesystem::path& schema_dir, const ScorerChoice& scorer = {});
  Annotations run(const text::Document& doc) const;
  const PairScorer& scorer() const { return scorer_; }

 private:
  SentenceDate date_of(const text::Document& doc, uint32_t sentence) const;

  const lexicon::Lexicon& lex_;
  WordClasses word_classes_;
  DateReader dates_;
  ner::Tagger tagger_;
  EntityRecognizer entities_;
  RelationExtractor relations_;
  PairScorer scorer_;
};

}  // namespace rawabit::extract
