// The subcommands of `rawabit`. Each add_*_command() registers one subcommand, its options and
// its action on the application; the actions throw rawabit::Error on failure.
#pragma once
#include <CLI/CLI.hpp>

namespace rawabit::cli {

void add_build_command(CLI::App& app);
void add_extract_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_load_command(CLI::App& app);
void add_merge_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_stats_command(CLI::App& app);
void add_ner_commands(CLI::App& app);
void add_word_commands(CLI::App& app);

// Parses argv and runs the chosen subcommand. Returns the process exit status for usage
// errors and --help; lets rawabit::Error through for main() to report.
int run(int argc, char** argv);

}  // namespace rawabit::cli
