#include "graph/csv_writer.hpp"

#include <string_view>

#include "graph/out_buffer.hpp"

namespace rawabit::graph {
namespace {

bool needs_quotes(std::string_view value) { return value.find_first_of(",\"\n\r") != std::string_view::npos; }

// The characters of a field, copied in runs; inside quotes, a quote is doubled and line breaks are
// kept. Control characters other than tab (and line breaks in quotes) are dropped.
void write_characters(OutBuffer& out, std::string_view value, bool in_quotes) {
  size_t run = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if ((c >= 0x20 && c != '"') || c == '\t' || (in_quotes && (c == '\n' || c == '\r'))) continue;
    out << value.substr(run, i - run);
    if (c == '"') out << "\"\"";
    run = i + 1;
  }
  out << value.substr(run);
}

void write_field(OutBuffer& out, std::string_view value) {
  const bool quoted = needs_quotes(value);
  if (quoted) out << '"';
  write_characters(out, value, quoted);
  if (quoted) out << '"';
}

// "subject-predicate-object", as the other formats' edge ids.
void write_fact_id(OutBuffer& out, int64_t source, std::string_view predicate, int64_t target) {
  const bool quoted = needs_quotes(predicate);
  if (quoted) out << '"';
  out << source << '-';
  write_characters(out, predicate, quoted);
  out << '-' << target;
  if (quoted) out << '"';
}

}  // namespace

void write_nodes_csv(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  out << "id,label,label_ar,type,mentions,degree,in_degree,out_degree,weighted_degree,pagerank,betweenness,"
         "component,community\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& e = g[v];
    out << e.id << ',';
    write_field(out, e.name);
    out << ',';
    write_field(out, e.name_ar);
    out << ',';
    write_field(out, e.type);
    out << ',' << e.mentions << ',' << static_cast<uint64_t>(total_degree(g, v)) << ','
        << static_cast<uint64_t>(boost::in_degree(v, g)) << ',' << static_cast<uint64_t>(boost::out_degree(v, g)) << ','
        << weighted_degree(g, v) << ',' << e.metrics.pagerank << ',' << e.metrics.betweenness << ','
        << e.metrics.component << ',' << e.metrics.community << '\n';
    out.commit();
  }
  out.finish();
}

void write_edges_csv(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  out << "source,target,type,weight,id,label,predicate,first_seen,last_seen\n";
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const FactEdge& f = g[e];
    const int64_t source = g[boost::source(e, g)].id, target = g[boost::target(e, g)].id;
    out << source << ',' << target << ",Directed," << f.weight << ',';
    write_fact_id(out, source, f.predicate, target);
    for (std::string_view field : {std::string_view(f.predicate), std::string_view(f.predicate),
                                   f.first_seen(), f.last_seen()}) {
      out << ',';
      write_field(out, field);
    }
    out << '\n';
    out.commit();
  }
  out.finish();
}

CsvPaths csv_paths(const std::string& output) {
  const std::string_view suffix = ".csv";
  std::string base = output;
  if (base.size() > suffix.size() && base.ends_with(suffix)) base.resize(base.size() - suffix.size());
  return {base + ".nodes.csv", base + ".edges.csv"};
}

}  // namespace rawabit::graph
