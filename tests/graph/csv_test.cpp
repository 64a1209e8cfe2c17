#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "graph/csv_writer.hpp"
#include "graph/selection.hpp"
#include "test_database.hpp"
#include "tools.hpp"

namespace rawabit::graph {
namespace {

using namespace testing;

struct CsvExport : ::testing::Test {
  CsvExport() {
    fill_sample(t);
    g = select_graph(t.db(), {});
    std::ostringstream n, e;
    write_nodes_csv(g, n);
    write_edges_csv(g, e);
    nodes = n.str();
    edges = e.str();
  }
  TestDatabase t;
  KnowledgeGraph g;
  std::string nodes, edges;
};

// Gephi's spreadsheet import takes the node id from `Id` and the label from `Label`.
TEST_F(CsvExport, NodeTableFollowsGephisNames) {
  EXPECT_EQ(nodes.substr(0, nodes.find('\n')),
            "Id,Label,label_ar,type,mentions,degree,in_degree,out_degree,weighted_degree,pagerank,betweenness,"
            "component,community,qid");
  EXPECT_NE(nodes.find("\n1,Russia,روسيا,COUNTRY,4,4,1,3,5,"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find(",Q159\n"), std::string::npos) << nodes;         // Russia's Wikidata id, last
  const size_t belarus = nodes.find("\n2,Belarus,") + 1;
  const std::string line = nodes.substr(belarus, nodes.find('\n', belarus) - belarus);
  EXPECT_TRUE(line.ends_with(",")) << line;  // Belarus has no Wikidata id: an empty last field
  // Quotes doubled inside a quoted field, the control character dropped.
  EXPECT_NE(nodes.find("\n5,\"Odd \"\"quoted\"\" <tag> & 'apos' ]]>  end\\\",\"اسم \"\"غريب\"\" \\\",ORGANIZATION,1,"),
            std::string::npos)
      << nodes;
}

// Gephi's spreadsheet import takes an edge's type from `kind` and merges parallel edges of one
// kind: with the predicate as kind, Russia's two facts about Belarus stay two edges.
TEST_F(CsvExport, EdgeTableKeepsParallelFactsApartForGephi) {
  EXPECT_EQ(edges.substr(0, edges.find('\n')), "Source,Target,Type,kind,Weight,Id,Label,predicate,first_seen,last_seen");
  EXPECT_NE(edges.find("\n2,4,Directed,member_of,2,2-member_of-4,member_of,member_of,2023-03-25,2023-05-25\n"),
            std::string::npos)
      << edges;
  EXPECT_NE(edges.find("\n1,2,Directed,deployed_troops_in,"), std::string::npos) << edges;
  EXPECT_NE(edges.find("\n1,2,Directed,deployed_weapons_in,"), std::string::npos) << edges;
  EXPECT_EQ(std::count(edges.begin(), edges.end(), '\n'), 8);  // header + 7 facts
}

TEST_F(CsvExport, PythonCsvReadsEveryRowWhole) {
  const auto python = python_with("csv");
  if (!python) GTEST_SKIP() << "python3 is not installed";
  const std::string file = (t.dir() / "nodes.csv").string();
  std::ofstream(file) << nodes;
  const std::string script =
      "import csv,sys\n"
      "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))\n"
      "assert all(len(r) == 14 and None not in r for r in rows), rows\n"
      "print(len(rows)); print(rows[4]['Label'])\n";
  const auto r = run_command(*python + " -c " + shell_quote(script) + " " + shell_quote(file) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, "6\nOdd \"quoted\" <tag> & 'apos' ]]>  end\\\n");
}

TEST(CsvPaths, NamesTheTwoTables) {
  EXPECT_EQ(csv_paths("out/graph.csv").nodes, "out/graph.nodes.csv");
  EXPECT_EQ(csv_paths("out/graph.csv").edges, "out/graph.edges.csv");
  EXPECT_EQ(csv_paths("graph").nodes, "graph.nodes.csv");
  EXPECT_EQ(csv_paths(".csv").nodes, ".csv.nodes.csv");
}

}  // namespace
}  // namespace rawabit::graph
