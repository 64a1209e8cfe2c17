// rawabit eval gives the figures ../shared/eval/score.py gives, on the shared gold sets (the seeds
// and the dev set, each built from its articles), every figure and every listed miss, and again
// when part of the evidence is marked planned or hypothetical (which both leave out).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <vector>

#include "run.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kSource = RAWABIT_SOURCE_DIR;
const fs::path kShared = kSource.parent_path() / "shared";

using rawabit::e2e::output_of;

// The lines of `text`, sorted: score.py lists a document's false relations in set order.
std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

struct GoldSet {
  const char* name;
  fs::path articles, gold;
};

class EvalOnSharedSets : public ::testing::TestWithParam<GoldSet> {
 protected:
  void SetUp() override {
    if (!fs::exists(kShared / "eval" / "score.py")) GTEST_SKIP() << "no ../shared (" << kShared << "): nothing to compare";
    db_ = fs::temp_directory_path() / ("rawabit-eval-" + std::string(GetParam().name) + "-" + std::to_string(getpid()) + ".sqlite");
    fs::remove(db_);
    ASSERT_EQ(std::system((std::string(RAWABIT_BINARY) + " build " + GetParam().articles.string() + " --db " +
                           db_.string() + " -q 2>/dev/null").c_str()),
              0);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_.string() + suffix);
  }

  std::string ours(const std::string& flag) {
    return output_of(std::string(RAWABIT_BINARY) + " eval " + GetParam().gold.string() + " --db " + db_.string() + " " + flag);
  }
  std::string reference(const std::string& flag) {
    return output_of("python3 " + (kShared / "eval" / "score.py").string() + " " + GetParam().gold.string() + " " +
                     db_.string() + " " + flag);
  }
  // Every figure (the JSON, byte for byte: same keys, order, rounding) and every miss.
  void expect_same_scores() {
    const std::string json = ours("--json");
    ASSERT_FALSE(json.empty());
    EXPECT_EQ(json, reference("--json"));
    EXPECT_EQ(sorted_lines(ours("--show-misses")), sorted_lines(reference("--show-misses")));
  }
  void sql(const std::string& statement) {
    ASSERT_EQ(std::system(("sqlite3 " + db_.string() + " \"" + statement + "\"").c_str()), 0) << statement;
  }

  fs::path db_;
};

TEST_P(EvalOnSharedSets, SameFiguresAsTheReferenceScorer) { expect_same_scores(); }

TEST_P(EvalOnSharedSets, BothLeaveOutEvidenceThatIsNotAsserted) {
  const std::string before = ours("--json");
  // A third of the evidence planned, a third hypothetical; "asserted" and "" spelled out elsewhere.
  sql("UPDATE evidence SET attrs = json_set(attrs, '$.modality', CASE id % 6 WHEN 0 THEN 'planned' WHEN 1 THEN "
      "'hypothetical' WHEN 2 THEN 'asserted' WHEN 3 THEN '' WHEN 4 THEN 'negated' ELSE 'hypothetical' END)");
  expect_same_scores();
  EXPECT_NE(ours("--json"), before);  // the relations scored changed
}

INSTANTIATE_TEST_SUITE_P(Shared, EvalOnSharedSets,
                         ::testing::Values(GoldSet{"seeds", kShared / "seeds", kShared / "gold" / "seeds.json"},
                                           GoldSet{"dev", kShared / "dev", kShared / "gold" / "dev.json"}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
