#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "graph/neo4j_writer.hpp"
#include "graph/selection.hpp"
#include "test_database.hpp"
#include "tools.hpp"

namespace rawabit::graph {
namespace {

using namespace testing;

struct Neo4jExport : ::testing::Test {
  Neo4jExport() {
    fill_sample(t);
    g = select_graph(t.db(), {});
    std::ostringstream n, r;
    write_neo4j_nodes(g, n);
    write_neo4j_relationships(g, r);
    nodes = n.str();
    relationships = r.str();
  }
  TestDatabase t;
  KnowledgeGraph g;
  std::string nodes, relationships;
};

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// neo4j-admin import reads the id from the `:ID` column, the labels from `:LABEL`, the endpoints
// from `:START_ID`/`:END_ID` and the relationship type from `:TYPE`; typed columns say name:type.
TEST_F(Neo4jExport, HeadersAreAdminImportHeaders) {
  EXPECT_EQ(first_line(nodes),
            "id:ID,name,name_ar,qid,:LABEL,mentions:long,degree:long,pagerank:double,betweenness:double,"
            "component:long,community:long");
  EXPECT_EQ(first_line(relationships), ":START_ID,:END_ID,:TYPE,weight:long,evidence:long,first_seen,last_seen");
}

TEST_F(Neo4jExport, EntityTypeIsALabelAndPredicateTheType) {
  EXPECT_NE(nodes.find("\n1,Russia,روسيا,Q159,Entity;COUNTRY,4,4,"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find("\n3,Vladimir Putin,فلاديمير بوتين,,Entity;PERSON,"), std::string::npos) << nodes;
  // Putin leader_of Russia: one document, two pieces of evidence.
  EXPECT_NE(relationships.find("\n3,1,leader_of,1,2,2023-03-25,2023-03-25\n"), std::string::npos) << relationships;
  EXPECT_NE(relationships.find("\n2,4,member_of,2,2,2023-03-25,2023-05-25\n"), std::string::npos) << relationships;
}

// Every relationship's endpoints are nodes of the file (neo4j-admin import would skip or fail on
// the others), and every row has as many fields as the header, read by Python's csv module.
TEST_F(Neo4jExport, RowsAreWholeAndEndpointsExist) {
  const auto python = python_with("csv");
  if (!python) GTEST_SKIP() << "python3 is not installed";
  const std::string n = (t.dir() / "nodes.csv").string(), r = (t.dir() / "relationships.csv").string();
  std::ofstream(n) << nodes;
  std::ofstream(r) << relationships;
  const std::string script =
      "import csv,sys\n"
      "nodes = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))\n"
      "rels = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))\n"
      "assert all(len(row) == len(nodes[0]) for row in nodes), nodes\n"
      "assert all(len(row) == len(rels[0]) for row in rels), rels\n"
      "ids = {row[0] for row in nodes[1:]}\n"
      "assert all(row[0] in ids and row[1] in ids for row in rels[1:])\n"
      "print(len(nodes) - 1, len(rels) - 1)\n";
  const auto result = run_command(*python + " -c " + shell_quote(script) + " " + shell_quote(n) + " " + shell_quote(r) + " 2>&1");
  ASSERT_EQ(result.status, 0) << result.output;
  EXPECT_EQ(result.output, std::to_string(boost::num_vertices(g)) + " " + std::to_string(boost::num_edges(g)) + "\n");
}

TEST(Neo4jPaths, NamesTheTwoFilesInTheFolder) {
  EXPECT_EQ(neo4j_paths("out/neo").nodes, "out/neo/nodes.csv");
  EXPECT_EQ(neo4j_paths("out/neo").relationships, "out/neo/relationships.csv");
}

}  // namespace
}  // namespace rawabit::graph
