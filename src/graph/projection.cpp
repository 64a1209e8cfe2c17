#include "graph/projection.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace rawabit::graph {

Projection undirected_projection(const KnowledgeGraph& g) {
  std::vector<std::tuple<Vertex, Vertex, double>> ends;  // (lower, higher, weight)
  ends.reserve(boost::num_edges(g));
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    if (s != t) ends.emplace_back(std::min(s, t), std::max(s, t), g[e].weight);
  }
  std::sort(ends.begin(), ends.end());
  Projection p(boost::num_vertices(g));
  for (size_t i = 0; i < ends.size();) {  // sorted: the facts between one pair are adjacent
    const Vertex low = std::get<0>(ends[i]), high = std::get<1>(ends[i]);
    double weight = 0;
    for (; i < ends.size() && std::get<0>(ends[i]) == low && std::get<1>(ends[i]) == high; ++i)
      weight += std::get<2>(ends[i]);
    boost::add_edge(low, high, ProjectedEdge{weight}, p);
  }
  return p;
}

}  // namespace rawabit::graph
