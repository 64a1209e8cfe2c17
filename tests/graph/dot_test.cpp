#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "graph/appearance.hpp"
#include "graph/dot_writer.hpp"
#include "graph/graphviz.hpp"
#include "graph/loader.hpp"
#include "graph/metrics.hpp"
#include "graph_builder.hpp"
#include "test_database.hpp"
#include "tools.hpp"

namespace rawabit::graph {
namespace {

using namespace testing;

struct DotExport : ::testing::Test {
  DotExport() {
    fill_sample(t);
    std::ostringstream out;
    write_dot(load_graph(t.db()), out);
    dot = out.str();
  }
  TestDatabase t;
  std::string dot;
};

TEST_F(DotExport, NodesAreColouredByTypeAndLabelledInBothLanguages) {
  EXPECT_NE(dot.find("  1 [label=\"Russia\\nروسيا\", fillcolor=\"#009e73\", fontsize="), std::string::npos) << dot;
  EXPECT_NE(dot.find("  3 [label=\"Vladimir Putin\\nفلاديمير بوتين\", fillcolor=\"#e69f00\", "), std::string::npos);
  EXPECT_NE(dot.find("  4 [label=\"CSTO\\nمنظمة معاهدة الأمن الجماعي\", fillcolor=\"#56b4e9\", "), std::string::npos);
  EXPECT_NE(dot.find("  6 [label=\"Moscow\\nموسكو\", fillcolor=\"#f0e442\", "), std::string::npos);
}

// The tooltip an SVG viewer shows on a node: names, type, mentions and facts (not an id).
TEST_F(DotExport, NodeTooltipsSayWhoAndHowMuch) {
  EXPECT_NE(dot.find("tooltip=\"Russia · روسيا\\nCOUNTRY · 4 mentions · 4 facts\"];"), std::string::npos) << dot;
  EXPECT_NE(dot.find("tooltip=\"Moscow · موسكو\\nLOCATION · 1 mention · 1 fact\"];"), std::string::npos) << dot;
}

// One label per pair of entities, naming the predicates of all the facts between them; the
// predicate of every fact is in its tooltip and its colour.
TEST_F(DotExport, OneEdgeLabelPerPairOfEntities) {
  EXPECT_NE(dot.find("  1 -> 2 [xlabel=\"deployed_troops_in, deployed_weapons_in\", color=\""), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("  1 -> 2 [color=\""), std::string::npos) << "the second fact of the pair has no label";
  EXPECT_NE(dot.find(", penwidth=2, tooltip=\"Russia → deployed_weapons_in → Belarus (2 documents)\"];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("tooltip=\"Russia → deployed_troops_in → Belarus (1 document)\""), std::string::npos);
}

TEST(DotLabels, NoneInACrowdedGraph) {
  std::vector<TestFact> facts;
  for (int64_t i = 1; i <= static_cast<int64_t>(kMaxLabelledFacts) + 1; ++i) facts.push_back({0, "visited", i});
  std::ostringstream out;
  write_dot(make_graph(facts), out);
  EXPECT_EQ(out.str().find("xlabel="), std::string::npos);
  EXPECT_NE(out.str().find("tooltip=\"n0 → visited → n1 (1 document)\""), std::string::npos);
  std::ostringstream few;
  write_dot(make_graph({{0, "visited", 1}}), few);
  EXPECT_NE(few.str().find("xlabel=\"visited\""), std::string::npos);
}

// A hub's facts go unlabelled, so that their labels do not bury it; the others keep theirs.
TEST(DotLabels, NoneOnTheFactsOfAHub) {
  std::vector<TestFact> facts{{1, "met_with", 2}};
  for (int64_t i = 1; i <= static_cast<int64_t>(kMaxLabelsAround) + 1; ++i) facts.push_back({0, "visited", i});
  std::ostringstream out;
  write_dot(make_graph(facts), out);
  EXPECT_EQ(out.str().find("xlabel=\"visited"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("  1 -> 2 [xlabel=\"met_with\""), std::string::npos) << out.str();
  facts.pop_back();  // a hub of kMaxLabelsAround neighbours is not one
  std::ostringstream fewer;
  write_dot(make_graph(facts), fewer);
  EXPECT_NE(fewer.str().find("  0 -> 1 [xlabel=\"visited\""), std::string::npos) << fewer.str();
}

// The legend: each entity type drawn in its colour with its count, each predicate in the colour of
// its edges with its count, the most frequent first.
TEST_F(DotExport, LegendOfTypesAndPredicates) {
  EXPECT_NE(dot.find("<TD BGCOLOR=\"#009e73\"><FONT POINT-SIZE=\"10\">COUNTRY 2</FONT></TD>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("<TD BGCOLOR=\"#e69f00\"><FONT POINT-SIZE=\"10\">PERSON 1</FONT></TD>"), std::string::npos);
  // member_of (2 facts) comes first and has the first colour; the others one fact each, by name.
  EXPECT_NE(dot.find("COLOR=\"" + predicate_colour(0) + "\">━━ member_of 2</FONT>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("COLOR=\"" + predicate_colour(1) + "\">━━ deployed_troops_in 1</FONT>"), std::string::npos);
  EXPECT_NE(dot.find("1 -> 4 [xlabel=\"member_of\", color=\"" + predicate_colour(0) + "\""), std::string::npos) << dot;
}

TEST_F(DotExport, EscapesQuotesBackslashesAndControls) {
  EXPECT_NE(dot.find("  5 [label=\"Odd \\\"quoted\\\" <tag> & 'apos' ]]>  end\\\\\\nاسم \\\"غريب\\\" \\\\\", "),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot.find('\x01'), std::string::npos);
}

TEST_F(DotExport, UsesAFontThatShapesArabic) {
  EXPECT_NE(dot.find("node [fontname=\"Noto Sans Arabic,DejaVu Sans\""), std::string::npos);
}

TEST_F(DotExport, GraphvizRendersItToSvg) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz is not installed";
  const std::string svg_file = (t.dir() / "sample.svg").string();
  render_with_graphviz(dot, "svg", svg_file);
  std::ifstream in(svg_file);
  std::stringstream svg;
  svg << in.rdbuf();
  EXPECT_NE(svg.str().find("<svg"), std::string::npos);
  EXPECT_NE(svg.str().find(">روسيا</text>"), std::string::npos) << "the Arabic line of Russia's label";
  EXPECT_NE(svg.str().find("end\\</text>"), std::string::npos) << "the trailing backslash, once";
  EXPECT_NE(svg.str().find("Russia → deployed_troops_in → Belarus"), std::string::npos) << "the edge's tooltip";
  EXPECT_NE(svg.str().find("COUNTRY · 4 mentions · 4 facts"), std::string::npos) << "the node's tooltip";
  EXPECT_NE(svg.str().find("member_of 2</text>"), std::string::npos) << "the legend";
}

// Runs `body` with PATH pointing at an empty directory, so that `dot` cannot be found.
template <class Body>
void without_graphviz_on_path(const TestDatabase& t, Body body) {
  const std::string saved = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", t.dir().c_str(), 1);
  try {
    body();
  } catch (...) {
    ::setenv("PATH", saved.c_str(), 1);
    throw;
  }
  ::setenv("PATH", saved.c_str(), 1);
}

TEST_F(DotExport, MissingGraphvizIsAClearError) {
  without_graphviz_on_path(t, [&] {
    try {
      render_with_graphviz(dot, "svg", (t.dir() / "x.svg").string());
      FAIL() << "expected rawabit::Error";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("`dot` was not found"), std::string::npos) << e.what();
    }
  });
}

TEST_F(DotExport, FailingGraphvizIsAClearError) {
  if (!have_program("dot")) GTEST_SKIP() << "Graphviz is not installed";
  EXPECT_THROW(render_with_graphviz("this is not DOT {", "svg", (t.dir() / "x.svg").string()), Error);
  EXPECT_THROW(render_with_graphviz(dot, "svg", (t.dir() / "no/such/dir/x.svg").string()), Error);
}

TEST(DotClusters, OneClusterPerCommunityOfSeveralEntities) {
  // Two triangles joined by one fact, and a pair: communities {1,2,3}, {4,5,6}, {7,8}.
  KnowledgeGraph g = make_graph({{1, "member_of", 2, 3},
                                 {2, "member_of", 3, 3},
                                 {3, "member_of", 1, 3},
                                 {3, "visited", 4, 1},
                                 {4, "member_of", 5, 3},
                                 {5, "member_of", 6, 3},
                                 {6, "member_of", 4, 3},
                                 {7, "warned", 8, 1}});
  compute_metrics(g);
  std::ostringstream out;
  write_dot(g, out);
  const std::string dot = out.str();
  // Titled by its member of highest PageRank, and how many others it holds.
  Vertex top = 0;
  for (Vertex v : {1, 2}) if (g[v].metrics.pagerank > g[top].metrics.pagerank) top = v;
  EXPECT_NE(dot.find("  subgraph cluster_0 {\n"
                     "    label=\"" + g[top].name + "\u200E +2\"; tooltip=\"A community of 3 entities around " +
                     g[top].name + "\"; fontcolor=\"#777777\"; style=dashed; color=\"#999999\";\n"
                     "    1 [label=\"n1\", fillcolor=\"#009e73\""),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\n    2 [label=\"n2\""), std::string::npos);
  EXPECT_NE(dot.find("\n    3 [label=\"n3\""), std::string::npos);
  EXPECT_NE(dot.find("  subgraph cluster_1 {\n"), std::string::npos);
  EXPECT_NE(dot.find("\n    8 [label=\"n8\""), std::string::npos) << dot;
  EXPECT_EQ(dot.find("cluster_3"), std::string::npos);
}

TEST(DotClusters, EntityAloneInItsCommunityStaysOutside) {
  KnowledgeGraph g = make_graph({{1, "visited", 2}});
  g[0].metrics.community = 0;
  g[1].metrics.community = 1;
  std::ostringstream out;
  write_dot(g, out);
  EXPECT_EQ(out.str().find("subgraph"), std::string::npos);
  EXPECT_NE(out.str().find("\n  1 [label=\"n1\""), std::string::npos);
}

struct PenWidthCase {
  double weight, expected;
};

TEST(PenWidth, GrowsWithTheLogarithmOfTheWeight) {
  for (const auto& c : std::vector<PenWidthCase>{{0, 1}, {1, 1}, {2, 2}, {3, 2.58}, {4, 3}, {64, 7}, {1000, 8}})
    EXPECT_DOUBLE_EQ(pen_width(c.weight), c.expected) << c.weight;
}

}  // namespace
}  // namespace rawabit::graph
