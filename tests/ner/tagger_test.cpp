// The statistical NER tagger: tags and spans, the CoNLL reader, clitic stems and gazetteer
// matching, training determinism, the model file, and the committed model.
#include "ner/tagger.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "common/error.hpp"
#include "common/paths.hpp"
#include "ner/conll.hpp"
#include "ner/cache.hpp"
#include "ner/decode.hpp"
#include "ner/document.hpp"
#include "ner/eval.hpp"
#include "ner/names.hpp"
#include "ner/stats.hpp"
#include "ner/train.hpp"
#include "text/normalize.hpp"

namespace fs = std::filesystem;
using namespace rawabit::ner;
using rawabit::Error;

namespace {

const fs::path kFixtures = fs::path(RAWABIT_TEST_DATA) / "ner";

std::vector<ConllSentence> read_conll_text(const std::string& text, ConllColumns columns) {
  std::istringstream in(text);
  ConllReader reader(in, "test.conll", columns);
  std::vector<ConllSentence> out;
  for (ConllSentence s; reader.next(s);) out.push_back(s);
  return out;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::string file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh scratch directory per test.
class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() / ("rawabit-tagger-test-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// The tiny training set with the tiny gazetteer, and its own words as the corpus.
struct Fixture {
  std::vector<ConllSentence> sentences = read_conll_file(kFixtures / "train.conll", ConllColumns::TokensAndTags);
  FeatureResources resources;
  Corpus corpus;

  Fixture() {
    resources.names = NameList::from_gazetteer_dir(kFixtures / "gazetteer");
    resources.cues = CueWords::from_file(kFixtures / "cues.tsv");
    for (const ConllSentence& s : sentences) corpus.add_sentence(forms_of(s));
    resources.stats = WordStats::from_corpus(corpus);
  }

  Tagger train(uint32_t seed, double dropout = 0) const {
    TrainOptions options;
    options.epochs = 10;
    options.seed = seed;
    options.hash_bits = 16;
    options.dropout = dropout;
    return train_tagger(sentences, resources, options, {}, &corpus);
  }
};

std::vector<std::string> normalized(std::initializer_list<std::string_view> words) {
  std::vector<std::string> out;
  for (std::string_view w : words) out.push_back(rawabit::text::normalize_form(w));
  return out;
}

std::vector<std::string_view> views(const std::vector<std::string>& words) { return {words.begin(), words.end()}; }

std::vector<Tag> tags_of(std::string_view text) {
  std::vector<Tag> tags;
  std::istringstream in{std::string(text)};
  for (std::string name; in >> name;) tags.push_back(*parse_tag(name));
  return tags;
}

std::string names_of(const std::vector<Tag>& tags) {
  std::string out;
  for (Tag t : tags) out += (out.empty() ? "" : " ") + std::string(tag_name(t));
  return out;
}

}  // namespace

// ---- tags and spans ----

TEST(NerTags, NamesRoundTrip) {
  for (Tag t = 0; t < kTags; ++t) EXPECT_EQ(parse_tag(tag_name(t)), t);
  EXPECT_EQ(parse_tag("B-PERS"), std::nullopt);
  EXPECT_EQ(parse_tag("b-per"), std::nullopt);
}

TEST(NerLabels, NamesRoundTripAndLayout) {
  EXPECT_EQ(label_name(kOutsideLabel), "O");
  for (Label l = 1; l < kLabels; ++l) {
    std::string expected = std::string(1, "BILU"[static_cast<int>(label_part(l))]) + "-" +
                           std::string(ner_type_name(label_type(l)));
    EXPECT_EQ(label_name(l), expected);
    EXPECT_EQ(make_label(label_type(l), label_part(l)), l);
  }
}

TEST(NerLabels, InsideAndLastOnlyContinueAnOpenEntityOfTheirType) {
  struct Case {
    std::string_view prev, next;
    bool allowed;
  };
  const Case cases[] = {
      {"O", "B-PER", true},      {"O", "U-PER", true},      {"O", "I-PER", false},     {"O", "L-PER", false},
      {"B-PER", "I-PER", true},  {"B-PER", "L-PER", true},  {"I-PER", "L-PER", true},  {"I-PER", "I-PER", true},
      {"B-PER", "O", false},     {"I-PER", "B-LOC", false}, {"B-PER", "L-LOC", false}, {"B-PER", "U-PER", false},
      {"L-PER", "B-PER", true},  {"L-PER", "I-PER", false}, {"U-LOC", "U-LOC", true},  {"U-LOC", "L-LOC", false},
      {"L-ORG", "O", true},      {"U-MISC", "B-ORG", true},
  };
  auto label = [](std::string_view name) {
    for (Label l = 0; l < kLabels; ++l)
      if (label_name(l) == name) return l;
    ADD_FAILURE() << name;
    return kOutsideLabel;
  };
  for (const Case& c : cases) {
    EXPECT_EQ(label_may_follow(label(c.prev), label(c.next)), c.allowed) << c.prev << " → " << c.next;
  }
}

TEST(NerLabels, BioToBilouAndBack) {
  // BIO in, BILOU expected, BIO expected back (a stray I- starts a span, as conlleval reads it).
  struct Case {
    std::string bio, bilou, back;
  };
  const Case cases[] = {
      {"O O", "O O", "O O"},
      {"B-PER", "U-PER", "B-PER"},
      {"B-PER I-PER", "B-PER L-PER", "B-PER I-PER"},
      {"B-ORG I-ORG I-ORG O B-LOC", "B-ORG I-ORG L-ORG O U-LOC", "B-ORG I-ORG I-ORG O B-LOC"},
      {"B-LOC B-LOC", "U-LOC U-LOC", "B-LOC B-LOC"},
      {"I-MISC I-MISC O", "B-MISC L-MISC O", "B-MISC I-MISC O"},
      {"B-PER I-ORG", "U-PER U-ORG", "B-PER B-ORG"},
  };
  for (const Case& c : cases) {
    std::vector<Tag> bio = tags_of(c.bio), back;
    std::vector<Label> labels;
    labels_from_tags(bio, labels);
    std::string names;
    for (Label l : labels) names += (names.empty() ? "" : " ") + std::string(label_name(l));
    EXPECT_EQ(names, c.bilou) << c.bio;
    tags_from_labels(labels, back);
    EXPECT_EQ(back, tags_of(c.back)) << c.bio;
  }
}

TEST(NerLabels, ViterbiEndsNoSentenceInsideAnEntity) {
  // Two words whose best labels are B-PER then I-PER: an open entity at the end is not allowed,
  // so the decoder closes it (B-PER L-PER) even though L-PER scores lower than I-PER.
  std::vector<int32_t> emission(2 * kLabels, -100);
  emission[make_label(NerType::PER, Part::Begin)] = 50;
  emission[kLabels + make_label(NerType::PER, Part::Inside)] = 60;
  emission[kLabels + make_label(NerType::PER, Part::Last)] = 40;
  IntTransitions transition{};
  IntViterbiScratch scratch;
  std::vector<Label> labels;
  viterbi(emission, transition, scratch, labels);
  EXPECT_EQ(labels, (std::vector<Label>{make_label(NerType::PER, Part::Begin), make_label(NerType::PER, Part::Last)}));
}

TEST(NerLabels, IntegerViterbiChoosesAsTheDoubleOne) {
  // The quantized tagger's decoder takes another route (int32, shifted scores, predecessors found
  // backwards); on the same values it must pick the same labels, ties included. Small ranges make
  // ties common; wide ones reach the magnitudes of real sums of int16 weights.
  std::mt19937 rng(20261121);
  for (int32_t range : {2, 5, 1000, 3'000'000}) {
    for (int round = 0; round < 300; ++round) {
      std::uniform_int_distribution<int32_t> value(-range, range), length(1, 40);
      std::uniform_int_distribution<int32_t> weight(-std::min(range, 32767), std::min(range, 32767));
      const size_t n = static_cast<size_t>(length(rng));
      std::vector<int32_t> emission(n * kLabels);
      for (int32_t& e : emission) e = value(rng);
      IntTransitions transition;
      Transitions as_double;
      for (size_t i = 0; i < transition.size(); ++i) as_double[i] = transition[i] = weight(rng);
      std::vector<double> emission_double(emission.begin(), emission.end());
      IntViterbiScratch int_scratch;
      ViterbiScratch double_scratch;
      std::vector<Label> from_int, from_double;
      viterbi(emission, transition, int_scratch, from_int);
      viterbi(emission_double, as_double, double_scratch, from_double);
      ASSERT_EQ(from_int, from_double) << "range " << range << ", round " << round;
    }
  }
}

// Every well-formed label sequence of a short sentence, scored as the decoder scores it.
void for_each_path(size_t n, const std::vector<int32_t>& emission, const IntTransitions& transition,
                   const std::function<void(const std::vector<Label>&, int64_t)>& use) {
  std::vector<Label> labels(n, 0);
  for (;;) {
    bool ok = !opens(labels[n - 1]);
    int64_t score = 0;
    for (size_t i = 0; i < n && ok; ++i) {
      const Label prev = i ? labels[i - 1] : kOutsideLabel;
      ok = label_may_follow(prev, labels[i]);
      score += transition[(i ? prev : kLabels) * kLabels + labels[i]] + emission[i * kLabels + labels[i]];
    }
    if (ok) use(labels, score);
    size_t i = 0;
    while (i < n && ++labels[i] == kLabels) labels[i++] = 0;
    if (i == n) return;
  }
}

TEST(NerLabels, PathScoresAreTheBestPathsThroughEachLabel) {
  // Against every path of sentences of up to three words: the best path through each (word,
  // label), the best path overall (Viterbi's), and the best that leaves a span outside.
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<int32_t> value(-1000, 1000), length(1, 3);
  for (int round = 0; round < 40; ++round) {
    const size_t n = static_cast<size_t>(length(rng));
    std::vector<int32_t> emission(n * kLabels);
    for (int32_t& e : emission) e = value(rng);
    IntTransitions transition;
    for (int32_t& t : transition) t = value(rng);
    std::vector<int64_t> through(n * kLabels, std::numeric_limits<int64_t>::min());
    int64_t best = std::numeric_limits<int64_t>::min();
    std::vector<Label> best_labels;
    std::map<std::pair<size_t, size_t>, int64_t> outside;  // [first, end) all O
    for_each_path(n, emission, transition, [&](const std::vector<Label>& labels, int64_t score) {
      for (size_t i = 0; i < n; ++i) through[i * kLabels + labels[i]] = std::max(through[i * kLabels + labels[i]], score);
      if (score > best) best = score, best_labels = labels;
      for (size_t first = 0; first < n; ++first) {
        for (size_t end = first + 1; end <= n && labels[end - 1] == kOutsideLabel; ++end) {
          auto [it, fresh] = outside.try_emplace({first, end}, score);
          if (!fresh) it->second = std::max(it->second, score);
        }
      }
    });
    PathScores paths;
    path_scores(emission, transition, paths);
    ASSERT_EQ(paths.words(), n);
    EXPECT_EQ(paths.best(), best) << "round " << round;
    IntViterbiScratch scratch;
    std::vector<Label> viterbi_labels;
    viterbi(emission, transition, scratch, viterbi_labels);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(paths.through(i, viterbi_labels[i]), best) << "round " << round << ", word " << i;
      for (Label l = 0; l < kLabels; ++l) {
        if (through[i * kLabels + l] == std::numeric_limits<int64_t>::min()) continue;  // no path
        EXPECT_EQ(paths.through(i, l), through[i * kLabels + l]) << "round " << round << ", word " << i;
      }
    }
    for (const auto& [span, score] : outside)
      EXPECT_EQ(paths.best_outside(emission, transition, span.first, span.second), score) << "round " << round;
  }
}

TEST(NerTags, SpansAreReadAsConllevalReadsThem) {
  const Tag B_PER = begin_tag(NerType::PER), I_PER = inside_tag(NerType::PER);
  const Tag B_LOC = begin_tag(NerType::LOC), I_ORG = inside_tag(NerType::ORG);
  std::vector<Tag> tags = {B_PER, I_PER, kOutside, B_LOC, B_LOC, I_ORG, I_ORG, kOutside};
  std::vector<TaggedSpan> expected = {{0, 2, NerType::PER},
                                      {3, 4, NerType::LOC},
                                      {4, 5, NerType::LOC},
                                      {5, 7, NerType::ORG}};  // stray I- starts a span
  EXPECT_EQ(spans_from_tags(tags), expected);
}

TEST(NerEval, CountsExactSpansOnly) {
  SpanScores scores;
  std::vector<TaggedSpan> gold = {{0, 2, NerType::PER}, {4, 5, NerType::LOC}};
  std::vector<TaggedSpan> predicted = {{0, 1, NerType::PER}, {4, 5, NerType::LOC}, {6, 7, NerType::ORG}};
  scores.add(gold, predicted);
  EXPECT_EQ(scores.of(NerType::PER).correct, 0u);
  EXPECT_EQ(scores.of(NerType::LOC).correct, 1u);
  SpanCounts all = scores.micro({NerType::PER, NerType::ORG, NerType::LOC});
  EXPECT_EQ(all.gold, 2u);
  EXPECT_EQ(all.predicted, 3u);
  EXPECT_DOUBLE_EQ(all.precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(all.recall(), 0.5);
}

// ---- the CoNLL reader ----

TEST(Conll, BlankLinesSeparateSentences) {
  auto s = read_conll_text("\n\nباريس\tB-LOC\n \t\n\n\nفي\tO\nلندن\tB-LOC\n\n\n", ConllColumns::TokensAndTags);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].tokens, std::vector<std::string>{"باريس"});
  EXPECT_EQ(s[0].first_line, 3u);
  EXPECT_EQ(s[1].tokens, (std::vector<std::string>{"في", "لندن"}));
  EXPECT_EQ(s[1].tags, (std::vector<Tag>{kOutside, begin_tag(NerType::LOC)}));
  EXPECT_EQ(s[1].first_line, 7u);
}

