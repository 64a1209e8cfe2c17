#include "extract/pair_scorer.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <tuple>

#include "extract/titles.hpp"
#include "text/clitics.hpp"

namespace rawabit::extract {

namespace {

constexpr size_t kTriggerReach = 4;   // words before the first and after the second mention read for triggers
constexpr size_t kModalityReach = 8;  // words before the first mention read for modality cues

}  // namespace

// FNV-1a over a tag and a value: the tag keeps feature families apart.
uint64_t pair_feature(std::string_view tag, std::string_view value) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  };
  mix(tag);
  h = (h ^ 0x1f) * 1099511628211ull;
  mix(value);
  return h;
}

namespace {

std::string bucket(size_t n, std::initializer_list<size_t> bounds) {
  for (size_t b : bounds)
    if (n <= b) return "<=" + std::to_string(b);
  return ">";
}

// The shortest proclitic reading of a word: «وبروسيا» → «روسيا».
std::string stem_of(std::string_view word) {
  std::string stem(word);
  text::for_each_reading(word, [&](std::string_view form, size_t) {
    if (form.size() < stem.size()) stem = form;
  });
  return stem;
}

enum class PairModality { Asserted, Hypothetical, Negated };

// Cues of the modality lexicon from a few words before the first mention (not crossing a comma
// or clause mark) up to the second: «لم يلتق X Y», «من المتوقع أن يزور X Y».
PairModality pair_modality(const text::Document& doc, const lexicon::Lexicon& lex, size_t sentence_first,
                           size_t first, size_t second) {
  size_t from = first;
  while (from > sentence_first && first - from < kModalityReach) {
    std::string_view w = doc.word(from - 1);
    if (is_comma(w) || w == ":" || w == "\u061B" || w == ".") break;
    --from;
  }
  PairModality found = PairModality::Asserted;
  for (size_t q = from; q < second; ++q) {
    if (lex.negation_cues.longest_at(doc, q, second)) return PairModality::Negated;
    if (lex.hypothetical_cues.longest_at(doc, q, second)) found = PairModality::Hypothetical;
  }
  return found;
}

std::string_view type_tag(EntityType t) { return lexicon::type_name(t); }

}  // namespace

