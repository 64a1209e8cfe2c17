// The graph `rawabit export` writes: the database's facts narrowed down by the analyst's options,
// with the metrics computed on what is left. The steps run in this order:
//   1. evidence filters and metonym collapsing, while loading (loader.hpp);
//   2. predicates, entity types, minimum weight (filter_facts);
//   3. the ego graph around one entity (ego_graph);
//   4. the top N entities by PageRank within what is left (top_by_pagerank);
//   5. compute_metrics on the result — the metrics describe the graph as exported.
#pragma once
#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

#include "graph/filters.hpp"
#include "graph/loader.hpp"
#include "graph/model.hpp"

namespace rawabit::graph {

struct GraphSelection {
  EvidenceFilter evidence;
  FactFilter facts;
  std::optional<std::string> around;  // an entity's English name, Arabic name or alias
  size_t depth = 1;                   // radius of the ego graph around it, in facts
  std::optional<size_t> top;          // keep the top N entities by PageRank
};

// Throws rawabit::Error for a predicate the database does not know (quoting it and listing the
// known ones), an entity name that matches none or several entities, or a database error.
KnowledgeGraph select_graph(SQLite::Database& db, const GraphSelection& selection);

// The graph a picture draws: select_graph(), except that above `limit` entities, when the
// selection has no --top of its own, only the `limit` of highest PageRank (as --top `limit`).
// `warning` receives what to tell the user when the graph is over the limit, else is cleared.
KnowledgeGraph select_picture_graph(SQLite::Database& db, const GraphSelection& selection, size_t limit,
                                    std::string& warning);

}  // namespace rawabit::graph
