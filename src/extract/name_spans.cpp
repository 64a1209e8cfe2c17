#include "extract/name_spans.hpp"

#include "extract/titles.hpp"
#include "text/clitics.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::extract {

namespace {
constexpr size_t kMinStemLetters = 3;  // «وعلي» → «علي»; the generator's rule too
constexpr size_t kMinCommonStemLetters = 4;
constexpr size_t kMinTrailLetters = 4;
const std::string kWaw = "\u0648";
const std::string kYa = "\u064A", kLam = "\u0644", kBa = "\u0628", kLamLam = kLam + kLam, kArticle = "\u0627\u0644";
const std::string kTa = "\u062A", kNun = "\u0646", kSin = "\u0633";  // prefixes of the imperfect and the future
const std::string kBin = text::normalize_form("بن"), kIbn = text::normalize_form("ابن"),
                  kBint = text::normalize_form("بنت"), kAal = text::normalize_form("آل"),
                  kAbu = text::normalize_form("أبو");
}  // namespace

bool is_link(std::string_view w) { return w == kBin || w == kIbn || w == kBint || w == kAal || w == kAbu; }

size_t glued_proclitic(std::string_view word, const lexicon::Lexicon& lex, bool common_stem) {
  const uint8_t* value = lex.glued_words.find(word);
  if (!value) return 0;
  size_t bytes = *value & ~lexicon::Lexicon::kCommonStem;
  if (bytes >= word.size()) return 0;
  std::string_view stem = word.substr(bytes);
  if (is_link(stem)) return bytes;
  if (text::code_points(stem) < kMinStemLetters) return 0;
  // A common stem begins a person's name only after the conjunction, and long: the common words
  // hold names («وهاري», «وأنطوان»), but «فراس», «واين» are names themselves.
  if (!common_stem && (*value & lexicon::Lexicon::kCommonStem) &&
      !(word.starts_with(kWaw) && bytes == kWaw.size() && text::code_points(stem) >= kMinCommonStemLetters)) {
    return 0;
  }
  return bytes;
}

namespace {
const std::string kFa = "\u0641";

// «word next» of the word at token t and the next token's word, if it is one.
bool pair_listed(const text::Document& doc, std::string_view word, size_t t, const lexicon::WordSet& pairs) {
  if (t + 1 >= doc.tokens.size() || doc.tokens[t + 1].kind != text::TokenKind::Word) return false;
  std::string pair;
  pair.reserve(word.size() + doc.word(t + 1).size() + 1);
  pair.append(word).append(1, ' ').append(doc.word(t + 1));
  return pairs.contains(pair);
}

// The word before token t, over an opening quotation mark («لشركة "لوريال"»); empty if none.
std::string_view word_before(const text::Document& doc, size_t t) {
  if (t > 1 && doc.tokens[t - 1].kind != text::TokenKind::Word) {
    std::string_view mark = doc.word(t - 1);
    if (mark == "\"" || mark == "\u00AB") --t;
  }
  return t > 0 && doc.tokens[t - 1].kind == text::TokenKind::Word ? doc.word(t - 1) : std::string_view();
}

// Whether a word is a construct head or a preposition, a proclitic glued to it or not («وجزيرة»).
bool head_before(std::string_view w, const lexicon::Lexicon& lex) {
  if (w.empty()) return false;
  if (lex.construct_heads.contains(w)) return true;
  bool found = false;
  text::for_each_reading(w, [&](std::string_view stem, size_t offset) {
    if (!found && offset != 0 && stem == w.substr(offset)) found = lex.construct_heads.contains(stem);
  });
  return found;
}
}  // namespace

size_t elided_article(std::string_view word, const lexicon::Lexicon& lex) {
  if (!word.starts_with(kLamLam)) return 0;
  std::string_view rest = word.substr(kLamLam.size());
  if (text::code_points(rest) < kMinStemLetters) return 0;
  const std::string with_article = kArticle + std::string(rest);
  return lex.article_words.contains(rest) || lex.common_words.contains(with_article) || lex.construct_heads.contains(rest)
             ? kLamLam.size()
             : 0;
}

