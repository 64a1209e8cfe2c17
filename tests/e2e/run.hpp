// Running the rawabit executable from the end-to-end tests.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace rawabit::e2e {

inline const std::filesystem::path kCorpus = std::filesystem::path(RAWABIT_SOURCE_DIR) / "corpus";

// Runs `rawabit ARGS` through the shell (so ARGS may redirect) with its warnings discarded;
// returns the exit status.
inline int rawabit(const std::string& args) {
  std::string cmd = std::string(RAWABIT_BINARY) + " " + args + " 2>/dev/null";
  return WEXITSTATUS(std::system(cmd.c_str()));
}

// The standard output of a shell command (empty if it cannot be started).
inline std::string output_of(const std::string& cmd) {
  std::array<char, 4096> buf{};
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return out;
  while (size_t n = fread(buf.data(), 1, buf.size(), pipe.get())) out.append(buf.data(), n);
  return out;
}

}  // namespace rawabit::e2e
