// Running the rawabit executable from the end-to-end tests.
#pragma once
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace rawabit::e2e {

inline const std::filesystem::path kCorpus = std::filesystem::path(RAWABIT_SOURCE_DIR) / "corpus";

// Runs `rawabit ARGS` through the shell (so ARGS may redirect) with its warnings discarded;
// returns the exit status.
inline int rawabit(const std::string& args) {
  std::string cmd = std::string(RAWABIT_BINARY) + " " + args + " 2>/dev/null";
  return WEXITSTATUS(std::system(cmd.c_str()));
}

}  // namespace rawabit::e2e
