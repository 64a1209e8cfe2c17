// The undirected simple graph under the knowledge graph, on which betweenness, components and
// communities are computed: one edge per pair of entities linked by at least one fact in either
// direction, weighted by the sum of those facts' weights. Self-loops are left out (they change no
// path, no component, and a community never hinges on them). Vertex i is vertex i of the source.
#pragma once
#include <boost/graph/adjacency_list.hpp>

#include "graph/model.hpp"

namespace rawabit::graph {

struct ProjectedEdge {
  double weight = 0;
};

// A bundled weight, not an edge_weight_t property, so that Boost algorithms that look for a weight
// map (Brandes betweenness) see an unweighted graph.
using Projection =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, ProjectedEdge>;

Projection undirected_projection(const KnowledgeGraph& g);

}  // namespace rawabit::graph
