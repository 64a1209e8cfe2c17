#include "extract/entities.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "extract/name_spans.hpp"
#include "extract/names.hpp"
#include "extract/sentence_view.hpp"
#include "extract/titles.hpp"
#include "extract/variant_index.hpp"
#include "ner/cues.hpp"
#include "ner/words.hpp"
#include "text/clitics.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::extract {

namespace {
// The tagger's margin (ner::SpanMargin::labels, in the model's int16 weight units) below which a
// name it read is unsure: in three hand-judged samples of ANT's entities, half of the tagger's
// names below it were right, and 85 % of those above (docs/entity-sample.md).
constexpr int64_t kFirmTaggerMargin = 40000;
// Below this margin an organization the tagger read is tentative: in five later samples, 9 of 19
// such organizations were right, against 12 of 13 above it (persons: 74 % and 90 %).
constexpr int64_t kSureTaggerMargin = 60000;

void mark_reading(Mention& m, int64_t margin) {
  m.unsure = margin < kFirmTaggerMargin;
  m.tentative = margin < kSureTaggerMargin;
}

constexpr size_t kMaxNameWords = 3;  // more only through «بن»: «تميم بن حمد آل ثاني»
const std::string kBin = text::normalize_form("بن");
const std::string kIbn = text::normalize_form("ابن");
const std::string kBint = text::normalize_form("بنت");
const std::string kAal = text::normalize_form("آل");
// Particles inside foreign names: «برونو لو مير», «أورسولا فون دير لاين», «لويس دي غيندوس».
const std::vector<std::string> kNameParticles = {text::normalize_form("لو"), text::normalize_form("دي"),
                                                 text::normalize_form("فون"), text::normalize_form("فان"),
                                                 text::normalize_form("دو"), text::normalize_form("دير"),
                                                 text::normalize_form("دا"), text::normalize_form("لا")};
bool is_particle(std::string_view w) {
  return std::find(kNameParticles.begin(), kNameParticles.end(), w) != kNameParticles.end();
}
}

namespace {

// Adds the words of a normalized name to `words`, a leading «عبد X» as one («عبدالملك»).
void add_name_words(std::string_view name, std::vector<std::string>& words) {
  static const std::string kAbd = text::normalize_form("عبد");
  const size_t first = words.size();
  for (size_t at = 0; at < name.size();) {
    size_t space = std::min(name.find(' ', at), name.size());
    if (space > at) words.emplace_back(name.substr(at, space - at));
    at = space + 1;
  }
  if (words.size() > first + 1 && words[first] == kAbd) {
    words[first] += words[first + 1];
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(first) + 1);
  }
}

// A name as a label: a hashtag's marks are not part of it («#محمد_السبكي» is «محمد السبكي»).
std::string without_hashtag_marks(std::string_view surface) {
  std::string out;
  for (char c : surface) {
    if (c == '#') continue;
    if (c == '_') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string(surface) : out;
}

// Whether the gazetteer entry is named in the document so far. While entities are recognized,
// a gazetteer entity exists only with a mention (or as a stands_for target, which no person is).
bool named_in(const Annotations& ann, uint32_t entry) {
  return std::any_of(ann.entities.begin(), ann.entities.end(), [&](const Entity& e) { return e.gazetteer == entry; });
}

// Whether the word before token t, clitics allowed, is one of `heads`.
bool head_before(const text::Document& doc, const lexicon::WordSet& heads, size_t t, size_t sentence_first) {
  return t > sentence_first && doc.tokens[t - 1].kind == text::TokenKind::Word && heads.contains_reading(doc.word(t - 1));
}

const std::string kMarkaz = text::normalize_form("مركز");
const std::string kWaw = "\u0648";
const std::string kLamLam = text::normalize_form("لل");

bool is_place(EntityType type) { return type == EntityType::Location || type == EntityType::Country; }

// The end of an institution's name that goes on over its field: «للتكنولوجيا» of «معهد ماساتشوستس
// للتكنولوجيا» (ل + the article).
size_t field_end(const text::Document& doc, size_t end, size_t sentence_end) {
  if (end < sentence_end && doc.tokens[end].kind == text::TokenKind::Word && doc.word(end).starts_with(kLamLam) &&
      text::code_points(doc.word(end)) > 4)
    return end + 1;
  return end;
}

}  // namespace

bool EntityRecognizer::institution_head_at(const text::Document& doc, size_t head) const {
  auto m = lex_.named_after.longest_at(doc, head, head + 1);
  return m && static_cast<EntityType>(m->value) == EntityType::Organization;
}

EntityRecognizer::EntityRecognizer(const lexicon::Lexicon& lex, const ner::Tagger* tagger) : lex_(lex), tagger_(tagger) {
  const auto& entries = lex.gazetteer.entries();
  for (uint32_t i = 0; i < entries.size(); ++i) {
    if (entries[i].type != EntityType::Person) continue;
    for (const std::string& form : entries[i].forms) {
      std::string norm = text::normalize_form(form);
      add_name_words(norm, person_name_words_[i]);
      if (norm.find(' ') == std::string::npos) {
        person_words_.emplace(norm, i);
        person_word_skeletons_[name_skeleton(norm)].push_back({norm, i});
      } else {
        person_skeletons_[name_skeleton_of_phrase(norm)].push_back({norm, i});
        person_first_words_.emplace(norm.substr(0, norm.find(' ')), true);
      }
    }
  }
  for (const auto& [word, entry] : person_words_)
    if (word.size() >= 2) person_words_by_prefix_[word.substr(0, 2)].push_back({word, entry, name_skeleton(word)});
}

uint32_t EntityRecognizer::gazetteer_entity(uint32_t entry, Annotations& ann) const {
  const lexicon::GazetteerEntry& g = lex_.gazetteer[entry];
  uint32_t index = ann.intern(g.name_en, [&] {
    Entity e{g.name_en, g.name_en, g.name_ar, g.qid, g.type, entry, std::nullopt, "gazetteer", g.forms};
    return e;
  });
  if (g.stands_for && !ann.entities[index].stands_for) {
    uint32_t target = gazetteer_entity(*g.stands_for, ann);
    ann.entities[index].stands_for = target;
  }
  return index;
}

void EntityRecognizer::add_mention(const text::Document& doc, Annotations& ann, uint32_t entity, uint32_t sentence,
                                   size_t first, size_t end, size_t stem_offset, std::string method) const {
  auto span = doc.norm.original_span(doc.tokens[first].begin + stem_offset, doc.tokens[end - 1].end);
  ann.mentions.push_back({entity, sentence, static_cast<uint32_t>(first), static_cast<uint32_t>(end), span.begin,
                          span.end, std::move(method)});
}

