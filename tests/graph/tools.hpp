// Running the external tools that check the exports (xmllint, python3 with networkx or igraph,
// Graphviz's dot). A test skips, rather than fails, when the tool is not installed.
#pragma once
#include <optional>
#include <string>

namespace rawabit::graph::testing {

struct CommandResult {
  int status = -1;     // the exit status, or -1 if the command could not run
  std::string output;  // standard output
};

// Runs `command` through /bin/sh and captures its standard output.
CommandResult run_command(const std::string& command);

// `text` quoted for /bin/sh.
std::string shell_quote(const std::string& text);

bool have_program(const std::string& name);

// A python3 interpreter that can import `module` ("python3" on PATH first, then the Debian
// /usr/bin/python3, where python3-networkx and python3-igraph install), or nullopt.
std::optional<std::string> python_with(const std::string& module);

// The official GEXF 1.3 RELAX NG grammar, in ../shared/schemas/gexf-1.3/ beside the repository;
// nullopt when ../shared is absent (a checkout without the shared data).
std::optional<std::string> gexf_grammar();

// `xmllint --relaxng` of the GEXF file against that grammar: status 0 when valid; the output
// holds xmllint's messages.
CommandResult validate_gexf(const std::string& file);

}  // namespace rawabit::graph::testing
