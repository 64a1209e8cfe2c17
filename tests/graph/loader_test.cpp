#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <fstream>
#include <map>
#include <set>

#include "common/error.hpp"
#include "graph/loader.hpp"
#include "test_database.hpp"

namespace rawabit::graph {
namespace {

using testing::TestDatabase;

struct LoadedSample : ::testing::Test {
  LoadedSample() {
    fill_sample(t);
    g = load_graph(t.db());
  }
  const EntityNode& node(int64_t id) const {
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
      if (g[v].id == id) return g[v];
    throw std::out_of_range("no node " + std::to_string(id));
  }
  TestDatabase t;
  KnowledgeGraph g;
};

TEST_F(LoadedSample, NodesAreTheEntitiesInFactsInIdOrder) {
  std::vector<int64_t> ids;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) ids.push_back(g[v].id);
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));  // Kazakhstan (7) takes part in no fact
}

TEST_F(LoadedSample, NodeAttributesComeFromTheEntitiesView) {
  EXPECT_EQ(node(1).name, "Russia");
  EXPECT_EQ(node(1).name_ar, "روسيا");
  EXPECT_EQ(node(1).type, "COUNTRY");
  EXPECT_EQ(node(1).mentions, 4);
  EXPECT_EQ(node(5).name, testing::kOddName);  // stored as is; escaping is the writers' business
  EXPECT_EQ(node(4).type, "ORGANIZATION");
}

TEST_F(LoadedSample, EdgesMatchTheFactsViewRowForRow) {
  std::map<std::tuple<int64_t, std::string, int64_t>, FactEdge> loaded;
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    loaded[{g[boost::source(e, g)].id, g[e].predicate, g[boost::target(e, g)].id}] = g[e];
  SQLite::Statement q(t.db(), "SELECT subject_id, predicate, object_id, weight, first_seen, last_seen FROM v_facts");
  size_t rows = 0;
  while (q.executeStep()) {
    ++rows;
    const FactEdge& f = loaded.at({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64()});
    EXPECT_EQ(f.weight, q.getColumn(3).getDouble()) << f.predicate;
    EXPECT_EQ(f.first_seen(), q.getColumn(4).getString()) << f.predicate;
    EXPECT_EQ(f.last_seen(), q.getColumn(5).getString()) << f.predicate;
  }
  EXPECT_EQ(rows, 7u);
  EXPECT_EQ(loaded.size(), rows);
}

TEST_F(LoadedSample, WeightCountsDistinctDocuments) {
  std::map<std::string, double> weight_of;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) weight_of[g[e].predicate] += g[e].weight;
  EXPECT_EQ(weight_of.at("leader_of"), 1);  // two evidence rows in one document
  EXPECT_EQ(weight_of.at("deployed_weapons_in"), 2);
}

TEST_F(LoadedSample, TwoPredicatesBetweenOnePairAreTwoEdges) {
  std::set<std::string> predicates;
  for (Edge e : boost::make_iterator_range(boost::out_edges(0, g)))  // Russia
    if (g[boost::target(e, g)].id == 2) predicates.insert(g[e].predicate);
  EXPECT_EQ(predicates, (std::set<std::string>{"deployed_troops_in", "deployed_weapons_in"}));
}

TEST(Loader, InvalidUtf8InTheDatabaseIsRepaired) {
  TestDatabase t;
  const int64_t s = t.sentence(t.document("a.txt", std::nullopt), "s");
  const int64_t bad = t.entity("bad \xC3 name", std::nullopt, "PERSON"), ok = t.entity("ok", std::nullopt, "PERSON");
  t.evidence(t.relation(bad, "met_with", ok), s, 1.0, std::nullopt);
  const KnowledgeGraph g = load_graph(t.db());
  EXPECT_EQ(g[0].name, "bad \xEF\xBF\xBD name");
  EXPECT_EQ(g[0].name_ar, "");
  EXPECT_EQ(g[*boost::edges(g).first].first_seen(), "");  // NULL date
}

TEST(Loader, EmptyDatabaseGivesEmptyGraph) {
  TestDatabase t;
  EXPECT_EQ(boost::num_vertices(load_graph(t.db())), 0u);
}

TEST(OpenDatabase, MissingFileIsAnErrorQuotingThePath) {
  try {
    open_database("/nonexistent/x.db");
    FAIL() << "expected rawabit::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/x.db"), std::string::npos) << e.what();
  }
}

TEST(OpenDatabase, FileWithoutTheViewsIsAnError) {
  TestDatabase t;
  const std::string other = (t.dir() / "other.db").string();
  { SQLite::Database(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE x (y)"); }
  EXPECT_THROW(open_database(other), Error);
  const std::string text = (t.dir() / "notes.txt").string();
  std::ofstream(text) << "not a database at all, just some text that is long enough to look like a header";
  EXPECT_THROW(open_database(text), Error);
}

TEST(OpenDatabase, OpensReadOnly) {
  TestDatabase t;
  SQLite::Database db = open_database(t.path());
  EXPECT_THROW(db.exec("CREATE TABLE x (y)"), SQLite::Exception);
}

}  // namespace
}  // namespace rawabit::graph
