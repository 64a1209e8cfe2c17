// Centrality and connectivity, defined as networkx defines them so that numbers computed here and
// in a notebook agree (tests/graph/centrality_test.cpp checks this against networkx to 1e-6).
#pragma once
#include <cstdint>
#include <vector>

#include "graph/model.hpp"
#include "graph/projection.hpp"

namespace rawabit::graph {

// networkx.pagerank(G, alpha, weight="weight") on the directed multigraph: a random surfer follows
// an out-edge with probability proportional to its weight (parallel edges add up), jumps to a
// uniformly chosen node with probability 1 - alpha, and leaves a node without out-edges (dangling)
// to a uniformly chosen node. Power iteration until the L1 change is below 1e-12. Sums to 1.
// (Boost's boost::graph::page_rank is another definition: unweighted, 1 - alpha rather than
// (1 - alpha)/n, and the rank of dangling nodes is lost.)
std::vector<double> pagerank(const KnowledgeGraph& g, double alpha = 0.85);

// networkx.betweenness_centrality(nx.Graph(G), normalized=True): Brandes' algorithm on the
// undirected projection, counting hops (weights are strengths, not distances), divided by
// (n-1)(n-2)/2, the number of pairs a node could lie between. Zero for graphs of 2 nodes or fewer.
std::vector<double> betweenness(const Projection& p);

// The connected component of each vertex of the undirected projection, numbered from 0 in order
// of the components' first vertex (i.e. of their lowest entity id).
std::vector<int64_t> connected_components(const Projection& p);

}  // namespace rawabit::graph
