// PageRank, betweenness, components and communities against networkx, on the committed fixture
// tests/fixtures/graph/centrality_graph.tsv with the values make_centrality_expected.py computed.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "graph/centrality.hpp"
#include "graph/community.hpp"
#include "graph/metrics.hpp"
#include "graph/projection.hpp"
#include "graph_builder.hpp"

namespace rawabit::graph {
namespace {

const std::string kFixtures = std::string(RAWABIT_TEST_DATA) + "/graph/";

// The fixture as a KnowledgeGraph: entity ids from the file, vertices in id order.
KnowledgeGraph read_fixture_graph() {
  std::ifstream in(kFixtures + "centrality_graph.tsv");
  std::vector<testing::TestFact> facts;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    testing::TestFact f;
    fields >> f.subject >> f.object >> f.predicate >> f.weight;
    facts.push_back(f);
  }
  return testing::make_graph(facts);
}

nlohmann::json expected() {
  std::ifstream in(kFixtures + "centrality_expected.json");
  return nlohmann::json::parse(in);
}

struct NetworkxFixture : ::testing::Test {
  KnowledgeGraph g = read_fixture_graph();
  nlohmann::json want = expected();
  std::string id(Vertex v) const { return std::to_string(g[v].id); }
};

TEST_F(NetworkxFixture, FixtureIsTheMultigraphItClaims) {
  EXPECT_EQ(boost::num_vertices(g), 14u);
  EXPECT_EQ(boost::num_edges(g), 18u);
}

TEST_F(NetworkxFixture, PageRankMatchesNetworkx) {
  const std::vector<double> rank = pagerank(g);
  double sum = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    EXPECT_NEAR(rank[v], want["pagerank"][id(v)].get<double>(), 1e-6) << "entity " << id(v);
    sum += rank[v];
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST_F(NetworkxFixture, BetweennessMatchesNetworkxOnTheUndirectedGraph) {
  const std::vector<double> between = betweenness(undirected_projection(g));
  for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
    EXPECT_NEAR(between[v], want["betweenness"][id(v)].get<double>(), 1e-6) << "entity " << id(v);
}

TEST_F(NetworkxFixture, ConnectedComponentsMatchNetworkx) {
  const std::vector<int64_t> component = connected_components(undirected_projection(g));
  std::map<int64_t, std::vector<std::string>> members;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) members[component[v]].push_back(id(v));
  std::vector<std::vector<std::string>> got;
  for (auto& [c, ids] : members) got.push_back(ids);
  EXPECT_EQ(got, want["components"].get<std::vector<std::vector<std::string>>>());
  EXPECT_EQ(component[0], 0);  // numbered from the lowest entity id
}

TEST_F(NetworkxFixture, LouvainReachesNetworkxModularity) {
  const Projection p = undirected_projection(g);
  const std::vector<int64_t> community = louvain_communities(p);
  EXPECT_GE(modularity(p, community), want["louvain_modularity"].get<double>() - 1e-9);
  EXPECT_EQ(louvain_communities(p), community) << "deterministic";
}

TEST_F(NetworkxFixture, ComputeMetricsStoresThemOnTheNodes) {
  compute_metrics(g);
  const Vertex three = 2;  // entity 3: the bridge of the first component
  EXPECT_NEAR(g[three].metrics.pagerank, want["pagerank"]["3"].get<double>(), 1e-6);
  EXPECT_NEAR(g[three].metrics.betweenness, want["betweenness"]["3"].get<double>(), 1e-6);
  EXPECT_EQ(g[three].metrics.component, 0);
  EXPECT_EQ(g[13].metrics.component, 1);  // entity 14
  EXPECT_EQ(g[0].metrics.community, 0);
}

// Two triangles joined by one light edge, and a separate pair: the textbook three communities.
Projection two_triangles_and_a_pair() {
  Projection p(8);
  for (auto [s, t] : {std::pair{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}})
    boost::add_edge(s, t, ProjectedEdge{3}, p);
  boost::add_edge(2, 3, ProjectedEdge{1}, p);
  boost::add_edge(6, 7, ProjectedEdge{1}, p);
  return p;
}

TEST(Louvain, FindsObviousCommunities) {
  const Projection p = two_triangles_and_a_pair();
  EXPECT_EQ(louvain_communities(p), (std::vector<int64_t>{0, 0, 0, 1, 1, 1, 2, 2}));
}

TEST(Modularity, MatchesTheFormula) {
  const Projection p = two_triangles_and_a_pair();
  // m = 20; communities' internal weights 9, 9, 1 and strengths 19, 19, 2.
  const double expected = (18 + 18 + 2) / 40.0 - (19 * 19 + 19 * 19 + 2 * 2) / 1600.0;
  EXPECT_NEAR(modularity(p, {0, 0, 0, 1, 1, 1, 2, 2}), expected, 1e-12);
  EXPECT_NEAR(modularity(p, {0, 0, 0, 0, 0, 0, 0, 0}), 0.0, 1e-12);  // one community: 1 - 1²
}

TEST(Metrics, EmptyAndTinyGraphs) {
  KnowledgeGraph empty;
  compute_metrics(empty);  // no crash, nothing to compute
  EXPECT_TRUE(pagerank(empty).empty());
  KnowledgeGraph pair = testing::make_graph({{1, "visited", 2}});
  const Vertex from = 0, to = 1;
  compute_metrics(pair);
  EXPECT_EQ(pair[from].metrics.betweenness, 0.0);  // no node lies between others
  // 1 → 2 and 2 dangles: x1 = 0.15/2 + 0.85·x2/2 with x1 + x2 = 1, so x1 = 0.5 / 1.425.
  EXPECT_NEAR(pair[from].metrics.pagerank, 0.5 / 1.425, 1e-9);
  EXPECT_NEAR(pair[to].metrics.pagerank, 1 - 0.5 / 1.425, 1e-9);
}

}  // namespace
}  // namespace rawabit::graph
