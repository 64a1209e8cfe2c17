#include "graph/dot_writer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/appearance.hpp"
#include "graph/escape.hpp"
#include "graph/out_buffer.hpp"

namespace rawabit::graph {
namespace {

constexpr const char* kFont = "Noto Sans Arabic,DejaVu Sans";

// fdp: a force-directed layout that keeps the community clusters and stays roughly square, so
// the rendered picture reads at a glance (dot's ranked layout spreads a knowledge graph into
// one very wide row). Edge labels are xlabels, which Graphviz places after the layout and, with
// forcelabels=false, leaves out where they would overlap a node or another label.
void write_header(const DotOptions& options, OutBuffer& out) {
  out << "digraph rawabit {\n"
      << "  graph [layout=" << options.layout << ", fontname=\"" << kFont
      << "\", overlap=false, splines=" << (options.splines ? "true" : "false")
      << ", forcelabels=false, outputorder=edgesfirst, labelloc=b, labeljust=l];\n"
      << "  node [fontname=\"" << kFont << "\", shape=box, style=\"rounded,filled\", color=\"#555555\"];\n"
      << "  edge [fontname=\"" << kFont << "\", fontsize=9, fontcolor=\"#444444\", arrowsize=0.6];\n";
}

// The predicates of the graph, most frequent first (ties by name), each with its colour.
struct PredicateColours {
  std::vector<std::pair<std::string, size_t>> ranked;  // predicate, facts
  std::map<std::string, std::string, std::less<>> colour;
};

PredicateColours predicate_colours(const KnowledgeGraph& g) {
  std::map<std::string, size_t> count;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) ++count[g[e].predicate];
  PredicateColours p;
  p.ranked.assign(count.begin(), count.end());
  std::stable_sort(p.ranked.begin(), p.ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
  for (size_t i = 0; i < p.ranked.size(); ++i) p.colour[p.ranked[i].first] = predicate_colour(i);
  return p;
}

// A node's tooltip: names, type, mentions and facts, as an SVG viewer shows it on hover.
void write_node_tooltip(const KnowledgeGraph& g, Vertex v, OutBuffer& out) {
  const EntityNode& e = g[v];
  out << ", tooltip=\"";
  append_dot_escaped(out.text(), e.name);
  if (!e.name_ar.empty() && e.name_ar != e.name) {
    out << " · ";
    append_dot_escaped(out.text(), e.name_ar);
  }
  out << "\\n";
  append_dot_escaped(out.text(), e.type);
  const uint64_t facts = total_degree(g, v);
  out << " · " << e.mentions << (e.mentions == 1 ? " mention · " : " mentions · ") << facts
      << (facts == 1 ? " fact\"" : " facts\"");
}

void write_node(const KnowledgeGraph& g, Vertex v, double max_pagerank, std::string_view indent, OutBuffer& out) {
  const EntityNode& e = g[v];
  out << indent << e.id << " [label=\"";
  append_dot_escaped(out.text(), e.name);
  if (!e.name_ar.empty() && e.name_ar != e.name) {
    out << "\\n";
    append_dot_escaped(out.text(), e.name_ar);
  }
  out << "\", fillcolor=\"" << hex(type_colour(e.type)) << "\", fontsize="
      << font_size(e.metrics.pagerank, max_pagerank);
  write_node_tooltip(g, v, out);
  out << "];\n";
}

// A community's title: its entity of highest PageRank (ties: lowest id), and how many others.
void write_cluster_label(const KnowledgeGraph& g, const std::vector<Vertex>& members, OutBuffer& out) {
  const Vertex top = *std::max_element(members.begin(), members.end(), [&](Vertex a, Vertex b) {
    return g[a].metrics.pagerank < g[b].metrics.pagerank;
  });
  out << "label=\"";
  append_dot_escaped(out.text(), g[top].name);
  // A left-to-right mark keeps the count after an Arabic name («كراكاس +1», not «1+ كراكاس»).
  out << "\u200E +" << static_cast<uint64_t>(members.size() - 1) << "\"; tooltip=\"A community of "
      << static_cast<uint64_t>(members.size()) << " entities around ";
  append_dot_escaped(out.text(), g[top].name);
  out << "\"";
}

void write_nodes_by_community(const KnowledgeGraph& g, OutBuffer& out) {
  const double top_rank = max_pagerank(g);
  std::map<int64_t, std::vector<Vertex>> members;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) members[g[v].metrics.community].push_back(v);
  for (const auto& [community, vertices] : members) {
    if (vertices.size() == 1 || members.size() == 1) {  // a cluster of one node, or of all, says nothing
      for (Vertex v : vertices) write_node(g, v, top_rank, "  ", out);
      continue;
    }
    out << "  subgraph cluster_" << community << " {\n    ";
    write_cluster_label(g, vertices, out);
    out << "; fontcolor=\"#777777\"; style=dashed; color=\"#999999\";\n";
    for (Vertex v : vertices) {
      write_node(g, v, top_rank, "    ", out);
      out.commit();
    }
    out << "  }\n";
  }
}

// The label each edge gets: the first fact between two entities carries the predicates of all the
// facts between them (either direction), the others none. No labels on the facts of a hub (an
// entity linked to more than kMaxLabelsAround others: its labels would bury it), nor at all in a
// crowded graph.
std::vector<std::string> edge_labels(const KnowledgeGraph& g) {
  std::vector<std::string> labels(boost::num_edges(g));
  if (boost::num_edges(g) > kMaxLabelledFacts) return labels;
  struct Pair {
    size_t first_edge;
    std::set<std::string_view> predicates;
  };
  std::map<std::pair<Vertex, Vertex>, Pair> pairs;
  std::vector<size_t> neighbours(boost::num_vertices(g), 0);
  size_t index = 0;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    const auto [it, first] = pairs.try_emplace({std::min(s, t), std::max(s, t)}, Pair{index++, {}});
    it->second.predicates.insert(g[e].predicate);
    if (first) ++neighbours[s], ++neighbours[t];
  }
  for (const auto& [ends, pair] : pairs) {
    if (neighbours[ends.first] > kMaxLabelsAround || neighbours[ends.second] > kMaxLabelsAround) continue;
    std::string& label = labels[pair.first_edge];
    for (std::string_view predicate : pair.predicates) label.append(label.empty() ? "" : ", ").append(predicate);
  }
  return labels;
}