// Whether the gazetteer person of a one-word form at t is named there by another's first name
// before it: «أحمد خاتمي» (not «محمد خاتمي», nor «دونالد جيه ترامب» with a middle initial).
bool EntityRecognizer::after_anothers_first_name(const text::Document& doc, size_t first, size_t t,
                                                 uint32_t entry) const {
  static const std::string kSayyid = text::normalize_form("سيد");
  std::string_view before = t > first ? doc.word(t - 1) : std::string_view();
  // A link word, an honorific, a title with the article, a function or common word is no first
  // name («ابن سلمان», «سيد نصرالله», «المشير السيسي», «إن السيسي»), nor a known person's own
  // one-word name («قمة كيم ترمب»).
  if (t == first || !person_first_words_.count(before) || before == kBin || before == kIbn || before == kSayyid ||
      has_article(before) || person_words_.count(before))
    return false;
  // «فإن السيسي»: a particle with its proclitic.
  if (lex_.function_words.contains_reading(before) || lex_.common_words.contains_reading(before)) return false;
  // The person's own first name may stand a few words back: «دونالد جيه ترامب», «أنور بن محمد قرقاش».
  const std::vector<std::string>& own = person_name_words_.at(entry);
  for (size_t back = 1; back <= 3 && back <= t - first; ++back)
    if (std::find(own.begin(), own.end(), doc.word(t - back)) != own.end()) return false;
  return true;
}

void EntityRecognizer::gazetteer_pass(const text::Document& doc, uint32_t sentence, Annotations& ann,
                                      std::unordered_set<uint32_t>& namesakes) const {
  const auto& s = doc.sentences[sentence];
  size_t free_from = s.first_token;  // the first token after the last match
  for (size_t t = s.first_token; t < s.end_token;) {
    auto m = lex_.gazetteer.forms().longest_at(doc, t, s.end_token);
    if (!m) {
      ++t;
      continue;
    }
    // «مسقط رأسه» is his birthplace, not Muscat.
    if (m->end_token == t + 1 && m->end_token < s.end_token &&
        lex_.idiom_with_name(doc.word(t).substr(m->stem_offset), doc.word(m->end_token))) {
      ++t;
      continue;
    }
    // «أحمد خاتمي» is not Mohammad Khatami: the word is left to the names no list knows, and so
    // is the surname alone later in the document, unless the known person is named there too.
    const bool one_word_person = m->end_token == t + 1 && lex_.gazetteer[m->value].type == EntityType::Person;
    if (one_word_person && m->stem_offset == 0 && after_anothers_first_name(doc, s.first_token, t, m->value)) {
      namesakes.insert(m->value);
      ++t;
      continue;
    }
    if (one_word_person && namesakes.count(m->value) && !named_in(ann, m->value)) {
      ++t;
      continue;
    }
    // «نادي برشلونة» is the club: left to the tagger's names, which make it an organization.
    if (m->stem_offset == 0 && t > free_from && lex_.gazetteer[m->value].type == EntityType::Location &&
        head_before(doc, lex_.club_heads, t, s.first_token)) {
      ++t;
      continue;
    }
    // «مستشفى الملك فهد» is a hospital, not a mention of the king.
    if (lex_.gazetteer[m->value].type == EntityType::Person && t > free_from && m->stem_offset == 0 &&
        named_after(doc, sentence, t - 1, m->end_token, ann)) {
      t = free_from = m->end_token;
      continue;
    }
    // «جامعة القاهرة», «مستشفى سالزبري», «معهد ماساتشوستس للتكنولوجيا»: an institution named after a
    // place is no mention of the place. «مركز» + a place is often its rank or its centre: an
    // institution only with its field («مركز الخليج للأبحاث»).
    if (is_place(lex_.gazetteer[m->value].type) && t > free_from && m->stem_offset == 0 &&
        institution_head_at(doc, t - 1)) {
      const size_t end = field_end(doc, m->end_token, s.end_token);
      if (end != m->end_token || !doc.word(t - 1).ends_with(kMarkaz)) {
        named_after(doc, sentence, t - 1, end, ann);
        t = free_from = end;
        continue;
      }
    }
    add_mention(doc, ann, gazetteer_entity(m->value, ann), sentence, t, m->end_token, m->stem_offset, "gazetteer");
    t = free_from = m->end_token;
  }
}

// How many words from `start` look like a name: words that are not function words, frequent
// common words, nisba adjectives or already part of a mention.
// A word that may end a name the tagger reads on after the name's common-word stop: a common
// word the corpus seldom finds outside names («خاشقجي», «راموس»), not an ordinary one («يلتقي»,
// «حسب»), a function word, a title or a nisba.
bool family_word(const text::Document& doc, const TokenFacts& facts, const lexicon::Lexicon& lex, size_t t) {
  std::string_view w = doc.word(t);
  return doc.tokens[t].kind == text::TokenKind::Word && text::code_points(w) >= 3 && !facts.function_word(t) &&
         !facts.title(t) && !facts.nisba(t) && !has_article(w) && !lex.ordinary_words.contains(w);
}

size_t EntityRecognizer::name_length(const text::Document& doc, const TokenFacts& facts, size_t start, size_t end) const {
  size_t n = 0, limit = kMaxNameWords;
  while (start + n < end && n < limit) {
    size_t t = start + n;
    std::string_view w = doc.word(t);
    if (blessing_at(doc, t, end, lex_)) break;  // «عمر رضي الله عنه»
    if (n > 0 && ends_person_name_at(doc, t, lex_)) break;  // «فيليب زوج الملكة», «صلاح أمام»
    if (n > 0 && t + 1 < end && lex_.day_parts.contains(w) && lex_.days.contains(doc.word(t + 1))) break;  // «صباح الأحد»
    if (n > 0 && another_name_at(doc, t, lex_)) break;  // «الرئيسين كيم وترامب»
    bool link = w == kBin || w == kIbn || w == kBint || w == kAal || is_particle(w);  // «بن سلمان», «آل ثاني»
    if (link && n > 0 && start + n + 1 < end && doc.tokens[t + 1].kind == text::TokenKind::Word) {
      // The word after the link, and a family name after it: «عادل بن أحمد الجبير».
      limit = std::max(limit, n + 3);
      ++n;
      continue;
    }
    // A nisba ends a name only with the article («... بوتين الروسي»); without it, after a first
    // name, it is a name («ويلبور روس»).
    if (n > 0 && doc.tokens[t].kind == text::TokenKind::Word && !has_article(w) && facts.nisba(t)) {
      ++n;
      continue;
    }
    // A common word the corpus writes as the name's next word goes on with it («فرحان حق»).
    if (n > 0 && facts.common(t) && !facts.title(t) && name_goes_on(doc, t, lex_)) {
      ++n;
      continue;
    }
    if (doc.tokens[t].kind != text::TokenKind::Word || text::code_points(w) < 2 || facts.function_word(t) || facts.common(t) ||
        (has_article(w) && facts.nisba(t)) || facts.title(t)) {
      break;
    }
    ++n;
  }
  // A name does not end on a link word.
  while (n > 0 && (doc.word(start + n - 1) == kBin || doc.word(start + n - 1) == kIbn || is_particle(doc.word(start + n - 1)))) --n;
  return n;
}

