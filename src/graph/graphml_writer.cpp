#include <type_traits>

#include "graph/graphml_writer.hpp"

#include <string_view>

#include "graph/appearance.hpp"
#include "graph/escape.hpp"
#include "graph/out_buffer.hpp"

namespace rawabit::graph {
namespace {

struct KeySpec {
  std::string_view id;
  std::string_view domain;
  std::string_view type;
  std::string_view name = id;  // attr.name: key ids are unique across domains, names per domain
};

constexpr KeySpec kKeys[] = {
    {"label", "node", "string"},        {"label_ar", "node", "string"},    {"type", "node", "string"},
    {"mentions", "node", "long"},       {"degree", "node", "long"},        {"in_degree", "node", "long"},
    {"out_degree", "node", "long"},     {"weighted_degree", "node", "double"}, {"pagerank", "node", "double"},
    {"betweenness", "node", "double"},  {"component", "node", "long"},     {"community", "node", "long"},
    {"qid", "node", "string"},
    {"r", "node", "int"},               {"g", "node", "int"},              {"b", "node", "int"},
    {"size", "node", "double"},         {"x", "node", "double"},           {"y", "node", "double"},
    {"weight", "edge", "double"},       {"edge_label", "edge", "string", "label"},      {"predicate", "edge", "string"},
    {"first_seen", "edge", "string"},   {"last_seen", "edge", "string"},
};

// The x and y keys are declared only for a placed graph: igraph would give every node NaN for them.
void write_header(bool placed, OutBuffer& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeySpec& k : kKeys) {
    if (!placed && (k.id == "x" || k.id == "y")) continue;
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name << "\" attr.type=\""
        << k.type << "\"/>\n";
  }
  out << "  <graph id=\"rawabit\" edgedefault=\"directed\">\n";
}

void write_text_data(OutBuffer& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out << "<data key=\"" << key << "\">";
  append_xml_escaped(out.text(), value);
  out << "</data>";
}

template <class Number>
void write_number_data(OutBuffer& out, std::string_view key, Number value) {
  out << "<data key=\"" << key << "\">" << value << "</data>";
}

void write_node(const KnowledgeGraph& g, Vertex v, double max_pagerank, OutBuffer& out) {
  const EntityNode& e = g[v];
  out << "    <node id=\"" << e.id << "\">";
  write_text_data(out, "label", e.name);
  visit_node_attributes(g, v, [&](std::string_view name, auto value) {
    if constexpr (std::is_same_v<decltype(value), std::string_view>) {
      write_text_data(out, name, value);
    } else {
      write_number_data(out, name, value);
    }
  });
  const Rgb colour = type_colour(e.type);
  write_number_data(out, "r", int{colour.r});
  write_number_data(out, "g", int{colour.g});
  write_number_data(out, "b", int{colour.b});
  write_number_data(out, "size", node_size(e.metrics.pagerank, max_pagerank));
  if (e.position) {
    write_number_data(out, "x", e.position->x);
    write_number_data(out, "y", e.position->y);
  }
  out << "</node>\n";
}

void write_edge(const KnowledgeGraph& g, Edge e, OutBuffer& out) {
  const FactEdge& f = g[e];
  const int64_t source = g[boost::source(e, g)].id, target = g[boost::target(e, g)].id;
  out << "    <edge id=\"" << source << '-';
  append_xml_escaped(out.text(), f.predicate);
  out << '-' << target << "\" source=\"" << source << "\" target=\"" << target << "\" label=\"";
  append_xml_escaped(out.text(), f.predicate);
  out << "\">";
  write_number_data(out, "weight", f.weight);
  write_text_data(out, "edge_label", f.predicate);  // Gephi's edge Label column
  write_text_data(out, "predicate", f.predicate);
  write_text_data(out, "first_seen", f.first_seen());
  write_text_data(out, "last_seen", f.last_seen());
  out << "</edge>\n";
}

}  // namespace

void write_graphml(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  const bool placed = boost::num_vertices(g) > 0 && g[0].position.has_value();
  write_header(placed, out);
  const double top_rank = max_pagerank(g);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    write_node(g, v, top_rank, out);
    out.commit();
  }
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    write_edge(g, e, out);
    out.commit();
  }
  out << "  </graph>\n</graphml>\n";
  out.finish();
}

}  // namespace rawabit::graph
