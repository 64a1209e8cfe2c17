#include <gtest/gtest.h>

#include <sstream>

#include "graph/loader.hpp"
#include "graph/stats.hpp"
#include "test_database.hpp"

namespace rawabit::graph {
namespace {

using namespace testing;

struct SampleStats : ::testing::Test {
  SampleStats() {
    fill_sample(t);
    stats = collect_stats(t.db(), load_graph(t.db()), 3);
  }
  TestDatabase t;
  CorpusStats stats;
};

TEST_F(SampleStats, CountsTheCorpus) {
  EXPECT_EQ(stats.documents, 3);
  EXPECT_EQ(stats.sentences, 4);
  EXPECT_EQ(stats.mentions, 12);
  EXPECT_EQ(stats.evidence, 10);
  EXPECT_EQ(stats.entities, 7);
  EXPECT_EQ(stats.facts, 7);
}

TEST_F(SampleStats, CountsPerTypeAndPredicateMostFirst) {
  using Counts = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(stats.entities_by_type, (Counts{{"COUNTRY", 3}, {"ORGANIZATION", 2}, {"LOCATION", 1}, {"PERSON", 1}}));
  EXPECT_EQ(stats.facts_by_predicate[0], (std::pair<std::string, int64_t>{"member_of", 2}));
  EXPECT_EQ(stats.facts_by_predicate.size(), 6u);
}

TEST_F(SampleStats, RanksByMentionsAndByDegree) {
  ASSERT_EQ(stats.top_by_mentions.size(), 3u);
  EXPECT_EQ(stats.top_by_mentions[0].name, "Russia");
  EXPECT_EQ(stats.top_by_mentions[0].mentions, 4);
  EXPECT_EQ(stats.top_by_mentions[0].degree, 4);
  EXPECT_EQ(stats.top_by_mentions[1].name, "Belarus");  // 2 mentions, ties with Putin broken by id
  EXPECT_EQ(stats.top_by_mentions[2].name, "Vladimir Putin");
  ASSERT_EQ(stats.top_by_degree.size(), 3u);
  EXPECT_EQ(stats.top_by_degree[0].name, "Russia");  // member_of, 2 × deployed_*, leader_of
  EXPECT_EQ(stats.top_by_degree[1].name, "Belarus");  // as many facts, a larger id
  EXPECT_EQ(stats.top_by_degree[1].degree, 4);
  EXPECT_EQ(stats.top_by_degree[2].name, "Vladimir Putin");  // 2 facts, like CSTO, a smaller id
}

TEST_F(SampleStats, ReportAlignsColumnsAndPrintsArabicLast) {
  std::ostringstream out;
  write_stats_report(stats, out);
  const std::string report = out.str();
  EXPECT_NE(report.find("  documents   3\n  sentences   4\n  mentions   12\n"), std::string::npos) << report;
  EXPECT_NE(report.find("Top 3 entities by mentions\n"
                        "  #  mentions  degree  type     entity          Arabic\n"
                        "  1         4       4  COUNTRY  Russia          روسيا\n"
                        "  2         2       4  COUNTRY  Belarus         بيلاروسيا\n"
                        "  3         2       2  PERSON   Vladimir Putin  فلاديمير بوتين\n"),
            std::string::npos)
      << report;
}

struct WidthCase {
  std::string text;
  size_t width;
};

TEST(DisplayWidth, CountsVisibleCharacters) {
  for (const auto& c : std::vector<WidthCase>{
           {"", 0}, {"Russia", 6}, {"روسيا", 5}, {"مُحَمَّد", 4}, {"e\u0301", 1}, {"a\u200fb", 2}})
    EXPECT_EQ(display_width(c.text), c.width) << c.text;
}

}  // namespace
}  // namespace rawabit::graph