// The words of [start, start + n) before the first one written with tanween (ً ٌ ٍ).
size_t EntityRecognizer::without_tanween(const text::Document& doc, size_t start, size_t n) const {
  for (size_t k = 0; k < n; ++k) {
    auto span = doc.span_of_tokens(start + k, start + k + 1);
    std::string_view original = std::string_view(doc.text).substr(span.begin, span.end - span.begin);
    for (std::string_view mark : {"\u064B", "\u064C", "\u064D"})
      if (original.find(mark) != std::string_view::npos) return k;
  }
  return n;
}

std::optional<uint32_t> EntityRecognizer::link_person(std::string_view name) const {
  if (name.find(' ') != std::string_view::npos) {
    // The same skeleton, and a word in common or every word a variant (same_person_by_skeleton):
    // «سيرجيو راموس» shares a skeleton with Sergei Rumas («سيرغي روماس») and nothing more.
    auto it = person_skeletons_.find(name_skeleton_of_phrase(name));
    if (it == person_skeletons_.end()) return std::nullopt;
    for (const auto& [form, entry] : it->second)
      if (same_person_by_skeleton(name, form)) return entry;
    return std::nullopt;
  }
  if (auto it = person_words_.find(name); it != person_words_.end()) return it->second;
  // A short word alone is too weak to link by likeness: «سونغ» is not «سوناك».
  if (text::code_points(name) < 5) return std::nullopt;
  // Variants share the skeleton, or (one-letter slips) are long and start alike: both checked
  // by variant_words on the few candidates with the same skeleton or the same first two bytes.
  thread_local std::string skeleton;
  skeleton.clear();
  append_name_skeleton(name, skeleton);
  if (auto it = person_word_skeletons_.find(skeleton); it != person_word_skeletons_.end()) {
    for (const auto& [word, entry] : it->second)
      if (variant_words(name, word, it->first)) return entry;
  }
  // A name under two bytes is a variant of no other word (variant_words) and has no prefix.
  if (name.size() < 2) return std::nullopt;
  if (auto it = person_words_by_prefix_.find(name.substr(0, 2)); it != person_words_by_prefix_.end()) {
    for (const PersonWord& p : it->second)
      if (p.word.size() + 2 >= name.size() && name.size() + 2 >= p.word.size() &&
          variant_words(name, p.word, p.skeleton)) {  // the same first two bytes by construction
        return p.entry;
      }
  }
  return std::nullopt;
}

bool EntityRecognizer::one_word_link_supported(std::string_view word, uint32_t entry, bool common,
                                               const Annotations& ann) const {
  if (named_in(ann, entry)) return true;
  if (common || person_first_words_.count(word)) return false;
  auto it = person_words_.find(word);
  return it != person_words_.end() && it->second == entry;
}

std::optional<bool> EntityRecognizer::affiliation_agrees(uint32_t entry, const TitleContext& ctx,
                                                         const Annotations& ann) const {
  std::optional<uint32_t> of;  // the affiliation's gazetteer entry
  if (ctx.affiliation_nisba) {
    of = ctx.affiliation_nisba;
  } else if (ctx.affiliation_mention) {
    of = ann.entities[ann.mentions[*ctx.affiliation_mention].entity].gazetteer;
  }
  auto offices = lex_.offices.of_person(entry);
  if (!of || offices.empty()) return std::nullopt;
  const std::optional<uint32_t> of_target = lex_.gazetteer[*of].stands_for;  // موسكو → Russia
  for (const lexicon::Office& o : offices)
    if (o.of == *of || o.of == of_target || lex_.gazetteer[o.of].stands_for == of) return true;
  return false;
}

// A place or an institution named after a person: the head noun at `head` (a word of
// schema/lexicon/named_after.tsv, proclitics allowed) and the name up to `end`. Adds its
// mention and returns true when `head` is such a noun.
bool EntityRecognizer::named_after(const text::Document& doc, uint32_t sentence, size_t head, size_t end,
                                   Annotations& ann) const {
  auto m = lex_.named_after.longest_at(doc, head, head + 1);
  if (!m) return false;
  auto type = static_cast<EntityType>(m->value);
  add_mention(doc, ann, text_entity(doc, ann, type, head, end, "title", m->stem_offset), sentence, head, end,
              m->stem_offset, "title");
  return true;
}

// An entity found in text (not in the gazetteer), keyed so that spellings of one name merge
// across documents: persons by person_key() (their name skeleton, mostly), others by their
// matching form.
uint32_t EntityRecognizer::text_entity(const text::Document& doc, Annotations& ann, EntityType type, size_t first,
                                       size_t end, const std::string& origin, size_t stem_offset,
                                       bool article_elided) const {
  const std::string_view article = article_elided ? "\u0627\u0644" : "";  // «ال» back after «لل»
  std::string name(article);
  for (size_t t = first; t < end; ++t) {
    if (t > first) name += ' ';
    name += t == first ? doc.word(t).substr(stem_offset) : doc.word(t);
  }
  auto span = doc.norm.original_span(doc.tokens[first].begin + stem_offset, doc.tokens[end - 1].end);
  std::string surface = doc.text.substr(span.begin, span.end - span.begin);
  std::string key = std::string(lexicon::type_name(type)) + ":" +
                    (type == EntityType::Person ? person_key(name, lex_.native_name_words) : name);
  return ann.intern(key, [&] {
    std::string label = std::string(article) + without_hashtag_marks(surface);
    return Entity{key, label, label, "", type, std::nullopt, std::nullopt, origin, {surface}};
  });
}