TEST(Conll, LastSentenceNeedsNoBlankLine) {
  auto s = read_conll_text("في\tO\nلندن\tB-LOC", ConllColumns::TokensAndTags);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].tokens.size(), 2u);
}

TEST(Conll, CrlfLinesAndExtraColumns) {
  auto s = read_conll_text("أعلنت NNP x\tO\r\nموسكو\tNOUN\tB-LOC\r\n\r\n", ConllColumns::TokensAndTags);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].tokens, (std::vector<std::string>{"أعلنت", "موسكو"}));
  EXPECT_EQ(s[0].tags, (std::vector<Tag>{kOutside, begin_tag(NerType::LOC)}));
}

TEST(Conll, FormsAreNormalizedTokensKeptAsWritten) {
  auto s = read_conll_text("إلى\nالقاهرة\n", ConllColumns::Tokens);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].tokens[0], "إلى");
  EXPECT_EQ(s[0].forms[0], rawabit::text::normalize_form("إلى"));
  EXPECT_EQ(s[0].forms[0], "\u0627\u0644\u064a");  // الي
  EXPECT_TRUE(s[0].tags.empty());
}

TEST(Conll, TokensModeIgnoresOtherColumns) {
  auto s = read_conll_text("باريس\tB-LOC\tانتهى\n", ConllColumns::Tokens);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].tokens, std::vector<std::string>{"باريس"});
}

