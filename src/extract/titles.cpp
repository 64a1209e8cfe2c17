#include "extract/titles.hpp"

#include "text/normalize.hpp"

namespace rawabit::extract {

namespace {

const std::string kBism = text::normalize_form("باسم");
const std::string kFi = text::normalize_form("في");

bool is_comma(std::string_view w) { return w == "\u060C" || w == ","; }

size_t skip_modifiers(const SentenceView& s, size_t p, const lexicon::Lexicon& lex) {
  while (p < s.end() && lex.title_modifiers.contains(s.word(p))) ++p;
  return p;
}

// An affiliation entity mentioned at p: organizations and countries, or places for titles
// such as mayor and governor.
std::optional<uint32_t> affiliation_at(const SentenceView& s, size_t p, const Annotations& ann) {
  auto m = s.mention_at(p);
  if (!m) return std::nullopt;
  EntityType t = ann.entities[ann.mentions[*m].entity].type;
  if (t == EntityType::Person || t == EntityType::Weapon) return std::nullopt;
  return m;
}

}  // namespace

std::optional<TitleContext> title_at(const SentenceView& s, size_t t, const lexicon::Lexicon& lex,
                                     const Annotations& ann) {
  auto title = lex.roles.titles().longest_at(s.doc(), t, s.end());
  if (!title) return std::nullopt;
  TitleContext ctx{title->value, t, title->end_token, std::nullopt, std::nullopt, title->end_token};
  size_t p = skip_modifiers(s, title->end_token, lex);
  if (p >= s.end()) return ctx;

  if (auto nisba = lex.nisba.lookup(s.word(p)); nisba && !s.mention_at(p)) {
    ctx.affiliation_nisba = nisba;
    p = skip_modifiers(s, p + 1, lex);
  } else if (auto m = affiliation_at(s, p, ann)) {
    ctx.affiliation_mention = m;
    p = ann.mentions[*m].end_token;
    // «رئيس الوزراء البريطانى» is caught above; «المتحدث باسم الحكومة الألمانية» below.
  } else if (s.word(p) == kBism || s.word(p) == kFi) {
    // «باسم الحكومة الفيدرالية الألمانية»: the first entity or nisba within four words.
    for (size_t q = p + 1; q < s.end() && q <= p + 4; ++q) {
      if (auto m = affiliation_at(s, q, ann)) {
        ctx.affiliation_mention = m;
        p = ann.mentions[*m].end_token;
        break;
      }
      if (auto nisba = lex.nisba.lookup(s.word(q)); nisba && s.word(p) == kBism) {
        ctx.affiliation_nisba = nisba;
        p = q + 1;
        break;
      }
      if (s.is_punct(q)) break;
    }
  }
  p = skip_modifiers(s, p, lex);
  if (p < s.end() && is_comma(s.word(p))) ++p;
  ctx.person_start = p;
  return ctx;
}

}  // namespace rawabit::extract
