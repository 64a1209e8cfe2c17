#include "graph/neo4j_writer.hpp"

#include "graph/escape.hpp"
#include "graph/out_buffer.hpp"

namespace rawabit::graph {

void write_neo4j_nodes(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  out << "id:ID,name,name_ar,qid,:LABEL,mentions:long,degree:long,pagerank:double,betweenness:double,"
         "component:long,community:long\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& e = g[v];
    out << e.id;
    for (std::string_view field : {std::string_view(e.name), std::string_view(e.name_ar), std::string_view(e.qid)}) {
      out << ',';
      append_csv_field(out.text(), field);
    }
    out << ",Entity;";
    append_csv_field(out.text(), e.type);
    out << ',' << e.mentions << ',' << static_cast<uint64_t>(total_degree(g, v)) << ',' << e.metrics.pagerank << ','
        << e.metrics.betweenness << ',' << e.metrics.component << ',' << e.metrics.community << '\n';
    out.commit();
  }
  out.finish();
}

void write_neo4j_relationships(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  out << ":START_ID,:END_ID,:TYPE,weight:long,evidence:long,first_seen,last_seen\n";
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const FactEdge& f = g[e];
    out << g[boost::source(e, g)].id << ',' << g[boost::target(e, g)].id << ',';
    append_csv_field(out.text(), f.predicate);
    out << ',' << static_cast<int64_t>(f.weight) << ',' << f.evidence << ',';
    append_csv_field(out.text(), f.first_seen());
    out << ',';
    append_csv_field(out.text(), f.last_seen());
    out << '\n';
    out.commit();
  }
  out.finish();
}

Neo4jPaths neo4j_paths(const std::filesystem::path& dir) {
  return {dir / "nodes.csv", dir / "relationships.csv"};
}

}  // namespace rawabit::graph
