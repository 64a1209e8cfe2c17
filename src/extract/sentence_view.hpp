// Token-level lookups within one sentence of an analyzed document, shared by the entity and
// relation rules: which mention covers a token, whether a word is a given form, and the
// lexicon's answers about each token (extract/token_facts.hpp), which must outlive the view.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "extract/annotations.hpp"
#include "extract/token_facts.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

class SentenceView {
 public:
  SentenceView(const text::Document& doc, uint32_t sentence, const Annotations& ann, const TokenFacts& facts);

  const text::Document& doc() const { return *doc_; }
  const TokenFacts& facts() const { return *facts_; }
  uint32_t index() const { return sentence_; }
  size_t first() const { return first_; }
  size_t end() const { return end_; }
  std::string_view word(size_t t) const { return doc_->word(t); }
  bool is_word(size_t t) const { return doc_->tokens[t].kind == text::TokenKind::Word; }
  bool is_punct(size_t t) const { return doc_->tokens[t].kind == text::TokenKind::Punct; }

  // The mention starting at token t, if any (index into Annotations::mentions).
  std::optional<uint32_t> mention_at(size_t t) const {
    if (t < first_ || t >= end_ || covering_[t - first_] < 0 || !(covering_[t - first_] & 1)) return std::nullopt;
    return static_cast<uint32_t>(covering_[t - first_] >> 1);
  }
  // The mention covering token t, if any.
  std::optional<uint32_t> mention_covering(size_t t) const {
    if (t < first_ || t >= end_ || covering_[t - first_] < 0) return std::nullopt;
    return static_cast<uint32_t>(covering_[t - first_] >> 1);
  }

 private:
  const text::Document* doc_;
  const TokenFacts* facts_;
  uint32_t sentence_;
  size_t first_, end_;             // the sentence's tokens
  // Per token of the sentence: -1, or the index of the mention covering it times 2, plus 1 where
  // the mention starts (one array: views are built several times per sentence).
  std::vector<int32_t> covering_;
};

}  // namespace rawabit::extract
