// The learned pair scorer on sentences and models written for these tests: its candidates and
// features, the model file, training on a tiny set, and the threshold.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "common/paths.hpp"
#include "extract/pair_scorer.hpp"
#include "extract/pair_scorer_train.hpp"

namespace rawabit::extract {
namespace {

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(schema_dir());
  return l;
}

const WordClasses& word_classes() {
  static const WordClasses c(lex());
  return c;
}

// A one-sentence document whose named words are mentions of entities of the given types, made
// by hand so that the test does not depend on the entity rules.
struct Sentence {
  text::Document doc;
  Annotations ann;

  Sentence(const std::string& s, const std::vector<std::pair<std::string, EntityType>>& names) {
    doc.text = s;
    text::analyze_text(doc);
    for (const auto& [name, type] : names) {
      const std::string form = text::normalize_form(name);
      for (size_t t = 0; t < doc.tokens.size(); ++t) {
        if (doc.word(t) != form) continue;
        auto span = doc.span_of_tokens(t, t + 1);
        uint32_t e = static_cast<uint32_t>(ann.entities.size());
        ann.entities.push_back({name, name, name, "", type, {}, {}, "test", {}});
        ann.mentions.push_back({e, 0, uint32_t(t), uint32_t(t + 1), span.begin, span.end, "gazetteer"});
        break;
      }
    }
  }
  std::vector<PairCandidate> candidates(const std::vector<PredicateClass>& classes) const {
    const TokenFacts facts(doc, lex(), word_classes());
    return pair_candidates(doc, facts, lex(), ann, classes);
  }
};

size_t class_index(const std::vector<PredicateClass>& classes, const std::string& name) {
  for (size_t k = 0; k < classes.size(); ++k)
    if (classes[k].name == name) return k;
  ADD_FAILURE() << "no class " << name;
  return 0;
}

bool has(const PairCandidate& c, std::string_view tag, std::string_view value) {
  return std::find(c.features.begin(), c.features.end(), pair_feature(tag, value)) != c.features.end();
}

const std::vector<PredicateClass>& classes() {
  static const std::vector<PredicateClass> c = classes_from_lexicon(lex());
  return c;
}

TEST(PairScorerClasses, NoneFirstThenThePredicatesWithTheirTypes) {
  ASSERT_GE(classes().size(), 10u);
  EXPECT_EQ(classes()[0].name, "NONE");
  const PredicateClass& met = classes()[class_index(classes(), "met_with")];
  EXPECT_EQ(met.subject_types, lexicon::type_bit(EntityType::Person));
  EXPECT_TRUE(met.object_types & lexicon::type_bit(EntityType::Person));
  const PredicateClass& leader = classes()[class_index(classes(), "leader_of")];
  EXPECT_TRUE(leader.subject_types & lexicon::type_bit(EntityType::Person));
  EXPECT_TRUE(leader.object_types & lexicon::type_bit(EntityType::Country));
}

TEST(PairCandidates, BothOrdersWithTheirTypesAndFeatures) {
  Sentence s("وقال المتحدث إن كوفالسكي التقى أمس بالعاصمة نوردبيرغ.",
             {{"كوفالسكي", EntityType::Person}, {"نوردبيرغ", EntityType::Person}});
  auto cands = s.candidates(classes());
  ASSERT_EQ(cands.size(), 2u);
  const PairCandidate& forward = cands[0].subject == 0 ? cands[0] : cands[1];
  const PairCandidate& backward = cands[0].subject == 0 ? cands[1] : cands[0];
  EXPECT_TRUE(forward.allowed >> class_index(classes(), "met_with") & 1);
  EXPECT_FALSE(forward.allowed >> class_index(classes(), "member_of") & 1);  // persons are not members
  EXPECT_TRUE(has(forward, "trigger", "met_withmid"));
  EXPECT_TRUE(has(forward, "trigger-order", "met_withmidso"));
  EXPECT_TRUE(has(backward, "trigger-order", "met_withmidos"));
  EXPECT_TRUE(has(forward, "between", text::normalize_form("أمس")));
  EXPECT_TRUE(has(forward, "between-stem", text::normalize_form("العاصمة")));  // «بالعاصمة» without ب
  EXPECT_TRUE(has(forward, "before-first", text::normalize_form("إن")));
  EXPECT_TRUE(has(forward, "types", "PERSON>PERSON/so"));
  EXPECT_FALSE(has(forward, "modality", "negated"));
}

TEST(PairCandidates, CliticsSplitAndCuesRead) {
  Sentence s("لم يكن لقاء كوفالسكي ونوردبيرغ، الذي وصل لفالدوريا، مثمرا.",
             {{"كوفالسكي", EntityType::Person}, {"ونوردبيرغ", EntityType::Person}, {"لفالدوريا", EntityType::Country}});
  auto cands = s.candidates(classes());
  auto pair = [&](uint32_t a, uint32_t b) -> const PairCandidate& {
    for (const PairCandidate& c : cands)
      if (c.subject == a && c.object == b) return c;
    ADD_FAILURE() << "no candidate " << a << " → " << b;
    return cands.front();
  };
  EXPECT_TRUE(has(pair(0, 1), "modality", "negated"));
  EXPECT_TRUE(has(pair(0, 1), "adjacent", "so"));
  EXPECT_TRUE(has(pair(1, 2), "relative", "so"));
  EXPECT_TRUE(has(pair(1, 2), "comma", "so"));
  EXPECT_TRUE(has(pair(0, 2), "between-mention", "PERSON"));
  EXPECT_TRUE(has(pair(0, 2), "others", "<=1"));
}

// Two persons with no trigger or title near them: what relates them is said elsewhere, if at all.
TEST(PairCandidates, PairsNoTriggerCuesAreLeftOut) {
  Sentence s("وقال كوفالسكي إن نوردبيرغ كان هناك.", {{"كوفالسكي", EntityType::Person}, {"نوردبيرغ", EntityType::Person}});
  EXPECT_TRUE(s.candidates(classes()).empty());
}

TEST(PairCandidates, PairsARuleRelatedAreLeftOut) {
  Sentence s("التقى كوفالسكي نوردبيرغ.", {{"كوفالسكي", EntityType::Person}, {"نوردبيرغ", EntityType::Person}});
  ASSERT_EQ(s.candidates(classes()).size(), 2u);
  s.ann.facts.push_back({1, 0, "met_with", 0, 0, 1, 0.9, "", {}, "rule"});
  EXPECT_TRUE(s.candidates(classes()).empty());
}

TEST(PairCandidates, PairsTooFarApartAreLeftOut) {
  std::string filler;
  for (size_t i = 0; i <= kMaxPairDistance; ++i) filler += " كلام";
  Sentence s("التقى كوفالسكي" + filler + " نوردبيرغ.", {{"كوفالسكي", EntityType::Person}, {"نوردبيرغ", EntityType::Person}});
  EXPECT_TRUE(s.candidates(classes()).empty());
}

PairScorer two_class_model() {
  return PairScorer({{"NONE", 0, 0}, {"met_with", lexicon::type_bit(EntityType::Person), lexicon::type_bit(EntityType::Person)}},
                    12);
}

TEST(PairScorerFile, SavesAndLoadsTheSameModel) {
  PairScorer model = two_class_model();
  model.row(pair_feature("between", "x"))[1] = 2.5f;
  model.row(pair_feature("bias", ""))[0] = -0.75f;
  model.set_threshold(1.25);
  auto file = std::filesystem::temp_directory_path() / "pair_scorer_test.bin";
  model.save(file);
  PairScorer loaded = PairScorer::load(file);
  ASSERT_EQ(loaded.classes().size(), 2u);
  EXPECT_EQ(loaded.classes()[1].name, "met_with");
  EXPECT_EQ(loaded.classes()[1].object_types, lexicon::type_bit(EntityType::Person));
  EXPECT_EQ(loaded.hash_bits(), 12u);
  EXPECT_DOUBLE_EQ(loaded.threshold(), 1.25);
  EXPECT_EQ(loaded.weights(), model.weights());
  std::filesystem::remove(file);
}

TEST(PairScorerFile, RefusesForeignAndOldFiles) {
  auto file = std::filesystem::temp_directory_path() / "pair_scorer_bad.bin";
  std::ofstream(file, std::ios::binary) << "not a model";
  EXPECT_THROW(PairScorer::load(file), Error);
  two_class_model().save(file);
  {
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(8);
    uint32_t old = 0;
    f.write(reinterpret_cast<const char*>(&old), sizeof old);
  }
  try {
    PairScorer::load(file);
    ADD_FAILURE() << "an old version loaded";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("version 0"), std::string::npos) << e.what();
  }
  std::filesystem::remove(file);
  EXPECT_THROW(PairScorer::load(file), Error);  // missing
}

