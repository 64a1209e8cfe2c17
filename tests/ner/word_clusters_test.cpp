// Word vectors (fastText's .vec text format) and the k-means that makes the tagger's word classes.
#include "ner/word_clusters.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "ner/stats.hpp"

namespace {

using rawabit::ner::cluster_words;
using rawabit::ner::Corpus;
using rawabit::ner::hash_of;
using rawabit::ner::WordStats;
using rawabit::ner::WordVectors;

// A file in the temporary directory, one per test process, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() / ("rawabit-clusters-" + std::to_string(getpid()) + ".txt")) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(WordVectors, ReadsWordsAndScalesVectorsToUnitLength) {
  TempFile f("3 2\nروسيا 3 4\nموسكو 0 -2\nصفر 0 0\n");
  WordVectors v = WordVectors::read(f.path());
  ASSERT_EQ(v.words, (std::vector<std::string>{"روسيا", "موسكو", "صفر"}));
  EXPECT_EQ(v.dimension, 2u);
  EXPECT_FLOAT_EQ(v.vector(0)[0], 0.6f);
  EXPECT_FLOAT_EQ(v.vector(0)[1], 0.8f);
  EXPECT_FLOAT_EQ(v.vector(1)[1], -1.0f);
  EXPECT_FLOAT_EQ(v.vector(2)[0], 0.0f);  // a zero vector stays zero
}

TEST(WordVectors, MalformedFilesAreReportedWithFileLineAndText) {
  struct Case {
    std::string text, expected;  // `expected`: a part of the error message
  };
  const Case cases[] = {
      {"", ":1: expected the header «count dimension»"},
      {"two 2\n", ":1: expected the header"},
      {"1 0\n", ":1: expected the header"},
      {"1 2\nروسيا 1\n", ":2: expected 2 numbers after the word: «روسيا 1»"},
      {"1 2\nروسيا 1 x\n", ":2: expected 2 numbers after the word"},
      {"1 2\nروسيا 1 2 3\n", ":2: more numbers than the dimension"},
      {"2 2\nروسيا 1 2\n   \n", ":3: expected a word and its vector"},
  };
  for (const Case& c : cases) {
    TempFile f(c.text);
    try {
      WordVectors::read(f.path());
      ADD_FAILURE() << "no error for «" << c.text << "»";
    } catch (const rawabit::Error& e) {
      EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << e.what();
    }
  }
}

// Two tight groups of directions, far apart: each group becomes one class, whatever the seed.
TEST(WordClusters, SeparatesDistinctGroupsDeterministically) {
  std::string text = "8 3\n";
  for (int i = 0; i < 4; ++i) text += "a" + std::to_string(i) + " 1 0." + std::to_string(i) + " 0\n";
  for (int i = 0; i < 4; ++i) text += "b" + std::to_string(i) + " 0 0." + std::to_string(i) + " 1\n";
  TempFile f(text);
  WordVectors v = WordVectors::read(f.path());
  for (uint32_t seed : {1u, 2u, 7u}) {
    std::vector<uint32_t> classes = cluster_words(v, 2, 10, seed);
    ASSERT_EQ(classes.size(), 8u);
    for (int i = 1; i < 4; ++i) {
      EXPECT_EQ(classes[i], classes[0]) << "seed " << seed;
      EXPECT_EQ(classes[4 + i], classes[4]) << "seed " << seed;
    }
    EXPECT_NE(classes[0], classes[4]) << "seed " << seed;
    EXPECT_EQ(cluster_words(v, 2, 10, seed), classes);  // the same inputs, the same classes
  }
  EXPECT_THROW(cluster_words(v, 9), rawabit::Error);  // more classes than words
  EXPECT_THROW(cluster_words(v, 0), rawabit::Error);
}

TEST(WordClusters, ClassFileGivesClassesToKnownWordsAndRejectsBadLines) {
  Corpus corpus;
  const std::vector<std::string_view> sentence = {"زار", "روسيا"};
  for (int i = 0; i < 3; ++i) corpus.add_sentence(sentence);
  WordStats stats = WordStats::from_corpus(corpus);
  ASSERT_NE(stats.find(hash_of("روسيا")), nullptr);
  TempFile good("# comment\nروسيا\t3\t17\nغائبة\t1\t1\n");
  EXPECT_EQ(stats.add_clusters(good.path()), 1u);  // a word without an entry takes no class
  EXPECT_EQ(stats.find(hash_of("روسيا"))->clusters, (std::array<uint16_t, WordStats::kClusterLevels>{4, 18}));
  EXPECT_EQ(stats.find(hash_of("زار"))->clusters, (std::array<uint16_t, WordStats::kClusterLevels>{0, 0}));
  EXPECT_EQ(stats.find(hash_of("غائبة")), nullptr);
  TempFile bad("روسيا\t3\tx\n");
  try {
    stats.add_clusters(bad.path());
    ADD_FAILURE() << "no error";
  } catch (const rawabit::Error& e) {
    EXPECT_NE(std::string(e.what()).find(":1:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("روسيا"), std::string::npos) << e.what();
  }
  TempFile short_line("روسيا\t3\n");
  EXPECT_THROW(stats.add_clusters(short_line.path()), rawabit::Error);
}

}  // namespace
