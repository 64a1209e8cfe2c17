// rawabit export and stats on the bundled corpus, through the command line: every format is
// written where -o says, filters narrow the graph, and bad options are errors.
#include <gtest/gtest.h>

#include "run.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using rawabit::e2e::kCorpus;
using rawabit::e2e::rawabit;

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Export : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("rawabit-export-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    ASSERT_EQ(rawabit("build " + (fs::path(RAWABIT_SOURCE_DIR) / "corpus").string() + " --db " + db()), 0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string db() { return (*dir_ / "kg.sqlite").string(); }
  static fs::path out(const std::string& name) { return *dir_ / name; }
  static inline fs::path* dir_ = nullptr;
};

TEST_F(Export, EveryFormatIsWritten) {
  struct Case {
    const char* format;
    const char* file;
    const char* starts_with;
  };
  const Case cases[] = {
      {"graphml", "g.graphml", "<?xml"}, {"gexf", "g.gexf", "<?xml"}, {"dot", "g.dot", "digraph"},
      {"svg", "g.svg", "<?xml"},         {"png", "g.png", "\x89PNG"},
  };
  for (const Case& c : cases) {
    ASSERT_EQ(rawabit("export --db " + db() + " --format " + c.format + " -o " + out(c.file).string()), 0) << c.format;
    EXPECT_TRUE(slurp(out(c.file)).starts_with(c.starts_with)) << c.format;
  }
  ASSERT_EQ(rawabit("export --db " + db() + " --format csv -o " + out("g.csv").string()), 0);
  EXPECT_TRUE(slurp(out("g.nodes.csv")).starts_with("id,label"));
  EXPECT_TRUE(slurp(out("g.edges.csv")).starts_with("source,target"));
  EXPECT_NE(slurp(out("g.graphml")).find("فلاديمير بوتين"), std::string::npos);
}

// Graphviz's triangulation library aborts on some fdp layouts now and then; the export then
// renders again with scaled overlap removal and straight edges. A `dot` that aborts unless given
// those settings stands in for the failing one.
TEST_F(Export, AGraphvizAbortIsRetriedWithASimplerLayout) {
  fs::path bin = out("fake-bin");
  fs::create_directories(bin);
  {
    std::ofstream fake(bin / "dot");
    fake << "#!/bin/sh\n"
            "case \"$*\" in *-Gsplines=false*) exec /usr/bin/dot \"$@\" ;; esac\n"
            "cat >/dev/null; echo 'Bail out! Gts:ERROR:cdt.c:887: assertion failed' >&2; kill -ABRT $$\n";
  }
  fs::permissions(bin / "dot", fs::perms::owner_all);
  std::string cmd = "PATH=" + bin.string() + ":$PATH " + std::string(RAWABIT_BINARY) + " export --db " + db() +
                    " --format svg -o " + out("retry.svg").string() + " 2>" + out("retry.err").string();
  ASSERT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0) << slurp(out("retry.err"));
  EXPECT_TRUE(slurp(out("retry.svg")).starts_with("<?xml"));
  EXPECT_NE(slurp(out("retry.err")).find("straight edges"), std::string::npos);
}

TEST_F(Export, FiltersNarrowTheGraph) {
  ASSERT_EQ(rawabit("export --db " + db() + " -o " + out("all.graphml").string()), 0);
  ASSERT_EQ(rawabit("export --db " + db() + " --predicates member_of --around CSTO --depth 1 -o " +
                    out("csto.graphml").string()),
            0);
  std::string all = slurp(out("all.graphml")), csto = slurp(out("csto.graphml"));
  EXPECT_LT(csto.size(), all.size());
  EXPECT_NE(csto.find("Kazakhstan"), std::string::npos);
  EXPECT_EQ(csto.find("leader_of"), std::string::npos);
  // An Arabic name or alias finds the entity too.
  ASSERT_EQ(rawabit("export --db " + db() + " --around 'منظمة معاهدة الأمن الجماعي' -o " + out("ar.graphml").string()), 0);
  EXPECT_NE(slurp(out("ar.graphml")).find("CSTO"), std::string::npos);
}

TEST_F(Export, BadOptionsAreErrors) {
  EXPECT_NE(rawabit("export --db " + db() + " --format pdf -o " + out("x.pdf").string()), 0);
  EXPECT_NE(rawabit("export --db " + db() + " --around 'No Such Entity'"), 0);
  EXPECT_NE(rawabit("export --db " + out("missing.sqlite").string()), 0);
  EXPECT_NE(rawabit("export --db " + db() + " --since 2023-13"), 0);
}

TEST_F(Export, StatsReport) {
  std::string cmd = std::string(RAWABIT_BINARY) + " stats --db " + db() + " > " + out("stats.txt").string();
  ASSERT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0);
  std::string report = slurp(out("stats.txt"));
  EXPECT_NE(report.find("leader_of"), std::string::npos);
  EXPECT_NE(report.find("Vladimir Putin"), std::string::npos);
  EXPECT_NE(report.find("COUNTRY"), std::string::npos);
}

}  // namespace
