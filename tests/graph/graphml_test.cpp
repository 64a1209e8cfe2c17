#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/error.hpp"
#include "graph/dot_writer.hpp"
#include "graph/graphml_writer.hpp"
#include "graph/graphviz.hpp"
#include "graph/layout.hpp"
#include "graph/selection.hpp"
#include "graph_builder.hpp"
#include "test_database.hpp"
#include "tools.hpp"

namespace rawabit::graph {
namespace {

using nlohmann::json;
using namespace testing;

// The odd name as it must read back: the \x01 control dropped, everything else intact.
const std::string kOddNameRead = "Odd \"quoted\" <tag> & 'apos' ]]>  end\\";

struct GraphmlExport : ::testing::Test {
  GraphmlExport() {
    fill_sample(t);
    g = select_graph(t.db(), {});
    std::ostringstream out;
    write_graphml(g, out);
    xml = out.str();
    file = (t.dir() / "sample.graphml").string();
    std::ofstream(file) << xml;
  }

  // The file as `library` (networkx or igraph) reads it, via tests/fixtures/graph/read_graphml.py.
  json read_with(const std::string& library) {
    const auto python = python_with(library);
    if (!python) return nullptr;
    const auto r = run_command(*python + " " + shell_quote(std::string(RAWABIT_TEST_DATA) + "/graph/read_graphml.py") +
                               " " + library + " " + shell_quote(file));
    EXPECT_EQ(r.status, 0) << library << " could not read the GraphML:\n" << xml;
    return json::parse(r.output);
  }

