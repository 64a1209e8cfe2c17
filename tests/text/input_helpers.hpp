// Helpers for the ingest tests: a scratch directory, files written into it, and read_inputs()
// with its documents and warnings collected.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/input.hpp"

namespace rawabit::text::testing {

// A fresh directory, removed with everything in it at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rawabit-ingest-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    // Give back permissions a test took away, so that everything can be removed.
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec); !ec && it != decltype(it)(); it.increment(ec))
      if (!it->is_symlink()) std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                                           std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

 private:
  std::filesystem::path path_;
};

// What read_inputs() produced.
struct Ingested {
  std::vector<Document> documents;
  std::vector<std::string> warnings;
  InputSummary summary;

  // The number of warnings containing `text`.
  size_t warned(std::string_view text) const {
    size_t n = 0;
    for (const std::string& w : warnings) n += w.find(text) != std::string::npos;
    return n;
  }
  std::string all_warnings() const {
    std::string out;
    for (const std::string& w : warnings) out += w + "\n";
    return out;
  }
};

inline Ingested ingest(const std::vector<std::filesystem::path>& paths) {
  Ingested r;
  r.summary = read_inputs(
      paths, [&](Document&& d) { r.documents.push_back(std::move(d)); },
      [&](const std::string& w) { r.warnings.push_back(w); });
  return r;
}

inline Ingested ingest(const std::filesystem::path& path) { return ingest(std::vector{path}); }

}  // namespace rawabit::text::testing
