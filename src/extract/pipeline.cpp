#include "extract/pipeline.hpp"

namespace rawabit::extract {

Extractor::Extractor(const lexicon::Lexicon& lex, SentenceDater dater)
    : entities_(lex), relations_(lex, entities_, std::move(dater)) {}

Annotations Extractor::run(const text::Document& doc) const {
  Annotations ann;
  entities_.recognize(doc, ann);
  relations_.extract(doc, ann);
  return ann;
}

}  // namespace rawabit::extract