TEST(Conll, MissingTagColumnNamesFileAndLine) {
  std::string e = error_of([] { read_conll_text("باريس\tB-LOC\nلندن\n", ConllColumns::TokensAndTags); });
  EXPECT_NE(e.find("test.conll:2: missing the tag column: «لندن»"), std::string::npos) << e;
}

TEST(Conll, UnknownTagIsQuoted) {
  std::string e = error_of([] { read_conll_text("\nباريس\tB-PLACE\n", ConllColumns::TokensAndTags); });
  EXPECT_NE(e.find("test.conll:2: unknown tag"), std::string::npos) << e;
  EXPECT_NE(e.find("B-PLACE"), std::string::npos) << e;
}

TEST(Conll, InvalidUtf8IsAnError) {
  std::string e = error_of([] { read_conll_text("\xff\xfe\tO\n", ConllColumns::TokensAndTags); });
  EXPECT_NE(e.find("test.conll:1: invalid UTF-8"), std::string::npos) << e;
}

// ---- words, stems, names ----

TEST(NerWords, CodePointSlices) {
  std::string_view w = "\u0628\u0648\u062a\u064a\u0646";  // بوتين
  EXPECT_EQ(code_points(w), 5u);
  EXPECT_EQ(first_code_points(w, 2), "\u0628\u0648");
  EXPECT_EQ(last_code_points(w, 3), "\u062a\u064a\u0646");
  EXPECT_EQ(first_code_points(w, 9), w);
  EXPECT_EQ(last_code_points("ab", 5), "ab");
}

TEST(NerWords, StemsAreTheCliticReadings) {
  StemReader reader;
  std::vector<rawabit::text::Reading> readings;
  for (std::string_view word : {"وبالكرملين", "للكرملين", "وروسيا", "في", "فلاديمير"}) {
    std::string w = rawabit::text::normalize_form(word);
    Stems stems = reader.read(w);
    rawabit::text::clitic_readings(w, readings);
    ASSERT_EQ(stems.count, readings.size()) << word;
    for (size_t i = 0; i < stems.count; ++i) {
      std::string spelled =
          (stems.items[i].article ? std::string("\u0627\u0644") : "") + std::string(stems.items[i].rest);
      EXPECT_EQ(spelled, readings[i].form) << word;
      EXPECT_EQ(hash_of(stems.items[i]), hash_of(readings[i].form)) << word;
    }
  }
}

TEST(NerNames, LongestMatchWithCliticOnTheFirstWord) {
  NameList names = NameList::from_gazetteer_dir(kFixtures / "gazetteer");
  auto words = normalized(
      {"وقال", "ولمنظمة", "الصحة", "العالمية", "في", "روسيا", "البيضاء", "إن", "إسكندر", "-", "إم", "وبوتين"});
  std::vector<TaggedSpan> expected = {
      {1, 4, NerType::ORG}, {5, 7, NerType::LOC}, {8, 11, NerType::MISC}, {11, 12, NerType::PER}};
  EXPECT_EQ(tag_with_names(names, views(words)), expected);
}

