#include "tools.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace rawabit::graph::testing {

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> chunk;
  size_t n = 0;
  while ((n = std::fread(chunk.data(), 1, chunk.size(), pipe)) > 0) result.output.append(chunk.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool have_program(const std::string& name) {
  return run_command("command -v " + shell_quote(name) + " >/dev/null 2>&1").status == 0;
}

std::optional<std::string> python_with(const std::string& module) {
  for (const std::string python : {"python3", "/usr/bin/python3"}) {
    if (run_command(python + " -c " + shell_quote("import " + module) + " >/dev/null 2>&1").status == 0) return python;
  }
  return std::nullopt;
}

std::optional<std::string> gexf_grammar() {
  const std::filesystem::path shared = std::filesystem::path(RAWABIT_SOURCE_DIR) / ".." / "shared";
  if (!std::filesystem::is_directory(shared)) return std::nullopt;
  return (shared / "schemas" / "gexf-1.3" / "gexf.rng").lexically_normal().string();
}

CommandResult validate_gexf(const std::string& file) {
  return run_command("xmllint --noout --relaxng " + shell_quote(gexf_grammar().value()) + " " + shell_quote(file) +
                     " 2>&1");
}

}  // namespace rawabit::graph::testing