// A met_with trigger between two persons relates them; a word of denial does not.
TEST(PairScorerTraining, LearnsTheDecisionOfATinySet) {
  const uint64_t met = pair_feature("trigger", "met_withmid"), other = pair_feature("between", "unrelated"),
                 bias = pair_feature("bias", "");
  std::vector<PairExample> examples;
  for (uint32_t doc = 0; doc < 20; ++doc) {
    examples.push_back({{bias, met}, 0b11, 0b10, doc});
    examples.push_back({{bias, other}, 0b11, 0, doc});
  }
  PairTrainOptions options;
  options.hash_bits = 12;
  options.precision = 0.9;
  PairScorer model = train_pair_scorer({{"NONE", 0, 0}, {"met_with", 1, 1}}, examples, options);
  std::vector<float> buffer;
  auto [k, margin] = model.best({0, 0, 0, 1, 0, 0b11, {bias, met}}, buffer);
  EXPECT_EQ(k, 1u);
  EXPECT_GT(margin, model.threshold());
  auto [k2, margin2] = model.best({0, 0, 0, 1, 0, 0b11, {bias, other}}, buffer);
  EXPECT_EQ(k2, 1u);  // the only predicate allowed, below NONE and the threshold
  EXPECT_LE(margin2, model.threshold());
}