TEST(NerNames, MalformedGazetteerLineIsAnError) {
  TempDir dir;
  std::ofstream(dir / "bad.tsv") << "Paris\tCITY\tباريس\t\t\t\n";
  std::string e = error_of([&] { NameList::from_gazetteer_dir(dir / ""); });
  EXPECT_NE(e.find("bad.tsv:1: unknown entity type"), std::string::npos) << e;
}

// ---- cue words ----

TEST(NerCues, ClassesOfNormalizedWords) {
  CueWords cues = CueWords::from_file(kFixtures / "cues.tsv");
  EXPECT_EQ(cues.count(kTitleCue), 2u);
  EXPECT_EQ(cues.count(kPlaceCue), 1u);
  EXPECT_EQ(cues.count(kOrgCue), 2u);
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("الرئيس"))), kTitleCue);
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("منظمة"))), kOrgCue);
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("بوتين"))), 0);
  cues.add(kOrgCue, "وزير");  // a word of two classes has both bits
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("وزير"))), kTitleCue | kOrgCue);
}

TEST(NerCues, ClubSportAndWorkClasses) {
  TempDir dir;
  std::ofstream(dir / "c.tsv") << "club\tريال\nsport\tالمباراة\norg\tالنادي\nsport\tالنادي\nwork\tالفيلم\n";
  CueWords cues = CueWords::from_file(dir / "c.tsv");
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("الفيلم"))), kWorkCue);
  EXPECT_EQ(CueWords::name_of(kWorkCue), "work");
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("ريال"))), kClubCue);
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("المباراة"))), kSportCue);
  EXPECT_EQ(cues.bits(hash_of(rawabit::text::normalize_form("النادي"))), kOrgCue | kSportCue);
}

// org_head: distance to the last organization noun of the clause, within kOrgHeadReach;
// sport: whether any word of the sentence is a sports word.
TEST(NerFeatures, OrganizationNounDistanceAndSportsSentence) {
  constexpr uint8_t kPunctuation = 16;  // the shape of a token of symbols only
  struct Case {
    std::vector<std::pair<uint8_t, uint8_t>> words;  // (cue bits, shape) of each word
    std::vector<uint8_t> org_head;
    bool sport;
  };
  const Case cases[] = {
      {{{kOrgCue, 4}, {0, 4}, {0, 4}, {0, kPunctuation}, {0, 4}}, {0, 1, 2, 3, 0}, false},
      {{{0, 4}, {kOrgCue, 4}, {kOrgCue, 4}, {0, 4}}, {0, 0, 1, 1}, false},
      {{{kOrgCue, 4}, {0, 4}, {0, 4}, {0, 4}, {0, 4}, {0, 4}, {0, 4}, {0, 4}}, {0, 1, 2, 3, 4, 5, 6, 0}, false},
      {{{0, 4}, {kSportCue, 4}, {kClubCue, 4}}, {0, 0, 0}, true},
  };
  for (const Case& c : cases) {
    std::vector<ContextWord> words;
    for (auto [cue, shape] : c.words) {
      ContextWord w;
      w.cue = cue;
      w.shape = shape;
      words.push_back(w);
    }
    mark_cue_context(words);
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(words[i].org_head, c.org_head[i]) << "word " << i;
      EXPECT_EQ(words[i].sport, c.sport) << "word " << i;
    }
  }
}

TEST(NerCues, MalformedLinesNameFileAndLine) {
  TempDir dir;
  std::ofstream(dir / "a.tsv") << "# comment\ntitle\tالرئيس\ncity\tمدينة\n";
  std::string e = error_of([&] { CueWords::from_file(dir / "a.tsv"); });
  EXPECT_NE(e.find("a.tsv:3: unknown cue class"), std::string::npos) << e;
  std::ofstream(dir / "b.tsv") << "org\tحزب\textra\n";
  EXPECT_NE(error_of([&] { CueWords::from_file(dir / "b.tsv"); }).find("b.tsv:1:"), std::string::npos);
}

TEST(NerCues, TaggingUsesTheModelsCuesNotTheFile) {
  // The model keeps the cues it was trained with: scores do not change when the list it was
  // trained from is edited, and a model trained without a cue scores differently.
  Fixture fx;
  TempDir dir;
  Tagger with = fx.train(1);
  with.save(dir / "with.bin");
  Fixture without_president;
  without_president.resources.cues = CueWords{};
  for (const CueWords::Entry& e : fx.resources.cues.entries()) {
    if (e.form != rawabit::text::normalize_form("الرئيس")) without_president.resources.cues.add(e.cue, e.form);
  }
  Tagger without = without_president.train(1);
  auto words = normalized({"قال", "الرئيس", "جاك", "شيراك", "في", "باريس"});
  std::vector<int32_t> a, b, c;
  with.scores(views(words), a);
  without.scores(views(words), b);
  Tagger::load(dir / "with.bin").scores(views(words), c);
  EXPECT_NE(a, b);
  EXPECT_EQ(a, c);
}

// ---- corpus statistics ----

TEST(NerStats, FrequencyArticleAndContexts) {
  Corpus corpus;
  auto add = [&](std::initializer_list<std::string_view> words) {
    auto w = normalized(words);
    corpus.add_sentence(views(w));
  };
  for (int i = 0; i < 4; ++i) {
    add({"قال", "الرئيس", "ماكرون", "امس"});
    add({"زار", "الوزير", "المدينة"});
    add({"في", "مدينة", "كبيرة"});
  }
  WordStats stats = WordStats::from_corpus(corpus);
  std::string macron = rawabit::text::normalize_form("ماكرون");
  const WordStats::Entry* e = stats.find(hash_of(macron));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->frequency, 3);  // 4 uses: 1 + floor(log2 4)
  EXPECT_EQ(e->article, 1);    // never «الماكرون»
  EXPECT_EQ(stats.context_word(e->contexts[0]), rawabit::text::normalize_form("الرئيس"));
  EXPECT_EQ(stats.context_word(e->contexts[WordStats::kContextsPerSide]), rawabit::text::normalize_form("امس"));
  std::string city = rawabit::text::normalize_form("المدينة");
  EXPECT_EQ(stats.find(hash_of(city))->article, 4);  // half the uses of مدينه take ال: the top bucket
}

// ---- training and the model file ----

