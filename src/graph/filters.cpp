#include "graph/filters.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <deque>
#include <numeric>

#include "common/error.hpp"
#include "graph/centrality.hpp"
#include "text/normalize.hpp"

namespace rawabit::graph {
namespace {

// The kept vertices, in order, and the kept edges between two kept vertices.
template <class KeepEdge>
KnowledgeGraph subgraph(const KnowledgeGraph& g, const std::vector<bool>& keep_vertex, KeepEdge keep_edge) {
  KnowledgeGraph out;
  std::vector<Vertex> renumbered(boost::num_vertices(g));
  for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
    if (keep_vertex[v]) renumbered[v] = boost::add_vertex(g[v], out);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    if (keep_vertex[s] && keep_vertex[t] && keep_edge(e)) boost::add_edge(renumbered[s], renumbered[t], g[e], out);
  }
  return out;
}

bool all_edges(Edge) { return true; }

}  // namespace

KnowledgeGraph filter_facts(const KnowledgeGraph& g, const FactFilter& filter) {
  auto accepted = [&](Edge e) {
    const auto in = [](const std::set<std::string>& set, const std::string& s) { return set.empty() || set.count(s); };
    return g[e].weight >= filter.min_weight && in(filter.predicates, g[e].predicate) &&
           in(filter.types, g[boost::source(e, g)].type) && in(filter.types, g[boost::target(e, g)].type);
  };
  std::vector<bool> linked(boost::num_vertices(g), false);
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    if (accepted(e)) linked[boost::source(e, g)] = linked[boost::target(e, g)] = true;
  return subgraph(g, linked, accepted);
}

KnowledgeGraph ego_graph(const KnowledgeGraph& g, Vertex center, size_t depth) {
  std::vector<size_t> distance(boost::num_vertices(g), SIZE_MAX);
  std::deque<Vertex> queue;
  distance[center] = 0;
  if (depth > 0) queue.push_back(center);
  auto reach = [&](Vertex from, Vertex to) {
    if (distance[to] != SIZE_MAX) return;
    distance[to] = distance[from] + 1;
    if (distance[to] < depth) queue.push_back(to);
  };
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, g))) reach(v, boost::target(e, g));
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, g))) reach(v, boost::source(e, g));
  }
  std::vector<bool> within(distance.size());
  for (size_t v = 0; v < distance.size(); ++v) within[v] = distance[v] != SIZE_MAX;
  return subgraph(g, within, all_edges);
}

KnowledgeGraph top_by_pagerank(const KnowledgeGraph& g, size_t n) {
  const std::vector<double> rank = pagerank(g);
  std::vector<Vertex> order(rank.size());
  std::iota(order.begin(), order.end(), Vertex{0});
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return rank[a] > rank[b]; });
  std::vector<bool> top(rank.size(), false);
  for (size_t i = 0; i < std::min(n, order.size()); ++i) top[order[i]] = true;
  return subgraph(g, top, all_edges);
}

Vertex find_entity(SQLite::Database& db, const KnowledgeGraph& g, std::string_view name) {
  const std::string wanted = text::normalize_form(name);
  if (wanted.empty()) throw Error("no entity named " + rawabit::quoted(name) + ": the name is empty");
  std::set<Vertex> found;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
    if (text::normalize_form(g[v].name) == wanted ||
        (!g[v].name_ar.empty() && text::normalize_form(g[v].name_ar) == wanted))
      found.insert(v);
  try {
    SQLite::Statement q(db, "SELECT entity_id, alias FROM v_aliases");
    while (q.executeStep()) {
      const auto v = find_vertex(g, q.getColumn(0).getInt64());
      if (v && text::normalize_form(q.getColumn(1).getString()) == wanted) found.insert(*v);
    }
  } catch (const SQLite::Exception& e) {
    throw Error("cannot read the aliases from " + rawabit::quoted(db.getFilename()) + ": " + e.what());
  }
  if (found.empty())
    throw Error("no entity named " + rawabit::quoted(name) +
                " in the graph (none, or none with facts the other options keep)");
  if (found.size() > 1) {
    std::string candidates;
    for (Vertex v : found)
      candidates += (candidates.empty() ? "" : ", ") + g[v].name + " (" + std::to_string(g[v].id) + ")";
    throw Error(rawabit::quoted(name) + " names several entities: " + candidates);
  }
  return *found.begin();
}

}  // namespace rawabit::graph
