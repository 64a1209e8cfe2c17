#include "graph/centrality.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>

namespace rawabit::graph {
namespace {

constexpr double kPageRankTolerance = 1e-12;  // L1 change between iterations
constexpr int kPageRankMaxIterations = 1000;  // alpha 0.85 converges in about 200

std::vector<double> out_weights(const KnowledgeGraph& g) {
  std::vector<double> out(boost::num_vertices(g), 0.0);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) out[boost::source(e, g)] += g[e].weight;
  return out;
}

}  // namespace

std::vector<double> pagerank(const KnowledgeGraph& g, double alpha) {
  const size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  const std::vector<double> out = out_weights(g);
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int iteration = 0; iteration < kPageRankMaxIterations; ++iteration) {
    double dangling = 0;
    for (size_t v = 0; v < n; ++v)
      if (out[v] <= 0) dangling += rank[v];
    std::fill(next.begin(), next.end(), (1 - alpha) / n + alpha * dangling / n);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
      const Vertex s = boost::source(e, g);
      if (out[s] > 0) next[boost::target(e, g)] += alpha * rank[s] * g[e].weight / out[s];
    }
    double change = 0;
    for (size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < kPageRankTolerance) break;
  }
  return rank;
}

std::vector<double> betweenness(const Projection& p) {
  const size_t n = boost::num_vertices(p);
  std::vector<double> centrality(n, 0.0);
  if (n <= 2) return centrality;
  // Boost halves the sums of an undirected graph, so this counts each pair once.
  boost::brandes_betweenness_centrality(p, boost::centrality_map(boost::make_iterator_property_map(
                                               centrality.begin(), boost::get(boost::vertex_index, p))));
  const double pairs = (n - 1.0) * (n - 2.0) / 2.0;
  for (double& c : centrality) c /= pairs;
  return centrality;
}

std::vector<int64_t> connected_components(const Projection& p) {
  std::vector<int> component(boost::num_vertices(p), 0);
  if (!component.empty()) boost::connected_components(p, component.data());
  return {component.begin(), component.end()};
}

}  // namespace rawabit::graph
