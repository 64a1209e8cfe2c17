// DOT for Graphviz, meant to be read as a picture: one fill colour per entity type (appearance.hpp),
// node labels "English\nArabic" (the Arabic line when the name is known and differs), edge labels
// = predicate, pen width growing with the logarithm of the weight. Entities of one community
// (metrics.community, from compute_metrics()) are drawn together in a dashed cluster; an entity
// alone in its community stays outside, and a graph of one community has no cluster. Node ids are
// entity ids. The font is "Noto Sans Arabic", which shapes Arabic, falling back to "DejaVu Sans".
// Throws rawabit::Error if the stream fails.
#pragma once
#include <ostream>

#include "graph/model.hpp"

namespace rawabit::graph {

void write_dot(const KnowledgeGraph& g, std::ostream& out);

}  // namespace rawabit::graph