TEST(PairScorerTraining, ThresholdReachesThePrecisionAsked) {
  struct Case {
    std::vector<std::pair<float, bool>> scored;
    double precision, expected;
  };
  const std::vector<Case> cases = {
      {{{5, true}, {4, true}, {3, false}, {2, true}, {1, false}}, 1.0, 3.5},   // only the top two
      {{{5, true}, {4, true}, {3, false}, {2, true}, {1, false}}, 0.75, 1.5},  // 3 of 4 down to 2
      {{{5, false}, {4, false}}, 0.5, 5},                                      // never: above every margin
  };
  for (const Case& c : cases) EXPECT_DOUBLE_EQ(threshold_for_precision(c.scored, c.precision), c.expected);
}

// Facts come only from pairs scoring above the threshold, hypothetical ones marked.
TEST(PairScorerExtract, HonoursTheThreshold) {
  PairScorer model = two_class_model();
  model.row(pair_feature("trigger", "met_withmid"))[1] = 2.0f;  // «لقاء» between the two
  auto facts_at = [&](double threshold, const std::string& sentence) {
    model.set_threshold(threshold);
    Sentence s(sentence, {{"كوفالسكي", EntityType::Person}, {"نوردبيرغ", EntityType::Person}});
    const TokenFacts facts(s.doc, lex(), word_classes());
    model.extract(s.doc, facts, lex(), s.ann);
    return s.ann.facts;
  };
  auto found = facts_at(1.0, "عقد كوفالسكي لقاء مع نوردبيرغ.");
  ASSERT_EQ(found.size(), 1u);  // one fact for both orders of a symmetric predicate
  EXPECT_EQ(found[0].predicate, "met_with");
  EXPECT_EQ(found[0].pattern, "scorer");
  EXPECT_GT(found[0].confidence, 0.5);
  EXPECT_TRUE(found[0].attrs.empty());
  EXPECT_TRUE(facts_at(2.5, "عقد كوفالسكي لقاء مع نوردبيرغ.").empty());
  auto hedged = facts_at(1.0, "من المتوقع أن يعقد كوفالسكي لقاء مع نوردبيرغ.");
  ASSERT_EQ(hedged.size(), 1u);
  EXPECT_EQ(hedged[0].attrs, (std::vector<std::pair<std::string, std::string>>{{"modality", "hypothetical"}}));
  EXPECT_TRUE(facts_at(1.0, "لم يعقد كوفالسكي لقاء مع نوردبيرغ.").empty());  // negated: no fact
}

}  // namespace
}  // namespace rawabit::extract
