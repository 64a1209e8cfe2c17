// The extract stage as one object: an analyzed document in, its annotations out.
// entities (gazetteer, titles, surnames) → relations (roles, patterns), each a small stage.
// Thread-safe: run() may be called from several threads on different documents.
#pragma once
#include "extract/annotations.hpp"
#include "extract/entities.hpp"
#include "extract/relations.hpp"
#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

class Extractor {
 public:
  explicit Extractor(const lexicon::Lexicon& lex, SentenceDater dater = {});
  Annotations run(const text::Document& doc) const;

 private:
  EntityRecognizer entities_;
  RelationExtractor relations_;
};

}  // namespace rawabit::extract
