// The size limit of pictures: above it, the top entities by PageRank and a warning, never a poster.
#include <gtest/gtest.h>

#include "graph/selection.hpp"
#include "test_database.hpp"

namespace rawabit::graph {
namespace {

using namespace testing;

struct PictureCase {
  const char* why;
  std::optional<size_t> top;  // the user's --top
  size_t limit;
  size_t entities;
  const char* warning;  // a part of it; "" for none
};

TEST(PictureGraph, KeepsWithinTheLimitUnlessTheUserChose) {
  TestDatabase t;
  fill_sample(t);  // 6 entities take part in facts
  const PictureCase cases[] = {
      {"within the limit", std::nullopt, 6, 6, ""},
      {"over: the top 3", std::nullopt, 3, 3, "6 entities are too many for a picture that reads at a glance: drawing "
                                              "the 3 of highest PageRank (as --top 3)"},
      {"over, but --top 5 chosen", 5, 3, 5, "5 entities will not read at a glance in a picture; 3 would"},
  };
  for (const PictureCase& c : cases) {
    GraphSelection selection;
    selection.top = c.top;
    std::string warning = "stale";
    const KnowledgeGraph g = select_picture_graph(t.db(), selection, c.limit, warning);
    EXPECT_EQ(boost::num_vertices(g), c.entities) << c.why;
    if (*c.warning) {
      EXPECT_NE(warning.find(c.warning), std::string::npos) << c.why << ": " << warning;
    } else {
      EXPECT_EQ(warning, "") << c.why;
    }
  }
  // The automatic top is the same as asking for it.
  GraphSelection top3;
  top3.top = 3;
  std::string warning;
  const KnowledgeGraph automatic = select_picture_graph(t.db(), {}, 3, warning), asked = select_graph(t.db(), top3);
  ASSERT_EQ(boost::num_vertices(automatic), boost::num_vertices(asked));
  for (Vertex v : boost::make_iterator_range(boost::vertices(asked))) {
    EXPECT_EQ(automatic[v].id, asked[v].id);
    EXPECT_EQ(automatic[v].metrics.pagerank, asked[v].metrics.pagerank);
  }
}

}  // namespace
}  // namespace rawabit::graph
