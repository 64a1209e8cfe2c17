#include "extract/relations.hpp"

#include <algorithm>

#include "extract/sentence_view.hpp"
#include "extract/titles.hpp"
#include "text/clitics.hpp"
#include "text/normalize.hpp"

namespace rawabit::extract {

using lexicon::Pattern;
using lexicon::Slot;
using lexicon::SlotSpec;
using lexicon::type_bit;

namespace {

constexpr size_t kWindow = 10;            // words between a trigger and an object, by default
constexpr size_t kSubjectAfter = 3;       // a subject after its trigger: VSO or a genitive
constexpr size_t kSubjectBefore = 8;
constexpr size_t kPrepSearch = 14;        // words between a trigger and the object's preposition
constexpr size_t kCliticPrepReach = 3;    // words from a proclitic preposition to its argument
constexpr size_t kPrepReach = 6;          // words between a preposition and its argument
constexpr size_t kBetweenReach = 9;       // words between a trigger and «بين»
constexpr size_t kNegationReach = 8;      // words before a trigger read for negation («نفت واشنطن أن تكون ... قد نشرت»)
constexpr size_t kHypotheticalReach = 8;  // and for hedges («طلبا رسميا من ... لإرسال قوات»)
constexpr size_t kConditionReach = 20;    // and for a condition, across commas («إذا ...، فإن ...»)
constexpr size_t kMaxListMembers = 24;
using lexicon::kHeadsOfState;

// What an article named before a sentence, for the words that refer back to it.
struct NamedBefore {
  std::optional<uint32_t> treaty;                         // its one treaty, if it named one only
  std::optional<std::pair<uint32_t, uint32_t>> pair;      // the last two states it named
};

// Punctuation that ends a clause (a comma may only set off an apposition or a list member).
bool ends_clause(std::string_view w) { return w == ":" || w == "\u061B"; }

// Words the rules compare tokens with, in their matching form.
const std::string kFi = text::normalize_form("في");
const std::string kMin = text::normalize_form("من");
const std::string kKama = text::normalize_form("كما");
const std::string kThumma = text::normalize_form("ثم");
const std::string kQad = text::normalize_form("قد");

// A word without the conjunction و or ف that opens it («وتعهد» → «تعهد»), when more remains.
std::string_view without_conjunction(std::string_view w) {
  if ((w.starts_with("\u0648") || w.starts_with("\u0641")) && text::code_points(w) > 3) w.remove_prefix(2);
  return w;
}

bool has_preposition_clitic(std::string_view w);

bool has_attr(const Fact& f, std::string_view key) {
  return std::any_of(f.attrs.begin(), f.attrs.end(), [&](const auto& kv) { return kv.first == key; });
}

// An office a fact gives as held: neither former nor hedged.
bool held_now(const Fact& f) { return !has_attr(f, "former") && !has_attr(f, "modality"); }

// A candidate argument in a sentence: a mention, or a nisba acting for its state.
struct Arg {
  size_t first, end;
  uint32_t entity;
  std::optional<uint32_t> actor;  // the state a seat or capital stands for
  double certainty;
  bool from_nisba = false;
  bool target = false;  // a nisba after a target noun: an object, never a subject
  uint32_t group = 0;   // members of one group noun's apposition share a nonzero id
  bool named = false;   // a person named here, who may act for the state they head
  bool dropped = false; // the unspoken subject of a sentence that opens with its verb: no object
};

size_t window_or(const lexicon::Position& pos, size_t fallback) { return pos.window ? pos.window : fallback; }

double certainty_of(const std::string& method) {
  if (method == "title") return 0.9;
  if (method == "tagger") return 0.8;
  return 1.0;
}

class SentenceRelations {
 public:
  // What the article named before this sentence: `treaty`, its one treaty, if it named one only;
  // `pair`, the last two states it named.
  SentenceRelations(const text::Document& doc, const TokenFacts& facts, uint32_t sentence, Annotations& ann,
                    const lexicon::Lexicon& lex, const EntityRecognizer& entities, const NamedBefore& named)
      : view_(doc, sentence, ann, facts), doc_(doc), ann_(ann), lex_(lex), entities_(entities), named_(named) {
    collect_args();
  }

  void role_facts();
  void pattern_facts();

 private:
  SentenceView view_;
  const text::Document& doc_;
  Annotations& ann_;
  const lexicon::Lexicon& lex_;
  const EntityRecognizer& entities_;
  std::vector<Arg> args_;
  size_t dropped_reach_ = 0;  // a trigger starting after this is too far for the unspoken subject
  const NamedBefore& named_;

  bool reads_as(const lexicon::WordSet& set, size_t t) const;
  const lexicon::RelationWords& words() const { return lex_.relation_words; }

  struct TitlePhrase {
    TitleContext context;
    uint32_t person;        // the mention of the titled person
    size_t arg_first;       // where the person's argument begins (the title, when it comes first)
    size_t first, end;      // the whole phrase: title, affiliation and name
    bool former = false;    // «وزير الخارجية السابق جون كيري»
    bool possessor = false; // «صهر الرئيس الأمريكي دونالد ترامب»: the holder, no argument
  };
  std::vector<TitlePhrase> titles_;
  // Titles that name nobody after them («وقد أجرى الرئيس الروسي محادثات»), with the person the
  // article gave that office to before this sentence.
  struct TitleAnaphor {
    size_t first, end;
    uint32_t person;
  };
  std::vector<TitleAnaphor> title_anaphors_;

