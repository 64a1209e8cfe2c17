// `rawabit export`: the knowledge graph, filtered and with its metrics, as a file for Gephi,
// Graphviz, networkx, igraph or a spreadsheet.
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "graph/csv_writer.hpp"
#include "graph/dot_writer.hpp"
#include "graph/gexf_writer.hpp"
#include "graph/graphml_writer.hpp"
#include "graph/graphviz.hpp"
#include "graph/html_writer.hpp"
#include "graph/layout.hpp"
#include "graph/loader.hpp"
#include "graph/neo4j_writer.hpp"
#include "graph/selection.hpp"
#include "graph/timeline.hpp"

namespace rawabit::cli {
namespace {

struct ExportOptions {
  std::string db;
  std::string format = "graphml";
  std::string output = "-";
  graph::GraphSelection selection;
  std::vector<std::string> predicates, types;
  bool no_positions = false;
};

// Runs `write` on the output file, or on standard output for "-". A file is replaced only once
// it was written whole (common/atomic_file.hpp): a failed export leaves the previous one.
template <class Writer>
void write_to(const std::string& path, Writer write) {
  if (path == "-") {
    write(std::cout);
    return;
  }
  write_file_atomically(path, write);
}

// A format of one file, written by `writer(g, stream)`.
template <class Writer>
void write_single(const std::string& output, Writer writer, const graph::KnowledgeGraph& g) {
  write_to(output, [&](std::ostream& out) { writer(g, out); });
}

// Gives the nodes the positions of the pictures' layout, for Gephi. Positions are a convenience:
// without Graphviz, or when it fails, the file is written without them and a warning says why.
void place(graph::KnowledgeGraph& g) {
  try {
    if (!graph::place_nodes(g))
      std::cerr << "rawabit: warning: Graphviz's `dot` is not on PATH: the nodes have no positions (x, y)\n";
  } catch (const Error& e) {
    for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) g[v].position.reset();
    std::cerr << "rawabit: warning: the nodes have no positions (x, y): " << e.what() << "\n";
  }
}

void write_csv(const graph::KnowledgeGraph& g, const std::string& output) {
  const graph::CsvPaths paths = graph::csv_paths(output);
  write_to(paths.nodes, [&](std::ostream& out) { graph::write_nodes_csv(g, out); });
  write_to(paths.edges, [&](std::ostream& out) { graph::write_edges_csv(g, out); });
}

void write_neo4j(const graph::KnowledgeGraph& g, const std::string& output) {
  std::error_code ec;
  std::filesystem::create_directories(output, ec);
  if (ec) throw Error("cannot create the folder " + rawabit::quoted(output) + ": " + ec.message());
  const graph::Neo4jPaths paths = graph::neo4j_paths(output);
  write_to(paths.nodes.string(), [&](std::ostream& out) { graph::write_neo4j_nodes(g, out); });
  write_to(paths.relationships.string(), [&](std::ostream& out) { graph::write_neo4j_relationships(g, out); });
}

void render(const graph::KnowledgeGraph& g, const std::string& format, const std::string& output) {
  std::ostringstream dot;
  graph::write_dot(g, dot);
  if (output == "-") return graph::render_with_graphviz(dot.view(), format, output);
  replace_file_atomically(output, [&](const std::filesystem::path& temporary) {
    graph::render_with_graphviz(dot.view(), format, temporary.string());
  });
}

// The export formats: adding one is a line here (and its help in add_output_options).
struct Format {
  const char* name;
  std::function<void(const graph::KnowledgeGraph&, const std::string& output)> write;
  const char* needs_file = nullptr;  // why standard output (-o -) will not do, when it will not
  bool picture = false;              // drawn: kept within kMaxPictureEntities
  bool positions = false;            // carries node positions (place_nodes), unless --no-positions
};

const std::vector<Format>& formats() {
  static const std::vector<Format> kFormats = {
      {"graphml", [](auto& g, auto& o) { write_single(o, graph::write_graphml, g); }, nullptr, false, true},
      {"gexf", [](auto& g, auto& o) { write_single(o, graph::write_gexf, g); }, nullptr, false, true},
      {"dot", [](auto& g, auto& o) { write_single(o, [](auto& g, auto& out) { graph::write_dot(g, out); }, g); }},
      {"svg", [](auto& g, auto& o) { render(g, "svg", o); }, nullptr, true},
      {"png", [](auto& g, auto& o) { render(g, "png", o); }, "writes a binary image: give a file with -o FILE.png",
       true},
      {"csv", write_csv, "writes two files: give their name with -o FILE.csv"},
      {"neo4j", write_neo4j, "writes nodes.csv and relationships.csv: give their folder with -o DIR"},
      {"html", nullptr, nullptr, false, true},  // written in run_export: the page reads evidence too
  };
  return kFormats;
}

const Format& format_named(const std::string& name) {
  for (const Format& f : formats())
    if (name == f.name) return f;
  throw Error("unknown export format " + rawabit::quoted(name));
}

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const Format& f : formats()) names.push_back(f.name);
  return names;
}

