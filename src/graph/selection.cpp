#include "graph/selection.hpp"

#include <SQLiteCpp/Statement.h>

#include <set>

#include "common/error.hpp"
#include "graph/metrics.hpp"

namespace rawabit::graph {
namespace {

void check_predicates_exist(SQLite::Database& db, const std::set<std::string>& wanted) {
  if (wanted.empty()) return;
  std::set<std::string> known;
  try {
    SQLite::Statement q(db, "SELECT DISTINCT predicate FROM v_facts");
    while (q.executeStep()) known.insert(q.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    throw Error("cannot read the predicates from " + rawabit::quoted(db.getFilename()) + ": " + e.what());
  }
  for (const std::string& predicate : wanted) {
    if (known.count(predicate)) continue;
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
    throw Error("no fact has the predicate " + rawabit::quoted(predicate) + "; the database has: " +
                (list.empty() ? "no facts" : list));
  }
}

}  // namespace

KnowledgeGraph select_graph(SQLite::Database& db, const GraphSelection& selection) {
  check_predicates_exist(db, selection.facts.predicates);
  KnowledgeGraph g = filter_facts(load_graph(db, selection.evidence), selection.facts);
  if (selection.around) g = ego_graph(g, find_entity(db, g, *selection.around), selection.depth);
  if (selection.top) g = top_by_pagerank(g, *selection.top);
  compute_metrics(g);
  return g;
}

KnowledgeGraph select_picture_graph(SQLite::Database& db, const GraphSelection& selection, size_t limit,
                                    std::string& warning) {
  warning.clear();
  KnowledgeGraph g = select_graph(db, selection);
  const std::string n = std::to_string(boost::num_vertices(g)), top = std::to_string(limit);
  if (boost::num_vertices(g) <= limit) return g;
  if (selection.top) {
    warning = n + " entities will not read at a glance in a picture; " + top + " would";
    return g;
  }
  warning = n + " entities are too many for a picture that reads at a glance: drawing the " + top +
            " of highest PageRank (as --top " + top + "); choose with --top N, --around ENTITY or --min-weight N";
  g = top_by_pagerank(g, limit);  // what select_graph() does last for --top
  compute_metrics(g);
  return g;
}

}  // namespace rawabit::graph
