#include "graph/metrics.hpp"

#include "graph/centrality.hpp"
#include "graph/community.hpp"
#include "graph/projection.hpp"

namespace rawabit::graph {

void compute_metrics(KnowledgeGraph& g) {
  const Projection p = undirected_projection(g);
  const std::vector<double> rank = pagerank(g), between = betweenness(p);
  const std::vector<int64_t> component = connected_components(p), community = louvain_communities(p);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
    g[v].metrics = NodeMetrics{rank[v], between[v], component[v], community[v]};
}

}  // namespace rawabit::graph
