// The lexicon's answers about each token of one document, looked up once per document.
//
// The entity and relation rules ask the same questions of a word many times — is it a nisba,
// a common or function word, a modifier, does a title start here — from the title rule, the
// name-length scan, the tagger filter, the surname pass and the relation arguments. Each answer
// here is exactly what the lexicon call it replaces returns:
//   nisba(t)          lex.nisba.lookup(doc.word(t)), or lex.nisba.lookup_pair() of t and t + 1
//   common(t)         lex.common_words.contains(doc.word(t)), and so on for the other word sets
//   title(t)          lex.roles.titles().longest_at(doc, t, end of t's sentence)
// Built for one document and one lexicon; both must outlive it. Read-only after construction.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

// The word sets TokenFacts reads (common, function, modifier words) merged into one table of
// flags, so that a token costs one lookup instead of three. Built once per lexicon; the
// lexicon's word sets must not change afterwards.
class WordClasses {
 public:
  enum Flag : uint8_t { kCommon = 1, kFunction = 2, kModifier = 4 };
  explicit WordClasses(const lexicon::Lexicon& lex);
  uint8_t of(std::string_view word) const {
    const uint8_t* flags = flags_.find(word);
    return flags ? *flags : 0;
  }

 private:
  lexicon::WordTable<uint8_t> flags_;
};

class TokenFacts {
 public:
  // `classes` must have been built from `lex`.
  TokenFacts(const text::Document& doc, const lexicon::Lexicon& lex, const WordClasses& classes);

  std::optional<uint32_t> nisba(size_t t) const {
    if (tokens_[t].nisba == kNone) return std::nullopt;
    return tokens_[t].nisba;
  }
  // Where the nisba at t ends: t + 2 for a two-word nisba («الكوري الشمالي»), else t + 1.
  size_t nisba_end(size_t t) const { return t + tokens_[t].nisba_words; }
  bool common(size_t t) const { return tokens_[t].flags & WordClasses::kCommon; }
  bool function_word(size_t t) const { return tokens_[t].flags & WordClasses::kFunction; }
  bool modifier(size_t t) const { return tokens_[t].flags & WordClasses::kModifier; }
  // The longest title starting at t and ending within t's sentence. t must be in a sentence.
  std::optional<lexicon::PhraseMatch> title(size_t t) const {
    if (tokens_[t].title == kNone) return std::nullopt;
    return titles_[tokens_[t].title];
  }

 private:
  static constexpr uint32_t kNone = ~uint32_t{0};
  struct Facts {
    uint32_t nisba = kNone;  // gazetteer entry
    uint32_t title = kNone;  // index into titles_
    uint8_t flags = 0;       // WordClasses::Flag
    uint8_t nisba_words = 1;
  };
  std::vector<Facts> tokens_;
  std::vector<lexicon::PhraseMatch> titles_;
};

}  // namespace rawabit::extract
