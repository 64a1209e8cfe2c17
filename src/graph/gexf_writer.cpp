#include <type_traits>

#include "graph/gexf_writer.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/appearance.hpp"
#include "graph/escape.hpp"
#include "graph/out_buffer.hpp"
#include "graph/timeline.hpp"

namespace rawabit::graph {
namespace {

struct AttributeSpec {
  std::string_view id;  // also the title
  std::string_view type;
};

constexpr AttributeSpec kNodeAttributes[] = {
    {"label_ar", "string"},   {"type", "string"},        {"mentions", "long"},  {"degree", "long"},
    {"in_degree", "long"},    {"out_degree", "long"},    {"weighted_degree", "double"},
    {"pagerank", "double"},   {"betweenness", "double"}, {"component", "long"}, {"community", "long"},
    {"qid", "string"},
};

constexpr AttributeSpec kEdgeAttributes[] = {
    {"predicate", "string"}, {"first_seen", "string"}, {"last_seen", "string"}};

template <size_t N>
void write_attribute_declarations(OutBuffer& out, std::string_view domain, const AttributeSpec (&specs)[N]) {
  out << "    <attributes class=\"" << domain << "\" mode=\"static\">\n";
  for (const AttributeSpec& a : specs)
    out << "      <attribute id=\"" << a.id << "\" title=\"" << a.id << "\" type=\"" << a.type << "\"/>\n";
  out << "    </attributes>\n";
}

void write_header(OutBuffer& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>rawabit " RAWABIT_VERSION
         "</creator>\n"
         "    <description>Entities and the facts between them, from Arabic news</description>\n"
         "  </meta>\n"
         "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
         "timerepresentation=\"interval\">\n";
  write_attribute_declarations(out, "node", kNodeAttributes);
  write_attribute_declarations(out, "edge", kEdgeAttributes);
}

void write_text_value(OutBuffer& out, std::string_view id, std::string_view value) {
  if (value.empty()) return;
  out << "<attvalue for=\"" << id << "\" value=\"";
  append_xml_escaped(out.text(), value);
  out << "\"/>";
}

template <class Number>
void write_number_value(OutBuffer& out, std::string_view id, Number value) {
  out << "<attvalue for=\"" << id << "\" value=\"" << value << "\"/>";
}

// The span of each vertex: from the earliest start to the latest end of its facts' periods;
// nullopt (always present) for a vertex with a fact that has no valid date, itself always present.
std::vector<std::optional<Period>> vertex_spans(const KnowledgeGraph& g) {
  const size_t n = boost::num_vertices(g);
  std::vector<std::optional<Period>> span(n);
  std::vector<bool> undated(n, false);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const std::vector<Period> periods = merged_periods(g[e].dates);
    for (Vertex v : {boost::source(e, g), boost::target(e, g)}) {
      if (periods.empty()) {
        undated[v] = true;
      } else if (!span[v]) {
        span[v] = Period{periods.front().start, periods.back().end};
      } else {
        span[v]->start = std::min(span[v]->start, periods.front().start);
        span[v]->end = std::max(span[v]->end, periods.back().end);
      }
    }
  }
  for (size_t v = 0; v < n; ++v)
    if (undated[v]) span[v].reset();
  return span;
}

void write_interval(OutBuffer& out, const Period& p) {
  out << " start=\"";
  append_iso_date(out.text(), p.start);
  out << "\" end=\"";
  append_iso_date(out.text(), p.end);
  out << '"';
}

void write_node(const KnowledgeGraph& g, Vertex v, const std::optional<Period>& span, double max_pagerank,
                OutBuffer& out) {
  const EntityNode& e = g[v];
  out << "      <node id=\"" << e.id << "\" label=\"";
  append_xml_escaped(out.text(), e.name);
  out << '"';
  if (span) write_interval(out, *span);
  out << "><attvalues>";
  visit_node_attributes(g, v, [&](std::string_view name, auto value) {
    if constexpr (std::is_same_v<decltype(value), std::string_view>) {
      write_text_value(out, name, value);
    } else {
      write_number_value(out, name, value);
    }
  });
  const Rgb c = type_colour(e.type);
  out << "</attvalues><viz:color r=\"" << int{c.r} << "\" g=\"" << int{c.g} << "\" b=\"" << int{c.b}
      << "\"/><viz:size value=\"" << node_size(e.metrics.pagerank, max_pagerank) << "\"/>";
  if (e.position) out << "<viz:position x=\"" << e.position->x << "\" y=\"" << e.position->y << "\" z=\"0\"/>";
  out << "</node>\n";
}

void write_edge(const KnowledgeGraph& g, Edge e, OutBuffer& out) {
  const FactEdge& f = g[e];
  const int64_t source = g[boost::source(e, g)].id, target = g[boost::target(e, g)].id;
  out << "      <edge id=\"" << source << '-';
  append_xml_escaped(out.text(), f.predicate);
  out << '-' << target << "\" source=\"" << source << "\" target=\"" << target << "\" label=\"";
  append_xml_escaped(out.text(), f.predicate);
  out << "\" kind=\"";
  append_xml_escaped(out.text(), f.predicate);
  out << "\" weight=\"" << f.weight << '"';
  const std::vector<Period> periods = merged_periods(f.dates);
  if (periods.size() == 1) write_interval(out, periods.front());
  out << "><attvalues>";
  write_text_value(out, "predicate", f.predicate);
  write_text_value(out, "first_seen", f.first_seen());
  write_text_value(out, "last_seen", f.last_seen());
  out << "</attvalues>";
  if (periods.size() > 1) {
    out << "<spells>";
    for (const Period& p : periods) {
      out << "<spell";
      write_interval(out, p);
      out << "/>";
    }
    out << "</spells>";
  }
  out << "</edge>\n";
}

}  // namespace

void write_gexf(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  write_header(out);
  const std::vector<std::optional<Period>> spans = vertex_spans(g);
  const double top_rank = max_pagerank(g);
  out << "    <nodes>\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    write_node(g, v, spans[v], top_rank, out);
    out.commit();
  }
  out << "    </nodes>\n    <edges>\n";
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    write_edge(g, e, out);
    out.commit();
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  out.finish();
}

}  // namespace rawabit::graph
