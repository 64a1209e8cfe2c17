#include <sqlite3.h>

#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/exit_status.hpp"

namespace rawabit::cli {

namespace {

// The first argument when it names no subcommand: CLI11 would only say that one is required,
// or that the argument was not expected.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-' || argv[1][0] == '\0') return std::nullopt;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->check_name(argv[1])) return std::nullopt;
  return std::string(argv[1]);
}

std::string command_names(CLI::App& app) {
  std::string names;
  for (const CLI::App* sub : app.get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
  return names;
}

}  // namespace

std::string sqlite_hint(int error_code) {
  switch (error_code & 0xFF) {  // the primary result code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return " (another process, such as a build, is writing to it: try again when it is done)";
    case SQLITE_READONLY: return " (the file or its folder is not writable)";
    case SQLITE_FULL: return " (the disk is full)";
    case SQLITE_IOERR: return " (a read or write failed: is the disk full or failing?)";
    case SQLITE_CANTOPEN: return " (check that its folder exists and is writable)";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return " (the file is damaged or not a database)";
    default: return "";
  }
}

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
  add_train_relations_command(app);
  add_word_commands(app);
  if (auto name = unknown_command(app, argc, argv)) {
    std::cerr << "rawabit: unknown command " << terminal_safe("'" + *name + "'") << " (the commands are "
              << command_names(app) << "; see rawabit --help)\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message (or the help, for --help and --version: status 0); every argument
    // error has the one documented status instead of CLI11's own (105-109 and more).
    return app.exit(e) == 0 ? kExitSuccess : kExitUsage;
  }
  return kExitSuccess;
}

}  // namespace rawabit::cli