bool own_first_letter(const text::Document& doc, size_t t, const lexicon::Lexicon& lex) {
  const std::string_view before = word_before(doc, t);
  // After a preposition «و» is a slip of the source («من وكريستيانو رونالدو»), a conjunction still.
  const bool slip = doc.word(t).starts_with(kWaw) && lex.function_words.contains(before);
  return (!slip && head_before(before, lex)) || lex.own_words.contains(doc.word(t)) ||
         pair_listed(doc, doc.word(t), t, lex.own_first_letter);
}

bool name_goes_on(const text::Document& doc, size_t t, const lexicon::Lexicon& lex) {
  return t > 0 && t < doc.tokens.size() && doc.tokens[t].kind == text::TokenKind::Word &&
         pair_listed(doc, doc.word(t - 1), t - 1, lex.name_goes_on);
}

size_t name_proclitic(const text::Document& doc, size_t t, size_t end, const lexicon::Lexicon& lex, bool common_stem) {
  std::string_view word = doc.word(t);
  if (own_first_letter(doc, t, lex)) return 0;
  // A head noun that begins with the letter begins the name whole: «وادي حمارا» is a valley,
  // not «و» + «أدى». Prepositions are heads too, and «لدى» may be «ل» + a name.
  if (lex.construct_heads.contains(word) && !lex.function_words.contains(word)) return 0;
  // A proclitic before a head noun that a name follows stays out, short as the noun is: «بحي
  // الشجاعية», «بجزيرة لومبوك».
  if (t + 1 < end) {
    size_t head = 0;
    text::for_each_reading(word, [&](std::string_view stem, size_t offset) {
      if (!head && offset != 0 && stem == word.substr(offset) && lex.construct_heads.contains(stem) &&
          !lex.function_words.contains(stem))
        head = offset;
    });
    if (head) return head;
  }
  // A one-letter proclitic before a name the corpus writes without it before the name's next word
  // («ونذير القطاري»: «نذير القطاري» 10 times; «لمنزل بورقيبة»), or a preposition before a place
  // the corpus writes after prepositions without it («بجندوبة»). Arabic letters are two bytes.
  if (pair_listed(doc, word, t, lex.proclitic_before_name) || lex.proclitic_words.contains(word)) return kWaw.size();
  const bool conjunction = word.starts_with(kWaw) || word.starts_with(kFa);
  const size_t bytes = letters_before_name(doc, t, end, lex, common_stem);
  // «وبليغ حمدي» is «و» + «بليغ حمدي», never «وب» + «ليغ حمدي».
  if (conjunction && bytes > kWaw.size() &&
      (lex.own_words.contains(word.substr(kWaw.size())) ||
       pair_listed(doc, word.substr(kWaw.size()), t, lex.own_first_letter))) {
    return kWaw.size();
  }
  return bytes;
}

size_t letters_before_name(const text::Document& doc, size_t t, size_t end, const lexicon::Lexicon& lex,
                           bool common_stem) {
  std::string_view word = doc.word(t);
  // The stem stands alone where the name's next word follows it too: «بيونغ يونغ» holds «يونغ»
  // but is no «ب» + «يونغ يونغ».
  auto stands_alone = [&](std::string_view stem) {
    for (size_t u = 0; u < doc.tokens.size(); ++u)
      if (u != t && doc.tokens[u].kind == text::TokenKind::Word && doc.word(u) == stem &&
          (t + 1 == end || (u + 1 < doc.tokens.size() && doc.word(u + 1) == doc.word(t + 1)))) {
        return true;
      }
    return false;
  };
  if (size_t bytes = glued_proclitic(word, lex, common_stem)) return bytes;
  size_t found = 0;
  text::for_each_reading(word, [&](std::string_view stem, size_t offset) {
    // Plain readings only (the rest of the word: not «لل» read as «ال»), of a stem that can be a name.
    if (found || offset == 0 || stem != word.substr(offset)) return;
    if (is_link(stem)) {  // «لبن لادن», «وآل خليفة»: link words begin names, short as they are
      found = offset;
      return;
    }
    if (text::code_points(stem) < kMinStemLetters || lex.function_words.contains(stem)) return;
    // A lone word's stem must be no common word: «فراس» is no «ف» + «راس». In a longer name the
    // next word vouches for it: «وهاري كين» where «هاري كين» stands alone.
    if (t + 1 == end && lex.common_words.contains(stem) && !has_article(stem)) return;
    if (stands_alone(stem)) found = offset;
  });
  return found;
}

