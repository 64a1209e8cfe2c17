// `rawabit export`: the knowledge graph, filtered and with its metrics, as a file for Gephi,
// Graphviz, networkx, igraph or a spreadsheet.
#include <fstream>
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
#include "graph/loader.hpp"
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

void write_graph(const graph::KnowledgeGraph& g, const std::string& format, const std::string& output) {
  if (format == "graphml") {
    write_to(output, [&](std::ostream& out) { graph::write_graphml(g, out); });
  } else if (format == "gexf") {
    write_to(output, [&](std::ostream& out) { graph::write_gexf(g, out); });
  } else if (format == "dot") {
    write_to(output, [&](std::ostream& out) { graph::write_dot(g, out); });
  } else if (format == "csv") {
    const graph::CsvPaths paths = graph::csv_paths(output);
    write_to(paths.nodes, [&](std::ostream& out) { graph::write_nodes_csv(g, out); });
    write_to(paths.edges, [&](std::ostream& out) { graph::write_edges_csv(g, out); });
  } else {  // svg, png
    std::ostringstream dot;
    graph::write_dot(g, dot);
    if (output == "-") {
      graph::render_with_graphviz(dot.view(), format, output);
    } else {
      replace_file_atomically(output, [&](const std::filesystem::path& temporary) {
        graph::render_with_graphviz(dot.view(), format, temporary.string());
      });
    }
  }
}

void check_output(const ExportOptions& o) {
  if (o.output != "-") return;
  if (o.format == "png") throw Error("--format png writes a binary image: give a file with -o FILE.png");
  if (o.format == "csv") throw Error("--format csv writes two files: give their name with -o FILE.csv");
}

void run_export(ExportOptions& o) {
  check_output(o);
  o.selection.facts.predicates = {o.predicates.begin(), o.predicates.end()};
  o.selection.facts.types = {o.types.begin(), o.types.end()};
  on_database(o.db, [&] {
    SQLite::Database db = graph::open_database(o.db);
    write_graph(graph::select_graph(db, o.selection), o.format, o.output);
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
                 "dot: Graphviz source, communities as clusters; svg, png: rendered by Graphviz's `dot`, "
                 "which must be on PATH; csv: FILE.nodes.csv and FILE.edges.csv for Gephi's spreadsheet "
                 "import or Neo4j's LOAD CSV")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"graphml", "gexf", "dot", "svg", "png", "csv"}))
      ->capture_default_str();
  cmd.add_option("-o,--output", o.output,
                 "The file to write; '-' (the default) is standard output, for every format but png and csv. "
                 "For csv, -o graph.csv writes graph.nodes.csv and graph.edges.csv")
      ->type_name("FILE")
      ->capture_default_str();
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
