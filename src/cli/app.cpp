#include "cli/commands.hpp"

namespace rawabit::cli {

int run(int argc, char** argv) {
  CLI::App app{"rawabit — a knowledge graph from Arabic news: entities, relations and their evidence"};
  app.set_version_flag("--version", std::string("rawabit ") + RAWABIT_VERSION);
  app.require_subcommand(1);
  add_build_command(app);
  add_extract_command(app);
  add_eval_command(app);
  add_load_command(app);
  add_merge_command(app);
  add_export_command(app);
  add_stats_command(app);
  add_ner_commands(app);
  add_word_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}

}  // namespace rawabit::cli