namespace {

// The tagger leaves a hyphen outside names and reads «بيير-إيمريك أوباميانغ» as two; two names of
// one type with only a hyphen written against both between them are one.
void join_at_hyphens(const text::Document& doc, std::vector<ner::TaggedSpan>& spans, std::vector<int64_t>& margin) {
  size_t kept = 0;
  for (size_t k = 0; k < spans.size(); ++k) {
    if (kept > 0) {
      ner::TaggedSpan& last = spans[kept - 1];
      if (spans[k].type == last.type && spans[k].first == last.end + 1 && glued_hyphen(doc, last.end)) {
        last.end = spans[k].end;
        margin[kept - 1] = std::max(margin[kept - 1], margin[k]);
        continue;
      }
    }
    spans[kept] = spans[k];
    margin[kept] = margin[k];
    ++kept;
  }
  spans.resize(kept);
  margin.resize(kept);
}

}  // namespace

// The tagger reads the whole document at once: a name it finds in one sentence helps it find the
// same name missed in a nearby one (ner::Tagger::tag_document).
EntityRecognizer::TaggedNames EntityRecognizer::tag(const text::Document& doc) const {
  TaggedNames out;
  out.spans.resize(doc.sentences.size());
  out.margin.resize(doc.sentences.size());
  if (!tagger_) return out;
  std::vector<std::vector<std::string_view>> words(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const auto& s = doc.sentences[i];
    words[i].reserve(s.end_token - s.first_token);
    for (size_t t = s.first_token; t < s.end_token; ++t) words[i].push_back(doc.word(t));
  }
  std::vector<std::vector<ner::Tag>> tags;
  std::vector<std::vector<ner::SpanMargin>> margins;
  tagger_->tag_document(words, tags, &margins);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    out.spans[i] = ner::spans_from_tags(tags[i]);
    for (ner::TaggedSpan& sp : out.spans[i]) {
      // A name that document consistency made or retyped was read elsewhere in the document: sure.
      int64_t margin = std::numeric_limits<int64_t>::max();
      for (const ner::SpanMargin& m : margins[i])
        if (m.span == sp) margin = m.labels;
      out.margin[i].push_back(margin);
      sp.first += doc.sentences[i].first_token;
      sp.end += doc.sentences[i].first_token;
    }
    join_at_hyphens(doc, out.spans[i], out.margin[i]);
  }
  return out;
}

namespace {

// «سلطان أحمد بن سليم», «أمير كرارة»: a title that is also a given name (Role::given_name), with
// no affiliation after it, is one where the tagger reads it as the first word of a person's name.
bool given_name_title(const lexicon::RoleTable& roles, const TitleContext& ctx, const std::vector<ner::TaggedSpan>& tagged) {
  if (!roles[ctx.role].given_name || ctx.person_start != ctx.title_end || ctx.affiliation_mention ||
      ctx.affiliation_nisba) {
    return false;
  }
  for (const ner::TaggedSpan& sp : tagged)
    if (sp.type == ner::NerType::PER && sp.first == ctx.title_first && sp.end > ctx.title_end) return true;
  return false;
}

// The tagger's person span that overlaps [first, end), if any.
const ner::TaggedSpan* person_span(const std::vector<ner::TaggedSpan>& tagged, size_t first, size_t end) {
  for (const ner::TaggedSpan& sp : tagged)
    if (sp.type == ner::NerType::PER && sp.first < end && sp.end > first) return &sp;
  return nullptr;
}

}  // namespace

void EntityRecognizer::title_pass(const text::Document& doc, const TokenFacts& facts, uint32_t sentence,
                                  const std::vector<ner::TaggedSpan>& tagged, Annotations& ann) const {
  const auto& s = doc.sentences[sentence];
  SentenceView view(doc, sentence, ann, facts);
  for (size_t t = s.first_token; t < s.end_token; ++t) {
    if (view.mention_covering(t)) continue;
    auto ctx = title_at(view, t, ann, lex_);
    if (!ctx) continue;
    size_t start = ctx->person_start;
    if (start >= s.end_token || view.mention_covering(start)) continue;
    size_t n = name_length(doc, facts, start, s.end_token);
    if (tagger_ && given_name_title(lex_.roles, *ctx, tagged)) {  // the title's word begins the name
      start = t;
      ++n;
    }
    // «مستشفى الملك فهد»: the title and the name after a head noun name a place. The name is
    // the tagger's person there, else one word («مطار الملك عبدالعزيز صباح اليوم»).
    if (n > 0 && t > s.first_token && !view.mention_covering(t - 1) && !has_article(doc.word(start)) &&
        lex_.named_after.longest_at(doc, t - 1, t)) {
      if (tagger_) {
        const ner::TaggedSpan* sp = person_span(tagged, start, start + n);
        n = sp && sp->first == start ? std::min<size_t>(sp->end - start, n) : 1;
      }
      named_after(doc, sentence, t - 1, start + n, ann);
      view = SentenceView(doc, sentence, ann, facts);
      t = start + n - 1;
      continue;
    }
    // A name after a title does not begin with the article («المتخصصة بالأخبار»), nor carry
    // tanween, the mark of an indefinite common noun («ولي العهد استمراراً للتنسيق»).
    if (n == 0 || has_article(doc.word(start))) continue;
    n = without_tanween(doc, start, n);
    if (n == 0) continue;
    // A conjunction or preposition glued to the name stays out of it («وماريو بالوتيلي»).
    const size_t stem = name_proclitic(doc, start, start + n, lex_, false);
    const std::string_view first_word = doc.word(start).substr(stem);
    // The longest prefix of the words that links to a known person wins; else all n words.
    std::string name;
    std::optional<uint32_t> linked;
    size_t linked_n = 0;
    for (size_t k = 1; k <= n; ++k) {
      if (k > 1) name += ' ';
      name += k == 1 ? first_word : doc.word(start + k - 1);
      if (auto entry = link_person(name)) {
        linked = entry;
        linked_n = k;
      }
    }
    // One word that links, followed by name words that do not, is someone else who shares a
    // first name or a likeness: «بينيتو موسوليني» is not Naftali Bennett (بينيت).
    if (linked && linked_n == 1 && n > 1) linked.reset();
    // «الأمير الأرمني لامبروت» is no German minister: the title's nationality must be one the
    // person held office for, when the table knows their offices; when it is, it supports a link
    // by one word («رئيس بيلاروسيا لوكاشينو»).
    std::optional<bool> agrees = linked ? affiliation_agrees(*linked, *ctx, ann) : std::nullopt;
    if (agrees == false) linked.reset();
    if (linked && linked_n == 1 && agrees != true &&
        !one_word_link_supported(first_word, *linked, facts.common(start), ann)) {
      linked.reset();
    }
    if (linked) {
      add_mention(doc, ann, gazetteer_entity(*linked, ann), sentence, start, start + linked_n, stem, "variant");
    } else if (ctx->after_comma) {
      // «وقبيل زيارة الرئيس الروسي، تنامت التكهنات»: after a comma the title may already
      // refer to someone; only a known person's name is taken there.
      continue;
    } else {
      // With the tagger, a new name must be one it reads as a person too; its span, when it
      // starts at the name, gives the name's end.
      if (tagger_) {
        const ner::TaggedSpan* sp = person_span(tagged, start, start + n);
        // Where the tagger's person begins after an ordinary word that follows the title, that
        // word is no part of the name («الرئيس الفنزويلي يصف مايك بنس», «وزير خارجيته ريكس
        // تيلرسون»): the tagger's own span names the person.
        if (!sp) continue;
        bool ordinary_before = false;
        for (size_t k = start; k < sp->first && !ordinary_before; ++k) {
          std::string_view w = doc.word(k).substr(k == start ? stem : 0);
          ordinary_before = lex_.ordinary_words.contains(w) || pronoun_suffixed_noun(w, lex_);
        }
        if (ordinary_before) continue;
        if (sp->first == start) {
          const size_t tagged_n = sp->end - start;
          n = std::min<size_t>(tagged_n, std::max<size_t>(n, 1));
          // It goes on over a family name that is also a common word, where the tagger reads one
          // («جمال خاشقجي», «سيرخيو راموس»).
          while (n < tagged_n && n < kMaxNameWords && family_word(doc, facts, lex_, start + n) &&
                 without_tanween(doc, start + n, 1) == 1 && !blessing_at(doc, start + n, s.end_token, lex_))
            ++n;
          // and over the corpus's next word of the name, where the tagger stops before it.
          while (start + n < s.end_token && n < kMaxNameWords && !view.mention_covering(start + n) &&
                 name_goes_on(doc, start + n, lex_))
            ++n;
          for (size_t k = 1; k < n; ++k)
            if (ends_person_name_at(doc, start + k, lex_) || another_name_at(doc, start + k, lex_)) n = k;
        }
      }
      n = hyphenated_end(view, start + n) - start;  // «رينيه جونز-بوس»
      // «مسؤولان إيرانيان»: an adjective agreeing with a dual title.
      if (duals_in_agreement(view, lex_, NameSpan{ctx->title_end - 1, start + n})) continue;
      // «مسؤول روسي», «وزير بحريني»: a state's adjective alone after an indefinite title is its
      // nationality, no name; but «تركي» is a given name too («المستشار تركي آل الشيخ»).
      if (n == 1 && stem == 0 && facts.nisba(start) && !lex_.name_words.contains(doc.word(start)) &&
          !(start + 1 < s.end_token && is_link(doc.word(start + 1))))
        continue;
      add_mention(doc, ann, text_entity(doc, ann, EntityType::Person, start, start + n, "title", stem), sentence,
                  start, start + n, stem, "title");
    }
    view = SentenceView(doc, sentence, ann, facts);
    t = start + n - 1;
  }
}

