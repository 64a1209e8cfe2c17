#include "graph_builder.hpp"

#include <set>

namespace rawabit::graph::testing {

KnowledgeGraph make_graph(const std::vector<TestFact>& facts, const std::map<int64_t, std::string>& types) {
  std::set<int64_t> ids;
  for (const TestFact& f : facts) ids.insert({f.subject, f.object});
  KnowledgeGraph g;
  std::map<int64_t, Vertex> vertex_of;
  for (int64_t id : ids) {
    EntityNode node;
    node.id = id;
    node.name = "n" + std::to_string(id);
    node.type = types.count(id) ? types.at(id) : "COUNTRY";
    vertex_of[id] = boost::add_vertex(node, g);
  }
  for (const TestFact& f : facts) {
    FactEdge fact;
    fact.predicate = f.predicate;
    fact.weight = f.weight;
    boost::add_edge(vertex_of.at(f.subject), vertex_of.at(f.object), fact, g);
  }
  return g;
}

}  // namespace rawabit::graph::testing