std::vector<PredicateClass> classes_from_lexicon(const lexicon::Lexicon& lex) {
  std::vector<PredicateClass> classes{{"NONE", 0, 0}};
  auto class_of = [&](const std::string& name) -> PredicateClass& {
    for (PredicateClass& c : classes)
      if (c.name == name) return c;
    classes.push_back({name, 0, 0});
    return classes.back();
  };
  for (size_t i = 0; i < lex.patterns.size(); ++i) {
    const lexicon::Pattern& p = lex.patterns[i];
    PredicateClass& c = class_of(p.predicate);
    c.subject_types |= p.subject.types;
    c.object_types |= p.object.types;
  }
  // The roles come from titles, not patterns: a person of a state, organization or place.
  const uint8_t person = lexicon::type_bit(EntityType::Person);
  const uint8_t holders = lexicon::type_bit(EntityType::Country) | lexicon::type_bit(EntityType::Organization) |
                          lexicon::type_bit(EntityType::Location);
  for (size_t i = 0; i < lex.roles.size(); ++i) {
    if (!lexicon::is_known_predicate(lex.roles[i].predicate)) continue;  // «نظيره» copies another's office
    PredicateClass& c = class_of(lex.roles[i].predicate);
    c.subject_types |= person;
    c.object_types |= holders;
  }
  std::sort(classes.begin() + 1, classes.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return classes;
}

SentenceCues::SentenceCues(const text::Document& doc, const lexicon::Lexicon& lex, const Annotations& ann,
                           uint32_t sentence, const std::vector<uint32_t>& mentions)
    : first_(doc.sentences[sentence].first_token),
      end_(doc.sentences[sentence].end_token),
      trigger_of_(end_ - first_, -1),
      covering_(end_ - first_, -1) {
  for (uint32_t i : mentions) {
    const Mention& m = ann.mentions[i];
    for (size_t t = std::max<size_t>(m.first_token, first_); t < std::min<size_t>(m.end_token, end_); ++t)
      covering_[t - first_] = static_cast<int32_t>(i);
  }
  const lexicon::PatternTable& patterns = lex.patterns;
  for (size_t t = first_; t < end_; ++t) {
    auto m = patterns.triggers().longest_at(doc, t, end_);
    if (!m) continue;
    Trigger trig{std::string(doc.word(t).substr(m->stem_offset)), {}};
    for (uint32_t p : patterns.patterns_of(m->value)) {
      const std::string& name = patterns[p].predicate;
      if (std::find(trig.predicates.begin(), trig.predicates.end(), name) == trig.predicates.end())
        trig.predicates.push_back(name);
    }
    trigger_of_[t - first_] = static_cast<int32_t>(triggers_.size());
    triggers_.push_back(std::move(trig));
  }
}

const SentenceCues::Trigger* SentenceCues::trigger_at(size_t t) const {
  if (t < first_ || t >= end_ || trigger_of_[t - first_] < 0) return nullptr;
  return &triggers_[trigger_of_[t - first_]];
}

std::vector<uint64_t> pair_features(const text::Document& doc, const TokenFacts& facts, const lexicon::Lexicon& lex,
                                    const Annotations& ann, const SentenceCues& cues, const Mention& s,
                                    const Mention& o) {
  std::vector<uint64_t> out;
  out.reserve(96);
  auto add = [&](std::string_view tag, std::string_view value) { out.push_back(pair_feature(tag, value)); };
  const bool subject_first = s.first_token < o.first_token;
  const Mention& a = subject_first ? s : o;
  const Mention& b = subject_first ? o : s;
  const std::string order = subject_first ? "so" : "os";
  const std::string stype(type_tag(ann.entities[s.entity].type)), otype(type_tag(ann.entities[o.entity].type));
  const size_t gap = b.first_token - a.end_token;

  add("bias", "");
  add("types", stype + ">" + otype + "/" + order);
  add("methods", s.method + ">" + o.method);
  add("dist", bucket(gap, {0, 1, 2, 3, 5, 8, 12, 20}) + order);
  add("dist-types", bucket(gap, {1, 3, 8, 15}) + stype + ">" + otype);

  // The words between: as they are, stripped of proclitics, and other mentions by type.
  size_t others = 0;
  bool comma = false, glue = false, relative = false, clause = false;
  for (size_t t = a.end_token; t < b.first_token; ++t) {
    std::string_view w = doc.word(t);
    if (int32_t m = cues.mention_covering(t); m >= 0) {
      if (ann.mentions[m].first_token == t || t == a.end_token) {
        ++others;
        add("between-mention", type_tag(ann.entities[ann.mentions[m].entity].type));
      }
      continue;
    }
    add("between", w);
    std::string stem = stem_of(w);
    if (stem != w) add("between-stem", stem);
    if (facts.title(t)) add("between-title", order);
    if (facts.nisba(t)) add("between-nisba", order);
    comma |= is_comma(w);
    glue |= lex.relation_words.list_glue.contains(w) || w == "\u0648";
    relative |= lex.relation_words.relatives.contains(w) || lex.relation_words.coordinated_relatives.contains(w);
    clause |= lex.relation_words.clause_words.contains(w);
  }
  add("others", bucket(others, {0, 1, 2}));
  if (comma) add("comma", order);
  if (glue) add("glue", order);
  if (relative) add("relative", order);
  if (clause) add("clause", order);
  if (gap <= 2 && (comma || glue) && others == 0) add("enumeration", stype + otype);
  if (gap > 0) {
    add("after-first", doc.word(a.end_token));
    add("before-second", doc.word(b.first_token - 1));
    if (lex.relation_words.prepositions.contains(doc.word(b.first_token - 1)))
      add("prep-second", std::string(doc.word(b.first_token - 1)) + order);
  }
  if (gap == 0) add("adjacent", order);

  // The context outside the pair.
  add("before-first", a.first_token > cues.first() ? doc.word(a.first_token - 1) : "<s>");
  add("after-second", b.end_token < cues.end() ? doc.word(b.end_token) : "</s>");
  if (a.first_token > cues.first() && facts.title(a.first_token - 1)) add("title-before-first", order);
  if (b.end_token < cues.end() && facts.nisba(b.end_token)) add("nisba-after-second", order);
  if (a.first_token > cues.first() + 1) add("before-first-2", doc.word(a.first_token - 2));

  // Proclitics on the mentions' words (the span starts after them): «لروسيا», «بالرئيس».
  auto proclitic = [&](const Mention& m) {
    auto word_span = doc.span_of_tokens(m.first_token, m.first_token + 1);
    return m.begin > word_span.begin ? stem_of(doc.text.substr(word_span.begin, m.begin - word_span.begin)) : "";
  };
  add("subject-clitic", proclitic(s));
  add("object-clitic", proclitic(o));

  // Trigger words of the pattern table before, between and after the pair.
  size_t from = a.first_token > cues.first() + kTriggerReach ? a.first_token - kTriggerReach : cues.first();
  size_t to = std::min(cues.end(), b.end_token + kTriggerReach);
  for (size_t t = from; t < to; ++t) {
    const SentenceCues::Trigger* trig = cues.trigger_at(t);
    if (!trig) continue;
    const char* region = t < a.first_token ? "pre" : t < b.first_token ? "mid" : "post";
    add("trigger-form", trig->form + region);
    for (const std::string& p : trig->predicates) {
      add("trigger", p + region);
      add("trigger-order", p + region + order);
      add("trigger-types", p + stype + ">" + otype);
    }
  }

  switch (pair_modality(doc, lex, cues.first(), a.first_token, b.first_token)) {
    case PairModality::Negated: add("modality", "negated"); break;
    case PairModality::Hypothetical: add("modality", "hypothetical"); break;
    case PairModality::Asserted: break;
  }
  return out;
}

std::vector<PairCandidate> pair_candidates(const text::Document& doc, const TokenFacts& facts,
                                           const lexicon::Lexicon& lex, const Annotations& ann,
                                           const std::vector<PredicateClass>& classes, bool rule_related_too) {
  std::vector<PairCandidate> out;
  std::vector<std::vector<uint32_t>> by_sentence(doc.sentences.size());
  for (uint32_t i = 0; i < ann.mentions.size(); ++i)
    if (ann.mentions[i].sentence < by_sentence.size()) by_sentence[ann.mentions[i].sentence].push_back(i);
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> related;  // sentence, entities in order
  for (const Fact& f : ann.facts) related.emplace(f.sentence, std::min(f.subject, f.object), std::max(f.subject, f.object));

  auto class_bit = [&](const std::string& predicate) -> uint64_t {
    for (size_t k = 1; k < classes.size(); ++k)
      if (classes[k].name == predicate) return uint64_t{1} << k;
    return 0;
  };
  for (uint32_t sent = 0; sent < by_sentence.size(); ++sent) {
    const auto& ms = by_sentence[sent];
    if (ms.size() < 2) continue;
    std::optional<SentenceCues> cues;
    // Per token of the sentence: the classes a trigger or a title starting there cues.
    std::vector<uint64_t> cued;
    const size_t first = doc.sentences[sent].first_token, end = doc.sentences[sent].end_token;
    for (uint32_t i : ms) {
      for (uint32_t j : ms) {
        const Mention &s = ann.mentions[i], &o = ann.mentions[j];
        if (s.entity == o.entity) continue;
        const Mention& a = s.first_token < o.first_token ? s : o;
        const Mention& b = s.first_token < o.first_token ? o : s;
        if (b.first_token < a.end_token || b.first_token - a.end_token > kMaxPairDistance) continue;
        if (!rule_related_too && related.count({sent, std::min(s.entity, o.entity), std::max(s.entity, o.entity)})) continue;
        uint64_t allowed = 1;
        const uint8_t st = lexicon::type_bit(ann.entities[s.entity].type), ot = lexicon::type_bit(ann.entities[o.entity].type);
        for (size_t c = 1; c < classes.size(); ++c)
          if ((classes[c].subject_types & st) && (classes[c].object_types & ot)) allowed |= uint64_t{1} << c;
        if (allowed == 1) continue;
        if (!cues) {
          cues.emplace(doc, lex, ann, sent, ms);
          cued.assign(end - first, 0);
          for (size_t t = first; t < end; ++t) {
            if (const SentenceCues::Trigger* trig = cues->trigger_at(t))
              for (const std::string& p : trig->predicates) cued[t - first] |= class_bit(p);
            if (auto title = facts.title(t)) cued[t - first] |= class_bit(lex.roles[title->value].predicate);
          }
        }
        // Only the predicates a trigger or title near the pair names: the rest are what the
        // article says elsewhere, which no feature of this sentence can tell.
        uint64_t near = 0;
        for (size_t t = a.first_token > first + kTriggerReach ? a.first_token - kTriggerReach : first;
             t < std::min(end, b.end_token + kTriggerReach); ++t)
          near |= cued[t - first];
        allowed &= near | 1;
        if (allowed == 1) continue;
        out.push_back({i, j, s.entity, o.entity, sent, allowed, pair_features(doc, facts, lex, ann, *cues, s, o)});
      }
    }
  }
  return out;
}

PairScorer::PairScorer(std::vector<PredicateClass> classes, uint32_t hash_bits)
    : classes_(std::move(classes)),
      hash_bits_(hash_bits),
      mask_((uint64_t{1} << hash_bits) - 1),
      weights_((size_t{1} << hash_bits) * classes_.size(), 0.0f) {}

void PairScorer::scores(const std::vector<uint64_t>& features, std::vector<float>& out) const {
  out.assign(classes_.size(), 0.0f);
  for (uint64_t f : features) {
    const float* r = row(f);
    for (size_t c = 0; c < classes_.size(); ++c) out[c] += r[c];
  }
}

std::pair<uint32_t, float> PairScorer::best(const PairCandidate& c, std::vector<float>& buffer) const {
  scores(c.features, buffer);
  uint32_t top = 0;
  for (uint32_t k = 1; k < classes_.size(); ++k)
    if ((c.allowed >> k & 1) && (top == 0 || buffer[k] > buffer[top])) top = k;
  return {top, top ? buffer[top] - buffer[0] : 0.0f};
}

void PairScorer::extract(const text::Document& doc, const TokenFacts& facts, const lexicon::Lexicon& lex,
                         Annotations& ann) const {
  if (empty()) return;
  const size_t rule_facts = ann.facts.size();
  std::vector<float> buffer;
  for (const PairCandidate& c : pair_candidates(doc, facts, lex, ann, classes_)) {
    auto [k, margin] = best(c, buffer);
    if (k == 0 || margin <= threshold_) continue;
    const Mention &s = ann.mentions[c.subject_mention], &o = ann.mentions[c.object_mention];
    const Mention& a = s.first_token < o.first_token ? s : o;
    const Mention& b = s.first_token < o.first_token ? o : s;
    PairModality modality = pair_modality(doc, lex, doc.sentences[c.sentence].first_token, a.first_token, b.first_token);
    if (modality == PairModality::Negated) continue;
    uint32_t subject = c.subject, object = c.object;
    const std::string& predicate = classes_[k].name;
    if (lexicon::is_symmetric(predicate) && ann.entities[subject].key > ann.entities[object].key) std::swap(subject, object);
    // Above the threshold the confidence rises from 0.5 towards 0.8, under every rule's.
    double confidence = 0.5 + 0.3 * (1.0 - std::exp(-(margin - threshold_) / 4.0));
    std::vector<std::pair<std::string, std::string>> attrs;
    if (modality == PairModality::Hypothetical) {
      confidence *= 0.6;
      attrs.emplace_back("modality", "hypothetical");
    }
    bool merged = false;
    for (size_t f = rule_facts; f < ann.facts.size(); ++f) {
      Fact& fact = ann.facts[f];
      if (fact.sentence == c.sentence && fact.subject == subject && fact.object == object && fact.predicate == predicate) {
        if (confidence > fact.confidence) {
          fact.confidence = confidence;
          fact.attrs = attrs;
        }
        merged = true;
        break;
      }
    }
    if (merged) continue;
    ann.facts.push_back({subject, object, predicate, c.sentence, a.begin, b.end, confidence, "", std::move(attrs), "scorer"});
  }
}

}  // namespace rawabit::extract