// The last word of a multi-word person name, when it can stand for the person alone: not in
// «X bin Y» or «عبد الله» names, not a common or function word, and at least four letters — or
// three that begin no known person's name («هوك» of «براين هوك», not «علي» of «محمد علي»).
std::optional<std::string> EntityRecognizer::distinctive_surname(const text::Document& doc, const TokenFacts& facts,
                                                                 const Mention& m) const {
  static const std::string kBin = text::normalize_form("بن"), kIbn = text::normalize_form("ابن"),
                           kAbd = text::normalize_form("عبد"), kAl = text::normalize_form("آل");
  for (size_t t = m.first_token; t < m.end_token; ++t) {
    std::string_view w = doc.word(t);
    if (w == kBin || w == kIbn || w == kAbd || w == kAl) return std::nullopt;
  }
  std::string_view last = doc.word(m.end_token - 1);
  size_t letters = text::code_points(last);
  if (letters < 3 || (letters == 3 && person_first_words_.count(last)) || facts.common(m.end_token - 1) ||
      facts.function_word(m.end_token - 1))
    return std::nullopt;
  return std::string(last);
}

void EntityRecognizer::surname_pass(const text::Document& doc, const TokenFacts& facts, Annotations& ann) const {
  // Last words of the multi-word person names mentioned in this document, and their skeletons;
  // then a one-word name a title gave, which no full name has lent its word («المسؤول الأميركي
  // هوك», then «هوك زار برلين»), unless a known person's name begins with it («الشيخ محمد»).
  StringMap<uint32_t> surnames;
  StringMap<Candidates> by_skeleton;
  for (bool one_word_pass : {false, true}) {
    for (const Mention& m : ann.mentions) {
      if (ann.entities[m.entity].type != EntityType::Person) continue;
      bool one_word = m.end_token - m.first_token < 2;
      if (one_word != one_word_pass) continue;
      if (one_word && (m.method != "title" || person_first_words_.count(doc.word(m.first_token)))) continue;
      // Spelling variants only of longer surnames: three letters leave too little to compare.
      if (auto surname = distinctive_surname(doc, facts, m); surname && surnames.emplace(*surname, m.entity).second &&
          text::code_points(*surname) > 3) {
        by_skeleton[name_skeleton(*surname)].emplace_back(*surname, m.entity);
      }
    }
  }
  if (surnames.empty()) return;
  // Cheap exact filters: a word can hold a surname (after proclitics) only if it ends as one
  // does, and be a variant of one only if it starts with the same folded letter.
  lexicon::EndingFilter endings;
  std::vector<char32_t> initials;
  for (const auto& [surname, e] : surnames) {
    endings.add(surname);
    initials.push_back(name_initial(surname));
  }
  std::sort(initials.begin(), initials.end());  // a few letters, however many surnames
  initials.erase(std::unique(initials.begin(), initials.end()), initials.end());
  auto may_hold_surname = [&](std::string_view w) {
    return endings.may_end(w) || std::find(initials.begin(), initials.end(), name_initial(w)) != initials.end();
  };
  // A spelling variant of a surname (same skeleton, or a one-letter slip in a long name). The
  // skeleton's first two letters, cheap to read, rule most words out before the whole of it.
  constexpr size_t kHead = 2;
  std::unordered_set<std::string> heads;  // of the surnames' skeletons
  for (const auto& entry : by_skeleton) {
    std::string head;
    append_name_skeleton(entry.second.front().first, head, kHead);
    heads.insert(std::move(head));
  }
  // The surnames in the order of the map, for the search of slips (extract/variant_index.hpp:
  // the first in this order, as a scan would find, without a scan per word).
  std::vector<std::string_view> surname_list;
  std::vector<uint32_t> surname_entity;
  for (const auto& [surname, e] : surnames) {
    surname_list.push_back(surname);
    surname_entity.push_back(e);
  }
  const VariantIndex slips(surname_list);
  std::string skeleton;
  auto variant_of = [&](std::string_view word) -> std::optional<uint32_t> {
    skeleton.clear();
    append_name_skeleton(word, skeleton, kHead);
    if (heads.count(skeleton)) {
      skeleton.clear();
      append_name_skeleton(word, skeleton);
      if (auto it = by_skeleton.find(skeleton); it != by_skeleton.end())
        for (const auto& [surname, e] : it->second)
          if (variant_words(word, surname, it->first)) return e;
    }
    if (text::code_points(word) < 7) return std::nullopt;
    if (auto i = slips.first_variant(word)) return surname_entity[*i];
    return std::nullopt;
  };
  std::vector<bool> covered(doc.tokens.size(), false);
  for (const Mention& m : ann.mentions)
    std::fill(covered.begin() + m.first_token, covered.begin() + m.end_token, true);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const auto& s = doc.sentences[si];
    for (size_t t = s.first_token; t < s.end_token; ++t) {
      if (covered[t] || doc.tokens[t].kind != text::TokenKind::Word) continue;
      std::string_view w = doc.word(t);
      if (facts.common(t) || facts.function_word(t) || !may_hold_surname(w) || preposition_amam_at(doc, t)) continue;
      std::optional<uint32_t> entity;
      size_t stem_offset = 0;
      std::string method = "surname";
      text::for_each_reading(w, [&](std::string_view form, size_t offset) {
        if (entity) return;
        if (auto it = surnames.find(form); it != surnames.end()) {
          entity = it->second;
          stem_offset = offset;
        } else if (offset == 0 && (entity = variant_of(form))) {
          method = "variant";
        }
      });
      if (entity) add_mention(doc, ann, *entity, si, t, t + 1, stem_offset, method);
    }
  }
}

