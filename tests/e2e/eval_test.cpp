// rawabit eval agrees with ../shared/eval/score.py, the reference scorer, on a committed gold
// fixture (types that disagree, an optional entity, alternatives, a symmetric predicate, a hard
// relation, a document the database does not hold).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "run.hpp"

namespace {

namespace fs = std::filesystem;

using rawabit::e2e::output_of;

TEST(Eval, AgreesWithTheReferenceScorer) {
  fs::path source = RAWABIT_SOURCE_DIR;
  fs::path scorer = source.parent_path() / "shared" / "eval" / "score.py";
  if (!fs::exists(scorer)) GTEST_SKIP() << "no reference scorer at " << scorer;
  fs::path db = fs::temp_directory_path() / ("rawabit-eval-" + std::to_string(getpid()) + ".sqlite");
  std::string bin = RAWABIT_BINARY;
  ASSERT_EQ(std::system((bin + " build " + (source / "corpus").string() + " --db " + db.string() + " -q").c_str()), 0);
  std::string gold = (source / "tests" / "fixtures" / "eval" / "gold.json").string();
  // Both as canonical JSON (sorted keys), so formatting differences do not matter.
  const std::string canonical = " | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))'";
  std::string ours = output_of(bin + " eval " + gold + " --db " + db.string() + " --json" + canonical);
  std::string reference = output_of("python3 " + scorer.string() + " " + gold + " " + db.string() + " --json" + canonical);
  fs::remove(db);
  ASSERT_FALSE(reference.empty());
  EXPECT_EQ(ours, reference);
  EXPECT_NE(ours.find("\"rel_explicit\""), std::string::npos);
}

TEST(Eval, MalformedGoldIsAnErrorNamingTheFile) {
  fs::path bad = fs::temp_directory_path() / ("rawabit-eval-bad-" + std::to_string(getpid()) + ".json");
  { std::FILE* f = std::fopen(bad.c_str(), "w"); std::fputs("{\"not\": 1}", f); std::fclose(f); }
  std::string out = output_of(std::string(RAWABIT_BINARY) + " eval " + bad.string() + " --db " + bad.string() + " 2>&1");
  fs::remove(bad);
  EXPECT_NE(out.find(bad.string()), std::string::npos) << out;
}

}  // namespace
