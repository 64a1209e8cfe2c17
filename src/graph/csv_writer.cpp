#include "graph/csv_writer.hpp"

#include <string_view>
#include <type_traits>

#include "graph/escape.hpp"
#include "graph/out_buffer.hpp"

namespace rawabit::graph {
namespace {

// "subject-predicate-object", as the other formats' edge ids, written in place (the edge table is
// the largest export): quoted as one field only when the predicate needs quotes.
void write_fact_id(OutBuffer& out, int64_t source, std::string_view predicate, int64_t target, std::string& scratch) {
  if (predicate.find_first_of(",\"\n\r") == std::string_view::npos) {
    out << source << '-';
    append_csv_field(out.text(), predicate);
    out << '-' << target;
    return;
  }
  scratch.assign(std::to_string(source)).append("-").append(predicate).append("-").append(std::to_string(target));
  append_csv_field(out.text(), scratch);
}

}  // namespace

void write_nodes_csv(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  out << "Id,Label,label_ar,type,mentions,degree,in_degree,out_degree,weighted_degree,pagerank,betweenness,"
         "component,community,qid\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    out << g[v].id << ',';
    append_csv_field(out.text(), g[v].name);
    visit_node_attributes(g, v, [&](std::string_view, auto value) {
      out << ',';
      if constexpr (std::is_same_v<decltype(value), std::string_view>) {
        append_csv_field(out.text(), value);
      } else {
        out << value;
      }
    });
    out << '\n';
    out.commit();
  }
  out.finish();
}

void write_edges_csv(const KnowledgeGraph& g, std::ostream& stream) {
  OutBuffer out(stream);
  out << "Source,Target,Type,kind,Weight,Id,Label,predicate,first_seen,last_seen\n";
  std::string scratch;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const FactEdge& f = g[e];
    const int64_t source = g[boost::source(e, g)].id, target = g[boost::target(e, g)].id;
    out << source << ',' << target << ",Directed,";
    append_csv_field(out.text(), f.predicate);
    out << ',' << f.weight << ',';
    write_fact_id(out, source, f.predicate, target, scratch);
    for (std::string_view field : {std::string_view(f.predicate), std::string_view(f.predicate), f.first_seen(),
                                   f.last_seen()}) {
      out << ',';
      append_csv_field(out.text(), field);
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