bool kin_noun_at(const text::Document& doc, size_t t, const lexicon::Lexicon& lex) {
  static const std::string kIbn = text::normalize_form("ابن");
  std::string_view w = doc.word(t);
  return doc.tokens[t].kind == text::TokenKind::Word && w != kIbn && lex.relation_words.kin_nouns.contains(w);
}

bool preposition_amam_at(const text::Document& doc, size_t t) {
  static const std::string kAmam = text::normalize_form("أمام"), kHamzaAbove = "\u0623";
  if (doc.tokens[t].kind != text::TokenKind::Word) return false;
  std::string_view w = doc.word(t);
  size_t proclitic = 0;  // letters before «أمام»: «وأمام»
  if (w != kAmam) {
    if (!(w.starts_with(kWaw) || w.starts_with(kFa)) || w.substr(kWaw.size()) != kAmam) return false;
    proclitic = 1;
  }
  auto span = doc.span_of_tokens(t, t + 1);
  std::string_view original = std::string_view(doc.text).substr(span.begin, span.end - span.begin);
  // The letter after the proclitic, past any diacritic on it.
  size_t i = 0;
  for (size_t letters = 0; i < original.size();) {
    size_t at = i;
    char32_t cp = text::next_code_point(original, i);
    if (text::is_dropped_mark(cp)) continue;
    if (letters++ == proclitic) return original.substr(at, i - at) == kHamzaAbove;
  }
  return false;
}

size_t television_end(const SentenceView& view, size_t end) {
  static const std::string kTee = text::normalize_form("تي"), kFee = text::normalize_form("في");
  if (end <= view.first() || end >= view.end() || !view.is_word(end) || view.word(end - 1) != kTee ||
      view.word(end) != kFee)
    return end;
  const size_t next = end + 1;
  // A name after «في» is its object: TV is seldom followed by one, and adjectives with the
  // article follow both («تي في الإخبارية», «في الأسبوع»).
  return next < view.end() && view.mention_covering(next) ? end : end + 1;
}

bool pronoun_suffixed_noun(std::string_view w, const lexicon::Lexicon& lex) {
  static const std::string kSuffixes[] = {"\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0627", "\u0647",
                                          "\u0646\u0627", "\u0643\u0645"};  // هما هم ها ه نا كم
  static const std::string kHa = "\u0647", kYaHamza = "\u0626", kHamza = "\u0621";
  auto listed = [&](std::string_view noun) {
    return lex.common_words.contains(noun) || lex.ordinary_words.contains(noun);
  };
  for (const std::string& suffix : kSuffixes) {
    if (!w.ends_with(suffix)) continue;
    std::string_view rest = w.substr(0, w.size() - suffix.size());
    if (text::code_points(rest) < kMinStemLetters) continue;
    // The ta marbuta and the hamza change their letter before a pronoun: «خارجيته», «وزرائها».
    std::string bare(rest);
    if (rest.ends_with(kTa)) bare = std::string(rest.substr(0, rest.size() - kTa.size())) + kHa;
    if (rest.ends_with(kYaHamza)) bare = std::string(rest.substr(0, rest.size() - kYaHamza.size())) + kHamza;
    if (listed(bare) || (bare != rest && listed(rest))) return true;
  }
  return false;
}

