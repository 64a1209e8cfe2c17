// Communities by Louvain modularity optimisation (Blondel et al., 2008) on the undirected weighted
// projection. Deterministic: vertices are visited in index order, a vertex moves only for a strictly
// positive gain, and among equal gains the first neighbouring community met wins — the same graph
// always gives the same partition.
#pragma once
#include <cstdint>
#include <vector>

#include "graph/projection.hpp"

namespace rawabit::graph {

// The community of each vertex, numbered from 0 in order of the communities' first vertex.
std::vector<int64_t> louvain_communities(const Projection& p);

// Newman's modularity of a partition, as networkx.community.modularity(G, communities, weight="weight")
// computes it (resolution 1). Zero for a graph without edges.
double modularity(const Projection& p, const std::vector<int64_t>& community);

}  // namespace rawabit::graph
