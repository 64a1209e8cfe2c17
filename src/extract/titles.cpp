#include "extract/titles.hpp"

#include "text/normalize.hpp"

namespace rawabit::extract {

namespace {

const std::string kBism = text::normalize_form("باسم");
const std::string kFi = text::normalize_form("في");
const std::string kArticle = text::normalize_form("ال");

// An affiliation entity mentioned at p: organizations and countries, or places for titles
// such as mayor and governor.
std::optional<uint32_t> affiliation_at(const SentenceView& s, size_t p, const Annotations& ann) {
  auto m = s.mention_at(p);
  if (!m) return std::nullopt;
  EntityType t = ann.entities[ann.mentions[*m].entity].type;
  if (t == EntityType::Person || t == EntityType::Weapon) return std::nullopt;
  return m;
}

// A nisba that agrees with a definite title carries the article: «الرئيس التركي», never «تركي»
// alone, which is a name there («المستشار تركي آل الشيخ»).
// A mention that began inside the title does not hide the nisba: in «وزيرة الخارجية الفرنسية»
// the gazetteer reads «الخارجية الفرنسية» as the ministry, but the minister's state is France.
std::optional<uint32_t> definite_nisba(const SentenceView& s, size_t p, size_t title_first = SIZE_MAX) {
  if (!has_article(s.word(p))) return std::nullopt;
  if (auto m = s.mention_covering(p)) {
    size_t start = p;
    while (start > s.first() && s.mention_covering(start - 1) == m) --start;
    if (title_first == SIZE_MAX || start <= title_first || start == p) return std::nullopt;
  }
  return s.facts().nisba(p);
}

bool is_quote(std::string_view w) { return w == "\u00AB" || w == "\u00BB" || w == "\"" || w == "\u201C" || w == "\u201D"; }

// Skips quotation marks and a parenthetical («(إيفري)») after an affiliation.
size_t skip_asides(const SentenceView& s, size_t p) {
  while (p < s.end() && is_quote(s.word(p))) ++p;
  if (p < s.end() && s.word(p) == "(") {
    for (size_t q = p + 1; q < s.end() && q <= p + 6; ++q)
      if (s.word(q) == ")") return skip_asides(s, q + 1);
  }
  return p;
}

// The first organization, country or nisba within four words of p («باسم الحكومة الفيدرالية
// الألمانية», «في قضايا الردع في المعهد الفرنسي»). Sets the context's affiliation; returns
// where the name may start, or p when nothing was found.
size_t scan_affiliation(const SentenceView& s, size_t p, const Annotations& ann, TitleContext& ctx) {
  for (size_t q = p; q < s.end() && q <= p + 4; ++q) {
    if (auto m = affiliation_at(s, q, ann)) {
      ctx.affiliation_mention = m;
      return ctx.affiliation_end = ann.mentions[*m].end_token;
    }
    if (auto nisba = definite_nisba(s, q)) {
      ctx.affiliation_nisba = nisba;
      return ctx.affiliation_end = s.facts().nisba_end(q);
    }
    if (s.is_punct(q) && !is_quote(s.word(q))) break;
  }
  return p;
}

// Where an envoy is posted, after the state that sends them: «سفير روسيا لدى الولايات المتحدة»,
// «سفيرة واشنطن بالأمم المتحدة», «المبعوث الأممي إلى سوريا».
size_t skip_posting(const SentenceView& s, size_t p, const Annotations& ann, const lexicon::Lexicon& lex) {
  if (p >= s.end()) return p;
  size_t at = lex.relation_words.postings.contains(s.word(p)) ? p + 1 : p;
  auto m = s.mention_at(at);
  if (!m || !affiliation_at(s, at, ann)) return p;
  // A posting joined as a proclitic: «بالأمم المتحدة».
  if (at == p && !s.word(p).starts_with("\u0628")) return p;
  return ann.mentions[*m].end_token;
}

// Skips modifiers, up to a mention that begins with one («الأمير محمد بن سلمان» is a name). An
// adjective agrees with its noun in definiteness: after an indefinite title a definite word is a
// genitive («قائد المنتخب الإسرائيلي» captains the team), so `definite` false skips none of those.
size_t skip_modifiers(const SentenceView& s, size_t p, bool definite = true) {
  while (p < s.end() && s.facts().modifier(p) && !s.mention_at(p) && (definite || !has_article(s.word(p)))) ++p;
  return p;
}

// A minister's portfolio between the title and the state: «وزير الخزانة الأميركي», «وزيرة
// الدولة الإماراتية», «وزير شؤون الدفاع القطري». Up to three words without a name or nisba of
// their own; returns where the nisba or genitive state begins, or p when there is none. The
// body may follow the portfolio after «في»: «المفوض السامي لحقوق الإنسان في الأمم المتحدة».
size_t skip_portfolio(const SentenceView& s, size_t p, const Annotations& ann) {
  for (size_t q = p; q < s.end() && q < p + 3; ++q) {
    if (q > p && s.word(q) == kFi && q + 1 < s.end() && affiliation_at(s, q + 1, ann)) return q + 1;
    if (!s.is_word(q) || s.mention_covering(q) || s.facts().nisba(q)) {
      return q > p && (definite_nisba(s, q) || affiliation_at(s, q, ann)) ? q : p;
    }
  }
  return p;
}

}  // namespace

bool is_comma(std::string_view w) { return w == "\u060C" || w == ","; }

bool has_article(std::string_view w) {
  for (std::string_view prefix : {"", "\u0648", "\u0641", "\u0628", "\u0643", "\u0648\u0628", "\u0641\u0628"}) {
    if (w.starts_with(prefix) && w.substr(prefix.size()).starts_with(kArticle)) return true;
  }
  // «لل» is ل + ال with the alef elided.
  for (std::string_view prefix : {"\u0644\u0644", "\u0648\u0644\u0644", "\u0641\u0644\u0644"})
    if (w.starts_with(prefix)) return true;
  return false;
}

std::optional<TitleContext> title_at(const SentenceView& s, size_t t, const Annotations& ann,
                                     const lexicon::Lexicon& lex) {
  const lexicon::RoleTable& roles = lex.roles;
  auto title = s.facts().title(t);
  if (!title) return std::nullopt;
  // A title that is also an adjective agrees as one with a definite noun before it: «الحزب
  // الحاكم», «حزب المحافظين الحاكم في بريطانيا» name no governor.
  if (roles[title->value].also_adjective && has_article(s.word(t)) && t > s.first() && has_article(s.word(t - 1)) &&
      !s.mention_covering(t - 1) && !s.facts().nisba(t - 1))
    return std::nullopt;
  TitleContext ctx{title->value, t, title->end_token, std::nullopt, std::nullopt, title->end_token, title->end_token};
  const bool definite_title = has_article(s.word(title->end_token - 1));
  size_t p = roles[title->value].construct ? title->end_token : skip_modifiers(s, title->end_token, definite_title);
  if (p >= s.end()) return roles[title->value].construct ? std::nullopt : std::optional(ctx);

  std::string_view last_title_word = s.word(title->end_token - 1);
  if (auto nisba = roles[title->value].genitive_only ? std::nullopt : definite_nisba(s, p, t)) {
    ctx.affiliation_nisba = nisba;
    p = ctx.affiliation_end = s.facts().nisba_end(p);
    p = skip_modifiers(s, p);
  } else if (auto m = affiliation_at(s, p, ann)) {  // the genitive: «رئيس كازاخستان»
    ctx.affiliation_mention = m;
    p = ctx.affiliation_end = ann.mentions[*m].end_token;
  } else if (roles[title->value].construct) {
    return std::nullopt;
  } else if (size_t q = roles[title->value].portfolio ? skip_portfolio(s, p, ann) : p; q != p) {
    if (auto nisba = definite_nisba(s, q)) {
      ctx.affiliation_nisba = nisba;
      p = ctx.affiliation_end = s.facts().nisba_end(q);
    } else {
      ctx.affiliation_mention = affiliation_at(s, q, ann);
      p = ctx.affiliation_end = ann.mentions[*ctx.affiliation_mention].end_token;
    }
    p = skip_modifiers(s, p);
  } else if (s.word(p) == kBism || s.word(p) == kFi) {
    p = scan_affiliation(s, p + 1, ann, ctx);
  } else if (last_title_word == kBism) {  // the title itself ends in «باسم»
    // «أحد المتحدثين باسم نتنياهو»: a person after «باسم» is the one spoken for, not the speaker.
    if (auto m = s.mention_at(p); m && ann.entities[ann.mentions[*m].entity].type == EntityType::Person)
      return std::nullopt;
    p = scan_affiliation(s, p, ann, ctx);
  }
  if (ctx.affiliation_mention || ctx.affiliation_nisba) p = skip_posting(s, p, ann, lex);
  p = skip_asides(s, p);
  p = skip_modifiers(s, p);
  if (p < s.end() && is_comma(s.word(p))) {
    ctx.after_comma = true;
    ++p;
  }
  ctx.person_start = p;
  return ctx;
}

}  // namespace rawabit::extract
