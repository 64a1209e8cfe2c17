#include "extract/token_facts.hpp"

namespace rawabit::extract {

WordClasses::WordClasses(const lexicon::Lexicon& lex) {
  auto add = [&](const lexicon::WordSet& set, Flag flag) {
    set.for_each([&](std::string_view w) { flags_.emplace(w, 0).first |= flag; });
  };
  add(lex.common_words, kCommon);
  add(lex.function_words, kFunction);
  add(lex.modifiers, kModifier);
}

TokenFacts::TokenFacts(const text::Document& doc, const lexicon::Lexicon& lex, const WordClasses& classes)
    : tokens_(doc.tokens.size()) {
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    std::string_view w = doc.word(t);
    Facts& f = tokens_[t];
    if (auto entry = lex.nisba.lookup(w)) f.nisba = *entry;
    f.flags = classes.of(w);
  }
  for (const text::Sentence& s : doc.sentences) {
    for (size_t t = s.first_token; t + 1 < s.end_token; ++t) {
      if (tokens_[t].nisba == kNone) continue;
      if (auto pair = lex.nisba.lookup_pair(doc.word(t), doc.word(t + 1))) {
        tokens_[t].nisba = *pair;
        tokens_[t].nisba_words = 2;
      }
    }
    for (size_t t = s.first_token; t < s.end_token; ++t) {
      if (auto m = lex.roles.titles().longest_at(doc, t, s.end_token)) {
        tokens_[t].title = static_cast<uint32_t>(titles_.size());
        titles_.push_back(*m);
      }
    }
  }
}

}  // namespace rawabit::extract
