// rawabit export and stats on the bundled corpus, through the command line: every format is
// written where -o says, filters narrow the graph, and bad options are errors.
#include <gtest/gtest.h>

#include "run.hpp"

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <regex>
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
  EXPECT_TRUE(slurp(out("g.nodes.csv")).starts_with("Id,Label,"));
  EXPECT_TRUE(slurp(out("g.edges.csv")).starts_with("Source,Target,Type,kind,"));
  ASSERT_EQ(rawabit("export --db " + db() + " --format neo4j -o " + out("neo4j").string()), 0);
  EXPECT_TRUE(slurp(out("neo4j") / "nodes.csv").starts_with("id:ID,name,name_ar,qid,:LABEL,"));
  EXPECT_TRUE(slurp(out("neo4j") / "relationships.csv").starts_with(":START_ID,:END_ID,:TYPE,"));
  EXPECT_NE(rawabit("export --db " + db() + " --format neo4j"), 0) << "two files need a folder";
  // Gephi opens the layout of the pictures.
  EXPECT_NE(slurp(out("g.graphml")).find("<data key=\"x\">"), std::string::npos);
  EXPECT_NE(slurp(out("g.gexf")).find("<viz:position x="), std::string::npos);
  ASSERT_EQ(rawabit("export --db " + db() + " --no-positions -o " + out("unplaced.graphml").string()), 0);
  EXPECT_EQ(slurp(out("unplaced.graphml")).find("key=\"x\""), std::string::npos);
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

// Positions are a convenience: with a `dot` that fails, or none, the GraphML is written without them.
TEST_F(Export, GraphmlWithoutGraphvizHasNoPositions) {
  fs::path bin = out("failing-bin");
  fs::create_directories(bin);
  std::ofstream(bin / "dot") << "#!/bin/sh\ncat >/dev/null; exit 1\n";
  fs::permissions(bin / "dot", fs::perms::owner_all);
  for (const fs::path& path : {bin, out("empty-bin")}) {
    fs::create_directories(path);
    const fs::path graphml = out(path.filename().string() + ".graphml"), err = out(path.filename().string() + ".err");
    const std::string cmd = "PATH=" + path.string() + " " + std::string(RAWABIT_BINARY) + " export --db " + db() +
                            " -o " + graphml.string() + " 2>" + err.string();
    ASSERT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0) << slurp(err);
    EXPECT_NE(slurp(graphml).find("Vladimir Putin"), std::string::npos) << path;
    EXPECT_EQ(slurp(graphml).find("key=\"x\""), std::string::npos) << path;
    EXPECT_NE(slurp(err).find("no positions"), std::string::npos) << slurp(err);
  }
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

// The GEXF `export` writes is valid for the official GEXF 1.3 RELAX NG grammar (../shared).
TEST_F(Export, GexfFollowsTheOfficialGrammar) {
  const fs::path grammar = fs::path(RAWABIT_SOURCE_DIR) / ".." / "shared" / "schemas" / "gexf-1.3" / "gexf.rng";
  if (!fs::is_directory(fs::path(RAWABIT_SOURCE_DIR) / ".." / "shared"))
    GTEST_SKIP() << "../shared (with schemas/gexf-1.3) is absent beside the repository";
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint is not installed";
  ASSERT_EQ(rawabit("export --db " + db() + " --format gexf -o " + out("valid.gexf").string()), 0);
  const std::string cmd = "xmllint --noout --relaxng " + grammar.string() + " " + out("valid.gexf").string() +
                          " > " + out("xmllint.txt").string() + " 2>&1";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0) << slurp(out("xmllint.txt"));
}

// v_entities gained qid, its last column, after databases had been built: export reads such a
// database without it, and the next build gives it the column.
TEST_F(Export, ADatabaseFromBeforeQidIsReadThenUpgraded) {
  const fs::path old_db = out("before-qid.sqlite");
  fs::copy_file(db(), old_db);
  {
    SQLite::Database d(old_db.string(), SQLite::OPEN_READWRITE);
    d.exec("DROP VIEW v_entities");
    d.exec("CREATE VIEW v_entities AS SELECT e.id AS entity_id, e.name AS entity, e.name_ar, e.type AS entity_type, "
           "COUNT(m.id) AS mentions, COUNT(DISTINCT m.document_id) AS documents "
           "FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id");
  }
  ASSERT_EQ(rawabit("export --db " + old_db.string() + " --format csv -o " + out("old.csv").string()), 0);
  EXPECT_NE(slurp(out("old.nodes.csv")).find("Vladimir Putin"), std::string::npos);
  ASSERT_EQ(rawabit("build " + kCorpus.string() + " --db " + old_db.string()), 0);
  SQLite::Database d(old_db.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(d.execAndGet("SELECT name FROM pragma_table_info('v_entities') ORDER BY cid DESC LIMIT 1").getString(), "qid");
  EXPECT_GT(d.execAndGet("SELECT COUNT(*) FROM v_entities WHERE qid IS NOT NULL").getInt(), 0);
}

// `build` and `stats` count the same thing as evidence (one sentence stating a fact), and only
// stats counts facts (distinct subject, predicate, object).
TEST_F(Export, BuildAndStatsSayEvidenceAlike) {
  const std::string cmd = std::string(RAWABIT_BINARY) + " build " + kCorpus.string() + " --db " +
                          out("words.sqlite").string() + " 2>" + out("build.txt").string() + " && " + RAWABIT_BINARY +
                          " stats --db " + out("words.sqlite").string() + " >" + out("words-stats.txt").string();
  ASSERT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0);
  const std::string summary = slurp(out("build.txt")), stats = slurp(out("words-stats.txt"));
  std::smatch built, counted;
  ASSERT_TRUE(std::regex_search(summary, built, std::regex("([0-9]+) pieces of evidence"))) << summary;
  ASSERT_TRUE(std::regex_search(stats, counted, std::regex("evidence +([0-9]+)"))) << stats;
  EXPECT_EQ(built[1], counted[1]);
  EXPECT_EQ(summary.find(" facts"), std::string::npos) << summary;
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
