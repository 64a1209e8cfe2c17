#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/error.hpp"
#include "graph/centrality.hpp"
#include "graph/filters.hpp"
#include "graph/loader.hpp"
#include "graph/selection.hpp"
#include "test_database.hpp"

namespace rawabit::graph {
namespace {

using namespace testing;
using Facts = std::map<std::string, double>;  // "subject predicate object" → weight

Facts facts_of(const KnowledgeGraph& g) {
  Facts facts;
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    facts[g[boost::source(e, g)].name + " " + g[e].predicate + " " + g[boost::target(e, g)].name] = g[e].weight;
  return facts;
}

std::set<std::string> names_of(const KnowledgeGraph& g) {
  std::set<std::string> names;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) names.insert(g[v].name);
  return names;
}

struct Sample : ::testing::Test {
  Sample() { fill_sample(t); }
  TestDatabase t;
};

struct EvidenceCase {
  const char* why;
  EvidenceFilter filter;
  Facts expected;
};

const EvidenceCase kEvidenceCases[] = {
    {"no filter: the facts of v_facts",
     {},
     {{"Belarus member_of CSTO", 2},
      {"Russia member_of CSTO", 1},
      {"Russia deployed_weapons_in Belarus", 2},
      {"Russia deployed_troops_in Belarus", 1},
      {"Vladimir Putin leader_of Russia", 1},
      {kOddName + " met_with Vladimir Putin", 1},
      {"Moscow supplied_weapons_to Belarus", 1}}},
    {"min confidence 0.75: weights recomputed from the evidence left, facts without any dropped",
     {0.75, "", "", false},
     {{"Belarus member_of CSTO", 2},
      {"Russia member_of CSTO", 1},
      {"Russia deployed_weapons_in Belarus", 1},
      {"Vladimir Putin leader_of Russia", 1}}},
    {"since 2023-05-01",
     {0, "2023-05-01", "", false},
     {{"Belarus member_of CSTO", 1},
      {"Russia deployed_weapons_in Belarus", 2},
      {kOddName + " met_with Vladimir Putin", 1},
      {"Moscow supplied_weapons_to Belarus", 1}}},
    {"until 2023-05 takes the whole month",
     {0, "", "2023-05", false},
     {{"Belarus member_of CSTO", 2},
      {"Russia member_of CSTO", 1},
      {"Russia deployed_weapons_in Belarus", 1},
      {"Russia deployed_troops_in Belarus", 1},
      {"Vladimir Putin leader_of Russia", 1},
      {"Moscow supplied_weapons_to Belarus", 1}}},
    {"since and until: one day",
     {0, "2023-06-16", "2023-06-16", false},
     {{"Russia deployed_weapons_in Belarus", 1}, {kOddName + " met_with Vladimir Putin", 1}}},
    {"collapsed metonyms: Moscow's fact becomes Russia's",
     {0, "", "", true},
     {{"Belarus member_of CSTO", 2},
      {"Russia member_of CSTO", 1},
      {"Russia deployed_weapons_in Belarus", 2},
      {"Russia deployed_troops_in Belarus", 1},
      {"Vladimir Putin leader_of Russia", 1},
      {kOddName + " met_with Vladimir Putin", 1},
      {"Russia supplied_weapons_to Belarus", 1}}},
};

TEST_F(Sample, EvidenceFilters) {
  for (const auto& c : kEvidenceCases) EXPECT_EQ(facts_of(load_graph(t.db(), c.filter)), c.expected) << c.why;
}

TEST_F(Sample, BadDateBoundsAreErrorsQuotingThem) {
  struct Bounds {
    const char *since, *until, *quoted;
  };
  for (const Bounds& b : {Bounds{"2023-13", "", "«2023-13»"}, Bounds{"", "yesterday", "«yesterday»"},
                          Bounds{"2023-06", "2023-05", "«2023-06»"}}) {
    try {
      load_graph(t.db(), {0, b.since, b.until, false});
      ADD_FAILURE() << "expected rawabit::Error for " << b.since << " … " << b.until;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(b.quoted), std::string::npos) << e.what();
    }
  }
  EXPECT_NO_THROW(load_graph(t.db(), {0, "2023-05-10", "2023-05", false}));  // the rest of May
}

TEST_F(Sample, EvidenceFiltersKeepDates) {
  const KnowledgeGraph g = load_graph(t.db(), {0, "2023-05-01", "", false});
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    if (g[e].predicate == "member_of") {
      EXPECT_EQ(g[e].dates, std::vector<std::string>{"2023-05-25"});
      EXPECT_EQ(g[e].first_seen(), "2023-05-25");
    }
}

TEST_F(Sample, CollapsingMergesMentionsAndDropsFactsWithTheEntityItself) {
  const int64_t s = 1, russia = 1, moscow = 6;
  t.evidence(t.relation(moscow, "member_of", russia), s, 1.0, "2023-03-25");  // meaningless once merged
  const KnowledgeGraph g = load_graph(t.db(), {0, "", "", true});
  EXPECT_EQ(names_of(g).count("Moscow"), 0u);
  EXPECT_EQ(facts_of(g).count("Russia member_of Russia"), 0u);
  EXPECT_EQ(g[*find_vertex(g, russia)].mentions, 5);  // Russia's 4 and Moscow's 1
  EXPECT_EQ(g[*find_vertex(g, russia)].name_ar, "روسيا");
}

TEST_F(Sample, CollapsingMergesTheSameFactFromBothNamesIntoOne) {
  const int64_t s3 = 4, russia = 1, belarus = 2;
  t.evidence(t.relation(russia, "supplied_weapons_to", belarus), s3, 1.0, "2023-06-16");
  const Facts facts = facts_of(load_graph(t.db(), {0, "", "", true}));
  EXPECT_EQ(facts.at("Russia supplied_weapons_to Belarus"), 2);  // documents b.txt (as Moscow) and c.txt
}