TEST(NerTraining, SeededPermutationIsAPermutationFixedBySeed) {
  std::mt19937 a(7), b(7);
  std::vector<uint32_t> p = seeded_permutation(50, a);
  EXPECT_EQ(p, seeded_permutation(50, b));
  std::vector<uint32_t> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  for (uint32_t i = 0; i < 50; ++i) EXPECT_EQ(sorted[i], i);
}

TEST(NerTraining, SameSeedGivesByteIdenticalModel) {
  Fixture fx;
  TempDir dir;
  fx.train(3).save(dir / "a.bin");
  fx.train(3).save(dir / "b.bin");
  EXPECT_EQ(file_bytes(dir / "a.bin"), file_bytes(dir / "b.bin"));
}

// Dropout draws from a generator of its own: the same options give the same model, and
// leaving rows out changes what is learnt.
TEST(NerTraining, DropoutIsReproducibleAndChangesTheModel) {
  Fixture fx;
  TempDir dir;
  fx.train(3, 0.4).save(dir / "a.bin");
  fx.train(3, 0.4).save(dir / "b.bin");
  fx.train(3).save(dir / "c.bin");
  EXPECT_EQ(file_bytes(dir / "a.bin"), file_bytes(dir / "b.bin"));
  EXPECT_NE(file_bytes(dir / "a.bin"), file_bytes(dir / "c.bin"));
}

TEST(NerTraining, LearnsItsTrainingSentences) {
  Fixture fx;
  Tagger tagger = fx.train(1);
  std::vector<Tag> tags;
  for (const ConllSentence& s : fx.sentences) {
    tagger.tag_bio(forms_of(s), tags);
    EXPECT_EQ(tags, s.tags) << "sentence at line " << s.first_line;
  }
}

TEST(NerModelFile, SaveLoadRoundTrip) {
  Fixture fx;
  TempDir dir;
  Tagger trained = fx.train(1);
  trained.save(dir / "a.bin");
  Tagger loaded = Tagger::load(dir / "a.bin");
  loaded.save(dir / "b.bin");
  EXPECT_EQ(file_bytes(dir / "a.bin"), file_bytes(dir / "b.bin"));
  EXPECT_EQ(loaded.hash_bits(), 16u);
  EXPECT_EQ(loaded.resources().names.entries().size(), fx.resources.names.entries().size());
  EXPECT_EQ(loaded.resources().stats.size(), fx.resources.stats.size());
  EXPECT_EQ(loaded.resources().cues.entries().size(), 5u);
  auto words = normalized({"التقى", "بوتين", "في", "جنيف", "وزير", "خارجية", "بيلاروسيا"});
  EXPECT_EQ(loaded.tag(views(words)), trained.tag(views(words)));
}

TEST(NerModelFile, VersionMismatchNamesFileAndVersions) {
  Fixture fx;
  TempDir dir;
  fx.train(1).save(dir / "model.bin");
  std::string bytes = file_bytes(dir / "model.bin");
  bytes[8] = 99;  // the u32 format version follows the 8-byte magic
  std::ofstream(dir / "model.bin", std::ios::binary) << bytes;
  std::string e = error_of([&] { Tagger::load(dir / "model.bin"); });
  EXPECT_NE(e.find((dir / "model.bin").string()), std::string::npos) << e;
  EXPECT_NE(e.find("version 99, but this rawabit reads version " + std::to_string(kModelFormatVersion)),
            std::string::npos)
      << e;
}

TEST(NerModelFile, TruncatedOrForeignFilesAreErrors) {
  Fixture fx;
  TempDir dir;
  fx.train(1).save(dir / "model.bin");
  std::string bytes = file_bytes(dir / "model.bin");
  std::ofstream(dir / "cut.bin", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  EXPECT_NE(error_of([&] { Tagger::load(dir / "cut.bin"); }).find("truncated model file"), std::string::npos);
  std::ofstream(dir / "other.bin", std::ios::binary) << "PK\x03\x04 not a model";
  EXPECT_NE(error_of([&] { Tagger::load(dir / "other.bin"); }).find("not a rawabit NER model"), std::string::npos);
  EXPECT_NE(error_of([&] { Tagger::load(dir / "missing.bin"); }).find("cannot open model file"), std::string::npos);
}

// ---- the per-word-type score cache ----

TEST(NerCache, FindsWhatWasInsertedAndNothingElse) {
  WordScoreCache cache(16);
  // Keys of 0 to 33 bytes; some share their first 8 or their first 24 bytes (what an entry
  // keeps inline) and differ after.
  const std::string head24 = "abcdefghijklmnopqrstuvwx";
  const std::vector<std::string> keys = {"",           "a",          "abcdefg",          "abcdefgh",
                                         "abcdefghi",  "abcdefghX",  "abcdefghijklmnopq", head24,
                                         head24 + "y", head24 + "z", head24 + "123456789"};
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(cache.find(keys[i]), nullptr) << keys[i];
    CachedWord& w = cache.insert(keys[i]);
    for (const LabelScores& s : w.scores) EXPECT_EQ(s, LabelScores{}) << keys[i];
    w.hash = i + 100;
  }
  EXPECT_EQ(cache.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    const CachedWord* w = cache.find(keys[i]);
    ASSERT_NE(w, nullptr) << keys[i];
    EXPECT_EQ(w->hash, i + 100) << keys[i];
  }
  EXPECT_EQ(cache.find("abcdefgY"), nullptr);
  EXPECT_EQ(cache.find("abcdefghij"), nullptr);
  EXPECT_EQ(cache.find(head24 + "q"), nullptr);
  EXPECT_EQ(cache.find(head24 + "12345678"), nullptr);
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  for (const std::string& k : keys) EXPECT_EQ(cache.find(k), nullptr) << k;
}

TEST(NerCache, EntriesKeepTheirAddressUntilCleared) {
  WordScoreCache cache(64);
  const CachedWord* first = &cache.insert("first");
  for (int i = 0; i < 63; ++i) cache.insert("w" + std::to_string(i));
  EXPECT_EQ(cache.find("first"), first);
  EXPECT_EQ(cache.size(), cache.capacity());
}

