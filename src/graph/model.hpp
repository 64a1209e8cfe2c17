// The knowledge graph as the metrics and writers see it: a directed multigraph whose vertices are
// entities and whose edges are facts (subject —predicate→ object). Two different predicates between
// one pair of entities are two parallel edges. Vertices are kept in ascending entity id order, so
// every traversal (and therefore every export) is deterministic.
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::graph {

// Filled by compute_metrics() (metrics.hpp); zero until then.
struct NodeMetrics {
  double pagerank = 0;     // networkx's weighted PageRank: alpha 0.85, dangling mass spread uniformly
  double betweenness = 0;  // normalized, on the undirected unweighted projection
  int64_t component = 0;   // connected component of the undirected projection
  int64_t community = 0;   // Louvain community of the undirected weighted projection
};

// Where a layout put the entity, in points (1/72 inch), y upwards, as Graphviz gives it.
struct Position {
  double x = 0, y = 0;
};

struct EntityNode {
  int64_t id = 0;        // entities.id: the stable node id in every export
  std::string name;      // English canonical name (Arabic when none is known)
  std::string name_ar;   // Arabic name; empty when unknown
  std::string type;      // PERSON, ORGANIZATION, COUNTRY, LOCATION, TREATY or WEAPON
  int64_t mentions = 0;  // number of mentions in the corpus
  std::string qid;       // Wikidata id ("Q184") from the gazetteer; empty when unknown
  NodeMetrics metrics;
  std::optional<Position> position;  // set by place_nodes() (layout.hpp), for the formats that carry it
};

struct FactEdge {
  std::string predicate;
  double weight = 0;               // number of distinct documents with evidence for the fact
  int64_t evidence = 0;            // number of pieces of evidence (rows of v_evidence) for it
  std::vector<std::string> dates;  // the distinct evidence dates (ISO, may be partial), ascending

  // The earliest and latest evidence dates, v_facts' first_seen and last_seen; empty when unknown.
  std::string_view first_seen() const { return dates.empty() ? std::string_view() : dates.front(); }
  std::string_view last_seen() const { return dates.empty() ? std::string_view() : dates.back(); }
};

using KnowledgeGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EntityNode, FactEdge>;
using Vertex = boost::graph_traits<KnowledgeGraph>::vertex_descriptor;
using Edge = boost::graph_traits<KnowledgeGraph>::edge_descriptor;

// Number of facts the entity takes part in, as subject or object (a self-loop counts twice).
inline size_t total_degree(const KnowledgeGraph& g, Vertex v) {
  return boost::in_degree(v, g) + boost::out_degree(v, g);
}

// Sum of the weights of those facts.
double weighted_degree(const KnowledgeGraph& g, Vertex v);

// The attributes every export writes for an entity after its label, in declaration order:
// visit(name, value) with value a std::string_view or a number.
template <class Visit>
void visit_node_attributes(const KnowledgeGraph& g, Vertex v, Visit&& visit) {
  const EntityNode& e = g[v];
  visit("label_ar", std::string_view(e.name_ar));
  visit("type", std::string_view(e.type));
  visit("mentions", e.mentions);
  visit("degree", static_cast<uint64_t>(total_degree(g, v)));
  visit("in_degree", static_cast<uint64_t>(boost::in_degree(v, g)));
  visit("out_degree", static_cast<uint64_t>(boost::out_degree(v, g)));
  visit("weighted_degree", weighted_degree(g, v));
  visit("pagerank", e.metrics.pagerank);
  visit("betweenness", e.metrics.betweenness);
  visit("component", e.metrics.component);
  visit("community", e.metrics.community);
  visit("qid", std::string_view(e.qid));
}

// The highest PageRank in the graph (metrics.pagerank), 0 for an empty graph.
double max_pagerank(const KnowledgeGraph& g);

// The vertex of an entity id, found by binary search (vertices are in id order); nullopt if absent.
std::optional<Vertex> find_vertex(const KnowledgeGraph& g, int64_t entity_id);

}  // namespace rawabit::graph