// Whether a tagged span can be a new name: free of mentions, written in Arabic letters (not a
// credit line or a URL), not a nisba or a title («نظيره البيلاروسي»), not only common words,
// and not a lone word with the article (names with ال are the gazetteer's: «الترسانة» is not one)
// nor a lone head noun («جامعة»).
bool EntityRecognizer::plausible_name(const text::Document& doc, const SentenceView& view, const NameSpan& sp) const {
  const TokenFacts& facts = view.facts();
  // A one-word title at t: none when no title starts there at all.
  auto one_word_title = [&](size_t t) {
    auto title = facts.title(t);
    return title && (title->end_token == t + 1 || lex_.roles.titles().longest_at(doc, t, t + 1));
  };
  bool arabic = false, uncommon = false, all_nisba = true;
  auto word = [&](size_t t) { return t == sp.first ? doc.word(t).substr(sp.stem_offset) : doc.word(t); };
  for (size_t t = sp.first; t < sp.end; ++t) {
    std::string_view w = word(t);
    if (view.mention_covering(t) || one_word_title(t)) return false;
    bool nisba = facts.nisba(t).has_value();
    if (nisba && has_article(w)) return false;
    all_nisba &= nisba;
    if (doc.tokens[t].kind != text::TokenKind::Word) continue;
    arabic |= static_cast<unsigned char>(w[0]) >= 0xD8 && static_cast<unsigned char>(w[0]) <= 0xDB;
    uncommon |= text::code_points(w) >= 2 && !facts.function_word(t) && !facts.common(t);
  }
  if (all_nisba || (sp.end - sp.first == 1 && (has_article(word(sp.first)) || text::code_points(word(sp.first)) < 3 ||
                                                lex_.construct_heads.contains_reading(word(sp.first))))) {
    return false;  // «روسي بيلاروسي», «بي»; a head noun without the name it heads («وجامعة»)
  }
  return arabic && uncommon;
}

namespace {

// «سيدي بوزيد», «بئر العبد»: a man's name after a place head (place_heads.txt), read by the
// tagger as a person, names a town; not with «ولد» in it or right after it («سيدي ولد محم»).
bool place_after_head(const text::Document& doc, const lexicon::Lexicon& lex, const ner::TaggedSpan& sp,
                      size_t sentence_end) {
  static const std::string kWalad = text::normalize_form("ولد");
  if (sp.end - sp.first < 2 || !lex.place_heads.contains_reading(doc.word(sp.first))) return false;
  for (size_t t = sp.first + 1; t < std::min<size_t>(sp.end + 1, sentence_end); ++t)
    if (doc.word(t) == kWalad) return false;
  return true;
}

// Whether a company's, paper's or club's noun (clitics allowed) stands right before token t, or
// before a quote mark there: «شركة "أوتوسترادي"», «نادي بروج».
bool announced_organization(const text::Document& doc, const lexicon::Lexicon& lex, size_t t, size_t sentence_first) {
  auto quote = [](std::string_view w) { return w == "\"" || w == "«" || w == "“" || w == "'"; };
  if (t > sentence_first && doc.tokens[t - 1].kind == text::TokenKind::Punct && quote(doc.word(t - 1))) --t;
  return head_before(doc, lex.organization_heads, t, sentence_first) || head_before(doc, lex.club_heads, t, sentence_first);
}

// «جامعة ساسيكس», «حزب البيت اليهودي»: a name whose first word is one of the tagger's
// organization nouns (the `org` cues its model carries), clitics allowed, says what it names.
bool headed_by_organization_noun(const ner::Tagger& tagger, std::string_view first_word) {
  bool found = false;
  text::for_each_reading(first_word, [&](std::string_view form, size_t) {
    found = found || (tagger.resources().cues.bits(ner::hash_of(form)) & ner::kOrgCue);
  });
  return found;
}

// «شركة فيليب موريس», «لشركة توماس كوك»: a name right after a noun of organization_heads.txt,
// read by the tagger as a person, names the organization; «نادي برشلونة», a place after a noun
// of club_heads.txt, names the club.
bool organization_after_head(const text::Document& doc, const lexicon::Lexicon& lex, const ner::TaggedSpan& sp,
                             size_t sentence_first) {
  if (sp.type == ner::NerType::LOC) return head_before(doc, lex.club_heads, sp.first, sentence_first);
  return head_before(doc, lex.organization_heads, sp.first, sentence_first);
}

// «جونسون آند جونسون», «فروست آند سوليفان»: the English «and» written in Arabic letters joins the
// names of a firm's founders. The tagger reads such names as persons and often stops at «آند»:
// the span takes in the word on each side of it and names an organization. Returns whether it did.
bool firm_of_partners(const SentenceView& view, ner::TaggedSpan& sp) {
  static const std::string kAnd = text::normalize_form("آند");
  auto word_at = [&](size_t t) { return t >= view.first() && t < view.end() && view.is_word(t); };
  auto partner = [&](size_t t) { return word_at(t) && !view.mention_covering(t) && view.word(t) != kAnd; };
  bool joined = false;
  if (partner(sp.first) && sp.first > 0 && word_at(sp.first - 1) && view.word(sp.first - 1) == kAnd &&
      partner(sp.first - 2)) {
    sp.first -= 2;  // «فروست [آند سوليفان]» read from «سوليفان» on
    joined = true;
  } else if (view.word(sp.first) == kAnd && partner(sp.first - 1) && sp.end > sp.first + 1) {
    sp.first -= 1;  // «فروست [آند سوليفان]»
    joined = true;
  }
  if (word_at(sp.end) && view.word(sp.end) == kAnd && partner(sp.end + 1)) {
    sp.end += 2;  // «[جونسون] آند جونسون»
    joined = true;
  }
  for (size_t t = sp.first; t < sp.end && !joined; ++t) joined = view.word(t) == kAnd && t > sp.first && t + 1 < sp.end;
  return joined;
}

}  // namespace