namespace {

// Cached scores must equal the feature-by-feature ones, on every sentence of `sentences`,
// tagged in order (so that later ones hit the cache) and then again.
void expect_cached_scores_equal_uncached(const Tagger& tagger, const std::vector<std::vector<std::string>>& sentences) {
  std::vector<int32_t> cached, uncached;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& words : sentences) {
      tagger.scores(views(words), cached);
      tagger.scores_uncached(views(words), uncached);
      ASSERT_EQ(cached.size(), words.size() * kLabels);
      EXPECT_EQ(cached, uncached) << "pass " << pass << ", sentence of " << words.size() << " words starting «"
                                  << (words.empty() ? "" : words[0]) << "»";
    }
  }
}

const std::vector<std::vector<std::string>>& cache_test_sentences() {
  static const std::vector<std::vector<std::string>> sentences = {
      {},
      normalized({"بوتين"}),
      normalized({"التقى", "بوتين"}),
      normalized({"التقى", "بوتين", "في", "جنيف", "وزير", "خارجية", "بيلاروسيا"}),
      // A gazetteer name with clitics on its first word, one across the sentence end.
      normalized({"وقال", "ولمنظمة", "الصحة", "العالمية", "في", "روسيا", "البيضاء"}),
      normalized({"في", "في", "في", "في", "في", "في"}),  // one word type at every offset
      normalized({"قال", "الرئيس", "الفرنسي", "جاك", "شيراك", "إن", "باريس", "ستستضيف", "القمة", "."}),
      normalized({"إسكندر", "-", "إم", "وبوتين", "123", "abc", "\u0640"}),
      {"", "x", ""},  // empty forms
  };
  return sentences;
}

}  // namespace

TEST(NerCache, CachedScoresEqualUncachedOnTrainedModel) {
  Fixture fx;
  Tagger tagger = fx.train(1);
  std::vector<std::vector<std::string>> sentences = cache_test_sentences();
  for (const ConllSentence& s : fx.sentences) sentences.push_back({s.forms.begin(), s.forms.end()});
  expect_cached_scores_equal_uncached(tagger, sentences);
}

TEST(NerCache, CachedScoresEqualUncachedWithoutResources) {
  Fixture fx;
  TrainOptions options;
  options.epochs = 3;
  options.hash_bits = 16;
  Tagger tagger = train_tagger(fx.sentences, FeatureResources{}, options);
  expect_cached_scores_equal_uncached(tagger, cache_test_sentences());
}

TEST(NerCache, TwoTaggersOnOneThreadKeepTheirOwnScores) {
  Fixture fx;
  Tagger a = fx.train(1), b = fx.train(2);
  auto words = normalized({"التقى", "بوتين", "في", "جنيف", "وزير", "خارجية", "بيلاروسيا"});
  std::vector<int32_t> a_scores, b_scores, expected_a, expected_b;
  a.scores_uncached(views(words), expected_a);
  b.scores_uncached(views(words), expected_b);
  ASSERT_NE(expected_a, expected_b);  // else the test could not tell the caches apart
  for (int round = 0; round < 3; ++round) {
    a.scores(views(words), a_scores);
    b.scores(views(words), b_scores);
    EXPECT_EQ(a_scores, expected_a) << round;
    EXPECT_EQ(b_scores, expected_b) << round;
  }
}

TEST(NerCache, ManyDistinctWordsOverflowTheCacheSafely) {
  Fixture fx;
  Tagger tagger = fx.train(1);
  // More distinct words than the cache holds: it is emptied on the way, scores stay exact.
  std::mt19937 rng(5);
  const std::vector<std::string> letters = {"\u0628", "\u062a", "\u0633", "\u0645", "\u0646", "\u0648", "\u064a", "\u0627"};
  std::vector<int32_t> cached, uncached;
  const size_t sentences = WordScoreCache::kDefaultCapacity / 100 + 20;
  for (size_t s = 0; s < sentences; ++s) {
    std::vector<std::string> words;
    for (int i = 0; i < 100; ++i) {
      std::string w = "\u0627\u0644";
      for (int k = 0; k < 7; ++k) w += letters[rng() % letters.size()];
      words.push_back(w + std::to_string(s));
    }
    tagger.scores(views(words), cached);
    if (s % 97 == 0 || s + 20 >= sentences) {
      tagger.scores_uncached(views(words), uncached);
      ASSERT_EQ(cached, uncached) << "sentence " << s;
    }
  }
}

