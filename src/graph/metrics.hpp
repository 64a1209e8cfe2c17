// Computes every NodeMetrics field of the graph's vertices (see model.hpp and centrality.hpp for
// the definitions). Degrees are not stored: the writers read them off the graph.
#pragma once
#include "graph/model.hpp"

namespace rawabit::graph {

void compute_metrics(KnowledgeGraph& g);

}  // namespace rawabit::graph
