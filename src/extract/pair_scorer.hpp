// The learned pair scorer: a second relation stage after the rules (extract/relations.hpp).
//
// Candidates are ordered pairs of entity mentions in one sentence, at most kMaxPairDistance
// words apart, whose types some predicate allows (the masks the model was trained with), that a
// trigger of the pattern table or a title within four words of the pair cues for such a
// predicate, and that no rule fact of the sentence already relates. Each candidate is described by hashed
// sparse features (pair_features below) and scored by a multiclass linear model over NONE and
// the predicates; the best allowed predicate becomes a fact (pattern "scorer") when its score
// beats NONE's by more than the model's threshold. Negation and hypothetical cues of the
// modality lexicon in the pair's clause mark the fact as the rules would (a negated pair is
// dropped); the caller dates the facts.
//
// The model file (schema/models/relations.bin, format in schema/models/README.md) is written by
// `rawabit train-relations` (extract/pair_scorer_train.hpp). Read-only after loading: score()
// may be called from several threads.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/annotations.hpp"
#include "extract/token_facts.hpp"
#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

constexpr size_t kMaxPairDistance = 30;  // words between the two mentions of a candidate

// The predicates a model scores, and the entity types each allows (bit per EntityType,
// lexicon::type_bit). Class 0 is NONE.
struct PredicateClass {
  std::string name;
  uint8_t subject_types = 0, object_types = 0;
};

// The classes of a new model: NONE, then every predicate of the pattern table and of the role
// table, each allowing the union of the types its patterns allow (roles: a person of a state,
// organization or place).
std::vector<PredicateClass> classes_from_lexicon(const lexicon::Lexicon& lex);

// One candidate pair: the mentions (indices into Annotations::mentions), their entities, the
// classes its types allow (bit per class; bit 0, NONE, always set) and its hashed features.
struct PairCandidate {
  uint32_t subject_mention, object_mention;
  uint32_t subject, object;
  uint32_t sentence;
  uint64_t allowed = 1;
  std::vector<uint64_t> features;
};

// What the features read of a sentence, computed once per sentence for all its pairs.
class SentenceCues {
 public:
  // `mentions`: the sentence's (indices into ann.mentions).
  SentenceCues(const text::Document& doc, const lexicon::Lexicon& lex, const Annotations& ann, uint32_t sentence,
               const std::vector<uint32_t>& mentions);
  struct Trigger {
    std::string form;                    // the trigger's first word, clitics removed
    std::vector<std::string> predicates; // the patterns it triggers
  };
  // The trigger starting at token t, or nullptr.
  const Trigger* trigger_at(size_t t) const;
  // The mention covering token t (index into Annotations::mentions), or -1.
  int32_t mention_covering(size_t t) const { return t < first_ || t >= end_ ? -1 : covering_[t - first_]; }
  size_t first() const { return first_; }
  size_t end() const { return end_; }

 private:
  size_t first_, end_;
  std::vector<int32_t> trigger_of_;      // per token of the sentence: index into triggers_, or -1
  std::vector<Trigger> triggers_;
  std::vector<int32_t> covering_;
};

// The hash of one feature: a family (`tag`: "between", "trigger" …) and its value.
uint64_t pair_feature(std::string_view tag, std::string_view value);

// The hashed features of the pair (subject mention `s`, object mention `o`) of one sentence.
// Feature list: docs/relations.md, "Learned pair scorer".
std::vector<uint64_t> pair_features(const text::Document& doc, const TokenFacts& facts, const lexicon::Lexicon& lex,
                                    const Annotations& ann, const SentenceCues& cues, const Mention& s,
                                    const Mention& o);

// Every candidate pair of the document, with its features, for the given classes.
// `rule_related_too`: also the pairs a rule fact relates (training on the rules' own output).
std::vector<PairCandidate> pair_candidates(const text::Document& doc, const TokenFacts& facts,
                                           const lexicon::Lexicon& lex, const Annotations& ann,
                                           const std::vector<PredicateClass>& classes, bool rule_related_too = false);

class PairScorer {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  PairScorer() = default;
  PairScorer(std::vector<PredicateClass> classes, uint32_t hash_bits);

  // Throws rawabit::Error naming the file for a missing, truncated or foreign file, or one of
  // another format version (naming both versions).
  static PairScorer load(const std::filesystem::path& file);
  void save(const std::filesystem::path& file) const;

  const std::vector<PredicateClass>& classes() const { return classes_; }
  uint32_t hash_bits() const { return hash_bits_; }
  double threshold() const { return threshold_; }
  void set_threshold(double t) { threshold_ = t; }
  bool empty() const { return weights_.empty(); }

  // The score of every class for these features (classes().size() values).
  void scores(const std::vector<uint64_t>& features, std::vector<float>& out) const;
  // The best predicate the candidate allows (a class index > 0) and its margin over NONE.
  std::pair<uint32_t, float> best(const PairCandidate& c, std::vector<float>& buffer) const;

  // Adds the facts the model finds above its threshold to `ann` (undated), after the rules.
  void extract(const text::Document& doc, const TokenFacts& facts, const lexicon::Lexicon& lex,
               Annotations& ann) const;

  // The weight row of a feature (classes().size() floats), for training.
  float* row(uint64_t feature) { return &weights_[(feature & mask_) * classes_.size()]; }
  const float* row(uint64_t feature) const { return &weights_[(feature & mask_) * classes_.size()]; }
  std::vector<float>& weights() { return weights_; }

 private:
  std::vector<PredicateClass> classes_;
  uint32_t hash_bits_ = 0;
  uint64_t mask_ = 0;
  double threshold_ = 0;
  std::vector<float> weights_;  // 2^hash_bits rows of classes_.size()
};

}  // namespace rawabit::extract