TEST(NerCache, ConcurrentTaggingMatchesSingleThreaded) {
  Fixture fx;
  Tagger tagger = fx.train(1);
  std::vector<std::vector<std::string_view>> sentences;
  for (const ConllSentence& s : fx.sentences) sentences.push_back(forms_of(s));
  std::vector<std::vector<Tag>> expected(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) tagger.tag_bio(sentences[i], expected[i]);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      std::vector<Tag> tags;
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < sentences.size(); ++i) {
          tagger.tag_bio(sentences[(i + t) % sentences.size()], tags);
          mismatches[t] += tags != expected[(i + t) % sentences.size()];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

// ---- features ----

TEST(NerFeatures, QuotesAndBracketsMarkTheWordsInside) {
  struct Case {
    std::vector<std::string_view> words;
    std::vector<int> expected;  // enclosure per word
  };
  const std::vector<Case> cases = {
      {{"a", "\u00ab", "b", "c", "\u00bb", "d"}, {0, 0, 1, 1, 0, 0}},
      {{"\"", "b", "\"", "d"}, {0, 1, 0, 0}},
      {{"(", "b", ")", "(", "c"}, {0, 2, 0, 0, 2}},  // an unclosed bracket runs to the end
      {{"\u00ab", "b", ")", "\"", "c"}, {0, 1, 1, 0, 0}},  // « closes with » or "
      {{"a", "b"}, {0, 0}},
  };
  for (const Case& c : cases) {
    std::vector<int> got(c.words.size(), 0);
    mark_enclosures(c.words, [&](size_t i, uint8_t e) { got[i] = e; });
    EXPECT_EQ(got, c.expected) << c.words.size() << " words starting «" << c.words[0] << "»";
  }
}

// ---- document consistency ----

namespace {

struct ConsistencyCase {
  std::string what;
  std::vector<std::string> sentences;  // space-separated words
  std::vector<std::string> tagged;     // the tagger's tags, one string per sentence
  std::vector<std::string> expected;   // after make_consistent
  int window = kDocumentWindow;
};

}  // namespace

TEST(NerDocument, NamesAreMadeConsistentAcrossNearbySentences) {
  const std::vector<ConsistencyCase> cases = {
      {"an untagged repeat of a name",
       {"زار لافروف موسكو", "وقال لافروف إن"},
       {"O B-PER B-LOC", "O O O"},
       {"O B-PER B-LOC", "O B-PER O"}},
      {"clitics on the first word of the repeat",
       {"زار لافروف موسكو", "التقى ولافروف في بموسكو"},
       {"O B-PER B-LOC", "O O O O"},
       {"O B-PER B-LOC", "O B-PER O B-LOC"}},
      {"clitics on the tagged occurrence",
       {"عاد ولافروف", "وقال لافروف"},
       {"O B-PER", "O O"},
       {"O B-PER", "O B-PER"}},
      {"a surname alone after the full name",
       {"قال سيرغي لافروف", "وأضاف لافروف"},
       {"O B-PER I-PER", "O O"},
       {"O B-PER I-PER", "O B-PER"}},
      {"the longest name first",
       {"في حلف شمال الأطلسي", "زار شمال", "قال حلف شمال الأطلسي"},
       {"O B-ORG I-ORG I-ORG", "O B-LOC", "O O O O"},
       {"O B-ORG I-ORG I-ORG", "O B-LOC", "O B-ORG I-ORG I-ORG"}},
      {"a tagged part of a longer name nearby becomes the whole name",
       {"في حلف شمال الأطلسي", "قال حلف شمال الأطلسي"},
       {"O B-ORG I-ORG I-ORG", "O O B-LOC O"},
       {"O B-ORG I-ORG I-ORG", "O B-ORG I-ORG I-ORG"}},
      {"the whole name may start at the tagged part",
       {"في حلف شمال الأطلسي", "قال حلف شمال الأطلسي"},
       {"O B-ORG I-ORG I-ORG", "O B-LOC O O"},
       {"O B-ORG I-ORG I-ORG", "O B-ORG I-ORG I-ORG"}},
      {"a tagged entity is not cut",
       {"في حلف شمال", "قال حلف شمال الأطلسي"},
       {"O B-ORG I-ORG", "O O B-LOC I-LOC"},
       {"O B-ORG I-ORG", "O O B-LOC I-LOC"}},
      {"tagged entities alone are not merged",
       {"زار سيرغي لافروف", "قال سيرغي لافروف"},
       {"O B-PER I-PER", "O B-PER B-PER"},
       {"O B-PER I-PER", "O B-PER B-PER"}},
      {"the majority type nearby wins",
       {"قناة الجزيرة", "بثت الجزيرة", "مراسل الجزيرة"},
       {"O B-ORG", "O B-LOC", "O B-ORG"},
       {"O B-ORG", "O B-ORG", "O B-ORG"}},
      {"no vote beyond the window",
       {"زار لافروف", "ثم", "عاد لافروف"},
       {"O B-PER", "O", "O O"},
       {"O B-PER", "O", "O O"},
       1},
      {"single words shorter than three letters are not keys",
       {"زار أب", "عاد أب"},
       {"O B-PER", "O O"},
       {"O B-PER", "O O"}},
      {"nothing tagged, nothing changes",
       {"ارتفعت الأسعار", "انخفضت الأسعار"},
       {"O O", "O O"},
       {"O O", "O O"}},
  };
  for (const ConsistencyCase& c : cases) {
    std::vector<std::vector<std::string>> words;
    std::vector<std::vector<std::string_view>> sentences;
    std::vector<std::vector<Tag>> tags;
    for (const std::string& s : c.sentences) {
      std::vector<std::string> w;
      std::istringstream in{s};
      for (std::string x; in >> x;) w.push_back(rawabit::text::normalize_form(x));
      words.push_back(w);
    }
    for (const auto& w : words) sentences.push_back(views(w));
    for (const std::string& t : c.tagged) tags.push_back(tags_of(t));
    make_consistent(sentences, tags, ConsistencyOptions{.window = c.window});
    for (size_t s = 0; s < tags.size(); ++s) EXPECT_EQ(names_of(tags[s]), c.expected[s]) << c.what << ", sentence " << s;
  }
}

TEST(NerDocument, ARunTheScoresOpposeIsNotTagged) {
  // «وقال لافروف» after «زار لافروف» (B-PER): لافروف scores `o` as O and 0 as U-PER; the other
  // labels score -1,000,000. Loss limit 70,000.
  struct Case {
    int32_t o;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {0, "O B-PER"}, {50000, "O B-PER"}, {70000, "O B-PER"}, {70001, "O O"}, {200000, "O O"}};
  std::vector<std::string> w1 = {"زار", "لافروف"}, w2 = {"وقال", "لافروف"};
  for (auto* w : {&w1, &w2}) {
    for (std::string& x : *w) x = rawabit::text::normalize_form(x);
  }
  const std::vector<std::vector<std::string_view>> sentences = {views(w1), views(w2)};
  for (const Case& c : cases) {
    std::vector<std::vector<Tag>> tags = {tags_of("O B-PER"), tags_of("O O")};
    std::vector<std::vector<int32_t>> scores(2, std::vector<int32_t>(2 * kLabels, -1000000));
    scores[1][kLabels + kOutsideLabel] = c.o;
    scores[1][kLabels + make_label(NerType::PER, Part::Unit)] = 0;
    make_consistent(sentences, tags, {}, scores);
    EXPECT_EQ(names_of(tags[1]), c.expected) << "O scores " << c.o;
    EXPECT_EQ(names_of(tags[0]), "O B-PER");
  }
  std::vector<std::vector<Tag>> tags = {tags_of("O B-PER"), tags_of("O O")};
  make_consistent(sentences, tags);  // without scores, no limit
  EXPECT_EQ(names_of(tags[1]), "O B-PER");
}

TEST(NerDocument, TagDocumentIsTagBioThenConsistency) {
  Fixture fx;
  Tagger tagger = fx.train(1);
  std::vector<std::vector<std::string_view>> sentences;
  for (const ConllSentence& s : fx.sentences) sentences.push_back(forms_of(s));
  std::vector<std::vector<Tag>> document, expected(sentences.size());
  tagger.tag_document(sentences, document);
  std::vector<std::vector<int32_t>> scores(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    tagger.tag_bio(sentences[s], expected[s]);
    tagger.scores(sentences[s], scores[s]);
  }
  make_consistent(sentences, expected, {}, scores);
  EXPECT_EQ(document, expected);
}

// ---- the committed model ----

class CommittedModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { tagger_ = new Tagger(Tagger::load(rawabit::schema_dir() / "models" / "ner.bin")); }
  static void TearDownTestSuite() { delete tagger_; }

  // The entities of a sentence given as space-separated words, as (words, type) strings.
  static std::vector<std::pair<std::string, std::string>> entities(std::string_view sentence) {
    std::vector<std::string> words;
    std::istringstream in{std::string(sentence)};
    for (std::string w; in >> w;) words.push_back(rawabit::text::normalize_form(w));
    std::vector<std::pair<std::string, std::string>> out;
    for (const TaggedSpan& s : tagger_->tag(views(words))) {
      std::string text;
      for (uint32_t i = s.first; i < s.end; ++i) text += (i > s.first ? " " : "") + words[i];
      out.emplace_back(text, std::string(ner_type_name(s.type)));
    }
    return out;
  }
  static std::pair<std::string, std::string> entity(std::string_view words, std::string_view type) {
    return {rawabit::text::normalize_form(words), std::string(type)};
  }

  static Tagger* tagger_;
};
Tagger* CommittedModel::tagger_ = nullptr;