  TestDatabase t;
  KnowledgeGraph g;
  std::string xml, file;
};

// The edges between two nodes as (predicate → attributes), from a read_graphml.py dump.
std::map<std::string, json> edges_between(const json& graph, const std::string& source, const std::string& target) {
  std::map<std::string, json> found;
  for (const auto& e : graph["edges"])
    if (e[0] == source && e[1] == target) found[e[2]["predicate"][1].get<std::string>()] = e[2];
  return found;
}

TEST_F(GraphmlExport, DeclaresTypedKeys) {
  for (const char* key : {
           R"(<key id="label" for="node" attr.name="label" attr.type="string"/>)",
           R"(<key id="label_ar" for="node" attr.name="label_ar" attr.type="string"/>)",
           R"(<key id="type" for="node" attr.name="type" attr.type="string"/>)",
           R"(<key id="mentions" for="node" attr.name="mentions" attr.type="long"/>)",
           R"(<key id="degree" for="node" attr.name="degree" attr.type="long"/>)",
           R"(<key id="in_degree" for="node" attr.name="in_degree" attr.type="long"/>)",
           R"(<key id="out_degree" for="node" attr.name="out_degree" attr.type="long"/>)",
           R"(<key id="weighted_degree" for="node" attr.name="weighted_degree" attr.type="double"/>)",
           R"(<key id="pagerank" for="node" attr.name="pagerank" attr.type="double"/>)",
           R"(<key id="betweenness" for="node" attr.name="betweenness" attr.type="double"/>)",
           R"(<key id="component" for="node" attr.name="component" attr.type="long"/>)",
           R"(<key id="community" for="node" attr.name="community" attr.type="long"/>)",
           R"(<key id="r" for="node" attr.name="r" attr.type="int"/>)",
           R"(<key id="g" for="node" attr.name="g" attr.type="int"/>)",
           R"(<key id="b" for="node" attr.name="b" attr.type="int"/>)",
           R"(<key id="size" for="node" attr.name="size" attr.type="double"/>)",
           R"(<key id="qid" for="node" attr.name="qid" attr.type="string"/>)",
           R"(<key id="weight" for="edge" attr.name="weight" attr.type="double"/>)",
           R"(<key id="edge_label" for="edge" attr.name="label" attr.type="string"/>)",
           R"(<key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>)",
           R"(<key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/>)",
           R"(<key id="last_seen" for="edge" attr.name="last_seen" attr.type="string"/>)",
       })
    EXPECT_NE(xml.find(key), std::string::npos) << key;
  EXPECT_NE(xml.find(R"(<graph id="rawabit" edgedefault="directed">)"), std::string::npos);
}

TEST_F(GraphmlExport, NodeIdsAreEntityIds) {
  EXPECT_NE(xml.find(R"(<node id="1"><data key="label">Russia</data><data key="label_ar">روسيا</data>)"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find(R"(<node id="0")"), std::string::npos);  // never a vertex index
  EXPECT_EQ(xml.find(R"(<node id="7")"), std::string::npos);  // Kazakhstan takes part in no fact
}

TEST_F(GraphmlExport, EdgesCarryIdLabelAndData) {
  EXPECT_NE(xml.find(R"(<edge id="1-deployed_weapons_in-2" source="1" target="2" label="deployed_weapons_in">)"
                     R"(<data key="weight">2</data><data key="edge_label">deployed_weapons_in</data>)"
                     R"(<data key="predicate">deployed_weapons_in</data>)"
                     R"(<data key="first_seen">2023-05-25</data><data key="last_seen">2023-06-16</data></edge>)"),
            std::string::npos)
      << xml;
}

// Gephi's GraphML import takes node positions from the keys named x and y: the same layout as the
// picture, i.e. what Graphviz computes for the very DOT source the picture renders.
TEST_F(GraphmlExport, PositionsAreThoseOfThePicture) {
  KnowledgeGraph placed = g;
  if (!place_nodes(placed)) GTEST_SKIP() << "Graphviz is not installed";
  std::ostringstream dot;
  write_dot(g, dot);  // exactly what the picture renders
  KnowledgeGraph pictured = g;
  read_plain_positions(run_graphviz(dot.view(), "plain"), pictured);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    ASSERT_TRUE(placed[v].position && pictured[v].position) << g[v].name;
    EXPECT_EQ(placed[v].position->x, pictured[v].position->x) << g[v].name;
    EXPECT_EQ(placed[v].position->y, pictured[v].position->y) << g[v].name;
  }
  std::ostringstream out;
  write_graphml(placed, out);
  const std::string written = out.str();
  EXPECT_NE(written.find(R"(<key id="x" for="node" attr.name="x" attr.type="double"/>)"), std::string::npos);
  EXPECT_NE(written.find(R"(<key id="y" for="node" attr.name="y" attr.type="double"/>)"), std::string::npos);
  const size_t russia_x = written.find("<data key=\"x\">", written.find("<node id=\"1\">"));
  ASSERT_NE(russia_x, std::string::npos) << written;
  EXPECT_EQ(std::strtod(written.c_str() + russia_x + 14, nullptr), placed[0].position->x);
  EXPECT_EQ(xml.find("key=\"x\""), std::string::npos) << "no positions (nor their keys) unless placed";
}

TEST_F(GraphmlExport, EscapesMarkupAndDropsIllegalCharacters) {
  EXPECT_NE(
      xml.find("<data key=\"label\">Odd &quot;quoted&quot; &lt;tag&gt; &amp; &apos;apos&apos; ]]&gt;  end\\</data>"),
      std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
}

TEST_F(GraphmlExport, IsWellFormedForXmllint) {
  if (!have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  EXPECT_EQ(run_command("xmllint --noout " + shell_quote(file) + " 2>&1").status, 0) << xml;
}

TEST_F(GraphmlExport, NetworkxReadsATypedDirectedMultigraph) {
  const json read = read_with("networkx");
  if (read.is_null()) GTEST_SKIP() << "python3 with networkx is not installed";
  EXPECT_TRUE(read["directed"].get<bool>());
  EXPECT_TRUE(read["multigraph"].get<bool>());

  std::set<std::string> ids;
  for (const auto& [id, attrs] : read["nodes"].items()) ids.insert(id);
  EXPECT_EQ(ids, (std::set<std::string>{"1", "2", "3", "4", "5", "6"}));

  const json& russia = read["nodes"]["1"];
  EXPECT_EQ(russia["label"], json::array({"str", "Russia"}));
  EXPECT_EQ(russia["label_ar"], json::array({"str", "روسيا"}));
  EXPECT_EQ(russia["type"], json::array({"str", "COUNTRY"}));
  EXPECT_EQ(russia["mentions"], json::array({"int", 4}));
  EXPECT_EQ(russia["degree"], json::array({"int", 4}));
  EXPECT_EQ(russia["in_degree"], json::array({"int", 1}));
  EXPECT_EQ(russia["out_degree"], json::array({"int", 3}));
  EXPECT_EQ(russia["weighted_degree"], json::array({"float", 5.0}));  // 1 + 2 + 1 out, 1 in
  EXPECT_EQ(russia["pagerank"][0], "float");
  EXPECT_NEAR(russia["pagerank"][1].get<double>(), g[0].metrics.pagerank, 1e-15) << "written to round-trip";
  EXPECT_EQ(russia["betweenness"], json::array({"float", g[0].metrics.betweenness}));
  EXPECT_EQ(russia["component"], json::array({"int", 0}));
  EXPECT_EQ(russia["community"][0], "int");
  EXPECT_EQ(russia["r"], json::array({"int", 0}));  // COUNTRY #009e73
  EXPECT_EQ(russia["g"], json::array({"int", 158}));
  EXPECT_EQ(russia["b"], json::array({"int", 115}));
  EXPECT_EQ(russia["size"][0], "float");
  EXPECT_EQ(read["nodes"]["5"]["label"], json::array({"str", kOddNameRead}));
  EXPECT_EQ(read["nodes"]["5"]["label_ar"], json::array({"str", kOddNameAr}));

  EXPECT_EQ(read["edges"].size(), 7u);
  const auto russia_belarus = edges_between(read, "1", "2");
  ASSERT_EQ(russia_belarus.size(), 2u) << "two predicates between one pair must stay two edges";
  const json& deployed = russia_belarus.at("deployed_weapons_in");
  EXPECT_EQ(deployed["weight"], json::array({"float", 2.0}));
  EXPECT_EQ(deployed["first_seen"], json::array({"str", "2023-05-25"}));
  EXPECT_EQ(deployed["last_seen"], json::array({"str", "2023-06-16"}));
  EXPECT_EQ(russia_belarus.at("deployed_troops_in")["weight"], json::array({"float", 1.0}));
  EXPECT_EQ(deployed["label"], json::array({"str", "deployed_weapons_in"}));  // the edge label key
  EXPECT_EQ(russia["qid"], json::array({"str", "Q159"}));
}

TEST_F(GraphmlExport, IgraphReadsIt) {
  const json read = read_with("igraph");
  if (read.is_null()) GTEST_SKIP() << "python3 with igraph is not installed";
  EXPECT_TRUE(read["directed"].get<bool>());
  EXPECT_TRUE(read["multigraph"].get<bool>());
  EXPECT_EQ(read["nodes"].size(), 6u);
  EXPECT_EQ(read["edges"].size(), 7u);
  EXPECT_EQ(read["nodes"]["5"]["label"][1], kOddNameRead);
  EXPECT_EQ(read["nodes"]["1"]["mentions"][1], 4);
  EXPECT_EQ(edges_between(read, "1", "2").at("deployed_weapons_in")["weight"], json::array({"float", 2.0}));
  EXPECT_EQ(edges_between(read, "1", "2").at("deployed_weapons_in")["label"][1], "deployed_weapons_in");
  EXPECT_EQ(read["nodes"]["1"]["qid"][1], "Q159");
}

// A filtered export may have no parallel edges; networkx then reads a DiGraph unless asked for a
// multigraph, as docs/graph.md says; igraph keeps every edge either way.
TEST(GraphmlFiltered, NetworkxNeedsForceMultigraphWithoutParallelEdges) {
  const auto python = python_with("networkx");
  if (!python) GTEST_SKIP() << "python3 with networkx is not installed";
  TestDatabase t;
  std::ostringstream out;
  write_graphml(make_graph({{1, "visited", 2}, {2, "met_with", 3}}), out);
  const std::string file = (t.dir() / "simple.graphml").string();
  std::ofstream(file) << out.str();
  const std::string script =
      "import sys, networkx as nx\n"
      "print(type(nx.read_graphml(sys.argv[1])).__name__, "
      "type(nx.read_graphml(sys.argv[1], force_multigraph=True)).__name__)\n";
  const auto r = run_command(*python + " -c " + shell_quote(script) + " " + shell_quote(file) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, "DiGraph MultiDiGraph\n");
}

TEST(GraphmlFailure, AFailingStreamIsAnError) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full to fill";
  std::ofstream full("/dev/full");
  EXPECT_THROW(write_graphml(make_graph({{1, "visited", 2}}), full), Error);
}

TEST(GraphmlEmpty, EmptyGraphIsAValidDocument) {
  std::ostringstream out;
  write_graphml(KnowledgeGraph{}, out);
  EXPECT_NE(out.str().find("<graph id=\"rawabit\" edgedefault=\"directed\">\n  </graph>\n</graphml>\n"),
            std::string::npos);
}

}  // namespace
}  // namespace rawabit::graph
