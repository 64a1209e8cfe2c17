// rawabit train-relations and the build's scorer options: a model trained on the seed articles'
// gold is written the same way twice, loads in a build, and a bad model file is an error.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run.hpp"

namespace {

namespace fs = std::filesystem;

using rawabit::e2e::kCorpus;
using rawabit::e2e::output_of;
using rawabit::e2e::rawabit;

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path temp(const std::string& name) {
  return fs::temp_directory_path() / ("rawabit-train-relations-" + std::to_string(getpid()) + "-" + name);
}

TEST(TrainRelations, WritesTheSameModelTwiceAndBuildLoadsIt) {
  fs::path gold = fs::path(RAWABIT_SOURCE_DIR).parent_path() / "shared" / "gold" / "seeds.json";
  if (!fs::exists(gold)) GTEST_SKIP() << "no seeds gold at " << gold;
  fs::path a = temp("a.bin"), b = temp("b.bin"), db = temp("db.sqlite");
  const std::string train = "train-relations " + gold.string() + " --docs " + kCorpus.string() + " -o ";
  ASSERT_EQ(rawabit(train + a.string()), 0);
  ASSERT_EQ(rawabit(train + b.string()), 0);
  EXPECT_GT(fs::file_size(a), 16u);
  EXPECT_EQ(bytes_of(a), bytes_of(b));
  EXPECT_EQ(rawabit("build " + kCorpus.string() + " --db " + db.string() + " -q --relations-model " + a.string()), 0);
  for (const fs::path& p : {a, b, db}) fs::remove(p);
}

TEST(TrainRelations, ArticlesNoGoldNamesAreAnError) {
  fs::path gold = temp("gold.json"), model = temp("none.bin");
  std::ofstream(gold) << R"({"documents": [{"doc": "not_in_the_corpus.txt", "entities": [], "relations": []}]})";
  std::string out = output_of(std::string(RAWABIT_BINARY) + " train-relations " + gold.string() + " --docs " +
                              kCorpus.string() + " -o " + model.string() + " 2>&1; echo status $?");
  EXPECT_NE(out.find("no article of --docs is named in the gold files"), std::string::npos) << out;
  EXPECT_NE(out.find("status 1"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(model));
  fs::remove(gold);
}

TEST(TrainRelations, ABadModelFileStopsTheBuildNamingIt) {
  fs::path model = temp("bad.bin"), db = temp("bad.sqlite");
  std::ofstream(model) << "RWBREL but not a model";
  std::string out = output_of(std::string(RAWABIT_BINARY) + " build " + kCorpus.string() + " --db " + db.string() +
                              " -q --relations-model " + model.string() + " 2>&1; echo status $?");
  EXPECT_NE(out.find(model.string() + ": not a relation scorer model"), std::string::npos) << out;
  EXPECT_NE(out.find("status 1"), std::string::npos) << out;
  fs::remove(model);
  fs::remove(db);
}

}  // namespace