TEST_F(CommittedModel, PresidentAndCity) {
  auto found = entities("التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في برلين .");
  EXPECT_EQ(found, (std::vector{entity("إيمانويل ماكرون", "PER"), entity("برلين", "LOC")}));
}

TEST_F(CommittedModel, MinisterOrganizationAndCountries) {
  auto found = entities("وقال وزير الخارجية الروسي سيرغي لافروف إن حلف شمال الأطلسي يهدد أمن روسيا وبيلاروسيا .");
  EXPECT_EQ(found, (std::vector{entity("سيرغي لافروف", "PER"), entity("حلف شمال الأطلسي", "ORG"),
                                entity("روسيا", "LOC"), entity("وبيلاروسيا", "LOC")}));
}

TEST_F(CommittedModel, NoEntitiesInPlainProse) {
  EXPECT_TRUE(entities("وارتفعت الأسعار بشكل كبير خلال الأسبوع الماضي .").empty());
}

TEST_F(CommittedModel, EmptySentenceAndEmptyForms) {
  EXPECT_TRUE(tagger_->tag({}).empty());
  // A token of marks only (a lone tatweel) has an empty matching form; it is tagged like any.
  auto s = read_conll_text("\u0640\nبوتين\n", ConllColumns::Tokens);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].forms[0], "");
  std::vector<Tag> tags;
  tagger_->tag_bio(forms_of(s[0]), tags);
  EXPECT_EQ(tags, (std::vector<Tag>{kOutside, begin_tag(NerType::PER)}));
}

// The shipped model must carry exactly the cue words of schema/models/ner-cues.tsv: editing
// the file without retraining fails here rather than silently disagreeing with the model.
TEST_F(CommittedModel, MarginsOfTheNamesOfEachSentence) {
  std::vector<std::vector<std::string>> text;
  for (std::string_view sentence : {"وقال المحلل السياسي يوسف الخطيب في برلين إن الأزمة طويلة .",
                                    "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في برلين .",
                                    "وارتفعت الأسعار بشكل كبير خلال الأسبوع الماضي ."}) {
    std::istringstream in{std::string(sentence)};
    text.emplace_back();
    for (std::string w; in >> w;) text.back().push_back(rawabit::text::normalize_form(w));
  }
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& words : text) sentences.push_back(views(words));
  std::vector<std::vector<Tag>> tags, tags_alone;
  std::vector<std::vector<SpanMargin>> margins;
  tagger_->tag_document(sentences, tags, &margins);
  tagger_->tag_document(sentences, tags_alone);
  EXPECT_EQ(tags, tags_alone);  // asking for margins changes no tag
  ASSERT_EQ(margins.size(), 3u);
  // «برلين», «إيمانويل ماكرون» are names of the model's gazetteer: theirs to decide, no margin.
  ASSERT_EQ(spans_from_tags(tags[0]).size(), 2u);
  ASSERT_EQ(margins[0].size(), 1u);
  const SpanMargin& m = margins[0][0];
  EXPECT_EQ(m.span, (TaggedSpan{3, 5, NerType::PER}));
  // The best reading is the tagger's: every other one scores lower, and a reading that changes a
  // label of the name or beside it changes more than leaving the name out does, or as much.
  EXPECT_GT(m.outside, 0);
  EXPECT_GT(m.labels, 0);
  EXPECT_LE(m.labels, m.outside);
  EXPECT_EQ(spans_from_tags(tags[1]).size(), 2u);
  EXPECT_TRUE(margins[1].empty());
  EXPECT_TRUE(margins[2].empty());
}

TEST_F(CommittedModel, CarriesTheCueWordsOfTheSchemaFile) {
  CueWords file = CueWords::from_file(rawabit::schema_dir() / "models" / "ner-cues.tsv");
  auto as_pairs = [](const CueWords& c) {
    std::vector<std::pair<int, std::string>> out;
    for (const CueWords::Entry& e : c.entries()) out.emplace_back(e.cue, e.form);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_FALSE(file.empty());
  EXPECT_EQ(as_pairs(tagger_->resources().cues), as_pairs(file))
      << "schema/models/ner-cues.tsv differs from the cues in ner.bin: retrain the model (schema/models/README.md)";
}

TEST_F(CommittedModel, CachedScoresEqualUncached) {
  std::vector<std::vector<std::string>> sentences = cache_test_sentences();
  for (std::string_view text : {"التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في برلين .",
                                "وقال وزير الخارجية الروسي سيرغي لافروف إن حلف شمال الأطلسي يهدد أمن روسيا وبيلاروسيا ."}) {
    std::vector<std::string> words;
    std::istringstream in{std::string(text)};
    for (std::string w; in >> w;) words.push_back(rawabit::text::normalize_form(w));
    sentences.push_back(words);
  }
  expect_cached_scores_equal_uncached(*tagger_, sentences);
}
