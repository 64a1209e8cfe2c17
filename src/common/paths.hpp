// Where the data files live. schema/ holds the gazetteers, patterns, SQL and models; the
// environment variable RAWABIT_SCHEMA overrides the source tree's copy.
#pragma once
#include <filesystem>

namespace rawabit {

std::filesystem::path schema_dir();

}  // namespace rawabit
