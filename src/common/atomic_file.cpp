#include "common/atomic_file.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/error.hpp"

namespace rawabit {

namespace fs = std::filesystem;

namespace {

// A name beside `path` that no other writer (thread or process) uses.
fs::path temporary_beside(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  fs::path name = "." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return path.parent_path() / name;
}

// Fails early, with a clear reason, when the folder to write in is missing.
void check_folder(const fs::path& path) {
  fs::path folder = path.parent_path();
  std::error_code ec;
  if (!folder.empty() && !fs::is_directory(folder, ec))
    throw Error(path.string() + ": cannot write: the folder " + folder.string() + " does not exist");
}

// Removes the temporary file unless it was renamed.
struct TemporaryFile {
  fs::path path;
  bool kept = false;
  ~TemporaryFile() {
    std::error_code ec;
    if (!kept) fs::remove(path, ec);
  }
};

void put_in_place(TemporaryFile& temp, const fs::path& path) {
  std::error_code ec;
  fs::rename(temp.path, path, ec);
  if (ec) throw Error(path.string() + ": cannot write: " + ec.message());
  temp.kept = true;
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  check_folder(path);
  TemporaryFile temp{temporary_beside(path)};
  std::ofstream out(temp.path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(path.string() + ": cannot write: " + std::strerror(errno));
  auto failed = [&](int e) {
    return Error(path.string() + ": cannot write: " + (e ? std::strerror(e) : "write error"));
  };
  errno = 0;
  try {
    write(out);
  } catch (const Error&) {
    // A writer that stops on its stream's failure says so without the path or the reason.
    if (out.fail()) throw failed(errno);
    throw;
  }
  out.flush();
  int write_errno = errno;  // what the failing write() said, if one failed
  out.close();
  if (out.fail()) throw failed(write_errno ? write_errno : errno);
  put_in_place(temp, path);
}

void replace_file_atomically(const fs::path& path, const std::function<void(const fs::path&)>& produce) {
  check_folder(path);
  TemporaryFile temp{temporary_beside(path)};
  produce(temp.path);
  put_in_place(temp, path);
}

}  // namespace rawabit