  void find_title_phrases();
  std::optional<uint32_t> office_holder(const TitleContext& ctx);
  std::optional<uint32_t> affiliation_entity(const TitleContext& ctx) const;
  bool holds(uint32_t person, const TitleContext& ctx);
  std::optional<uint32_t> person_at(size_t t) const;
  std::optional<uint32_t> appositive_person(size_t title_first) const;
  bool former_between(size_t from, size_t to) const;
  size_t shared_title_phrases(const TitlePhrase& first);
  void collect_args();
  void add_dropped_subject();
  std::optional<size_t> opening_verb() const;
  bool adverb_after_verb(size_t t) const;
  size_t noun_before(size_t t) const;
  bool target_noun(size_t t) const;
  bool nisba_actor_at(size_t t) const;
  bool in_title_phrase(size_t t) const;
  std::optional<uint32_t> state_of_last_person(size_t t) const;
  std::optional<uint32_t> state_of(uint32_t person, bool heads_only) const;
  std::optional<std::pair<uint32_t, uint32_t>> last_two_holders(std::string_view predicate) const;
  void add_group_args();
  bool closed_before(size_t from, size_t to) const;
  std::optional<std::pair<std::string, std::string>> role_of(uint32_t person) const;
  std::optional<size_t> counterpart_reference(size_t title_first) const;
  std::optional<uint32_t> accepts(const Arg& a, uint8_t types) const;
  // `cross`: the search may cross a clause boundary (slots with an explicit window).
  std::optional<size_t> arg_after(size_t from, size_t limit, uint8_t types, bool cross = false) const;
  std::optional<size_t> arg_before(size_t to, size_t limit, uint8_t types, bool cross = false) const;
  std::optional<size_t> arg_after_prep(size_t from, const SlotSpec& spec) const;
  bool against_between(size_t from, size_t to) const;
  std::optional<std::pair<size_t, size_t>> between(size_t from, uint8_t types, size_t reach = kBetweenReach) const;
  bool sides_after(size_t arg) const;
  bool conjunction_between(size_t from, size_t to) const;
  size_t force_of_owner(size_t first) const;
  std::optional<size_t> framework_partner(size_t t) const;
  std::vector<size_t> extend_list(size_t arg, uint8_t types, bool forward) const;
  bool same_word(size_t a, size_t b) const;
  bool enumerated(size_t a, size_t b) const;
  bool glue_only(size_t from, size_t to) const;
  bool clause_break(size_t from, size_t to) const;
  bool reported_speech_break(size_t from, size_t to) const;
  bool comma_after_report(size_t from, size_t to) const;
  std::optional<size_t> only_arg_before(size_t to, uint8_t types) const;
  size_t first_prep(const SlotSpec& object, size_t from) const;
  bool clitic_prep_at(size_t t, const SlotSpec& spec) const;
  std::optional<size_t> place_of_targets(const std::vector<size_t>& targets, const SlotSpec& object) const;
  bool preposition_between(size_t from, size_t to) const;
  bool person_located(size_t from, size_t arg) const;
  bool office_after(size_t word) const;
  bool idiom_at(size_t t) const;
  bool relative_between(size_t from, size_t to) const;
  bool direct_object(size_t arg) const;
  bool backs_another(size_t arg, size_t trig_end) const;
  bool genitive_after(size_t trig_end, size_t arg) const;
  bool conjoined(size_t arg) const;
  bool named_as_division(const TitleContext& ctx) const;
  bool conjoined_title(const TitleContext& ctx) const;
  bool subordinate_title(const TitleContext& ctx) const;
  size_t past_apposition(size_t first, size_t end) const;
  std::optional<size_t> antecedent_before(size_t trigger, size_t limit, uint8_t types, bool cross) const;
  bool governed(size_t arg) const;
  bool function_word_between(size_t from, size_t to) const;
  bool adjacent_subject(size_t trigger, const Pattern& p) const;
  bool reacts(size_t arg, size_t trigger) const;
  bool mutual_parties(const Pattern& p, size_t trigger, size_t after_subjects) const;
  std::optional<size_t> apposition_list(size_t from, uint8_t types) const;
  bool present_tense(size_t t) const;
  bool time_to_come(size_t t) const;
  std::optional<size_t> required_word(const Pattern& p, size_t from, size_t to) const;
  std::string attribute_value(size_t word, size_t from, size_t to) const;
  enum class Modality { Asserted, Hypothetical, Negated };
  Modality modality_before(size_t trigger) const;
  bool perfect_after_qad(size_t qad, size_t verb) const;
  bool clause_edge(std::string_view w) const;
  // Emits the pattern's facts for the trigger at [trig_first, trig_end); returns where the
  // match ends, or nothing when the pattern does not apply.
  // `suffixed`: the trigger carries a pronoun suffix («زيارتيه»), which refers to its agent.
  std::optional<size_t> try_pattern(const Pattern& p, size_t trig_first, size_t trig_end, bool suffixed);
  bool conjunct_between(size_t from, size_t to) const;
  bool reads_as_any(const lexicon::WordSet& set, size_t from, size_t to) const;
  std::optional<size_t> find_object(const Pattern& p, size_t trig_first, size_t trig_end, size_t after_subject,
                                    const std::vector<size_t>& subjects) const;
  void signatories(const Pattern& p, const std::vector<size_t>& subjects, const std::vector<size_t>& objects,
                   size_t trig_end, Modality modality, std::vector<std::pair<std::string, std::string>> attrs);
  void emit_all(const Pattern& p, const std::vector<size_t>& subjects, const std::vector<size_t>& objects,
                size_t trig_first, size_t trig_end, Modality modality,
                std::vector<std::pair<std::string, std::string>> attrs);
  void emit(uint32_t s, uint32_t o, const std::string& predicate, size_t first, size_t end, double confidence,
            std::vector<std::pair<std::string, std::string>> attrs, const std::string& rule);
};

// The title noun phrases of the sentence: «وزير الدفاع الروسي سيرجي شويغو» is one argument headed
// by the person; the title's affiliation (a ministry, a country) is not an argument of its own.
void SentenceRelations::find_title_phrases() {
  for (size_t t = view_.first(); t < view_.end(); ++t) {
    if (view_.mention_covering(t)) continue;
    auto ctx = title_at(view_, t, ann_, lex_);
    if (!ctx) continue;
    // «مايك بنس، نائب الرئيس الأمريكي، دونالد ترامب»: a title between two commas describes the
    // name before it; the name after the second comma is the genitive's.
    auto before = ctx->after_comma && !conjoined_title(*ctx) ? appositive_person(ctx->title_first) : std::nullopt;
    bool kin = (ctx->title_first > view_.first() && reads_as(words().kin_nouns, ctx->title_first - 1)) ||
               subordinate_title(*ctx);
    if (auto person = person_at(ctx->person_start); person && !before) {
      size_t end = ann_.mentions[*person].end_token;
      TitlePhrase tp{*ctx, *person, ctx->title_first, ctx->title_first, end};
      tp.former = former_between(ctx->title_end, ctx->person_start) || former_between(end, end + 1);
      // «زوجة الرئيس الأمريكي ميلانيا ترامب»: the name is the relative's unless it is the holder's.
      if (kin && !(tp.possessor = holds(ann_.mentions[*person].entity, *ctx))) {
        t = end - 1;
        continue;
      }
      titles_.push_back(tp);
      t = shared_title_phrases(tp) - 1;
    } else if (before || (!conjoined_title(*ctx) && (before = appositive_person(ctx->title_first)))) {
      // «سيرجي لافروف، وزير خارجية روسيا»: the title describes the name before it.
      const Mention& pm = ann_.mentions[*before];
      size_t end = ctx->affiliation_end;
      TitlePhrase tp{*ctx, *before, pm.first_token, pm.first_token, end};
      tp.former = former_between(ctx->title_end, end + 1);
      titles_.push_back(tp);
      t = end - 1;
      // «مايك بنس، نائب الرئيس الأمريكي، دونالد ترامب»: the name after the second comma holds the
      // title inside the first one; it is a genitive there, no argument of the sentence.
      if (ctx->after_comma) {
        if (auto holder = person_at(ctx->person_start)) {
          for (size_t q = ctx->title_first + 1; q < ctx->title_end; ++q) {
            auto inner = title_at(view_, q, ann_, lex_);
            if (!inner || inner->person_start != ctx->person_start) continue;
            TitlePhrase genitive{*inner, *holder, q, q, ann_.mentions[*holder].end_token};
            genitive.possessor = true;
            titles_.push_back(genitive);
            t = genitive.end - 1;
            break;
          }
        }
      }
    } else if (!kin && !ctx->after_comma && !former_between(ctx->title_end, ctx->affiliation_end + 1)) {
      // (A comma after the title ends its clause: «وقبيل زيارة الرئيس الروسي، تنامت التكهنات».)
      if (auto holder = office_holder(*ctx)) {
        title_anaphors_.push_back({ctx->title_first, std::max(ctx->affiliation_end, ctx->title_end), *holder});
        t = title_anaphors_.back().end - 1;
      }
    }
  }
}

// Whether a person holds the office of a title context: the article gave it to them before, or
// the office table does at the article's date.
bool SentenceRelations::holds(uint32_t person, const TitleContext& ctx) {
  if (office_holder(ctx) == person) return true;
  auto entry = ann_.entities[person].gazetteer;
  if (!entry) return false;
  auto held = lex_.offices.held(*entry, lex_.roles[ctx.role].predicate, doc_.date);
  if (!held || held->former) return false;
  if (ctx.affiliation_nisba) return held->office->of == *ctx.affiliation_nisba;
  if (ctx.affiliation_mention)
    return ann_.entities[ann_.mentions[*ctx.affiliation_mention].entity].gazetteer == held->office->of;
  // «مستشار للرئيس دونالد ترامب»: a title that names no state is theirs if it is the office's.
  return held->office->role == lex_.roles[ctx.role].role;
}

// Whether a title's affiliation is a place named as an administrative division, whose officials
// it has: «المتحدث باسم إقليم نانجارهار», «وزير العدل في ولاية آسام», «بلدية مدينة ترير».
bool SentenceRelations::named_as_division(const TitleContext& ctx) const {
  if (!ctx.affiliation_mention) return false;
  const size_t first = ann_.mentions[*ctx.affiliation_mention].first_token;
  for (size_t q = first; q > view_.first() && q + 2 >= first; --q)
    if (reads_as(words().division_nouns, q - 1)) return true;
  return false;
}

// The entity a title's affiliation names: the state of its nisba, or the entity mentioned.
std::optional<uint32_t> SentenceRelations::affiliation_entity(const TitleContext& ctx) const {
  if (ctx.affiliation_nisba) return entities_.gazetteer_entity(*ctx.affiliation_nisba, ann_);
  if (ctx.affiliation_mention) return ann_.mentions[*ctx.affiliation_mention].entity;
  return std::nullopt;
}

// The one person an earlier sentence of the article gave this title's office to: «الرئيس
// الروسي فلاديمير بوتين» before makes a later «الرئيس الروسي» Putin. Offices of a state or an
// organization only; never a former holder.
std::optional<uint32_t> SentenceRelations::office_holder(const TitleContext& ctx) {
  const lexicon::Role& role = lex_.roles[ctx.role];
  if (role.predicate != "leader_of" && role.predicate != "official_of") return std::nullopt;
  std::optional<uint32_t> of = affiliation_entity(ctx);
  if (!of) return std::nullopt;
  std::optional<uint32_t> holder;
  for (const Fact& f : ann_.facts) {
    if (f.sentence >= view_.index() || f.predicate != role.predicate || f.object != *of || !held_now(f)) continue;
    bool same_role = std::any_of(f.attrs.begin(), f.attrs.end(),
                                 [&](const auto& kv) { return kv.first == "role" && kv.second == role.role; });
    if (!same_role) continue;
    if (holder && *holder != f.subject) return std::nullopt;  // two holders: the title is ambiguous
    holder = f.subject;
  }
  return holder;
}

std::optional<uint32_t> SentenceRelations::person_at(size_t t) const {
  auto m = view_.mention_at(t);
  if (!m || ann_.entities[ann_.mentions[*m].entity].type != EntityType::Person) return std::nullopt;
  return m;
}

// The person a title stands in apposition to: a name right before it, set off by a comma, a dash
// or a parenthesis, and perhaps «وهو» («إدريس ديبي -وهو الرئيس الدوري للاتحاد الأفريقي»).
std::optional<uint32_t> SentenceRelations::appositive_person(size_t title_first) const {
  size_t p = title_first;
  if (p > view_.first() && words().apposition_pronouns.contains(view_.word(p - 1))) --p;
  if (p <= view_.first() + 1) return std::nullopt;
  std::string_view w = view_.word(p - 1);
  if (!is_comma(w) && w != "-" && w != "(") return std::nullopt;
  auto m = view_.mention_covering(p - 2);
  if (!m || ann_.mentions[*m].end_token != p - 1) return std::nullopt;
  return person_at(ann_.mentions[*m].first_token);
}

// Whether a title is the genitive of another title before it, joined by ل: «المبعوث الخاص للأمين
// العام للأمم المتحدة مارتن غريفيث» names the envoy, not the secretary-general — unless the name
// holds the inner office («مستشار للرئيس الروسي فلاديمير بوتين»), as after a kinship noun.
bool SentenceRelations::subordinate_title(const TitleContext& ctx) const {
  std::string_view w = view_.word(ctx.title_first);
  if (!w.starts_with("\u0644") || ctx.title_first == view_.first()) return false;
  // The outer title may have an adjective of its own: «المبعوث الخاص».
  size_t p = ctx.title_first;
  while (p > view_.first() && p + 2 > ctx.title_first && !view_.mention_covering(p - 1) &&
         !view_.facts().nisba(p - 1) && (view_.facts().modifier(p - 1) || has_article(view_.word(p - 1))))
    --p;
  for (size_t q = ctx.title_first; q-- > view_.first() && q + 5 >= ctx.title_first;) {
    if (auto outer = view_.facts().title(q); outer && outer->end_token >= p && outer->end_token <= ctx.title_first &&
                                              outer->end_token > q)
      return !view_.facts().nisba(outer->end_token) || outer->end_token == ctx.title_first;
  }
  return false;
}

// Where the sentence goes on after a subject and the apposition that describes it between commas:
// «حذر جون بولتون، مستشار الأمن القومي للرئيس الأمريكي، دونالد ترامب، النظام الإيراني من ...».
// The title phrases that begin inside the subject or its apposition are passed over, then the
// comma that closes them; without an apposition, `end`.
size_t SentenceRelations::past_apposition(size_t first, size_t end) const {
  if (end >= view_.end() || !is_comma(view_.word(end))) return end;
  size_t reach = end;
  for (bool grew = true; grew;) {
    grew = false;
    for (const TitlePhrase& tp : titles_) {
      if (tp.first >= first && tp.first <= reach + 1 && tp.end > reach) {
        reach = tp.end;
        grew = true;
      }
    }
  }
  if (reach == end || reach >= view_.end() || !is_comma(view_.word(reach))) return end;
  return reach + 1;
}

// Whether a title carries the conjunction و: «ميركل، ورئيس الوزراء المجري، فيكتور أوربان» joins
// another person, it describes no name before it.
bool SentenceRelations::conjoined_title(const TitleContext& ctx) const {
  std::string_view written = view_.word(ctx.title_first);
  const std::string& title = lex_.roles[ctx.role].title;
  std::string_view head = std::string_view(title).substr(0, title.find(' '));
  return written.starts_with("\u0648") && text::normalize_form(head) != written;
}

bool SentenceRelations::former_between(size_t from, size_t to) const {
  for (size_t t = from; t < std::min(to, view_.end()); ++t)
    if (words().former.contains(view_.word(t))) return true;
  return false;
}

// Persons that share the title of `first` through a conjoined nisba: «الرئيسين الروسي فلاديمير
// بوتين والصيني شي جينبينغ», «وزراء الخارجية الروسي سيرغي لافروف والتركي مولود تشاوش أوغلو».
// Adds their phrases; returns where the last one ends.
size_t SentenceRelations::shared_title_phrases(const TitlePhrase& first) {
  size_t end = first.end;
  if (!first.context.affiliation_nisba) return end;
  while (end + 1 < view_.end() && view_.word(end).starts_with("\u0648") && has_article(view_.word(end)) &&
         !view_.mention_covering(end)) {
    auto nisba = view_.facts().nisba(end);
    size_t name = view_.facts().nisba_end(end);
    while (name < view_.end() && view_.facts().modifier(name)) ++name;
    auto person = nisba ? person_at(name) : std::nullopt;
    if (!person) break;
    TitlePhrase tp = first;
    tp.context.affiliation_nisba = nisba;
    tp.person = *person;
    tp.arg_first = tp.first = end;
    tp.end = ann_.mentions[*person].end_token;
    tp.former = former_between(end + 1, name);
    titles_.push_back(tp);
    end = tp.end;
  }
  return end;
}

// «وفرضت وزارة الخزانة عقوبات على ... . كما فرضت عقوبات على ...»: a sentence that opens with a
// verb and names no subject continues the one before; its subject is that sentence's agent — the
// subject of its first relation, else the first person it gave an office. The verb's gender
// chooses: a feminine one (فرضت، تفرض) a state or an organization, a masculine one a person or an
// organization. The unspoken subject stands before the verb, as an argument of no width.
void SentenceRelations::add_dropped_subject() {
  if (view_.index() == 0) return;
  std::optional<size_t> v = opening_verb();
  if (!v) return;
  std::string_view verb = without_conjunction(view_.word(*v));
  const bool feminine = verb.starts_with("\u062A") || verb.ends_with("\u062A");
  std::optional<uint32_t> agent, person;
  for (const Fact& f : ann_.facts) {
    if (f.sentence + 1 != view_.index()) continue;
    bool role = f.pattern.starts_with("title:");
    if (!role && !agent) agent = f.subject;
    if (role && !person) person = f.subject;
  }
  if (!agent) agent = person;
  if (!agent) return;
  EntityType type = ann_.entities[*agent].type;
  if (feminine ? type == EntityType::Person : type == EntityType::Country) return;
  Arg arg{view_.first(), view_.first(), *agent, ann_.entities[*agent].stands_for, 0.6};
  arg.dropped = true;
  args_.push_back(arg);
  // It is the subject of the opening verb, or of the verbal noun that verb governs past words of
  // time only («فرضت يوم الأربعاء عقوبات»), never of a trigger further on («يأتي ذلك إثر غارات»).
  dropped_reach_ = *v + 1;
  while (dropped_reach_ < view_.end() && adverb_after_verb(dropped_reach_)) ++dropped_reach_;
}

// Whether a word may follow a verb whose subject is unspoken: a particle, a preposition, a day or
// another word of time or manner («كما فرضت يوم الأربعاء», «وتعهد أيضا بالرد»).
bool SentenceRelations::adverb_after_verb(size_t t) const {
  return view_.facts().function_word(t) || reads_as(words().verb_adverbs, t) || reads_as(lex_.days, t);
}

// Where the verb that opens the sentence stands, if it opens with one and names no subject after
// it: «كما فرضت يوم الأربعاء عقوبات», «وتعهد بالرد». A present-tense prefix or the feminine past ت
// marks the verb; after «كما» or «ثم» any word is one. A noun after the verb may be its subject
// («واستهدفت مقاتلات التحالف»), so only a word `adverb_after_verb` accepts may follow it.
std::optional<size_t> SentenceRelations::opening_verb() const {
  size_t v = view_.first();
  const bool after_particle = view_.word(v) == kKama || view_.word(v) == kThumma;
  if (after_particle) ++v;
  std::string_view w = view_.word(v);
  if (v + 1 >= view_.end() || view_.mention_covering(v) || has_article(w) || !adverb_after_verb(v + 1))
    return std::nullopt;
  if (after_particle) return v;
  w = without_conjunction(w);
  if (text::code_points(w) >= 4 && (w.starts_with("\u064A") || w.starts_with("\u062A") || w.ends_with("\u062A")))
    return v;
  return std::nullopt;
}

// «قوات حفظ السلام التابعة للأمم المتحدة»: the body the forces belong to is an argument from the
// force noun on, so it acts where they act; else `first` as it was.
size_t SentenceRelations::force_of_owner(size_t first) const {
  constexpr size_t kForceReach = 5;  // words from the force noun to «التابعة»
  if (first < view_.first() + 2 || !words().belonging.contains(view_.word(first - 1)) ||
      !view_.word(first).starts_with("\u0644"))
    return first;
  size_t floor = args_.empty() ? view_.first() : std::max(view_.first(), args_.back().end);
  for (size_t q = first - 1; q-- > floor && q + kForceReach >= first;) {
    if (!view_.is_word(q) || view_.mention_covering(q)) break;
    if (reads_as(lex_.force_nouns, q)) return q;
  }
  return first;
}

void SentenceRelations::collect_args() {
  add_dropped_subject();
  find_title_phrases();
  auto anaphor = title_anaphors_.begin();
  for (size_t t = view_.first(); t < view_.end(); ++t) {
    while (anaphor != title_anaphors_.end() && anaphor->first < t) ++anaphor;
    if (anaphor != title_anaphors_.end() && anaphor->first == t) {
      args_.push_back({t, anaphor->end, anaphor->person, std::nullopt, 0.85});
      t = anaphor->end - 1;
      ++anaphor;
      continue;
    }
    if (auto m = view_.mention_at(t)) {
      const Mention& men = ann_.mentions[*m];
      t = men.end_token - 1;
      bool affiliation = false;
      size_t first = men.first_token;
      for (const TitlePhrase& tp : titles_) {
        affiliation |= tp.context.affiliation_mention == *m || (tp.possessor && tp.person == *m);
        if (tp.person == *m) first = std::min(first, tp.arg_first);
      }
      if (affiliation) continue;
      first = force_of_owner(first);
      Arg arg{first, men.end_token, men.entity, ann_.entities[men.entity].stands_for, certainty_of(men.method)};
      arg.named = true;
      // «استهدفت الغارات مواقع ميليشيات الحوثي»: the genitive of a target noun is a target.
      arg.target = first > view_.first() && reads_as(words().target_nouns, first - 1);
      args_.push_back(arg);
      continue;
    }
    // «الدول الموقعة على الاتفاق»: the agreement the article has named.
    if (named_.treaty && reads_as(words().treaty_anaphors, t)) {
      args_.push_back({t, t + 1, *named_.treaty, std::nullopt, 0.8});
      continue;
    }
    // «انسحاب بلاده من الاتفاق»: the state of the person named last before it.
    if (reads_as(words().country_anaphors, t)) {
      if (auto state = state_of_last_person(t)) args_.push_back({t, t + 1, *state, std::nullopt, 0.8});
      continue;
    }
    // «التقى الزعيمان»: the last two leaders (or ministers) the article named before this sentence,
    // unless a nisba or a name after the word names them («الرئيسين الروسي …», «الرئيسين بوتين …»).
    if (!(t + 1 < view_.end() && (view_.facts().nisba(t + 1) || view_.mention_at(t + 1)))) {
      bool leaders = reads_as(words().leader_pair_anaphors, t);
      if (leaders || reads_as(words().minister_pair_anaphors, t)) {
        if (auto pair = last_two_holders(leaders ? "leader_of" : "official_of")) {
          args_.push_back({t, t + 1, pair->first, std::nullopt, 0.7});
          args_.push_back({t, t + 1, pair->second, std::nullopt, 0.7});
        }
        continue;
      }
    }
    // «التعاون بين البلدين»: the two states the article named last, two arguments on one word
    // (unless nisbas name them: «البلدين التركي والقطري»).
    if (named_.pair && reads_as(words().pair_anaphors, t) && !(t + 1 < view_.end() && view_.facts().nisba(t + 1))) {
      args_.push_back({t, t + 1, named_.pair->first, std::nullopt, 0.7});
      args_.push_back({t, t + 1, named_.pair->second, std::nullopt, 0.7});
      continue;
    }
    // «القوات الروسية», «جنود روس», «المناورات العسكرية الروسية البيلاروسية»: a nisba after a
    // state noun (and an adjective such as العسكرية), or after such a nisba, acts for its state.
    // (Not a title's own affiliation: «وزير الخارجية الروسي سيرغي لافروف» is one argument, Lavrov.)
    if (nisba_actor_at(t) && !in_title_phrase(t)) {
      auto entry = view_.facts().nisba(t);
      size_t end = view_.facts().nisba_end(t);
      bool target = target_noun(noun_before(t)) || (!args_.empty() && args_.back().end == t && args_.back().target);
      // «القوات التابعة للنظام السوري»: from the force noun on, as a named body.
      size_t first = t > view_.first() ? force_of_owner(t - 1) : t;
      args_.push_back({first < t - 1 ? first : t, end, entities_.gazetteer_entity(*entry, ann_), std::nullopt, 0.9, true,
                       target});
      t = end - 1;
    }
  }
  add_group_args();
}

// «الدول العظمى وهي الولايات المتحدة والصين ...», «الدول الأوروبية الثلاث الموقعة على الاتفاق،
// بريطانيا وفرنسا وألمانيا»: a group noun is an argument for every member of the enumeration that
// an apposition after it names — opened by «وهي», «(» or «:», or by a comma when a number follows
// the noun. The members stay arguments where they are named too.
void SentenceRelations::add_group_args() {
  constexpr size_t kNumberReach = 3, kOpenerReach = 10;
  const uint8_t kStates = type_bit(EntityType::Country) | type_bit(EntityType::Organization);
  uint32_t next_group = 1;
  for (size_t t = view_.first(); t < view_.end(); ++t) {
    if (view_.mention_covering(t) || !reads_as(words().group_nouns, t)) continue;
    size_t end = t + 1;
    bool numbered = false;
    for (size_t q = t + 1; q < std::min(view_.end(), t + 1 + kNumberReach) && !view_.mention_covering(q); ++q) {
      if (words().group_numbers.contains(view_.word(q))) {
        numbered = true;
        end = q + 1;
        break;
      }
    }
    std::vector<size_t> members;
    for (size_t q = end; q < std::min(view_.end(), end + kOpenerReach); ++q) {
      std::string_view w = view_.word(q);
      if (words().clause_words.contains(w)) break;
      bool opener = w == "(" || w == ":" || words().apposition_pronouns.contains(w) || (numbered && is_comma(w));
      if (!opener) continue;
      auto first = std::find_if(args_.begin(), args_.end(), [&](const Arg& a) { return a.first == q + 1; });
      if (first == args_.end() || !accepts(*first, kStates)) continue;
      members = extend_list(static_cast<size_t>(first - args_.begin()), kStates, true);
      // A parenthesis closes the group's enumeration: «الدول دائمة العضوية في مجلس الأمن (…)، إلى
      // جانب ألمانيا» adds Germany to the sentence, not to the permanent members.
      if (w == "(") std::erase_if(members, [&](size_t m) { return closed_before(q, args_[m].first); });
      break;
    }
    if (members.size() < 2) continue;
    std::vector<Arg> group;
    for (size_t m : members) {
      Arg a = args_[m];
      a.first = t;
      a.end = end;
      a.certainty = std::min(a.certainty, 0.85);
      a.group = next_group;
      group.push_back(a);
    }
    ++next_group;
    auto at = std::find_if(args_.begin(), args_.end(), [&](const Arg& a) { return a.first >= t; });
    args_.insert(at, group.begin(), group.end());
  }
}

// Whether a closing parenthesis stands between `from` and `to`.
bool SentenceRelations::closed_before(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t)
    if (view_.word(t) == ")") return true;
  return false;
}

// The state of the person named last before t in the sentence (state_of, any office).
std::optional<uint32_t> SentenceRelations::state_of_last_person(size_t t) const {
  std::optional<uint32_t> person;
  for (const Arg& a : args_)
    if (a.end <= t && ann_.entities[a.entity].type == EntityType::Person) person = a.entity;
  return person ? state_of(*person, /*heads_only=*/false) : std::nullopt;
}

// The state a person holds an office of (heads it, with `heads_only`), as a title in this
// sentence, an earlier fact of the article or the office table at the article's date says;
// never a former office.
std::optional<uint32_t> SentenceRelations::state_of(uint32_t person, bool heads_only) const {
  auto is_state = [&](uint32_t e) { return ann_.entities[e].type == EntityType::Country; };
  auto counts = [&](std::string_view predicate) {
    return predicate == "leader_of" || (!heads_only && predicate == "official_of");
  };
  for (const TitlePhrase& tp : titles_) {
    if (ann_.mentions[tp.person].entity != person || tp.former || !counts(lex_.roles[tp.context.role].predicate))
      continue;
    if (tp.context.affiliation_nisba) return entities_.gazetteer_entity(*tp.context.affiliation_nisba, ann_);
    if (tp.context.affiliation_mention && is_state(ann_.mentions[*tp.context.affiliation_mention].entity))
      return ann_.mentions[*tp.context.affiliation_mention].entity;
  }
  for (const Fact& f : ann_.facts)
    if (f.subject == person && counts(f.predicate) && is_state(f.object) && held_now(f)) return f.object;
  if (auto entry = ann_.entities[person].gazetteer) {
    for (const char* predicate : {"leader_of", "official_of"}) {
      if (!counts(predicate)) continue;
      auto held = lex_.offices.held(*entry, predicate, doc_.date);
      if (held && !held->former) {
        uint32_t of = entities_.gazetteer_entity(held->office->of, ann_);
        if (is_state(of)) return of;
      }
    }
  }
  return std::nullopt;
}

// The two persons the latest facts of earlier sentences give an office with `predicate`, most
// recent first; none unless there are two.
std::optional<std::pair<uint32_t, uint32_t>> SentenceRelations::last_two_holders(std::string_view predicate) const {
  std::optional<uint32_t> last;
  for (size_t f = ann_.facts.size(); f-- > 0;) {
    const Fact& fact = ann_.facts[f];
    if (fact.sentence >= view_.index() || fact.predicate != predicate) continue;
    if (!last) last = fact.subject;
    else if (fact.subject != *last) return std::make_pair(*last, fact.subject);
  }
  return std::nullopt;
}

bool SentenceRelations::in_title_phrase(size_t t) const {
  return std::any_of(titles_.begin(), titles_.end(), [&](const TitlePhrase& tp) { return tp.first <= t && t < tp.end; });
}

// Whether the word at t is one of `set`'s, with its proclitics («بالاتفاق», «للبلدين»).
bool SentenceRelations::reads_as(const lexicon::WordSet& set, size_t t) const {
  return set.contains_reading(view_.word(t));
}

// The noun whose adjective the word at t may be: the word before, or the one before a state
// adjective or a cargo («القوات الجوية الروسية», «ناقلة نفط سعودية»).
size_t SentenceRelations::noun_before(size_t t) const {
  size_t p = t - 1;
  if (p > view_.first() && words().state_adjectives.contains(view_.word(p))) --p;
  return p;
}

// Whether the word at t is a noun of targets or vessels, with its proclitics.
bool SentenceRelations::target_noun(size_t t) const {
  return reads_as(words().target_nouns, t) || reads_as(words().vessel_nouns, t);
}

bool SentenceRelations::nisba_actor_at(size_t t) const {
  if (t == view_.first() || !view_.facts().nisba(t)) return false;
  if (!args_.empty() && args_.back().end == t && args_.back().from_nisba) return true;  // a second nisba
  size_t p = noun_before(t);
  // With its proclitics: «للنظام السوري», «والقوات الروسية».
  if (reads_as(lex_.force_nouns, p) || target_noun(p)) return true;
  // The agent of a verbal noun: «العقوبات الأمريكية على إيران», «الانسحاب الأميركي من الاتفاق»,
  // «الغارات الجوية الإسرائيلية», «لعقوبات أميركية على طهران». A nisba agrees with its noun in
  // definiteness: an indefinite one after a definite noun («العقوبات تركي») is no agent. (A definite
  // nisba may follow a noun made definite by its suffix, «حلفائه الروس», or a verb.)
  if (!has_article(view_.word(t)) && has_article(view_.word(p))) return false;
  for (size_t q = p + 1; q-- > view_.first() && q + 3 > p;) {
    for (const lexicon::PhraseMatch& m : lex_.patterns.triggers().all_at(doc_, q, p + 1))
      if (m.end_token == p + 1) return true;
  }
  return false;
}

std::optional<uint32_t> SentenceRelations::accepts(const Arg& a, uint8_t types) const {
  EntityType own = ann_.entities[a.entity].type;
  if (types & type_bit(own)) return a.entity;
  // A capital used as an actor stands for its state; a seat (الكرملين) is an actor already.
  if (own == EntityType::Location && a.actor && (types & type_bit(ann_.entities[*a.actor].type))) return a.actor;
  // A head of state acts for the state where a slot says so: «انسحاب ترامب من الاتفاق». Looked up
  // only then, as few slots do.
  if (own == EntityType::Person && a.named && (types & kHeadsOfState) && (types & type_bit(EntityType::Country)))
    return state_of(a.entity, /*heads_only=*/true);
  return std::nullopt;
}

// Arguments are not sought across a clause boundary: «،», «:», «؛», a quotation mark (reported
// speech: «وقال البيت الأبيض: "نشر النظام الإيراني ..."»), or a complementizer («أكد X أن Y
// نشرت»). A comma right before an argument is apposition or enumeration («رئيس كازاخستان، قاسم
// جومارت توكايف»), not a boundary.
bool SentenceRelations::clause_break(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t) {
    std::string_view w = view_.word(t);
    bool comma = is_comma(w);
    if (comma && t + 1 < view_.end() && view_.mention_at(t + 1)) continue;
    if (comma || ends_clause(w) || words().clause_words.contains(w)) return true;
  }
  return false;
}