struct FactFilterCase {
  const char* why;
  FactFilter filter;
  std::set<std::string> facts, names;
};

TEST_F(Sample, FactFilters) {
  const KnowledgeGraph g = load_graph(t.db());
  const FactFilterCase cases[] = {
      {"predicates",
       {{"member_of"}, {}, 0},
       {"Belarus member_of CSTO", "Russia member_of CSTO"},
       {"Belarus", "CSTO", "Russia"}},
      {"types: both ends",
       {{}, {"COUNTRY"}, 0},
       {"Russia deployed_troops_in Belarus", "Russia deployed_weapons_in Belarus"},
       {"Belarus", "Russia"}},
      {"min weight",
       {{}, {}, 2},
       {"Belarus member_of CSTO", "Russia deployed_weapons_in Belarus"},
       {"Belarus", "CSTO", "Russia"}},
      {"combined",
       {{"member_of", "leader_of"}, {"COUNTRY", "PERSON"}, 0},
       {"Vladimir Putin leader_of Russia"},
       {"Russia", "Vladimir Putin"}},
  };
  for (const auto& c : cases) {
    const KnowledgeGraph filtered = filter_facts(g, c.filter);
    std::set<std::string> facts;
    for (const auto& [fact, weight] : facts_of(filtered)) facts.insert(fact);
    EXPECT_EQ(facts, c.facts) << c.why;
    EXPECT_EQ(names_of(filtered), c.names) << c.why;
  }
}

TEST_F(Sample, EgoGraphFollowsFactsBothWays) {
  const KnowledgeGraph g = load_graph(t.db());
  const Vertex putin = *find_vertex(g, 3);
  EXPECT_EQ(names_of(ego_graph(g, putin, 0)), (std::set<std::string>{"Vladimir Putin"}));
  EXPECT_EQ(names_of(ego_graph(g, putin, 1)), (std::set<std::string>{"Vladimir Putin", "Russia", kOddName}));
  const KnowledgeGraph two = ego_graph(g, putin, 2);
  EXPECT_EQ(names_of(two), (std::set<std::string>{"Vladimir Putin", "Russia", kOddName, "Belarus", "CSTO"}));
  EXPECT_EQ(facts_of(two).size(), 6u);  // all facts among them, Belarus member_of CSTO included; not Moscow's
}

TEST_F(Sample, TopByPageRankKeepsTheHighestRanked) {
  const KnowledgeGraph g = load_graph(t.db());
  const std::vector<double> rank = pagerank(g);
  const KnowledgeGraph top = top_by_pagerank(g, 2);
  ASSERT_EQ(boost::num_vertices(top), 2u);
  double lowest_kept = 1, highest_dropped = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const bool kept = names_of(top).count(g[v].name) > 0;
    if (kept) lowest_kept = std::min(lowest_kept, rank[v]);
    else highest_dropped = std::max(highest_dropped, rank[v]);
  }
  EXPECT_GE(lowest_kept, highest_dropped);
  EXPECT_EQ(boost::num_vertices(top_by_pagerank(g, 100)), boost::num_vertices(g));
}

struct LookupCase {
  std::string name;
  int64_t entity_id;
};

TEST_F(Sample, FindEntityByEnglishArabicOrAlias) {
  const KnowledgeGraph g = load_graph(t.db());
  const LookupCase cases[] = {
      {"Russia", 1},
      {"russia", 1},
      {"روسيا", 1},
      {"رُوسيا", 1},  // case, diacritics
      {"بيلاروسيا", 2},
      {"فلاديمير  بوتين", 3},
      {"الرئيس الروسي", 3},               // spaces folded; an alias
      {"منظمة معاهدة الامن الجماعي", 4},  // أ → ا
  };
  for (const auto& c : cases) EXPECT_EQ(g[find_entity(t.db(), g, c.name)].id, c.entity_id) << c.name;
}

TEST_F(Sample, FindEntityErrorsQuoteTheName) {
  const KnowledgeGraph g = load_graph(t.db());
  try {
    find_entity(t.db(), g, "Atlantis");
    FAIL() << "expected rawabit::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("«Atlantis»"), std::string::npos) << e.what();
  }
  EXPECT_THROW(find_entity(t.db(), g, "Kazakhstan"), Error);  // exists, but in no fact
  t.alias(5, "الرئيس الروسي");
  try {
    find_entity(t.db(), g, "الرئيس الروسي");
    FAIL() << "expected rawabit::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("several entities: Vladimir Putin (3), "), std::string::npos) << e.what();
  }
}

TEST_F(Sample, SelectionRunsTheStepsAndComputesMetrics) {
  GraphSelection s;
  s.facts.predicates = {"member_of", "leader_of", "deployed_weapons_in"};
  s.around = "بوتين";  // not a name: fails
  EXPECT_THROW(select_graph(t.db(), s), Error);
  s.around = "فلاديمير بوتين";
  s.depth = 2;
  s.top = 3;
  const KnowledgeGraph g = select_graph(t.db(), s);
  EXPECT_EQ(boost::num_vertices(g), 3u);
  double total = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) total += g[v].metrics.pagerank;
  EXPECT_NEAR(total, 1.0, 1e-9);
}

TEST_F(Sample, UnknownPredicateIsAnErrorListingTheKnownOnes) {
  GraphSelection s;
  s.facts.predicates = {"member_off"};
  try {
    select_graph(t.db(), s);
    FAIL() << "expected rawabit::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("«member_off»"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("member_of"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace rawabit::graph