bool ends_person_name_at(const text::Document& doc, size_t t, const lexicon::Lexicon& lex) {
  // «أبا» is «أبو» in the accusative, a link word of names («خالد أبا الخيل»); a name word such
  // as «سارا» is written with tanween as an adjective too.
  static const std::string kAba = text::normalize_form("أبا");
  if (kin_noun_at(doc, t, lex) || preposition_amam_at(doc, t)) return true;
  if (doc.tokens[t].kind != text::TokenKind::Word) return false;
  std::string_view w = doc.word(t);
  if (elided_article(w, lex) > 0) return true;
  if (!lex.tanween_words.contains(w) || lex.name_words.contains(w) || w == kAba) return false;
  // Before another name word it is a first name after all: «بروفيسور سارا دانيوس».
  const size_t next = t + 1;
  const bool name_follows = next < doc.tokens.size() && doc.tokens[next].kind == text::TokenKind::Word &&
                            !lex.function_words.contains(doc.word(next)) && !lex.common_words.contains(doc.word(next)) &&
                            !lex.ordinary_words.contains(doc.word(next));
  return !name_follows;
}

bool another_name_at(const text::Document& doc, size_t t, const lexicon::Lexicon& lex) {
  std::string_view w = doc.word(t);
  if (!w.starts_with(kWaw) || glued_proclitic(w, lex, true) != kWaw.size() || is_link(doc.word(t - 1))) return false;
  std::string_view stem = w.substr(kWaw.size());
  return lex.name_words.contains(stem) || has_article(stem);
}

size_t enumerated_and(const text::Document& doc, const lexicon::Lexicon& lex, size_t t) {
  if (doc.tokens[t].kind != text::TokenKind::Word) return 0;
  static const std::string kWi = text::normalize_form("وي"), kWu = text::normalize_form("وو");
  std::string_view w = doc.word(t);
  // «وي», «وو» begin foreign names with W too («ويستفاليا» after «الراين», «ويزاردز»).
  if (!w.starts_with(kWaw) || w.starts_with(kWi) || w.starts_with(kWu) || text::code_points(w) <= kMinStemLetters ||
      lex.name_words.contains(w) ||
      lex.native_name_words.contains(w) || lex.common_words.contains(w) || lex.ordinary_words.contains(w)) {
    return 0;
  }
  return kWaw.size();
}

bool blessing_at(const text::Document& doc, size_t t, size_t limit, const lexicon::Lexicon& lex) {
  return lex.blessings.size() > 0 && lex.blessings.longest_at(doc, t, limit).has_value();
}

void clean_name_span(const text::Document& doc, const lexicon::Lexicon& lex, size_t first, size_t end,
                     size_t sentence_end, NameKind kind, std::vector<NameSpan>& out) {
  // Organizations join the words of their names with و («منظمة الأغذية والزراعة»); organizations
  // and places are named by a head noun, a common word («لجبهة البوليساريو»).
  const bool split_at_and = kind != NameKind::Organization, common_stem = kind != NameKind::Person;
  // «بن لادن» after «ل»: a link word begins a name only with a name after it.
  size_t proclitic = name_proclitic(doc, first, end, lex, common_stem);
  if (proclitic && end == first + 1 && is_link(doc.word(first).substr(proclitic))) proclitic = 0;
  if (kind == NameKind::Person && end > first + 1 && preposition_amam_at(doc, first)) {
    ++first;  // «أمام صلاح»: against Salah
    proclitic = name_proclitic(doc, first, end, lex, common_stem);
  }
  // «نجل سلمان العودة»: the son is not in his father's name.
  if (kind == NameKind::Person && proclitic == 0 && end > first + 1 && kin_noun_at(doc, first, lex)) ++first;
  NameSpan span{first, first, proclitic};
  if (proclitic == 0 && kind != NameKind::Person && end > first + 1) {
    span.stem_offset = elided_article(doc.word(first), lex);  // «للاتحاد الدولي»
    span.article_elided = span.stem_offset > 0;
  }
  for (size_t t = first; t < end; ++t) {
    if (blessing_at(doc, t, sentence_end, lex)) break;  // it may run past the tagger's span
    if (kind == NameKind::Person && t > first && ends_person_name_at(doc, t, lex)) break;
    std::string_view w = doc.word(t);
    // Inside a name a word the corpus reads as و + a word, even a common one («وغاريث»), begins
    // another name; but not after a link word, which a name goes on from («بن واليس»).
    if (split_at_and && t > span.first && w.starts_with(kWaw) && !is_link(doc.word(t - 1)) &&
        (glued_proclitic(w, lex, true) == kWaw.size() || name_proclitic(doc, t, end, lex, false) == kWaw.size())) {
      out.push_back(span);
      span = NameSpan{t, t, kWaw.size()};
    }
    span.end = t + 1;
  }
  if (span.end > span.first) out.push_back(span);
}

