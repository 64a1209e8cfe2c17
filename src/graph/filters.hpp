// Narrowing the knowledge graph down to what an analyst asks for. Each function returns a new graph
// (vertices still in entity id order) and leaves its argument alone. Metrics are not carried over:
// compute them on the final graph.
#pragma once
#include <SQLiteCpp/Database.h>

#include <set>
#include <string>
#include <string_view>

#include "graph/model.hpp"

namespace rawabit::graph {

struct FactFilter {
  std::set<std::string> predicates;  // keep only these predicates; empty = all
  std::set<std::string> types;       // keep only facts between entities of these types; empty = all
  double min_weight = 0;             // keep only facts found in at least this many documents
};

// The facts `filter` accepts and the entities they link (an entity left without facts goes).
KnowledgeGraph filter_facts(const KnowledgeGraph& g, const FactFilter& filter);

// The ego graph of networkx.ego_graph(G, center, radius=depth, undirected=True): the entities within
// `depth` facts of `center`, in either direction, and all the facts among them.
KnowledgeGraph ego_graph(const KnowledgeGraph& g, Vertex center, size_t depth);

// The `n` entities of highest PageRank (ties: lower entity id first) and the facts among them.
// An entity whose facts all lead outside the selection stays, without edges.
KnowledgeGraph top_by_pagerank(const KnowledgeGraph& g, size_t n);

// The vertex `name` designates: compared after Arabic normalization and case folding
// (text::normalize_form) with each entity's English name, Arabic name and aliases (v_aliases).
// Throws rawabit::Error quoting `name` if no entity of the graph matches, or several do.
Vertex find_entity(SQLite::Database& db, const KnowledgeGraph& g, std::string_view name);

}  // namespace rawabit::graph