// The one argument of `types` before `to` in the sentence, when there is exactly one and no
// reported speech stands between it and `to`.
std::optional<size_t> SentenceRelations::only_arg_before(size_t to, uint8_t types) const {
  std::optional<size_t> found;
  for (size_t i = 0; i < args_.size() && args_[i].end <= to; ++i) {
    if (!accepts(args_[i], types)) continue;
    if (found && args_[*found].entity != args_[i].entity) return std::nullopt;
    found = i;
  }
  if (found && reported_speech_break(args_[*found].end, to)) return std::nullopt;
  return found;
}

// Whether a comma follows the last complementizer or quotation mark between `from` and `to`.
bool SentenceRelations::comma_after_report(size_t from, size_t to) const {
  bool comma = false;
  for (size_t t = from; t < to; ++t) {
    if (words().clause_words.contains(view_.word(t))) comma = false;
    else if (is_comma(view_.word(t))) comma = true;
  }
  return comma;
}

// Even a search that crosses commas stops at reported speech: the speaker of «أكد لودريان أن
// هجوم قوات النظام على إدلب ...» is not the attacker.
bool SentenceRelations::reported_speech_break(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t)
    if (words().clause_words.contains(view_.word(t))) return true;
  // A colon right after an argument opens its words or ends a headline's label: «سوريا: أردوغان
  // عازم على توسيع الهجوم».
  return from < to && view_.word(from) == ":";
}