namespace {

// The tagger often reads a place of two words no list knows as two places side by side: «خان
// شيخون», «سيدي بوزيد», «أوتار براديش», «نورث كارولاينا». Prose does not set two places side by side
// without «و» or a preposition between them («جدة السعودية» is a dateline of two known places, which
// the gazetteer takes first), so two such places are one.
bool adjacent_places(const SentenceView& view, const lexicon::Lexicon& lex, const ner::TaggedSpan& a,
                     const ner::TaggedSpan& b) {
  if (a.type != ner::NerType::LOC || b.type != ner::NerType::LOC || b.first != a.end) return false;
  for (size_t t = a.first; t < b.end; ++t)
    if (!view.is_word(t) || view.mention_covering(t)) return false;
  const text::Document& doc = view.doc();
  const std::string_view second = doc.word(b.first);
  if (second == doc.word(a.end - 1)) return false;  // «حي الأوبرا الأوبرا»: a slip
  // Not a list or a preposition: «المهدية والرجيش», «سيدي عمر بمنوبة», «بسوريا».
  if (second.starts_with(kWaw) && !own_first_letter(doc, b.first, lex)) return false;
  return name_proclitic(doc, b.first, b.end, lex, true) == 0;
}

}  // namespace

// Names the tagger finds where no rule found anything: persons (linked to a known person when a
// spelling variant of one), organizations and places. MISC (events, nationalities, works) is
// not an entity type of the ontology.
void EntityRecognizer::tagger_pass(const text::Document& doc, const TokenFacts& facts, uint32_t sentence,
                                   const std::vector<ner::TaggedSpan>& tagged, const std::vector<int64_t>& margin,
                                   const std::unordered_set<uint32_t>& namesakes, Annotations& ann) const {
  SentenceView view(doc, sentence, ann, facts);
  const size_t sentence_end = doc.sentences[sentence].end_token;
  std::vector<NameSpan> names;
  size_t taken_until = 0;  // the end of the last name taken: a chain of forefathers may reach the next span
  for (size_t k = 0; k < tagged.size(); ++k) {
    ner::TaggedSpan tagged_span = tagged[k];
    if (tagged_span.type == ner::NerType::MISC) continue;
    int64_t span_margin = margin[k];
    if (k + 1 < tagged.size() && adjacent_places(view, lex_, tagged_span, tagged[k + 1])) {
      ++k;
      tagged_span.end = tagged[k].end;
      span_margin = std::max(span_margin, margin[k]);
    }
    // A channel: «فرانس تي في»; «تي في» alone is TV, no name.
    if (size_t end = television_end(view, tagged_span.end); end != tagged_span.end && tagged_span.end - tagged_span.first > 1) {
      tagged_span.end = static_cast<uint32_t>(end);
      tagged_span.type = ner::NerType::ORG;
    }
    if (firm_of_partners(view, tagged_span)) tagged_span.type = ner::NerType::ORG;
    // «اتحاد بن قردان», read as a person for its «بن»: no person's name begins with an organization's noun.
    const bool organization = tagged_span.type == ner::NerType::ORG ||
                              organization_after_head(doc, lex_, tagged_span, doc.sentences[sentence].first_token) ||
                              (tagged_span.type == ner::NerType::PER && tagged_span.end - tagged_span.first > 1 &&
                               headed_by_organization_noun(*tagger_, doc.word(tagged_span.first)));
    const bool place = !organization && (tagged_span.type == ner::NerType::LOC ||
                                         (tagged_span.type == ner::NerType::PER &&
                                          place_after_head(doc, lex_, tagged_span, sentence_end)));
    const bool person = tagged_span.type == ner::NerType::PER && !place && !organization;
    const NameKind kind = person ? NameKind::Person : place ? NameKind::Place : NameKind::Organization;
    names.clear();
    clean_name_span(doc, lex_, tagged_span.first, tagged_span.end, sentence_end, kind, names);
    for (NameSpan sp : names) {
      if (sp.first < taken_until) continue;
      if (sp.stem_offset == 0 && sp.first > 0 && (sp.first == taken_until || view.mention_covering(sp.first - 1)))
        sp.stem_offset = enumerated_and(doc, lex_, sp.first);  // another name ends right before
      if (person) {
        sp.end = forefathers_end(view, sp.first, sp.end);
        while (sp.end < sentence_end && !view.mention_covering(sp.end) && name_goes_on(doc, sp.end, lex_)) ++sp.end;
        sp.end = hyphenated_end(view, sp.end);
        sp.end = whole_name_end(doc, lex_, sp);
      }
      sp.end = plausible_end(doc, lex_, sp, kind);
      while (person && sp.end > sp.first + 1 && is_link(doc.word(sp.end - 1))) --sp.end;  // not «وفاء بن»
      if (person && sp.end > sp.first) sp.first = plausible_first(doc, lex_, sp);
      if (sp.end == sp.first || !plausible_name(doc, view, sp)) continue;
      if (person && (noun_and_nisba(view, lex_, sp) || duals_in_agreement(view, lex_, sp))) continue;  // «جاسوس روسي»
      if (person) {
        std::string name(doc.word(sp.first).substr(sp.stem_offset));
        for (size_t t = sp.first + 1; t < sp.end; ++t) name += " " + std::string(doc.word(t));
        if (auto entry = link_person(name)) {
          if (sp.end - sp.first > 1 ||
              ((!namesakes.count(*entry) || named_in(ann, *entry)) &&
               one_word_link_supported(name, *entry, facts.common(sp.first), ann))) {
            add_mention(doc, ann, gazetteer_entity(*entry, ann), sentence, sp.first, sp.end, sp.stem_offset, "variant");
            taken_until = sp.end;
          }
          continue;
        }
        // «ملعب لويجي فيراريس», «مستشفى هوانغبو»: a name after a head noun of named_after.tsv is
        // the place or the institution, as with a known person.
        if (sp.stem_offset == 0 && sp.first > doc.sentences[sentence].first_token &&
            !view.mention_covering(sp.first - 1) && named_after(doc, sentence, sp.first - 1, sp.end, ann)) {
          mark_reading(ann.mentions.back(), span_margin);
          taken_until = sp.end;
          continue;
        }
        if (sp.end - sp.first < 2) continue;  // a lone unknown word is too weak a person («كروز»)
      }
      const EntityType type = person ? EntityType::Person : place ? EntityType::Location : EntityType::Organization;
      add_mention(doc, ann, text_entity(doc, ann, type, sp.first, sp.end, "tagger", sp.stem_offset, sp.article_elided),
                  sentence,
                  sp.first, sp.end, sp.stem_offset, "tagger");
      mark_reading(ann.mentions.back(), span_margin);
      ann.mentions.back().announced =
          type == EntityType::Organization &&
          (headed_by_organization_noun(*tagger_, doc.word(sp.first).substr(sp.stem_offset)) ||
           (sp.stem_offset == 0 && announced_organization(doc, lex_, sp.first, doc.sentences[sentence].first_token)));
      taken_until = sp.end;
    }
  }
}

