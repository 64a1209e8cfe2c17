// Entity recognition v1: finds the mentions of a document.
//
//  1. gazetteer: longest match over normalized tokens, proclitics allowed on the first word;
//  2. titles: the name after a title («الرئيس الروسي X Y») is a person — linked to a gazetteer
//     person when it is a spelling variant of one (لوكاشينو → Lukashenko), else a new entity
//     keyed by its name skeleton so that variants across documents merge;
//  3. the statistical tagger (ner/tagger.hpp), when given: it confirms the names the title
//     rule proposes, and finds the persons, organizations and places no list knows, where
//     neither rule found anything;
//  4. surnames: within a document, a later bare surname («ساموروكوف») or a variant of it links
//     to the full name introduced earlier.
// Mention spans cover the entity's words only, never a proclitic («لروسيا» → روسيا); the
// tagger's names are cleaned first (extract/name_spans.hpp).
// Links need evidence (issue 16): one word links to a known person only when the document
// mentions that person already, or when it is the person's own form and neither a common word
// nor anyone's first name, or when the title's nationality is one the person held office for
// (any other nationality forbids a link); and a
// person after a head noun of the places named after people («مستشفى الملك فهد») is the place.
#pragma once
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/annotations.hpp"
#include "extract/name_spans.hpp"
#include "extract/sentence_view.hpp"
#include "extract/titles.hpp"
#include "extract/token_facts.hpp"
#include "lexicon/lexicon.hpp"
#include "ner/tagger.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

class EntityRecognizer {
 public:
  // `tagger` may be null: the rules then work alone.
  EntityRecognizer(const lexicon::Lexicon& lex, const ner::Tagger* tagger);
  // `facts` must have been built for `doc` (extract/token_facts.hpp).
  void recognize(const text::Document& doc, const TokenFacts& facts, Annotations& ann) const;

  // The document-local entity for a gazetteer entry (with its stands_for target).
  uint32_t gazetteer_entity(uint32_t entry, Annotations& ann) const;

 private:
  // std::hash over string_views: the same hash values as std::hash<std::string> (so the same
  // iteration order, which link_person's first-match scan depends on), without copying a key.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  using Candidates = std::vector<std::pair<std::string, uint32_t>>;

  const lexicon::Lexicon& lex_;
  // Skeleton of every multi-word gazetteer person form → the forms and their entries; and
  // single-word forms.
  StringMap<Candidates> person_skeletons_;
  StringMap<uint32_t> person_words_;
  StringMap<Candidates> person_word_skeletons_;
  // person_words_ of at least two bytes, in its iteration order, by their first two bytes, with
  // their skeletons.
  struct PersonWord {
    std::string word;
    uint32_t entry;
    std::string skeleton;
  };
  StringMap<std::vector<PersonWord>> person_words_by_prefix_;
  // First words of multi-word gazetteer person forms: first names, which alone name no one.
  StringMap<bool> person_first_words_;
  // Every word of a gazetteer person's forms, by entry (a leading «عبد الملك» as «عبدالملك»).
  std::unordered_map<uint32_t, std::vector<std::string>> person_name_words_;

  const ner::Tagger* tagger_;

  // Whether a one-word form of a gazetteer person follows another's first name («أحمد خاتمي»).
  bool after_anothers_first_name(const text::Document& doc, size_t first, size_t t, uint32_t entry) const;
  // `namesakes`: gazetteer persons (entries) whose one-word form named someone else earlier in
  // the document («أحمد خاتمي»); their one-word form is left alone for the rest of it, unless
  // the known person is named there too.
  void gazetteer_pass(const text::Document& doc, uint32_t sentence, Annotations& ann,
                      std::unordered_set<uint32_t>& namesakes) const;
  // The tagger's spans in each sentence, in document token indices; with each sentence's spans,
  // the tagger's margin for each (ner::SpanMargin::labels; the largest int64_t for a name that
  // document consistency made or retyped).
  struct TaggedNames {
    std::vector<std::vector<ner::TaggedSpan>> spans;
    std::vector<std::vector<int64_t>> margin;
  };
  TaggedNames tag(const text::Document& doc) const;
  // «وزارة الصحة الفلسطينية»: a state's institution by its head, field and the state's nisba
  // (state_institution_heads.txt), standing for the state, where no mention is yet.
  void state_institution_pass(const text::Document& doc, const TokenFacts& facts, uint32_t sentence,
                              Annotations& ann) const;
  void title_pass(const text::Document& doc, const TokenFacts& facts, uint32_t sentence,
                  const std::vector<ner::TaggedSpan>& tagged, Annotations& ann) const;
  void tagger_pass(const text::Document& doc, const TokenFacts& facts, uint32_t sentence,
                   const std::vector<ner::TaggedSpan>& tagged, const std::vector<int64_t>& margin,
                   const std::unordered_set<uint32_t>& namesakes, Annotations& ann) const;
  bool plausible_name(const text::Document& doc, const SentenceView& view, const NameSpan& sp) const;
  uint32_t text_entity(const text::Document& doc, Annotations& ann, EntityType type, size_t first, size_t end,
                       const std::string& origin, size_t stem_offset = 0, bool article_elided = false) const;
  bool one_word_link_supported(std::string_view word, uint32_t entry, bool common, const Annotations& ann) const;
  // Whether a title's affiliation is a state or organization the person held office for; none
  // when the title names none or the person's offices are unknown.
  std::optional<bool> affiliation_agrees(uint32_t entry, const TitleContext& ctx, const Annotations& ann) const;
  bool named_after(const text::Document& doc, uint32_t sentence, size_t head, size_t end, Annotations& ann) const;
  // Whether the word at `head` (clitics allowed) is the noun of an institution named after a
  // person or a place (named_after.tsv, type ORGANIZATION: «جامعة», «مستشفى»).
  bool institution_head_at(const text::Document& doc, size_t head) const;
  void surname_pass(const text::Document& doc, const TokenFacts& facts, Annotations& ann) const;
  std::optional<std::string> distinctive_surname(const text::Document& doc, const TokenFacts& facts,
                                                 const Mention& m) const;

  size_t name_length(const text::Document& doc, const TokenFacts& facts, size_t start, size_t end) const;
  size_t without_tanween(const text::Document& doc, size_t start, size_t n) const;
  std::optional<uint32_t> link_person(std::string_view normalized_name) const;
  void add_mention(const text::Document& doc, Annotations& ann, uint32_t entity, uint32_t sentence, size_t first,
                   size_t end, size_t stem_offset, std::string method) const;
};

// Drops the mentions of entities that only the tagger's unsure mentions (Mention::unsure) name:
// a name the tagger read without a firm margin, once in its document, and in no relation, is
// more often wrong than right. Run once relations are extracted, which count as support.
// An organization that only tentative mentions name (Mention::tentative: read below a sure
// margin), none announced by an organization's noun (Mention::announced), is wrong about as often
// as right too, but one the corpus names firmly elsewhere is not («سامسونغ»): its mentions are
// kept and marked weak, for the build to drop where no firm mention of the entity is stored
// (Store::drop_weak_mentions), and for a reader of one document alone to drop with
// drop_weak_mentions().
void drop_unsupported_names(Annotations& ann);
void drop_weak_mentions(Annotations& ann);

}  // namespace rawabit::extract
