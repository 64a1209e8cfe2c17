#include "extract/pipeline.hpp"


#include "text/normalize.hpp"

namespace rawabit::extract {

namespace {

PairScorer load_scorer(const std::filesystem::path& schema_dir, const ScorerChoice& choice) {
  if (!choice.enabled) return {};
  if (!choice.model.empty()) return PairScorer::load(choice.model);
  std::filesystem::path shipped = schema_dir / "models" / "relations.bin";
  return std::filesystem::exists(shipped) ? PairScorer::load(shipped) : PairScorer{};
}

}  // namespace

Extractor::Extractor(const lexicon::Lexicon& lex, const std::filesystem::path& schema_dir, const ScorerChoice& scorer)
    : lex_(lex),
      word_classes_(lex),
      dates_(DateReader::load(schema_dir / "lexicon" / "dates.tsv")),
      tagger_(ner::Tagger::load(schema_dir / "models" / "ner.bin")),
      entities_(lex, &tagger_),
      relations_(lex, entities_, [this](const text::Document& doc, uint32_t sentence) { return date_of(doc, sentence); }),
      scorer_(load_scorer(schema_dir, scorer)) {}

SentenceDate Extractor::date_of(const text::Document& doc, uint32_t sentence) const {
  static const std::string kSince = text::normalize_form("منذ"), kUntil = text::normalize_form("حتى");
  auto found = dates_.find(doc, doc.sentences[sentence], doc.date);
  if (found.empty()) return {};
  SentenceDate date{found.front().iso};
  auto span = doc.span_of_tokens(found.front().first_token, found.front().end_token);
  date.begin = span.begin;
  date.end = span.end;
  // «منذ عام 2015», «منذ يناير 2015»: the bounding word stands one or two words before.
  for (uint32_t back = 1; back <= 2 && found.front().first_token >= doc.sentences[sentence].first_token + back; ++back) {
    std::string_view w = doc.word(found.front().first_token - back);
    if (w == kSince) date.kind = SentenceDate::Kind::Since;
    if (w == kUntil) date.kind = SentenceDate::Kind::Until;
  }
  return date;
}

Annotations Extractor::run(const text::Document& doc) const {
  Annotations ann;
  const TokenFacts facts(doc, lex_, word_classes_);
  entities_.recognize(doc, facts, ann);
  relations_.extract(doc, facts, ann);
  size_t rule_facts = ann.facts.size();
  scorer_.extract(doc, facts, lex_, ann);
  relations_.date_facts(doc, ann, rule_facts);
  drop_unsupported_names(ann);
  return ann;
}

}  // namespace rawabit::extract