void run_export(ExportOptions& o) {
  const Format& format = format_named(o.format);
  if (o.output == "-" && format.needs_file) throw Error("--format " + o.format + " " + format.needs_file);
  o.selection.facts.predicates = {o.predicates.begin(), o.predicates.end()};
  o.selection.facts.types = {o.types.begin(), o.types.end()};
  on_database(o.db, [&] {
    SQLite::Database db = graph::open_database(o.db);
    if (!format.picture) {
      graph::KnowledgeGraph g = graph::select_graph(db, o.selection);
      if (format.positions && !o.no_positions) place(g);
      if (o.format == "html") {  // the page reads evidence too, with the same filter
        const std::string title = std::filesystem::path(o.db).filename().string();
        return write_to(o.output, [&](std::ostream& out) { graph::write_html(db, g, o.selection.evidence, title, out); });
      }
      return format.write(g, o.output);
    }
    std::string warning;
    const graph::KnowledgeGraph g = graph::select_picture_graph(db, o.selection, graph::kMaxPictureEntities, warning);
    if (!warning.empty()) std::cerr << "rawabit: warning: " << warning << "\n";
    format.write(g, o.output);
  });
}

const CLI::Validator kIsoDate(
    [](std::string& date) {
      return graph::date_period(date) ? std::string() : "not a date (YYYY-MM-DD, YYYY-MM or YYYY): " + date;
    },
    "");

void add_output_options(CLI::App& cmd, ExportOptions& o) {
  cmd.add_option("--db", o.db, "The rawabit database to read (opened read-only)")->required()->type_name("DB");
  cmd.add_option("--format", o.format,
                 "graphml: typed multigraph with the metrics, for Gephi, networkx, igraph (node ids = entity "
                 "ids); gexf: GEXF 1.3 for Gephi, dynamic over the evidence dates, with colours and sizes; "
                 "dot: Graphviz source with a legend, communities as clusters; svg, png: rendered by "
                 "Graphviz's `dot`, which must be on PATH, at most 80 entities (the top by PageRank "
                 "beyond); csv: FILE.nodes.csv and FILE.edges.csv for Gephi's spreadsheet "
                 "import, LOAD CSV or pandas; neo4j: DIR/nodes.csv and DIR/relationships.csv for "
                 "`neo4j-admin database import full`; html: one self-contained page to search the "
                 "graph in a browser and read each fact's evidence")
      ->type_name("FORMAT")
      ->check(CLI::IsMember(format_names()))
      ->capture_default_str();
  cmd.add_option("-o,--output", o.output,
                 "The file to write; '-' (the default) is standard output, for every format but png and csv. "
                 "For csv, -o graph.csv writes graph.nodes.csv and graph.edges.csv; for neo4j, -o DIR writes "
                 "DIR/nodes.csv and DIR/relationships.csv (DIR is created if need be)")
      ->type_name("FILE")
      ->capture_default_str();
  cmd.add_flag("--no-positions", o.no_positions,
               "graphml, gexf: leave out the node positions (the pictures' layout, for Gephi), which Graphviz "
               "takes about a second per thousand entities to compute");
}

void add_filter_options(CLI::App& cmd, ExportOptions& o) {
  graph::GraphSelection& s = o.selection;
  cmd.add_option("--predicates", o.predicates, "Keep only facts with these predicates, e.g. member_of,visited")
      ->delimiter(',')
      ->type_name("P1,P2");
  cmd.add_option("--types", o.types, "Keep only facts between entities of these types, e.g. PERSON,COUNTRY")
      ->delimiter(',')
      ->type_name("T1,T2")
      ->check(CLI::IsMember({"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "TREATY", "WEAPON"}, CLI::ignore_case));
  cmd.add_option("--min-weight", s.facts.min_weight, "Keep only facts found in at least N documents")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--min-confidence", s.evidence.min_confidence,
                 "Count only evidence of at least this confidence (0 to 1); a fact's weight is recomputed "
                 "from the evidence that remains, and a fact with none is dropped")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--since", s.evidence.since,
                 "Count only evidence dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)")
      ->type_name("DATE")
      ->check(kIsoDate);
  cmd.add_option("--until", s.evidence.until,
                 "Count only evidence dated on or before DATE; 2023-05 includes all of May")
      ->type_name("DATE")
      ->check(kIsoDate);
  CLI::Option* around = cmd.add_option(
      "--around", s.around, "Keep only the neighbourhood of ENTITY: its English name, Arabic name or an alias")
      ->type_name("ENTITY");
  cmd.add_option("--depth", s.depth, "With --around: how many facts away from ENTITY to go")
      ->needs(around)
      ->type_name("N")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd.add_option("--top", s.top, "Keep only the N entities of highest PageRank and the facts among them")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  cmd.add_flag("--all-modalities", s.evidence.all_modalities,
               "Count hypothetical, planned and negated evidence too, not only the asserted (as v_facts)");
  cmd.add_flag("--collapse-metonyms", s.evidence.collapse_metonyms,
               "Merge entities that stand for another (the capital for the country: موسكو → Russia) into it");
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the knowledge graph (entities, the facts between them, PageRank, betweenness, components "
                "and communities) for Gephi, Graphviz, networkx, igraph or a spreadsheet. Filters apply in the "
                "order listed; metrics are computed on the graph as exported");
  add_output_options(*cmd, *o);
  add_filter_options(*cmd, *o);
  cmd->callback([o] { run_export(*o); });
}

}  // namespace rawabit::cli
