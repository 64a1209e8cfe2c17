// An index of multi-word phrases over normalized tokens, for longest-match lookup in text.
//
// Phrases are added in their written form; the index normalizes and tokenizes them exactly as
// the text layer does with documents, so «إس-400» matches the tokens إس - 400. In text, the
// first word of a phrase may carry proclitics («لروسيا», «وللكرملين»: see text/clitics.hpp);
// the following words must match as they are.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/word_table.hpp"
#include "text/document.hpp"

namespace rawabit::lexicon {

struct PhraseMatch {
  size_t first_token, end_token;  // the matched tokens [first, end)
  size_t stem_offset;             // normalized bytes of the first token before the phrase (clitics)
  uint32_t value;                 // what the phrase was added with
};

class PhraseIndex {
 public:
  // Adds a phrase; returns false (and adds nothing) if it is empty after normalization.
  // If the normalized phrase is already present, `existing` receives its value.
  bool add(std::string_view phrase, uint32_t value, std::optional<uint32_t>* existing = nullptr);

  // The longest phrase starting at token `first` and ending before token `limit`.
  std::optional<PhraseMatch> longest_at(const text::Document& doc, size_t first, size_t limit) const;

  // Every phrase starting at token `first` (and ending before `limit`), longest first.
  std::vector<PhraseMatch> all_at(const text::Document& doc, size_t first, size_t limit) const;

  // The value of a phrase given in its written form, if present.
  std::optional<uint32_t> find(std::string_view phrase) const;

  size_t size() const { return count_; }

 private:
  struct Phrase {
    std::vector<std::string> rest;  // the words after the first
    uint32_t value;
  };
  // The phrases that start with one word, longest first (so a one-word phrase is last). Many
  // of them («جمهورية ...», «وزارة ...») are also indexed by their second word, so that a match
  // tries only those that can follow.
  struct Candidates {
    std::vector<Phrase> phrases;
    WordTable<std::vector<uint32_t>> by_second;  // second word → indices into phrases, in order
    bool indexed = false;

    void reindex();
  };
  static constexpr size_t kIndexFrom = 8;  // phrases of more than one word, before by_second pays
  WordTable<Candidates> by_first_;
  EndingFilter first_endings_;  // of by_first_'s words: a token ending otherwise starts no phrase
  size_t count_ = 0;

  static std::vector<std::string> words_of(std::string_view phrase);
  // Calls on_match for every phrase of `candidates` that matches at `first`, longest first.
  template <class OnMatch>
  void match_rest(const text::Document& doc, const Candidates& candidates, size_t first, size_t limit,
                  size_t stem_offset, OnMatch on_match) const;
  // Calls visit(form, stem_offset) for the word at `first` and its proclitic readings.
  template <class Visit>
  void readings_at(const text::Document& doc, size_t first, Visit visit) const;
};

}  // namespace rawabit::lexicon