std::optional<size_t> SentenceRelations::arg_after(size_t from, size_t limit, uint8_t types, bool cross) const {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (args_[i].first < from || args_[i].first >= limit) continue;
    if (cross ? reported_speech_break(from, args_[i].first) : clause_break(from, args_[i].first)) return std::nullopt;
    if (accepts(args_[i], types)) return i;
  }
  return std::nullopt;
}

std::optional<size_t> SentenceRelations::arg_before(size_t to, size_t limit, uint8_t types, bool cross) const {
  for (size_t i = args_.size(); i-- > 0;) {
    if (args_[i].end > to || args_[i].end + limit < to) continue;
    if (cross ? reported_speech_break(args_[i].end, to) : clause_break(args_[i].end, to)) return std::nullopt;
    if (accepts(args_[i], types)) return i;
  }
  return std::nullopt;
}

// The argument a trigger's relative clause refers back to. «الاتحاد الأوراسي الذي خططت له روسيا
// ليكون على غرار الاتحاد الأوروبي ...، والذي يضم ...»: a relative pronoun joined by و continues
// an earlier relative clause, so the antecedent is found before the earlier pronoun.
std::optional<size_t> SentenceRelations::antecedent_before(size_t trigger, size_t limit, uint8_t types, bool cross) const {
  for (size_t q = trigger; q > view_.first() && q + 2 >= trigger; --q) {
    if (!words().coordinated_relatives.contains(view_.word(q - 1))) continue;
    for (size_t r = q - 1; r-- > view_.first();) {
      if (words().relatives.contains(view_.word(r))) return arg_before(r, limit, types, true);
    }
    break;
  }
  return arg_before(trigger, limit, types, cross);
}

// Whether an argument that the pattern accepts as subject ends right before the trigger, outside
// a prepositional phrase.
bool SentenceRelations::adjacent_subject(size_t trigger, const Pattern& p) const {
  if (std::find(p.subject.where.begin(), p.subject.where.end(), Slot::Before) == p.subject.where.end()) return false;
  auto s = arg_before(trigger, 0, p.subject.types);
  return s && !governed(*s) && !reacts(*s, trigger);
}

// Whether the argument before a trigger is the subject of a verb of reaction to it: «وأدانت مصر
// الهجمات», «مصر تدين الهجمات». The trigger is then the verb's object, next to the subject or
// its verb; «ورحب الوزير خلال زيارة لإستونيا» is a visit by the one who welcomed.
bool SentenceRelations::reacts(size_t arg, size_t trigger) const {
  const Arg& a = args_[arg];
  if (trigger == a.end + 1) return reads_as(words().reaction_verbs, a.end);
  if (trigger != a.end) return false;
  for (size_t t = a.first >= view_.first() + 2 ? a.first - 2 : view_.first(); t < a.first; ++t)
    if (reads_as(words().reaction_verbs, t)) return true;
  return false;
}

// Whether the enumeration after a symmetric trigger names parties acting with each other: «التقى
// X و Y». Not when something before the trigger is its subject («الوفد الإيراني التقى العبادي
// والمالكي») or a preposition after the list introduces a party of its own («زيارة X و Y إلى
// الأردن», «لقاء X و Y مع الملك»).
bool SentenceRelations::mutual_parties(const Pattern& p, size_t trigger, size_t after_subjects) const {
  if (first_prep(p.object, after_subjects) != view_.end()) return false;
  for (size_t t = trigger; t-- > view_.first();) {
    std::string_view w = view_.word(t);
    if (is_comma(w) || ends_clause(w) || words().clause_words.contains(w)) break;
    if (view_.mention_covering(t) || view_.facts().nisba(t)) return false;
  }
  return true;
}

// The first argument of an enumeration that an apposition opens («(», «:», «وهي») within a few
// words of `from`, never past reported speech; only the opener's argument, the list is extended
// by the caller.
std::optional<size_t> SentenceRelations::apposition_list(size_t from, uint8_t types) const {
  constexpr size_t kReach = 12;
  for (size_t t = from; t < std::min(view_.end(), from + kReach); ++t) {
    std::string_view w = view_.word(t);
    if (words().clause_words.contains(w)) return std::nullopt;
    if (w == "(" || w == ":" || words().apposition_pronouns.contains(w)) {
      auto a = arg_after(t + 1, t + 2, types);
      if (a) return a;
    }
  }
  return std::nullopt;
}

// A verb in the present tense: its prefix يـ or تـ after any proclitic و/ف.
bool SentenceRelations::present_tense(size_t t) const {
  std::string_view w = view_.word(t);
  if (w.starts_with("\u0648") || w.starts_with("\u0641")) w.remove_prefix(2);
  return w.starts_with("\u064A") || w.starts_with("\u062A");
}

// An adverb or adjective of time to come within two words after `t` (lexicon's hypothetical-after).
bool SentenceRelations::time_to_come(size_t t) const {
  for (size_t q = t; q < std::min(t + 2, view_.end()); ++q)
    if (lex_.after_trigger_cues.contains(view_.word(q))) return true;
  return false;
}

bool SentenceRelations::function_word_between(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t)
    if (view_.facts().function_word(t)) return true;
  return false;
}

// Whether an argument stands after a preposition, alone («في بيلاروسيا», «مع نظيره ...») or as
// a proclitic on its first word («لروسيا», «ببيلاروس»).
bool SentenceRelations::governed(size_t arg) const {
  const Arg& a = args_[arg];
  // A nisba acting for its state is governed through its noun: «للحكومة اليمنية».
  size_t head = a.first;
  if (a.from_nisba && head > view_.first() && !view_.facts().nisba(head - 1)) {
    --head;
    if (head > view_.first() && words().state_adjectives.contains(view_.word(head))) --head;
    if (has_preposition_clitic(view_.word(head))) return true;
  }
  if (head > view_.first() && words().prepositions.contains(view_.word(head - 1)))
    return !(view_.word(head - 1) == kMin && head >= view_.first() + 2 && reads_as(words().partitives, head - 2));
  auto m = view_.mention_at(a.first);
  if (!m) return false;
  const text::Token& tok = doc_.tokens[a.first];
  size_t clitic_bytes = ann_.mentions[*m].begin - doc_.norm.origin[tok.begin];
  return clitic_bytes != 0 && has_preposition_clitic(view_.word(a.first));
}

// Whether a word's proclitics include a preposition (ب ل ك; و alone is a conjunction).
bool has_preposition_clitic(std::string_view w) {
  bool conjunction = w.starts_with("\u0648") || w.starts_with("\u0641");
  return w.starts_with("\u0628") || w.starts_with("\u0644") || w.starts_with("\u0643") ||
         (conjunction && w.size() > 2 && (w.substr(2).starts_with("\u0628") || w.substr(2).starts_with("\u0644")));
}

// Whether an argument can be the direct object of what ends at `from`: no preposition governs it
// («تزويد الحوثيين بالسلاح في اليمن»), except the من of «كلا من» / «كل من», which names the
// objects themselves («زار كلا من دمشق وبغداد»). Prepositional phrases may stand between a verb
// and its object («وسيلتقي ماكرون في أبوجا نظيره النيجيري»).
bool SentenceRelations::direct_object(size_t arg) const {
  // «استقبلهم ترامب وزوجته ميلانيا»: a relative joined by و is a second subject, not the object.
  if (args_[arg].first > view_.first() && view_.word(args_[arg].first - 1).starts_with("\u0648") &&
      reads_as(words().own_kin, args_[arg].first - 1))
    return false;
  static const std::string kKila = text::normalize_form("كلا");
  static const std::string kKul = text::normalize_form("كل");
  const size_t first = args_[arg].first;
  if (first >= view_.first() + 2 && view_.word(first - 1) == kMin &&
      (view_.word(first - 2) == kKila || view_.word(first - 2) == kKul))
    return true;
  return !governed(arg);
}

