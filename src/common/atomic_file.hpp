// Output files written whole or not at all. The content goes to a temporary file in the same
// folder (a rename within one file system is atomic), which replaces the target only once all of
// it was written and closed; on any failure (disk full, an exception from the writer) the
// temporary file is removed and the target is left as it was. Failures throw rawabit::Error
// naming the target and the system's reason.
#pragma once
#include <filesystem>
#include <functional>
#include <ostream>

namespace rawabit {

// Writes `path` from `write(stream)`.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

// For producers that write a file by name (another program): `produce(temporary)` must create
// the file at `temporary`; it then replaces `path`.
void replace_file_atomically(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path&)>& produce);

}  // namespace rawabit
