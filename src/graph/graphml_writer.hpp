// GraphML for Gephi, yEd, networkx and igraph: a typed directed multigraph.
//  - Node ids are entity ids (id="42"), stable from one export to the next.
//  - Node keys: label (English name), label_ar (omitted when unknown), type, mentions, degree,
//    in_degree, out_degree (long), weighted_degree, pagerank, betweenness (double), component,
//    community (long) — the metrics as compute_metrics() left them — qid (the Wikidata id, omitted
//    when unknown), and r, g, b (int, the colour of the entity type), size (double, from PageRank)
//    and x, y (double, when place_nodes() set the positions), which Gephi applies to the nodes.
//  - Edge keys: weight (double), label (key id edge_label: the predicate, Gephi's edge Label),
//    predicate, first_seen, last_seen (omitted when unknown).
//  - Each <edge> carries id="subject-predicate-object" and label="predicate", which Gephi takes as
//    the edge type, so that two relations between one pair stay two edges.
// Text is escaped for XML 1.0 (escape.hpp). Throws rawabit::Error if the stream fails.
#pragma once
#include <ostream>

#include "graph/model.hpp"

namespace rawabit::graph {

void write_graphml(const KnowledgeGraph& g, std::ostream& out);

}  // namespace rawabit::graph
