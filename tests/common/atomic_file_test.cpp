// Output files are replaced whole or not at all.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"

namespace rawabit {
namespace {

namespace fs = std::filesystem;

std::string content(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t files_in(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(AtomicFile, ReplacesOnlyWhenWhollyWritten) {
  fs::path dir = fs::temp_directory_path() / ("rawabit-atomic-" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path out = dir / "graph.graphml";
  write_file_atomically(out, [](std::ostream& s) { s << "first"; });
  EXPECT_EQ(content(out), "first");
  // A writer that fails half-way leaves the old file and no temporary one.
  EXPECT_THROW(write_file_atomically(out,
                                     [](std::ostream& s) {
                                       s << "half";
                                       throw Error("writer failed");
                                     }),
               Error);
  EXPECT_EQ(content(out), "first");
  EXPECT_EQ(files_in(dir), 1u);
  replace_file_atomically(out, [](const fs::path& temporary) { std::ofstream(temporary) << "second"; });
  EXPECT_EQ(content(out), "second");
  EXPECT_EQ(files_in(dir), 1u);
  // A missing folder is named.
  try {
    write_file_atomically(dir / "missing" / "g.dot", [](std::ostream& s) { s << "x"; });
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "missing").string() + " does not exist"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rawabit