void write_edge(const KnowledgeGraph& g, Edge e, const std::string& label, const PredicateColours& colours,
                OutBuffer& out) {
  const FactEdge& f = g[e];
  const EntityNode &s = g[boost::source(e, g)], &t = g[boost::target(e, g)];
  out << "  " << s.id << " -> " << t.id << " [";
  if (!label.empty()) {
    out << "xlabel=\"";
    append_dot_escaped(out.text(), label);
    out << "\", ";
  }
  out << "color=\"" << colours.colour.find(f.predicate)->second << "\", penwidth=" << pen_width(f.weight)
      << ", tooltip=\"";
  append_dot_escaped(out.text(), s.name);
  out << " → ";
  append_dot_escaped(out.text(), f.predicate);
  out << " → ";
  append_dot_escaped(out.text(), t.name);
  out << " (" << f.weight << (f.weight == 1 ? " document)" : " documents)") << "\"];\n";
}

// The legend under the picture: the entity types drawn, by colour, and the predicates, by the
// colour of their edges, with how many facts of each.
void write_legend(const KnowledgeGraph& g, const PredicateColours& colours, OutBuffer& out) {
  std::map<std::string, size_t> types;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) ++types[g[v].type];
  out << "  label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">"
      << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\"><TR>";
  for (const auto& [type, n] : types) {
    out << "<TD BGCOLOR=\"" << hex(type_colour(type)) << "\"><FONT POINT-SIZE=\"10\">";
    append_xml_escaped(out.text(), type);
    out << " " << static_cast<uint64_t>(n) << "</FONT></TD>";
  }
  out << "</TR></TABLE></TD></TR><TR><TD ALIGN=\"LEFT\">"
      << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>";
  size_t column = 0;
  for (const auto& [predicate, n] : colours.ranked) {
    if (column++ == kLegendColumns) {
      out << "</TR><TR>";
      column = 1;
    }
    out << "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"" << colours.colour.find(predicate)->second
        << "\">━━ ";
    append_xml_escaped(out.text(), predicate);
    out << " " << static_cast<uint64_t>(n) << "</FONT></TD>";
  }
  out << "</TR></TABLE></TD></TR></TABLE>>;\n";
}

}  // namespace

void write_dot(const KnowledgeGraph& g, std::ostream& stream, const DotOptions& options) {
  OutBuffer out(stream);
  write_header(options, out);
  const PredicateColours colours = predicate_colours(g);
  if (options.legend && boost::num_vertices(g) > 0) write_legend(g, colours, out);
  write_nodes_by_community(g, out);
  const std::vector<std::string> labels = edge_labels(g);
  size_t index = 0;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    write_edge(g, e, labels[index++], colours, out);
    out.commit();
  }
  out << "}\n";
  out.finish();
}

}  // namespace rawabit::graph
