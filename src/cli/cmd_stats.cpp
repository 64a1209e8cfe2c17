// `rawabit stats --db DB`: a plain-text overview of a database (see graph/stats.hpp).
#include <iostream>

#include "cli/commands.hpp"
#include "graph/loader.hpp"
#include "graph/stats.hpp"

namespace rawabit::cli {

void add_stats_command(CLI::App& app) {
  auto db_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "stats", "Print corpus counts, entities per type, facts per predicate and the top 15 entities "
               "by mentions and by degree. A piece of evidence is a sentence stating a fact (what `build` "
               "counts); a fact is a distinct (subject, predicate, object), backed by one or more");
  cmd->add_option("--db", *db_path, "The rawabit database to read (opened read-only)")->required()->type_name("DB");
  cmd->callback([db_path] {
    on_database(*db_path, [&] {
      SQLite::Database db = graph::open_database(*db_path);
      const graph::KnowledgeGraph g = graph::load_graph(db);
      graph::write_stats_report(graph::collect_stats(db, g), std::cout);
    });
  });
}

}  // namespace rawabit::cli