namespace {

// The corpus's ordinary words, not the common words, which hold names of the news the
// ANERcorp annotations never saw («خاشقجي», «يوفنتوس»).
bool ordinary_word(std::string_view w, const lexicon::Lexicon& lex) {
  if (lex.ordinary_words.contains(w)) return true;
  // «وفضائيات» is as ordinary as «فضائيات»
  return w.starts_with(kWaw) && text::code_points(w) > kMinStemLetters && lex.ordinary_words.contains(w.substr(kWaw.size()));
}

// «لكأس», «بالمركز», «للحفر» (ل + the article): a preposition glued to an ordinary word of four
// letters or more (not «بيسر», «لوكل»), or an ordinary word itself, that is no name word («بولت», «بلعيد»). In an
// organization's name «لل» begins its field («سامسونغ للإلكترونيات»).
bool preposition_before_ordinary(std::string_view w, const lexicon::Lexicon& lex, NameKind kind) {
  if (lex.name_words.contains(w)) return false;
  if (w.starts_with(kLamLam)) {
    std::string stem = kArticle + std::string(w.substr(kLamLam.size()));
    return kind != NameKind::Organization && text::code_points(stem) >= 5 && lex.ordinary_words.contains(stem);
  }
  if (!w.starts_with(kLam) && !w.starts_with(kBa)) return false;
  std::string_view stem = w.substr(kLam.size());
  return lex.ordinary_words.contains(w) || (text::code_points(stem) >= kMinTrailLetters &&
                                            !lex.function_words.contains(stem) && lex.ordinary_words.contains(stem));
}
// An ordinary word without the article, alone or after «و» or in «لل» («والإصلاح», «للأعمال»
// are words of the name's phrase).
bool indefinite_ordinary_word(std::string_view w, const lexicon::Lexicon& lex) {
  std::string_view rest = w.starts_with(kWaw) ? w.substr(kWaw.size()) : w;
  return !has_article(w) && !has_article(rest) && !rest.starts_with(kLamLam) && ordinary_word(w, lex);
}

// «صلاح يغرد», «بشار سيبقى»: a verb in the imperfect (ي or ت, and «س» of the future before them)
// whose other person the corpus reads as an ordinary word («تغرد», «يبقى»), and no name word itself
// («تامر», «يحيى»). Headlines put the verb after its subject, so the tagger takes it into the name.
bool imperfect_verb(std::string_view w, const lexicon::Lexicon& lex) {
  if (lex.name_words.contains(w) || lex.native_name_words.contains(w)) return false;
  std::string other;
  if (w.starts_with(kSin)) {
    std::string_view rest = w.substr(kSin.size());
    if (rest.starts_with(kYa) || rest.starts_with(kTa) || rest.starts_with(kNun)) other = rest;
  } else if (w.starts_with(kYa)) {
    other = kTa + std::string(w.substr(kYa.size()));
  } else if (w.starts_with(kTa)) {
    other = kYa + std::string(w.substr(kTa.size()));
  }
  return text::code_points(other) >= kMinTrailLetters && lex.ordinary_words.contains(other) &&
         !lex.name_words.contains(other);
}

// The future's «س» before an imperfect verb: «سينافس صلاح». No given name begins so, where «يسري»
// and «تامر» are names as well as verbs.
bool future_verb(std::string_view w, const lexicon::Lexicon& lex) {
  return w.starts_with(kSin) && imperfect_verb(w, lex);
}

}  // namespace

