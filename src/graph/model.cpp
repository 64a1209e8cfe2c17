#include "graph/model.hpp"

#include <algorithm>

namespace rawabit::graph {

double weighted_degree(const KnowledgeGraph& g, Vertex v) {
  double sum = 0;
  for (Edge e : boost::make_iterator_range(boost::out_edges(v, g))) sum += g[e].weight;
  for (Edge e : boost::make_iterator_range(boost::in_edges(v, g))) sum += g[e].weight;
  return sum;
}

double max_pagerank(const KnowledgeGraph& g) {
  double top = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) top = std::max(top, g[v].metrics.pagerank);
  return top;
}

std::optional<Vertex> find_vertex(const KnowledgeGraph& g, int64_t entity_id) {
  const auto [begin, end] = boost::vertices(g);
  const auto it = std::lower_bound(begin, end, entity_id, [&](Vertex v, int64_t id) { return g[v].id < id; });
  if (it == end || g[*it].id != entity_id) return std::nullopt;
  return *it;
}

}  // namespace rawabit::graph
