#include "common/paths.hpp"

#include <cstdlib>

namespace rawabit {

std::filesystem::path schema_dir() {
  if (const char* env = std::getenv("RAWABIT_SCHEMA"); env && *env) return env;
  return std::filesystem::path(RAWABIT_SOURCE_DIR) / "schema";
}

}  // namespace rawabit
