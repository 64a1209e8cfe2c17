// Title contexts: «الرئيس الروسي فلاديمير بوتين», «رئيس كازاخستان، قاسم جومارت توكايف», «الناطق
// باسم الكرملين دميتري بيسكوف», «الباحثة في مؤسسة كارنيغي تاتيانا ستانوفايا». A title (from
// schema/lexicon/roles.tsv) is followed by an optional affiliation — a nisba, a genitive entity,
// «باسم» + entity, or «في» + organization — and then the person's name.
#pragma once
#include <optional>

#include "extract/sentence_view.hpp"
#include "lexicon/lexicon.hpp"

namespace rawabit::extract {

// Whether a normalized word carries the article, alone or after proclitics (الروسي، والروسي،
// بالروسي، للروسي).
bool has_article(std::string_view word);

// Whether a token is a comma, Arabic (،) or Latin.
bool is_comma(std::string_view word);

struct TitleContext {
  uint32_t role;                                // index into Lexicon::roles
  size_t title_first, title_end;                // the title's tokens
  std::optional<uint32_t> affiliation_mention;  // the organization or country mentioned
  std::optional<uint32_t> affiliation_nisba;    // or the gazetteer entry of a nisba
  size_t affiliation_end = 0;                   // where the affiliation ends (title_end if none)
  size_t person_start;                          // where the name begins
  bool after_comma = false;                     // «رئيس كازاخستان، قاسم جومارت توكايف»
};

// The title context starting at token t, if a title starts there. Uses the mentions already
// found in the sentence (the gazetteer pass) and the lexicon's answers in s.facts(). A construct
// title («وزير خارجية») is one only with a genitive affiliation after it («وزير خارجية روسيا»).
std::optional<TitleContext> title_at(const SentenceView& s, size_t t, const Annotations& ann,
                                     const lexicon::Lexicon& lex);

}  // namespace rawabit::extract