size_t plausible_first(const text::Document& doc, const lexicon::Lexicon& lex, const NameSpan& sp) {
  if (sp.stem_offset != 0 || sp.end - sp.first < 2 || doc.tokens[sp.first].kind != text::TokenKind::Word) return sp.first;
  std::string_view w = doc.word(sp.first);
  if (future_verb(w, lex)) return sp.first + 1;
  if (sp.end - sp.first < 3) return sp.first;
  bool ordinary = indefinite_ordinary_word(w, lex) && text::code_points(w) >= kMinTrailLetters && !lex.name_words.contains(w);
  return ordinary ? sp.first + 1 : sp.first;
}

size_t plausible_end(const text::Document& doc, const lexicon::Lexicon& lex, const NameSpan& sp, NameKind kind) {
  auto word = [&](size_t t) { return t == sp.first ? doc.word(t).substr(sp.stem_offset) : doc.word(t); };
  auto is_word = [&](size_t t) { return doc.tokens[t].kind == text::TokenKind::Word; };
  size_t end = sp.end;
  for (size_t t = sp.first + 1; t < end; ++t) {
    if (is_word(t) && preposition_before_ordinary(word(t), lex, kind) &&
        (kind != NameKind::Organization || !(has_article(word(t - 1)) || ordinary_word(word(t - 1), lex)))) {
      end = t;
      break;
    }
  }
  auto indefinite_ordinary = [&](size_t t) { return is_word(t) && indefinite_ordinary_word(word(t), lex); };
  // Short ordinary words end names too often to be cut off: «جاك ما», «فيصل فجر», «حسن سير».
  const size_t before_trim = end;
  // A family name may be a nisba that is an ordinary word too: «مهدي رباعي».
  auto family_name = [&](size_t t) {
    return kind == NameKind::Person && word(t).ends_with(kYa) && lex.name_words.contains(word(t - 1));
  };
  auto trailing_word = [&](size_t t) {
    return (indefinite_ordinary(t) && text::code_points(word(t)) >= kMinTrailLetters && !family_name(t)) ||
           (kind == NameKind::Person && is_word(t) && imperfect_verb(word(t), lex));
  };
  while (end > sp.first + 1 && trailing_word(end - 1)) {
    --end;
  }
  // One word left of a longer span is a name only if the corpus reads it as one, and no head noun:
  // not «قصور» of «قصور كلوي», «معهد» of «معهد مجاور».
  if (end < before_trim && end == sp.first + 1 &&
      (!lex.name_words.contains(word(sp.first)) || lex.common_words.contains(word(sp.first)))) {
    return sp.first;
  }
  for (size_t t = sp.first; t < end; ++t)
    if (!indefinite_ordinary(t)) return end;
  return sp.first;
}

bool noun_and_nisba(const SentenceView& view, const lexicon::Lexicon& lex, const NameSpan& sp) {
  const size_t last = sp.end - 1;
  if (sp.end - sp.first < 2 || !view.is_word(last) || has_article(view.word(last)) || !view.facts().nisba(last)) {
    return false;
  }
  for (size_t t = sp.first; t < last; ++t) {
    std::string_view w = t == sp.first ? view.word(t).substr(sp.stem_offset) : view.word(t);
    if (!view.is_word(t) || is_link(w) || !(lex.article_words.contains(w) || ordinary_word(w, lex))) return false;
  }
  return true;
}