// Where the object's preposition first occurs after the trigger: a subject after the trigger
// stands before it («زيارة بوتين إلى مينسك»).
size_t SentenceRelations::first_prep(const SlotSpec& object, size_t from) const {
  if (std::find(object.where.begin(), object.where.end(), Slot::Prep) == object.where.end()) return view_.end();
  size_t stop = std::min(view_.end(), from + kPrepSearch);
  for (size_t q = from; q < stop; ++q)
    for (const std::string& prep : object.preps)
      if (view_.word(q) == prep) return q;
  return view_.end();
}

// «في» is not one: after a noun it locates it, and the noun is the place's («طلبا من السلطات
// الجديدة في قيرغيزستان»).
bool SentenceRelations::preposition_between(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t)
    if (words().prepositions.contains(view_.word(t)) && view_.word(t) != kFi) return true;
  return false;
}

// Whether «في» stands before a person argument: it locates the noun before it in a place only;
// «فرض عقوبات على وزيري العدل والداخلية في حكومة أردوغان» sanctions no Erdoğan.
bool SentenceRelations::person_located(size_t from, size_t arg) const {
  if (ann_.entities[args_[arg].entity].type != EntityType::Person) return false;
  for (size_t t = from; t < args_[arg].first; ++t)
    if (view_.word(t) == kFi) return true;
  return false;
}

// Whether the preposition governs an office, whose genitive the argument after it is: «وصول الملك
// سلمان إلى عرش السعودية», «وصل إلى السلطة في إسبانيا» are no visits.
bool SentenceRelations::office_after(size_t word) const {
  return word < view_.end() && reads_as(words().office_nouns, word);
}

// Whether a relative pronoun stands between a preposition and an argument, which then belongs to
// the relative clause: «تعاون مع التحقيق الذي يجريه الكونغرس» is no cooperation with Congress.
bool SentenceRelations::relative_between(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t)
    if (words().relatives.contains(view_.word(t))) return true;
  return false;
}

// Whether a trigger word at t is part of an idiom with the word before it: «على وقع» (amid) is no
// signature.
bool SentenceRelations::idiom_at(size_t t) const {
  if (t == view_.first()) return false;
  std::string pair = std::string(view_.word(t - 1)) + " " + std::string(view_.word(t));
  return words().idioms.contains(pair);
}

// The place named right after a list of targets by one of the object's prepositions: «أهداف
// إسرائيلية في الجولان», «مواقع إيرانية في سوريا».
std::optional<size_t> SentenceRelations::place_of_targets(const std::vector<size_t>& targets,
                                                          const SlotSpec& object) const {
  constexpr size_t kPlaceReach = 2;
  const uint8_t places = type_bit(EntityType::Location) | type_bit(EntityType::Country);
  if (targets.empty() || !args_[targets.back()].target || !(object.types & type_bit(EntityType::Location))) return std::nullopt;
  // The sea a vessel sails is no target.
  if (reads_as(words().vessel_nouns, noun_before(args_[targets.back()].first))) return std::nullopt;
  size_t from = args_[targets.back()].end;
  for (size_t q = from; q < std::min(view_.end(), from + kPlaceReach); ++q) {
    if (std::find(object.preps.begin(), object.preps.end(), std::string(view_.word(q))) == object.preps.end()) continue;
    auto a = arg_after(q + 1, q + 2, places);
    if (a && std::find(targets.begin(), targets.end(), *a) == targets.end()) return a;
  }
  return std::nullopt;
}

// Whether the word at t carries one of the spec's one-letter prepositions as a proclitic: «الداعم
// للشرعية» has its object, though no entity, so its subjects are no mutual parties.
bool SentenceRelations::clitic_prep_at(size_t t, const SlotSpec& spec) const {
  if (t >= view_.end()) return false;
  std::string_view w = view_.word(t);
  for (const std::string& prep : spec.preps)
    if (prep.size() == 2 && w.size() > 4 && w.starts_with(prep)) return true;
  return false;
}

