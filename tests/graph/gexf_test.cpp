#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/gexf_writer.hpp"
#include "graph/layout.hpp"
#include "graph/selection.hpp"
#include "graph_builder.hpp"
#include "test_database.hpp"
#include "tools.hpp"

namespace rawabit::graph {
namespace {

using nlohmann::json;
using namespace testing;

struct GexfExport : ::testing::Test {
  GexfExport() {
    fill_sample(t);
    g = select_graph(t.db(), {});
    std::ostringstream out;
    write_gexf(g, out);
    xml = out.str();
    file = (t.dir() / "sample.gexf").string();
    std::ofstream(file) << xml;
  }
  bool has(const std::string& text) const { return xml.find(text) != std::string::npos; }

  TestDatabase t;
  KnowledgeGraph g;
  std::string xml, file;
};

TEST_F(GexfExport, IsADynamicGexf13GraphOverDates) {
  EXPECT_TRUE(has(R"(<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz")"));
  EXPECT_TRUE(has(R"(version="1.3">)"));
  EXPECT_TRUE(
      has(R"(<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">)"));
  EXPECT_TRUE(has(R"(<attribute id="pagerank" title="pagerank" type="double"/>)"));
  EXPECT_TRUE(has(R"(<attribute id="community" title="community" type="long"/>)"));
}

TEST_F(GexfExport, FactSeenOnceHasStartAndEnd) {
  EXPECT_TRUE(has(R"(<edge id="3-leader_of-1" source="3" target="1" label="leader_of" kind="leader_of" weight="1" )"
                  R"(start="2023-03-25" end="2023-03-25"><attvalues>)"))
      << xml;
}

TEST_F(GexfExport, RecurringFactHasSpells) {
  EXPECT_TRUE(has(
      R"(<edge id="2-member_of-4" source="2" target="4" label="member_of" kind="member_of" weight="2"><attvalues>)"));
  EXPECT_TRUE(has(
      R"(<spells><spell start="2023-03-25" end="2023-03-25"/><spell start="2023-05-25" end="2023-05-25"/></spells></edge>)"));
}

TEST_F(GexfExport, NodesSpanTheirFactsAndCarryVizAttributes) {
  EXPECT_TRUE(has(
      R"(<node id="1" label="Russia" start="2023-03-25" end="2023-06-16"><attvalues><attvalue for="label_ar" value="روسيا"/>)"));
  EXPECT_TRUE(has(R"(<node id="4" label="CSTO" start="2023-03-25" end="2023-05-25">)"));
  EXPECT_TRUE(has(R"(<viz:color r="0" g="158" b="115"/>)"));  // COUNTRY
  EXPECT_TRUE(has(R"(<viz:size value="50"/></node>)"));        // the highest PageRank
  EXPECT_TRUE(has(R"(<attvalue for="qid" value="Q159"/></attvalues>)")) << "Russia's Wikidata id, last";
  EXPECT_TRUE(has(R"(<attribute id="qid" title="qid" type="string"/>)"));
}

TEST(GexfSpans, AnEntityWithAnUndatedFactIsAlwaysPresent) {
  KnowledgeGraph g = make_graph({{1, "visited", 2}, {2, "visited", 3}});
  g[*boost::out_edges(0, g).first].dates = {"2023-05"};
  std::ostringstream out;
  write_gexf(g, out);
  EXPECT_NE(out.str().find(R"(<node id="1" label="n1" start="2023-05-01" end="2023-05-31">)"), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find(R"(<node id="2" label="n2">)"), std::string::npos);  // also in the undated 2 → 3
  EXPECT_NE(out.str().find(R"(<node id="3" label="n3">)"), std::string::npos);
  EXPECT_NE(out.str().find(R"(weight="1"><attvalues><attvalue for="predicate" value="visited"/></attvalues></edge>)"),
            std::string::npos);
}

TEST_F(GexfExport, EscapesNames) {
  EXPECT_TRUE(has(R"(label="Odd &quot;quoted&quot; &lt;tag&gt; &amp; &apos;apos&apos; ]]&gt;  end\")"));
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST_F(GexfExport, IsWellFormedForXmllint) {
  if (!have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  EXPECT_EQ(run_command("xmllint --noout " + shell_quote(file) + " 2>&1").status, 0) << xml;
}

// Every GEXF these tests write (the sample, with and without positions, the undated-fact graph,
// an empty graph) is valid for the official GEXF 1.3 RELAX NG grammar; an xsi:schemaLocation, for
// one, is not.
TEST_F(GexfExport, EveryGexfTheTestsWriteFollowsTheGrammar) {
  if (!have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  if (!gexf_grammar()) GTEST_SKIP() << "../shared (with schemas/gexf-1.3) is absent beside the repository";
  KnowledgeGraph placed = g;
  const bool positions = place_nodes(placed);
  KnowledgeGraph undated = make_graph({{1, "visited", 2}, {2, "visited", 3}});
  undated[*boost::out_edges(0, undated).first].dates = {"2023-05"};
  const std::pair<const char*, const KnowledgeGraph*> graphs[] = {
      {"sample", &g}, {"placed", &placed}, {"undated", &undated}, {"empty", nullptr}};
  for (const auto& [name, graph] : graphs) {
    std::ostringstream out;
    write_gexf(graph ? *graph : KnowledgeGraph{}, out);
    const std::string path = (t.dir() / (std::string(name) + ".gexf")).string();
    std::ofstream(path) << out.str();
    const CommandResult r = validate_gexf(path);
    EXPECT_EQ(r.status, 0) << name << ": " << r.output;
    if (std::string(name) == "placed" && positions) {
      EXPECT_NE(out.str().find("<viz:position x=\""), std::string::npos);
    }
  }
  const CommandResult bad = validate_gexf(file + ".bad");
  EXPECT_NE(bad.status, 0) << "a missing file is not valid";
}

// Gephi opens the layout of the pictures: viz:position from place_nodes().
TEST_F(GexfExport, PositionsWhenPlaced) {
  KnowledgeGraph placed = g;
  if (!place_nodes(placed)) GTEST_SKIP() << "Graphviz is not installed";
  std::ostringstream out;
  write_gexf(placed, out);
  const std::string xml_placed = out.str();
  size_t count = 0;
  for (size_t at = xml_placed.find("<viz:position "); at != std::string::npos; at = xml_placed.find("<viz:position ", at + 1))
    ++count;
  EXPECT_EQ(count, boost::num_vertices(g));
  EXPECT_EQ(xml.find("<viz:position"), std::string::npos) << "no positions unless placed";
}

TEST_F(GexfExport, NetworkxReadsTypesSpellsAndViz) {
  const auto python = python_with("networkx");
  if (!python) GTEST_SKIP() << "python3 with networkx is not installed";
  const auto r = run_command(*python + " " + shell_quote(std::string(RAWABIT_TEST_DATA) + "/graph/read_gexf.py") + " " +
                             shell_quote(file) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  const json read = json::parse(r.output);
  EXPECT_EQ(read["mode"], "dynamic");
  EXPECT_TRUE(read["multigraph"].get<bool>());
  EXPECT_EQ(read["nodes"].size(), 6u);
  EXPECT_EQ(read["edges"].size(), 7u);
  const json& russia = read["nodes"]["1"];
  EXPECT_EQ(russia["label"], json::array({"str", "Russia"}));
  EXPECT_EQ(russia["mentions"], json::array({"int", 4}));
  EXPECT_EQ(russia["pagerank"][0], "float");
  EXPECT_NEAR(russia["pagerank"][1].get<double>(), g[0].metrics.pagerank, 1e-15);
  EXPECT_EQ(russia["viz"][1]["color"]["g"], 158);
  for (const auto& e : read["edges"]) {
    if (e[0] == "2" && e[1] == "4") {
      EXPECT_EQ(e[2]["spells"][1].size(), 2u);
    }
  }
}

}  // namespace
}  // namespace rawabit::graph
