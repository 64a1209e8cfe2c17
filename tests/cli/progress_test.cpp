#include "cli/progress.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "text/compressed_stream.hpp"
#include "text/input.hpp"

namespace rawabit::cli {
namespace {

namespace fs = std::filesystem;

struct EtaCase {
  const char* why;
  std::vector<std::pair<double, uint64_t>> observed;  // seconds, bytes done
  uint64_t total;
  std::optional<double> left;
};

TEST(Eta, FromTheRateSinceTheFirstDocument) {
  const EtaCase cases[] = {
      {"no document yet", {}, 1000, std::nullopt},
      {"under a second of measure", {{5, 100}, {5.5, 200}}, 1000, std::nullopt},
      // Start-up took 5 s; then 100 bytes a second: 600 bytes left take 6 s, not 13.
      {"start-up does not count", {{5, 100}, {8, 400}}, 1000, 6.0},
      {"all done", {{1, 100}, {3, 1000}}, 1000, std::nullopt},
      {"a position of 0 is unknown", {{1, 100}, {2, 0}, {3, 300}}, 1000, 7.0},
  };
  for (const EtaCase& c : cases) {
    Eta eta(c.total);
    for (const auto& [seconds, done] : c.observed) eta.observe(seconds, done);
    ASSERT_EQ(eta.seconds_left().has_value(), c.left.has_value()) << c.why;
    if (c.left) EXPECT_NEAR(*eta.seconds_left(), *c.left, 1e-9) << c.why;
  }
}

// On a compressed input the position is in compressed bytes, as the total is: halfway through the
// records the build is about halfway through the file, and the ETA about the time spent so far.
// (Decompressed bytes against the compressed size put the build past its end at a fraction of it.)
TEST(Eta, OnACompressedInputTracksCompressedBytes) {
  if (std::system("command -v xz >/dev/null 2>&1") != 0) GTEST_SKIP() << "xz is not installed";
  const fs::path dir = fs::temp_directory_path() / ("rawabit-eta-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path jsonl = dir / "news.jsonl";
  {
    std::ofstream out(jsonl);
    // Records of random letters, which xz cannot shrink much: 2 MB, about 24 of the 64 KiB
    // blocks the decompressor reads the file by, so that the position moves in steps of 1/24.
    uint64_t x = 88172645463325252ull;
    const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string text(500, ' ');
    for (int i = 0; i < 4000; ++i) {
      for (char& c : text) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        c = letters[x % letters.size()];
      }
      out << "{\"id\":\"" << i << "\",\"text\":\"" << text << "\"}\n";
    }
  }
  ASSERT_EQ(std::system(("xz -T1 -1 " + jsonl.string()).c_str()), 0);
  const fs::path xz = dir / "news.jsonl.xz";
  const uint64_t total = fs::file_size(xz);

  // One document stored a second, at the position the reader had reached when it read it.
  std::vector<uint64_t> positions;
  const uint64_t before = text::file_bytes_read_by_this_thread();
  text::read_inputs(
      {xz}, [&](text::Document&&) { positions.push_back(text::file_bytes_read_by_this_thread() - before); },
      [](const std::string&) {});
  fs::remove_all(dir);
  ASSERT_EQ(positions.size(), 4000u);
  EXPECT_EQ(positions.back(), total);
  EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end()));

  Eta eta(total);
  for (size_t i = 0; i < positions.size() / 2; ++i) eta.observe(double(i), positions[i]);
  EXPECT_NEAR(eta.fraction(), 0.5, 0.1);
  ASSERT_TRUE(eta.seconds_left());
  EXPECT_NEAR(*eta.seconds_left(), 2000, 2000 * 0.2);  // the other half of the documents, a second each
}

}  // namespace
}  // namespace rawabit::cli