// The first argument after one of the spec's prepositions, standing alone («إلى مينسك») or as a
// proclitic on the argument itself («لأوكرانيا», «بالرئيس»).
std::optional<size_t> SentenceRelations::arg_after_prep(size_t from, const SlotSpec& spec) const {
  size_t stop = std::min(view_.end(), from + kPrepSearch);
  for (size_t q = from; q < stop; ++q) {
    // A comma right after the subject closes its apposition: «طلب رئيس كازاخستان، قاسم جومارت
    // توكايف، المساعدة من ...».
    if (q == from && is_comma(view_.word(q))) continue;
    if (clause_break(q, q + 1)) break;
    std::string_view w = view_.word(q);
    for (const std::string& prep : spec.preps) {
      if (w == prep) {
        // Another preposition on the way begins a phrase of its own: «الهجمات ضد شعبه بدون دعم روسيا».
        auto a = arg_after(q + 1, q + 1 + kPrepReach, spec.types);
        if (a && !preposition_between(q + 1, args_[*a].first) && !person_located(q + 1, *a) &&
            !office_after(q + 1) && !relative_between(q + 1, args_[*a].first) &&
            // «الانسحاب من الاتفاق المبرم بين إيران والدول الست»: the noun a participle
            // describes is the preposition's object, the participle's own arguments are not.
            !reads_as_any(words().attributives, q + 1, args_[*a].first))
          return a;
      } else if (prep.size() == 2 && (w.starts_with(prep) || (w.size() > 2 && w.substr(2).starts_with(prep) &&
                                                              (w.starts_with("\u0648") || w.starts_with("\u0641"))))) {
        // A one-letter preposition is a proclitic: on an argument, or on the head of a short
        // phrase the argument ends («بالرئيس ألكسندر لوكاشينكو», «للبنية التحتية الأوكرانية»).
        auto a = arg_after(q, q + kCliticPrepReach, spec.types);
        if (a && !function_word_between(q + 1, args_[*a].first)) return a;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::pair<size_t, size_t>> SentenceRelations::between(size_t from, uint8_t types, size_t reach) const {
  // «أبرم الاتفاق النووي الإيراني في تموز/يوليو 2015 بين إيران و...»: the treaty and a date
  // may stand between the trigger and «بين», not a clause boundary.
  size_t stop = std::min(view_.end(), from + reach);
  for (size_t q = from; q < stop; ++q) {
    if (clause_break(q, q + 1)) break;
    if (!words().between.contains(view_.word(q))) continue;
    auto x = arg_after(q + 1, q + 1 + kPrepReach, types);
    if (!x) return std::nullopt;
    if (*x + 1 < args_.size() && same_word(*x, *x + 1) && accepts(args_[*x + 1], types))
      return std::make_pair(*x, *x + 1);  // «بين البلدين»
    // The second party is joined to the first: «بين القوى الست الكبرى، بريطانيا والصين» names the
    // members of the first, «بين طهران من جهة وبريطانيا» sets two sides against each other.
    size_t after_x = sides_after(*x) ? args_[*x].end + 2 : args_[*x].end;
    auto y = arg_after(after_x, after_x + 3, types);
    if (!y || !conjunction_between(after_x, args_[*y].first + 1)) return std::nullopt;
    return std::make_pair(*x, *y);
  }
  return std::nullopt;
}

// Whether a word in [from, to) opens with the conjunction و, and no preposition but that of «كل
// من» follows it: «بين حكومة تونس وحكومة فرنسا», not «بين ترامب وكيم في سنغافورة».
bool SentenceRelations::conjunction_between(size_t from, size_t to) const {
  static const std::string kKul = text::normalize_form("كل");
  bool joined = false;
  for (size_t t = from; t < to; ++t) {
    std::string_view w = view_.word(t);
    if (w.starts_with("\u0648")) joined = true;
    std::string_view before = t > from ? view_.word(t - 1) : "";
    if (before.starts_with("\u0648")) before.remove_prefix(2);
    bool every_of = w == kMin && before == kKul;
    if (joined && (words().prepositions.contains(w) || w == kFi) && !every_of) return false;
  }
  return joined;
}

// The organization named right after «في إطار» or «ضمن» at `t`, if any: what acts within it.
std::optional<size_t> SentenceRelations::framework_partner(size_t t) const {
  static const std::string kFrame = text::normalize_form("إطار");
  if (t >= view_.end()) return std::nullopt;
  size_t at = t + 1;
  if (view_.word(t) == kFi && t + 1 < view_.end() && view_.word(t + 1) == kFrame) ++at;
  else if (!words().framework.contains(view_.word(t))) return std::nullopt;
  auto a = arg_after(at, at + 1, type_bit(EntityType::Organization));
  return a && args_[*a].first == at ? a : std::nullopt;
}

// Whether the argument at `to` is the object of a purpose against someone that opens with ل in
// [from, to), within a short phrase: «لوقف تقدم الحوثيين», not «اتفاق لوقف إطلاق النار مع إسرائيل».
bool SentenceRelations::against_between(size_t from, size_t to) const {
  constexpr size_t kPurposeReach = 3;
  for (size_t t = to > from + kPurposeReach ? to - kPurposeReach : from; t < to; ++t) {
    std::string_view w = without_conjunction(view_.word(t));
    if (w.starts_with("\u0644") && reads_as(words().hostile_purposes, t) && !preposition_between(t + 1, to) &&
        !(t + 1 < to && view_.word(to - 1) == kFi))
      return true;
  }
  return false;
}

// Whether «من جهة» follows an argument: «بين طهران من جهة والقوى الكبرى من جهة أخرى».
bool SentenceRelations::sides_after(size_t arg) const {
  static const std::string kJiha = text::normalize_form("جهة");
  size_t t = args_[arg].end;
  return t + 1 < view_.end() && view_.word(t) == kMin && view_.word(t + 1) == kJiha;
}

// Only words that join the members of an enumeration stand between `from` and `to`: و، كل من،
// بالإضافة إلى، إلى جانب. A lone «إلى» is a preposition, not glue.
bool SentenceRelations::glue_only(size_t from, size_t to) const {
  for (size_t t = from; t < to; ++t) {
    std::string_view w = view_.word(t);
    if (words().list_glue_prepositions.contains(w)) {
      bool joined = (t > from && words().list_glue.contains(view_.word(t - 1))) ||
                    (t + 1 < to && words().list_glue.contains(view_.word(t + 1)));
      if (!joined) return false;
      continue;
    }
    if (!words().list_glue.contains(w)) return false;
  }
  return true;
}

// An enumeration from argument `arg` onwards (or backwards): members joined by و، and the like.
std::vector<size_t> SentenceRelations::extend_list(size_t arg, uint8_t types, bool forward) const {
  std::vector<size_t> members{arg};
  size_t i = arg;
  while (members.size() < kMaxListMembers) {
    if (forward ? i + 1 >= args_.size() : i == 0) break;
    size_t next = forward ? i + 1 : i - 1;
    if (!accepts(args_[next], types) || !enumerated(std::min(i, next), std::max(i, next))) break;
    members.push_back(next);
    i = next;
  }
  return members;
}

bool SentenceRelations::same_word(size_t a, size_t b) const {
  return args_[a].first == args_[b].first && args_[a].end == args_[b].end;
}

// Whether arguments a and b (b the later) are members of one enumeration: two arguments on one
// word (the two states of «البلدين»), or only glue between them. Two arguments side by side are
// subject and object («حذرت واشنطن لوكاشينكو»), not a list, unless the second is joined by a
// proclitic و («بوتين وأردوغان», «... ورئيس كوريا الجنوبية»).
bool SentenceRelations::enumerated(size_t a, size_t b) const {
  if (same_word(a, b)) return true;
  size_t gap_from = args_[a].end, gap_to = args_[b].first;
  // «الحكومة السورية وحلفاؤها الروس والإيرانيون»: the allies continue the list.
  if (gap_to == gap_from + 1 && words().allies_glue.contains(view_.word(gap_from))) return args_[b].from_nisba;
  if (gap_to < gap_from || !glue_only(gap_from, gap_to)) return false;
  // «بين إيران والقوى الست الكبرى، بريطانيا والصين ...»: states after a comma that follows an
  // organization name its members, they do not continue the list.
  if (gap_to == gap_from + 1 && is_comma(view_.word(gap_from)) && !conjoined(b) &&
      ann_.entities[args_[a].entity].type == EntityType::Organization &&
      ann_.entities[args_[b].entity].type == EntityType::Country)
    return false;
  // «الداعمتان للنظام السوري، وتركيا الداعمة لفصائل معارضة»: a comma and و before a name that a
  // trigger follows join a clause of its own, not a list member.
  if (gap_to == gap_from + 1 && is_comma(view_.word(gap_from)) && conjoined(b) &&
      args_[b].end < view_.end() && !lex_.patterns.triggers().all_at(doc_, args_[b].end, view_.end()).empty())
    return false;
  return gap_from < gap_to || conjoined(b);  // «بوتين وأردوغان», not «روحاني واشنطن»
}

// Where one of the pattern's required words stands in [from, to), if anywhere. A weapon named
// close after the trigger is one («تسليمها الأول لنظام الدفاع الجوي ... لصاروخ باتريوت إلى كييف»)
// where the pattern fills the weapon attribute.
std::optional<size_t> SentenceRelations::required_word(const Pattern& p, size_t from, size_t to) const {
  constexpr size_t kWeaponReach = 10;
  to = std::min(to, view_.end());
  for (size_t t = from; t < to; ++t) {
    std::string_view w = view_.word(t);
    if (p.requires_words.contains(w)) return t;
    if (p.attribute == "weapon" && t < from + kWeaponReach) {
      if (auto m = view_.mention_at(t); m && ann_.entities[ann_.mentions[*m].entity].type == EntityType::Weapon) return t;
    }
    // A proclitic («بالأسلحة», «وقوات»).
    for (size_t cut : {size_t{2}, size_t{4}, size_t{6}})
      if (w.size() > cut + 2 && p.requires_words.contains(w.substr(cut))) return t;
  }
  return std::nullopt;
}

// The value of a pattern's attribute: a WEAPON entity named between the trigger and the end of
// the match, else the required word with the adjectives after it («الأسلحة النووية التكتيكية»).
std::string SentenceRelations::attribute_value(size_t word, size_t from, size_t to) const {
  for (const Arg& a : args_) {
    if (a.first >= from && a.first < to && ann_.entities[a.entity].type == EntityType::Weapon)
      return ann_.entities[a.entity].name;
  }
  size_t end = word + 1;
  while (end < view_.end() && end < word + 4 && has_article(view_.word(end)) && !view_.mention_covering(end) &&
         !view_.facts().function_word(end))
    ++end;
  auto span = doc_.span_of_tokens(word, end);
  return doc_.text.substr(span.begin, span.end - span.begin);
}

// Where a reading back from a trigger stops: a comma, the end of a clause, a relative pronoun.
bool SentenceRelations::clause_edge(std::string_view w) const {
  return is_comma(w) || ends_clause(w) || words().relatives.contains(w);
}

// Whether the verb in تـ at `verb` after the «قد» at `qad` is a past, so that «قد» asserts: «تم»;
// after a «كان» of the same clause («وكان الرئيس الروسي قد توقف»); or opening its clause with a
// person or a man's title right after it, whom a present in تـ would make a woman («وقد توقف بوتين
// في النمسا»).
bool SentenceRelations::perfect_after_qad(size_t qad, size_t verb) const {
  if (reads_as(lex_.pasts_after_qad, verb)) return true;
  for (size_t q = qad; q-- > view_.first() && q + kHypotheticalReach > qad;) {
    if (clause_edge(view_.word(q))) break;
    if (reads_as(lex_.past_auxiliaries, q)) return true;
  }
  bool opens_clause = view_.word(qad) != kQad;  // «وقد», «فقد»
  if (!opens_clause || verb + 1 >= view_.end()) return false;
  // A man's title is a man too («وقد توقف الرئيس الروسي»); a title in ة is a woman's.
  bool mans_title = in_title_phrase(verb + 1) && !view_.word(verb + 1).ends_with("\u0629");
  return person_at(verb + 1).has_value() || mans_title;
}

SentenceRelations::Modality SentenceRelations::modality_before(size_t trigger) const {
  size_t from = trigger > view_.first() + kHypotheticalReach ? trigger - kHypotheticalReach : view_.first();
  Modality found = Modality::Asserted;
  // Cues before a verb of continuing do not reach what it continues: «من المرجح أن تواصل روسيا
  // قصفها» reports a bombing under way.
  size_t continuing = view_.first();
  // Read back from the trigger to the start of its clause. A relative clause has its own tense:
  // «وسيقوم الاتفاق الذي وقع خلال زيارة ... إلى باريس» reports a visit that took place.
  for (size_t q = trigger; q-- > from;) {
    std::string_view w = view_.word(q);
    if (clause_edge(w)) break;
    if (reads_as(lex_.continuing_verbs, q)) {
      continuing = q + 1;
      break;
    }
    if (q + kNegationReach >= trigger && lex_.negation_cues.longest_at(doc_, q, trigger)) return Modality::Negated;
    if (lex_.hypothetical_cues.longest_at(doc_, q, trigger)) found = Modality::Hypothetical;
    // «قد» before a present-tense verb is «may»; before a past-tense one it asserts («فقد حذر»).
    if (auto m = lex_.before_present_cues.longest_at(doc_, q, trigger); m && m->end_token < view_.end()) {
      std::string_view next = view_.word(m->end_token);
      // يـ تـ: third person present; but a word in تـ that ends in ت is a feminine past of the
      // forms تفعّل، تفاعل: «وقد تسببت إعادة فرض العقوبات» asserts.
      bool feminine_past = next.starts_with("\u062A") && next.ends_with("\u062A") && text::code_points(next) >= 4;
      if ((next.starts_with("\u064A") || next.starts_with("\u062A")) && !feminine_past &&
          !perfect_after_qad(q, m->end_token)) {
        found = Modality::Hypothetical;
      }
    }
  }
  // A condition reaches its consequence across the comma between them: «إذا تم تحرير الميناء،
  // سيكون هناك عمل مشترك ...» (up to the start of the sentence or of a quotation after «:»).
  if (found == Modality::Asserted) {
    for (size_t q = trigger; q-- > continuing && q + kConditionReach >= trigger;) {
      if (ends_clause(view_.word(q))) break;
      if (lex_.conditional_cues.longest_at(doc_, q, trigger)) {
        found = Modality::Hypothetical;
        break;
      }
    }
  }
  // The future prefix: سيزور، ستنشر, also after a conjunction: وسيلتقي، فستزور.
  std::string_view w = view_.word(trigger);
  if (w.starts_with("\u0648\u0633") || w.starts_with("\u0641\u0633")) w.remove_prefix(2);
  if (w.starts_with("\u0633\u064A") || w.starts_with("\u0633\u062A")) found = Modality::Hypothetical;
  return found;
}

void SentenceRelations::emit(uint32_t s, uint32_t o, const std::string& predicate, size_t first, size_t end,
                             double confidence, std::vector<std::pair<std::string, std::string>> attrs,
                             const std::string& rule) {
  if (s == o) return;
  if (lexicon::is_symmetric(predicate) && ann_.entities[s].key > ann_.entities[o].key) std::swap(s, o);
  auto span = doc_.span_of_tokens(first, end);
  // One fact per sentence for a triple: the most confident reading.
  for (Fact& f : ann_.facts) {
    if (f.sentence == view_.index() && f.subject == s && f.object == o && f.predicate == predicate) {
      if (confidence > f.confidence) f = {s, o, predicate, view_.index(), span.begin, span.end, confidence, "", std::move(attrs), rule};
      return;
    }
  }
  ann_.facts.push_back({s, o, predicate, view_.index(), span.begin, span.end, confidence, "", std::move(attrs), rule});
}

// The person a counterpart title («نظيره») before `title_first` is the counterpart of: the nearest
// person before it, or the sentence's topic when a comma closed what the topic reported («أكد بوتين
// أن …، داعيا … اثر محادثات مع نظيره ألكسندر لوكاشنكو»).
std::optional<size_t> SentenceRelations::counterpart_reference(size_t title_first) const {
  const uint8_t kPersons = type_bit(EntityType::Person);
  if (auto near = arg_before(title_first, kWindow * 2, kPersons, true)) return near;
  auto topic = arg_after(view_.first(), title_first, kPersons, true);
  if (topic && reported_speech_break(args_[*topic].end, title_first) && !comma_after_report(args_[*topic].end, title_first))
    return std::nullopt;
  return topic;
}

// The predicate and role already found for a person in this document («الرئيس الروسي بوتين»).
std::optional<std::pair<std::string, std::string>> SentenceRelations::role_of(uint32_t person) const {
  for (const Fact& f : ann_.facts) {
    if (f.subject != person || (f.predicate != "leader_of" && f.predicate != "official_of")) continue;
    for (const auto& [k, v] : f.attrs)
      if (k == "role") return std::make_pair(f.predicate, v);
  }
  return std::nullopt;
}

void SentenceRelations::role_facts() {
  for (const TitlePhrase& tp : titles_) {
    const TitleContext& ctx = tp.context;
    const Mention& pm = ann_.mentions[tp.person];
    std::optional<uint32_t> of = affiliation_entity(ctx);
    const lexicon::Role& role = lex_.roles[ctx.role];
    if (!of && role.predicate == "affiliated_with") {
      // «في مقال له بمجلة فورين بوليسي، أكد المحلل مكسيم ساموروكوف»: the outlet named before.
      if (auto org = arg_before(ctx.title_first, kWindow, type_bit(EntityType::Organization), true)) of = args_[*org].entity;
    }
    // «السيناتور ماركو روبيو»: a title that names its body by itself.
    if (!of && role.implied_of) of = entities_.gazetteer_entity(*role.implied_of, ann_);
    bool former = tp.former;
    double known = 1.0;
    if (!of && (role.predicate == "leader_of" || role.predicate == "official_of")) {
      // «رئيسة الوزراء تيريزا ماي»: a title that names no state, held by a known office holder.
      if (auto entry = ann_.entities[pm.entity].gazetteer) {
        // A title that also means something else names only its own office: «مستشار ترامب» is an
        // adviser, not the chancellor Trump.
        if (auto held = lex_.offices.held(*entry, role.predicate, doc_.date);
            held && (!role.own_office || held->office->role == role.role)) {
          of = entities_.gazetteer_entity(held->office->of, ann_);
          former |= held->former;
          known = 0.9;
        }
      }
    }
    if (!of && role.predicate == "counterpart" && tp.arg_first >= ctx.title_first) {
      // «محادثات مع نظيره ألكسندر لوكاشنكو»: the counterpart's state is the one the office table
      // gives them in the office of the person they are the counterpart of.
      auto reference = counterpart_reference(ctx.title_first);
      auto office = reference ? role_of(args_[*reference].entity) : std::nullopt;
      if (auto entry = ann_.entities[pm.entity].gazetteer; office && entry) {
        if (auto held = lex_.offices.held(*entry, office->first, doc_.date); held && !held->former) {
          of = entities_.gazetteer_entity(held->office->of, ann_);
          known = 0.9;
        }
      }
    }
    if (!of) continue;
    std::string predicate = role.predicate, role_name = role.role;
    double certainty = certainty_of(pm.method) * known;
    if (predicate == "counterpart") {
      if (tp.arg_first < ctx.title_first) continue;  // a counterpart's office is read forwards only
      // «التقى شويغو نظيره البيلاروسي خرينين»: Khrenin holds Shoigu's office in Belarus.
      auto reference = counterpart_reference(ctx.title_first);
      auto held = reference ? role_of(args_[*reference].entity) : std::nullopt;
      if (!held) continue;
      std::tie(predicate, role_name) = *held;
      certainty *= 0.9;
    }
    // «سفيرة واشنطن»: a capital or seat stands for its state where the office needs one.
    if (ann_.entities[*of].type == EntityType::Location && predicate != "leader_of" && ann_.entities[*of].stands_for)
      of = ann_.entities[*of].stands_for;
    EntityType of_type = ann_.entities[*of].type;
    if (role.organizations_only && of_type != EntityType::Organization) continue;
    // «المستشارة في البيت الأبيض إيفانكا ترامب» is an adviser: a title that also means something
    // else holds its own office only in a state.
    if (role.own_office && of_type != EntityType::Country) continue;
    bool fits = predicate == "affiliated_with" ? of_type == EntityType::Organization
              : predicate == "leader_of"       ? of_type != EntityType::Treaty && of_type != EntityType::Weapon
                                               : of_type == EntityType::Organization || of_type == EntityType::Country ||
                                                     (of_type == EntityType::Location && named_as_division(ctx));
    if (!fits) continue;
    std::vector<std::pair<std::string, std::string>> attrs{{"role", role_name}};
    // «الرئيس الفرنسي المقبل X»: an office not (yet) held.
    for (size_t t = ctx.title_end; t < pm.first_token; ++t) {
      if (lex_.hypothetical_cues.longest_at(doc_, t, pm.first_token)) {
        attrs.emplace_back("modality", "hypothetical");
        certainty *= 0.6;
        break;
      }
    }
    if (former) attrs.emplace_back("former", "true");
    emit(pm.entity, *of, predicate, tp.first, tp.end, 0.9 * certainty, std::move(attrs), "title:" + role.title);
  }
}

// The object of a pattern, given where its subject ended (`after_subject`).
std::optional<size_t> SentenceRelations::find_object(const Pattern& p, size_t trig_first, size_t trig_end,
                                                     size_t after_subject,
                                                     const std::vector<size_t>& subjects) const {
  for (const lexicon::Position& op : p.object.where) {
    Slot ow = op.slot;
    std::optional<size_t> o;
    switch (ow) {
      case Slot::Prep: o = arg_after_prep(after_subject, p.object); break;
      case Slot::Direct:
        o = arg_after(after_subject, after_subject + window_or(op, kWindow), p.object.types);
        if (o && !direct_object(*o)) o.reset();
        break;
      case Slot::After:
        o = arg_after(trig_end, trig_end + window_or(op, kWindow), p.object.types, op.window != 0);
        if (o && !genitive_after(trig_end, *o)) o.reset();
        break;
      case Slot::Before: o = antecedent_before(trig_first, window_or(op, kWindow), p.object.types, op.window != 0); break;
      case Slot::Topic: break;
      case Slot::Between:
        if (auto pair = between(trig_end, p.object.types)) o = pair->second;
        break;
    }
    if (o && (backs_another(*o, trig_end) || args_[*o].dropped)) continue;
    // «تحالف عسكري لوقف تقدم الحوثيين»: whom an alliance or agreement is against is no partner.
    if (o && lexicon::is_symmetric(p.predicate) && against_between(trig_end, args_[*o].first)) return std::nullopt;
    if (o && std::find(subjects.begin(), subjects.end(), *o) == subjects.end()) return o;
  }
  return std::nullopt;
}

bool SentenceRelations::reads_as_any(const lexicon::WordSet& set, size_t from, size_t to) const {
  for (size_t q = from; q < to; ++q)
    if (reads_as(set, q)) return true;
  return false;
}

bool SentenceRelations::conjunct_between(size_t from, size_t to) const {
  for (size_t q = from; q < to; ++q)
    if (view_.word(q).starts_with("\u0648") && !view_.mention_covering(q)) return true;
  return false;
}

// Whether an argument after a trigger is its genitive, not in a prepositional phrase of its own:
// «التحالف الدولي ضد تنظيم داعش» is no ally of the Islamic State. A preposition that ends the
// trigger is the trigger's («المدعومة من إيران», «المدعومة من القوات الروسية»: the nisba's head noun
// right after it); «في» locates a membership («عضويتها في مجلس الأمن»); «كلا من» names the objects.
bool SentenceRelations::genitive_after(size_t trig_end, size_t arg) const {
  if (conjoined(arg)) return false;  // «القوات التركية وحلفائها ووحدات حماية الشعب»: a new conjunct
  if (direct_object(arg) || view_.word(args_[arg].first - 1) == kFi) return true;
  size_t head = args_[arg].first;
  if (args_[arg].from_nisba && head > view_.first() && !view_.facts().nisba(head - 1)) --head;
  return head <= trig_end;
}

// Whether an argument opens with the conjunction و that is no letter of a name there («ووحدات
// حماية الشعب», «والإيرانيين», «ورئيس كوريا الجنوبية»; not «واشنطن»).
bool SentenceRelations::conjoined(size_t arg) const {
  const Arg& a = args_[arg];
  std::string_view w = view_.word(a.first);
  if (!w.starts_with("\u0648")) return false;
  auto m = view_.mention_covering(a.first);
  return !m || ann_.mentions[*m].begin > doc_.span_of_tokens(a.first, a.first + 1).begin;
}

// Whether an argument names the patron of the party before it, after the trigger that ends at
// `trig_end`: «الموالية لإيران», «المدعومة من روسيا», «المدعومين من قبل إيران».
bool SentenceRelations::backs_another(size_t arg, size_t trig_end) const {
  static const std::string kQibal = text::normalize_form("قبل");
  size_t q = args_[arg].first;
  if (q > view_.first() && view_.word(q - 1) == kQibal) --q;
  if (q > view_.first() && view_.word(q - 1) == kMin) --q;
  return q > trig_end && words().patrons.contains(view_.word(q - 1));
}

std::optional<size_t> SentenceRelations::try_pattern(const Pattern& p, size_t trig_first, size_t trig_end,
                                                     bool suffixed) {
  // «وطلب توسك من الدول الموقعة على الاتفاق أن ...»: an attributive participle states what its noun
  // is; the clause's request or plan does not reach it, only a negation right before it («غير»).
  // So does the noun it follows: «هدد بالانسحاب من الاتفاق الموقع بين إيران والدول الست».
  bool participle = reads_as(words().attributives, trig_first);
  bool attributive = participle || (trig_end < view_.end() && reads_as(words().attributives, trig_end));
  Modality modality = !attributive ? modality_before(trig_first)
                      : trig_first > view_.first() && lex_.negation_cues.longest_at(doc_, trig_first - 1, trig_first)
                          ? Modality::Negated
                          : Modality::Asserted;
  // «اللقاء المرتقب بين ترامب وكيم»: an adjective of time to come after the verbal noun.
  if (modality == Modality::Asserted && time_to_come(trig_end)) modality = Modality::Hypothetical;
  if (modality == Modality::Negated) return std::nullopt;
  // An argument read as the agent by its position under one subject slot is never the object
  // under the next: «الغزو الروسي» is Russia's invasion whatever else the sentence holds.
  std::vector<size_t> agents;
  std::optional<size_t> described_until;
  for (const lexicon::Position& sp : p.subject.where) {
    Slot sw = sp.slot;
    std::vector<size_t> subjects, objects;
    if (sw == Slot::Between) {
      auto pair = between(trig_end, p.subject.types, window_or(sp, kBetweenReach));
      if (!pair) continue;
      subjects = {pair->first};
      objects = extend_list(pair->second, p.object.types, true);
      // «بين الاتحاد الأوروبي وروسيا والصين»: every member with every other; not two sides.
      if (lexicon::is_symmetric(p.predicate) && !sides_after(pair->first))
        subjects.insert(subjects.end(), objects.begin(), objects.end());
    } else {
      // «تنضوي في إطار المنظمة (روسيا وكازاخستان ...)»: when both come after the trigger and
      // the object is the one next to it, the subject follows the object.
      size_t subject_from = trig_end;
      std::optional<size_t> early_object;
      if (sw == Slot::After && p.object.where.front() == Slot::After) {
        early_object = arg_after(trig_end, trig_end + window_or(p.object.where.front(), kWindow), p.object.types);
        if (!early_object) continue;
        subject_from = args_[*early_object].end;
      }
      std::optional<size_t> s;
      // A verbal noun's agent may follow a modifier: «الزيارة الأخيرة التي قام بها الوزير».
      if (sw == Slot::After)
        while (subject_from < view_.end() && view_.facts().modifier(subject_from)) ++subject_from;
      if (sw == Slot::Prep) {  // «تلقت المنظمة طلبا من قيرغيزستان»: the subject after من
        s = arg_after_prep(trig_end, p.subject);
      } else if (sw == Slot::Topic) {
        s = arg_after(view_.first(), trig_first, p.subject.types, /*cross=*/true);
        // «وأشار الرزاز إلى أن لقاء كوشنر ...»: the speaker is not the topic of what is reported,
        // unless a comma has closed the report: «أكد بوتين أن ...، داعيا ... اثر محادثات مع».
        if (s && reported_speech_break(args_[*s].end, trig_first) && !comma_after_report(args_[*s].end, trig_first))
          continue;
      } else if (sw == Slot::After && adjacent_subject(trig_first, p)) {
        continue;  // «واشنطن تحذر أنقرة»: an actor right before the verb is its subject (SVO)
      } else if (sw == Slot::After && subject_from < view_.end() && reads_as(words().target_nouns, subject_from)) {
        continue;  // «استهدفت مواقع لميليشيات حزب الله»: the target comes first, whose party is no agent
      } else if (sw == Slot::After) {
        size_t limit = std::min(subject_from + window_or(sp, kSubjectAfter), first_prep(p.object, trig_end));
        s = arg_after(subject_from, limit, p.subject.types);
        // «وتضم مجموعة الدول الست، الدول دائمة العضوية في مجلس الأمن، (الولايات المتحدة، ...)»:
        // the members named in an apposition after a description of them.
        if (!s && p.subject.list && early_object) {
          s = apposition_list(subject_from, p.subject.types);
          // The description is a clause of its own, read after this one («دائمة العضوية في»).
          if (s) described_until = subject_from;
        }
      } else {
        s = arg_before(trig_first, window_or(sp, kSubjectBefore), p.subject.types, sp.window != 0);
        // «وتحدث بومبيو للصحفيين في الطائرة، عن زيارتيه إلى ...»: the pronoun's referent, the one
        // argument of the right type earlier in the sentence, across commas but not reported speech.
        if (!s && suffixed) s = only_arg_before(trig_first, p.subject.types);
      }
      // An argument before the trigger inside a prepositional phrase is no subject: «... في
      // بيلاروسيا كان ثمرة اتفاق». (After a verbal noun, «من» may introduce the agent.)
      // A participle describes the noun right before it whatever governs that noun: «طلب توسك من
      // الدول الموقعة على الاتفاق», «ضد الحوثيين المدعومين من إيران».
      // «مقتل أربعة جنود روس جراء هجوم»: what befalls those named before an attack's phrase of cause
      // is the attack's, they are its victims, not its agents (a suffixed trigger's pronoun does
      // refer back; talks «إثر محادثات» are those of whoever held the press conference before).
      if (s && sw == Slot::Before && !suffixed && p.predicate == "attacked" && trig_first > view_.first() &&
          reads_as(words().cause_prepositions, trig_first - 1))
        continue;
      bool described = s && participle && args_[*s].end == trig_first;
      // «القوات الأوكرانية والانفصاليين الموالين لروسيا»: a conjunct between is the participle's noun.
      if (s && participle && sw == Slot::Before && conjunct_between(args_[*s].end, trig_first)) continue;
      if (s && sw == Slot::Before && ((governed(*s) && !described) || reacts(*s, trig_first))) continue;
      if (!s || args_[*s].target || (args_[*s].dropped && trig_first > dropped_reach_)) continue;
      if ((sw == Slot::After || sw == Slot::Before) && !lexicon::is_symmetric(p.predicate)) agents.push_back(*s);
      // Every argument slot takes an enumeration: «وقع رؤساء روسيا وإيران وكازاخستان اتفاقا».
      subjects = extend_list(*s, p.subject.types, sw == Slot::After);
      // «ملاحقات ضد السلطة الفلسطينية ومنظمة التحرير بشأن ست هجمات»: the whole list is governed.
      if (sw == Slot::Before &&
          std::any_of(subjects.begin(), subjects.end(), [&](size_t i) { return governed(i); })) {
        if (!described) continue;
        if (args_[*s].group == 0) subjects = {*s};
      }
      size_t after_subject = sw == Slot::After || sw == Slot::Prep ? args_[*std::max_element(subjects.begin(), subjects.end())].end : trig_end;
      // «مظليين روس في إطار قوة ... التابعة لمنظمة معاهدة الأمن الجماعي»: the body the subject acts
      // within acts too.
      if (auto partner = lexicon::is_symmetric(p.predicate) ? std::nullopt : framework_partner(args_[subjects.back()].end);
          partner && accepts(args_[*partner], p.subject.types)) {
        subjects.push_back(*partner);
        if (sw == Slot::After) after_subject = std::max(after_subject, args_[*partner].end);
      }
      if (sw == Slot::After) after_subject = past_apposition(args_[*s].first, after_subject);
      std::vector<size_t> not_objects = subjects;
      not_objects.insert(not_objects.end(), agents.begin(), agents.end());
      std::optional<size_t> object = early_object ? early_object : find_object(p, trig_first, trig_end, after_subject, not_objects);
      if (object) {
        objects = extend_list(*object, p.object.types, true);
        // The object list ends where it runs on into the subjects' own apposition («الدول الثلاث
        // الموقعة على الاتفاق مع إيران، بريطانيا وفرنسا وألمانيا») or at a conjunct that a participle of
        // its own describes, heading a new phrase («المدعومة من السعودية والحوثيين المدعومين من إيران»).
        auto ends_list = [&](size_t o) {
          bool subject = std::any_of(subjects.begin(), subjects.end(), [&](size_t i) { return args_[i].entity == args_[o].entity; });
          return subject || (args_[o].end < view_.end() && reads_as(words().attributives, args_[o].end));
        };
        objects.erase(std::find_if(objects.begin() + 1, objects.end(), ends_list), objects.end());
        // «بقصف أهداف إسرائيلية في الجولان»: the place of the targets is attacked too.
        if (auto place = place_of_targets(objects, p.object)) objects.push_back(*place);
      } else if (lexicon::is_symmetric(p.predicate) && subjects.size() > 1 &&
                 // An object the pattern wants right after the trigger is never the subjects' own
                 // («السعودية والكويت قدمتا دعما بقيمة ...» is no alliance of the two).
                 p.object.where.front().slot != Slot::After &&
                 // «استقبلهم ترامب وماكرون»: whom they met is the pronoun; they did not meet each
                 // other («تعاونهما», «الاتفاق الذي أبرمه ترامب وكيم» are the parties' own).
                 !(suffixed && p.predicate == "met_with" && !view_.word(trig_end - 1).ends_with("\u0647\u0645\u0627")) &&
                 (sw == Slot::After ? mutual_parties(p, trig_first, after_subject)
                                    : sw == Slot::Before && first_prep(p.object, trig_end) == view_.end() &&
                                          !clitic_prep_at(trig_end, p.object))) {
        objects = subjects;  // «التقى X و Y»: the members with each other
      } else {
        continue;
      }
    }
    size_t last_end = trig_end;
    for (size_t i : subjects) last_end = std::max(last_end, args_[i].first);
    for (size_t i : objects) last_end = std::max(last_end, args_[i].first);
    // The required word may also follow the arguments: «زودت إيران الحوثيين بالأسلحة».
    size_t search_end = (last_end > trig_end ? last_end : trig_end + kWindow) + 3;
    std::optional<size_t> required = required_word(p, trig_end, search_end);
    if (p.requires_words.size() > 0 && !required) return std::nullopt;
    std::vector<std::pair<std::string, std::string>> attrs;
    if (!p.attribute.empty()) attrs.emplace_back(p.attribute, attribute_value(*required, trig_first, search_end));
    size_t match_end = trig_end;
    for (size_t i : subjects) match_end = std::max(match_end, args_[i].end);
    for (size_t i : objects) match_end = std::max(match_end, args_[i].end);
    if (modality == Modality::Asserted && present_tense(trig_first) && time_to_come(match_end))
      modality = Modality::Hypothetical;  // «ترامب يلتقي بوتين قريبا»
    emit_all(p, subjects, objects, trig_first, trig_end, modality, attrs);
    // «القصف المتبادل بين إسرائيل وإيران»: each party did it to the other.
    if (!lexicon::is_symmetric(p.predicate) && reads_as_any(words().mutuals, trig_first, trig_end))
      emit_all(p, objects, subjects, trig_first, trig_end, modality, attrs);
    if (p.predicate == "signed_agreement_with") signatories(p, subjects, objects, trig_end, modality, std::move(attrs));
    // «الحكومة السورية وحلفاؤها الروس»: the allies' own trigger is read after this match.
    for (size_t i = 1; i < objects.size(); ++i)
      if (args_[objects[i]].first > view_.first() && words().allies_glue.contains(view_.word(args_[objects[i]].first - 1)))
        described_until = std::min(described_until.value_or(match_end), args_[objects[i]].first - 1);
    return described_until.value_or(match_end);
  }
  return std::nullopt;
}

void SentenceRelations::emit_all(const Pattern& p, const std::vector<size_t>& subjects, const std::vector<size_t>& objects,
                                 size_t trig_first, size_t trig_end, Modality modality,
                                 std::vector<std::pair<std::string, std::string>> attrs) {
  double factor = 1.0;
  if (modality == Modality::Hypothetical) {
    attrs.emplace_back("modality", "hypothetical");
    factor = 0.6;
  }
  for (size_t si : subjects) {
    for (size_t oi : objects) {
      const Arg& s = args_[si];
      const Arg& o = args_[oi];
      if (s.group != 0 && s.group == o.group) continue;  // the members of one group are one party
      size_t first = std::min({s.first, o.first, trig_first});
      size_t end = std::max({s.end, o.end, trig_end});
      size_t distance = end - first;
      double dist_factor = std::max(0.5, 1.0 - 0.02 * (distance > 3 ? distance - 3 : 0));
      emit(*accepts(s, p.subject.types), *accepts(o, p.object.types), p.predicate, first, end,
           p.confidence * dist_factor * s.certainty * o.certainty * factor, attrs, p.origin);
    }
  }
}

// «أبرم الاتفاق النووي ... بين إيران والدول العظمى»: the states that sign a treaty named right
// after the trigger are its parties (member_of), as «الدول الموقعة على الاتفاق» are.
void SentenceRelations::signatories(const Pattern& p, const std::vector<size_t>& subjects,
                                    const std::vector<size_t>& objects, size_t trig_end, Modality modality,
                                    std::vector<std::pair<std::string, std::string>> attrs) {
  constexpr size_t kTreatyReach = 2;
  const uint8_t treaty = type_bit(EntityType::Treaty), parties = type_bit(EntityType::Country) | type_bit(EntityType::Organization);
  std::optional<size_t> named;
  for (size_t i = 0; i < args_.size() && !named; ++i)
    if (args_[i].first >= trig_end && args_[i].first <= trig_end + kTreatyReach && accepts(args_[i], treaty)) named = i;
  if (!named) return;
  Pattern member = p;
  member.predicate = "member_of";
  member.subject.types = parties;
  member.object.types = treaty;
  member.origin = p.origin + "+signatories";
  std::vector<size_t> signers;
  for (size_t i : subjects) if (accepts(args_[i], parties)) signers.push_back(i);
  for (size_t i : objects) if (accepts(args_[i], parties)) signers.push_back(i);
  emit_all(member, signers, {*named}, trig_end, trig_end, modality, std::move(attrs));
}

void SentenceRelations::pattern_facts() {
  const auto& patterns = lex_.patterns;
  for (size_t t = view_.first(); t < view_.end(); ++t) {
    if (view_.mention_covering(t)) continue;
    // Triggers at this word, longest first («ويضم إلى» for annexed, then «ويضم» for member_of);
    // the first that yields facts wins.
    std::vector<lexicon::PhraseMatch> triggers = patterns.triggers().all_at(doc_, t, view_.end());
    if (triggers.empty() || idiom_at(t)) continue;
    size_t resume = triggers.front().end_token;
    for (const lexicon::PhraseMatch& trig : triggers) {
      std::optional<size_t> matched;
      for (uint32_t pi : patterns.patterns_of(trig.value)) {
        if (auto end = try_pattern(patterns[pi], t, trig.end_token, patterns.suffixed(trig.value)))
          matched = std::max(matched.value_or(0), *end);
      }
      // A clause read by one pattern is not read again by a trigger inside it: «تلقت المنظمة
      // طلبا من قيرغيزستان» is not also «المنظمة طلبا من».
      if (matched) {
        resume = std::max(trig.end_token, *matched);
        break;
      }
    }
    t = resume - 1;
  }
}

// Whether an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) is later than the article's, compared to the
// precision both have.
bool after_publication(const std::string& date, const std::string& published) {
  if (date.empty() || published.empty()) return false;
  size_t n = std::min(date.size(), published.size());
  return date.compare(0, n, published, 0, n) > 0;
}

// Whether a date stands in a fact's clause: within the words it matched or right after them
// («اللقاء بين X و Y في مايو المقبل»), not in another clause of the sentence.
bool dates_fact(const SentenceDate& date, const Fact& f) {
  constexpr size_t kAfter = 48;  // bytes: about four Arabic words
  return date.begin >= f.begin && date.begin <= f.end + kAfter;
}

// For each sentence, what the document named in the sentences before it: the one treaty, if it
// named exactly one («الاتفاق» refers back to it), and the last two states («البلدين»).
std::vector<NamedBefore> named_before(const text::Document& doc, const Annotations& ann) {
  std::vector<std::vector<uint32_t>> named(doc.sentences.size());
  for (const Mention& m : ann.mentions) {
    EntityType type = ann.entities[m.entity].type;
    if ((type == EntityType::Treaty || type == EntityType::Country) && m.sentence < named.size())
      named[m.sentence].push_back(m.entity);
  }
  std::vector<NamedBefore> before(doc.sentences.size());
  std::optional<uint32_t> treaty, last, second;
  bool several = false;
  for (size_t s = 0; s < named.size(); ++s) {
    before[s].treaty = several ? std::nullopt : treaty;
    if (last && second) before[s].pair = std::make_pair(*second, *last);
    for (uint32_t e : named[s]) {
      if (ann.entities[e].type == EntityType::Treaty) {
        if (treaty && *treaty != e) several = true;
        treaty = e;
      } else if (e != last) {
        second = last;
        last = e;
      }
    }
  }
  return before;
}

}  // namespace

RelationExtractor::RelationExtractor(const lexicon::Lexicon& lex, const EntityRecognizer& entities, SentenceDater dater)
    : lex_(lex), entities_(entities), dater_(std::move(dater)) {}

void RelationExtractor::extract(const text::Document& doc, const TokenFacts& facts, Annotations& ann) const {
  const std::vector<NamedBefore> named = named_before(doc, ann);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    size_t before = ann.facts.size();
    SentenceRelations rel(doc, facts, s, ann, lex_, entities_, named[s]);
    rel.role_facts();
    rel.pattern_facts();
    date_facts(doc, ann, before);
  }
}

void RelationExtractor::date_facts(const text::Document& doc, Annotations& ann, size_t first) const {
  std::optional<uint32_t> dated;
  SentenceDate date;
  for (size_t f = first; f < ann.facts.size(); ++f) {
    Fact& fact = ann.facts[f];
    if (fact.sentence != dated) {
      date = dater_ ? dater_(doc, fact.sentence) : SentenceDate{};
      dated = fact.sentence;
    }
    if (date.kind == SentenceDate::Kind::At && after_publication(date.iso, doc.date) && dates_fact(date, fact)) {
      // «في مايو المقبل»: a date after the article's is what was planned for then, not a fact;
      // an office named in the sentence is held now.
      fact.date = doc.date;
      if (fact.pattern.starts_with("title:")) continue;
      fact.attrs.emplace_back("planned_for", date.iso);
      if (!has_attr(fact, "modality")) fact.attrs.emplace_back("modality", "planned");
      continue;
    }
    fact.date = date.iso.empty() ? doc.date : date.iso;
    if (date.kind == SentenceDate::Kind::Since) fact.attrs.emplace_back("since", date.iso);
    if (date.kind == SentenceDate::Kind::Until) fact.attrs.emplace_back("until", date.iso);
  }
}

}  // namespace rawabit::extract