void EntityRecognizer::state_institution_pass(const text::Document& doc, const TokenFacts& facts, uint32_t sentence,
                                              Annotations& ann) const {
  constexpr size_t kMaxFieldWords = 2;  // «وزارة الأمن العام الصينية»
  const auto& s = doc.sentences[sentence];
  auto is_word = [&](size_t t) { return doc.tokens[t].kind == text::TokenKind::Word; };
  std::optional<SentenceView> view;  // built at the first head: most sentences have none
  for (size_t t = s.first_token; t + 2 < s.end_token; ++t) {
    // Cheapest first: the word after the head has the article, the head has none.
    if (!is_word(t + 1) || !has_article(doc.word(t + 1)) || !is_word(t) || has_article(doc.word(t))) continue;
    const std::optional<size_t> stem = lex_.state_institution_heads.reading_offset(doc.word(t));
    if (!stem) continue;
    if (!view) view.emplace(doc, sentence, ann, facts);
    if (view->mention_covering(t)) continue;
    size_t nisba_at = t + 1;
    while (nisba_at < s.end_token && nisba_at - t - 1 < kMaxFieldWords && is_word(nisba_at) &&
           !view->mention_covering(nisba_at) && has_article(doc.word(nisba_at)) && !facts.nisba(nisba_at))
      ++nisba_at;
    if (nisba_at == t + 1 || nisba_at >= s.end_token) continue;
    const auto state = facts.nisba(nisba_at);
    if (!state || !has_article(doc.word(nisba_at))) continue;
    const size_t end = facts.nisba_end(nisba_at);
    // «هيئة الرياضة السعودية»: the feminine nisba is the state's name too, which the gazetteer took.
    if (auto m = view->mention_covering(nisba_at)) {
      const Mention& taken = ann.mentions[*m];
      if (taken.first_token != nisba_at || taken.end_token != end || ann.entities[taken.entity].gazetteer != state)
        continue;
      ann.mentions.erase(ann.mentions.begin() + *m);
    }
    const uint32_t entity = text_entity(doc, ann, EntityType::Organization, t, end, "title", *stem);
    if (!ann.entities[entity].stands_for) ann.entities[entity].stands_for = gazetteer_entity(*state, ann);
    add_mention(doc, ann, entity, sentence, t, end, *stem, "title");
    view.emplace(doc, sentence, ann, facts);
    t = end - 1;
  }
}

void EntityRecognizer::recognize(const text::Document& doc, const TokenFacts& facts, Annotations& ann) const {
  const TaggedNames tagged = tag(doc);
  std::unordered_set<uint32_t> namesakes;  // gazetteer persons whose surname names another here
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    gazetteer_pass(doc, s, ann, namesakes);
    state_institution_pass(doc, facts, s, ann);
    title_pass(doc, facts, s, tagged.spans[s], ann);
    tagger_pass(doc, facts, s, tagged.spans[s], tagged.margin[s], namesakes, ann);
  }
  surname_pass(doc, facts, ann);
  std::sort(ann.mentions.begin(), ann.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
}

void drop_unsupported_names(Annotations& ann) {
  // Support: a mention that is not unsure, unsure ones in two sentences, or a relation. Tentative
  // organizations that no organization's noun announces are wrong more often than persons
  // (most are products, films, vehicles or fragments of acronyms): they are weak support.
  std::vector<uint8_t> support(ann.entities.size(), 0);  // 0 none, 1 one sentence's unsure mentions, 2 support
  std::vector<uint32_t> sentence_of(ann.entities.size(), 0);
  std::vector<bool> firm(ann.entities.size(), false);  // support other than unannounced tentative mentions
  for (const Mention& m : ann.mentions) {
    uint8_t& s = support[m.entity];
    if (!m.tentative || m.announced || ann.entities[m.entity].type != EntityType::Organization) firm[m.entity] = true;
    if (!m.unsure || (s == 1 && sentence_of[m.entity] != m.sentence)) {
      s = 2;
    } else if (s == 0) {
      s = 1;
      sentence_of[m.entity] = m.sentence;
    }
  }
  for (const Fact& f : ann.facts) {
    support[f.subject] = support[f.object] = 2;
    firm[f.subject] = firm[f.object] = true;
  }
  std::erase_if(ann.mentions, [&](const Mention& m) { return support[m.entity] < 2; });
  for (Mention& m : ann.mentions) m.weak = !firm[m.entity];
}

void drop_weak_mentions(Annotations& ann) {
  std::erase_if(ann.mentions, [](const Mention& m) { return m.weak; });
}

}  // namespace rawabit::extract
