// The subcommands of `rawabit`. Each add_*_command() registers one subcommand, its options and
// its action on the application; the actions throw rawabit::Error on failure.
#pragma once
#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>

#include <string>

#include "common/error.hpp"

namespace rawabit::cli {

void add_build_command(CLI::App& app);
void add_extract_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_load_command(CLI::App& app);
void add_merge_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_stats_command(CLI::App& app);
void add_ner_commands(CLI::App& app);
void add_train_relations_command(CLI::App& app);
void add_word_commands(CLI::App& app);

// What to do about an SQLite error, for the message: " (another process is writing to it)" …
std::string sqlite_hint(int error_code);

// Runs a command's action on the database `db`: an SQLite error (locked, read-only, disk full,
// corrupt) becomes a rawabit::Error naming the database and SQLite's reason, which main()
// reports with exit status 1, not as an internal error.
template <class Action>
auto on_database(const std::string& db, Action action) -> decltype(action()) {
  try {
    return action();
  } catch (const SQLite::Exception& e) {
    throw Error(db + ": " + e.what() + sqlite_hint(e.getErrorCode()));
  }
}

// Parses argv and runs the chosen subcommand. Returns the process exit status for usage
// errors and --help; lets rawabit::Error through for main() to report.
int run(int argc, char** argv);

}  // namespace rawabit::cli
