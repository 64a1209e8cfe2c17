#include "extract/pipeline.hpp"

namespace rawabit::extract {

Extractor::Extractor(const lexicon::Lexicon& lex, const std::filesystem::path& schema_dir)
    : dates_(DateReader::load(schema_dir / "lexicon" / "dates.tsv")),
      tagger_(ner::Tagger::load(schema_dir / "models" / "ner.bin")),
      entities_(lex, &tagger_),
      relations_(lex, entities_, [this](const text::Document& doc, uint32_t sentence) {
        auto found = dates_.find(doc, doc.sentences[sentence], doc.date);
        return found.empty() ? std::string() : found.front().iso;
      }) {}

Annotations Extractor::run(const text::Document& doc) const {
  Annotations ann;
  entities_.recognize(doc, ann);
  relations_.extract(doc, ann);
  return ann;
}

}  // namespace rawabit::extract
