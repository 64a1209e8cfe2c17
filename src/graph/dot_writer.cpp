#include "graph/dot_writer.hpp"

#include <map>
#include <vector>

#include "graph/appearance.hpp"
#include "graph/escape.hpp"
#include "graph/out_buffer.hpp"

namespace rawabit::graph {
namespace {

constexpr const char* kFont = "Noto Sans Arabic,DejaVu Sans";

// fdp: a force-directed layout that keeps the community clusters and stays roughly square, so
// the rendered picture reads at a glance (dot's ranked layout spreads a knowledge graph into
// one very wide row).
void write_header(OutBuffer& out) {
  out << "digraph rawabit {\n"
      << "  graph [layout=fdp, fontname=\"" << kFont << "\", overlap=false, splines=true];\n"
      << "  node [fontname=\"" << kFont << "\", shape=box, style=\"rounded,filled\"];\n"
      << "  edge [fontname=\"" << kFont << "\", fontsize=10];\n";
}

void write_node(const EntityNode& e, std::string_view indent, OutBuffer& out) {
  out << indent << e.id << " [label=\"";
  append_dot_escaped(out.text(), e.name);
  if (!e.name_ar.empty() && e.name_ar != e.name) {
    out << "\\n";
    append_dot_escaped(out.text(), e.name_ar);
  }
  out << "\", fillcolor=\"" << hex(type_colour(e.type)) << "\"];\n";
}

void write_nodes_by_community(const KnowledgeGraph& g, OutBuffer& out) {
  std::map<int64_t, std::vector<Vertex>> members;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) members[g[v].metrics.community].push_back(v);
  for (const auto& [community, vertices] : members) {
    if (vertices.size() == 1 || members.size() == 1) {  // a cluster of one node, or of all, says nothing
      for (Vertex v : vertices) write_node(g[v], "  ", out);
      continue;
    }
    out << "  subgraph cluster_" << community << " {\n"
        << "    label=\"community " << community << "\"; style=dashed; color=\"#999999\";\n";
    for (Vertex v : vertices) {
      write_node(g[v], "    ", out);
      out.commit();
    }
    out << "  }\n";
  }
}

void write_edge(const KnowledgeGraph& g, Edge e, OutBuffer& out) {
  out << "  " << g[boost::source(e, g)].id << " -> " << g[boost::target(e, g)].id << " [label=\"";
  append_dot_escaped(out.text(), g[e].predicate);
  out << "\", penwidth=" << pen_width(g[e].weight) << "];\n";
}

}  // namespace

void write_dot(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  write_header(out);
  write_nodes_by_community(g, out);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    write_edge(g, e, out);
    out.commit();
  }
  out << "}\n";
  out.finish();
}

}  // namespace rawabit::graph