namespace {

// The case of a dual of an ordinary word, a noun or an adjective the corpus seldom has in a name
// («مصدران», «إيرانيان», «بارجتين»): 'a' for the nominative (ـان), 'i' for the other cases (ـين), 0
// for a word that is no such dual. Names of three root letters and ـان are no duals («سلمان»,
// «شعبان», «نعمان»), even where the stem is a word; longer stems are («مصدران»).
char dual_case(std::string_view w, const lexicon::Lexicon& lex) {
  static const std::string kAn = text::normalize_form("ان"), kIn = text::normalize_form("ين"),
                           kTaMarbuta = text::normalize_form("ة");
  const char c = w.ends_with(kAn) ? 'a' : w.ends_with(kIn) ? 'i' : 0;
  if (!c) return 0;
  std::string_view stem = w.substr(0, w.size() - kAn.size());
  if (text::code_points(stem) <= 3 && (lex.name_words.contains(w) || lex.native_name_words.contains(w))) return 0;
  auto ordinary = [&](std::string_view x) {
    return text::code_points(x) >= 3 && !lex.name_words.contains(x) &&
           (ordinary_word(x, lex) || lex.article_words.contains(x) || lex.common_words.contains(x) ||
            lex.nisba.lookup(x));
  };
  if (ordinary(stem)) return c;
  // A feminine noun's dual: «بارجتان» of «بارجة».
  if (stem.ends_with(kTa) && ordinary(std::string(stem.substr(0, stem.size() - kTa.size())) + kTaMarbuta)) return c;
  return 0;
}

}  // namespace

bool duals_in_agreement(const SentenceView& view, const lexicon::Lexicon& lex, const NameSpan& sp) {
  char first_case = 0;
  for (size_t t = sp.first; t < sp.end; ++t) {
    if (!view.is_word(t)) return false;
    const char c = dual_case(t == sp.first ? view.word(t).substr(sp.stem_offset) : view.word(t), lex);
    if (!c || (first_case && c != first_case)) return false;
    first_case = c;
  }
  return first_case != 0;
}

size_t whole_name_end(const text::Document& doc, const lexicon::Lexicon& lex, const NameSpan& sp) {
  if (sp.end - sp.first < 3) return sp.end;
  const size_t third = sp.first + 2;
  if (doc.tokens[third].kind != text::TokenKind::Word || has_article(doc.word(third)) || is_link(doc.word(third))) {
    return sp.end;
  }
  std::string pair(doc.word(sp.first).substr(sp.stem_offset));
  pair.append(1, ' ').append(doc.word(sp.first + 1));
  return lex.complete_names.contains(pair) ? sp.first + 2 : sp.end;
}

bool glued_hyphen(const text::Document& doc, size_t t) {
  return t > 0 && t + 1 < doc.tokens.size() && doc.tokens[t].kind == text::TokenKind::Punct && doc.word(t) == "-" &&
         doc.tokens[t - 1].end == doc.tokens[t].begin && doc.tokens[t].end == doc.tokens[t + 1].begin;
}

size_t hyphenated_end(const SentenceView& view, size_t end) {
  const text::Document& doc = view.doc();
  const TokenFacts& facts = view.facts();
  while (end + 1 < view.end() && glued_hyphen(doc, end) && view.is_word(end + 1) && !view.mention_covering(end + 1) &&
         !facts.common(end + 1)) {
    end += 2;
  }
  return end;
}

size_t forefathers_end(const SentenceView& view, size_t first, size_t end) {
  const TokenFacts& facts = view.facts();
  auto name_word = [&](size_t t) {
    return t < view.end() && view.is_word(t) && !view.mention_covering(t) && text::code_points(view.word(t)) >= 2 &&
           !facts.common(t) && !facts.function_word(t) && !facts.title(t) && !is_link(view.word(t)) &&
           !(has_article(view.word(t)) && facts.nisba(t));
  };
  // A chain the tagger cut after its link word goes on to the name after it: «وفاء بن عريف».
  if (end > first + 1 && is_link(view.word(end - 1)) && name_word(end)) ++end;
  // The chain: a link word and a name word, as often as they follow one another.
  bool chained = end > first + 1 && is_link(view.word(end - 2));
  while (end + 1 < view.end() && is_link(view.word(end)) && !view.mention_covering(end) && name_word(end + 1)) {
    end += 2;
    chained = true;
  }
  // Then the family name with the article, when the chain ends on a plain name; not «لل» (to
  // the), a preposition before a noun: «فتيحة بن قاسم للعربية».
  if (chained && name_word(end) && has_article(view.word(end)) && !view.word(end).starts_with(kLamLam) &&
      !facts.nisba(end))
    ++end;
  return end;
}

}  // namespace rawabit::extract
