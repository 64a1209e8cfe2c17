// `rawabit tokens` and `rawabit cluster-words`: what scripts/word-clusters chains with fastText.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run.hpp"

namespace {

namespace fs = std::filesystem;
using rawabit::e2e::rawabit;

class WordClassCommands : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string read(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static void write(const std::string& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

  fs::path dir_ = fs::temp_directory_path() / ("rawabit-word-classes-" + std::to_string(getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
};

TEST_F(WordClassCommands, TokensPrintsMatchingFormsOneSentencePerLine) {
  write(path("a.txt"), "عنوان\n\nزار الرئيسُ موسكو. والتقى بوتين!\n");
  ASSERT_EQ(rawabit("tokens " + path("a.txt") + " > " + path("out.txt")), 0);
  // Diacritics gone, ى → ي; the title line is a sentence of its own.
  EXPECT_EQ(read(path("out.txt")), "عنوان\nزار الرئيس موسكو .\nوالتقي بوتين !\n");
}

TEST_F(WordClassCommands, ClusterWordsWritesEveryWordWithItsClasses) {
  write(path("v.vec"), "4 2\nروسيا 1 0.1\nموسكو 1 0.2\nماكرون 0 1\nبوتين 0.1 1\n");
  ASSERT_EQ(rawabit("cluster-words " + path("v.vec") + " --classes 1,2 -o " + path("c.tsv")), 0);
  std::istringstream in(read(path("c.tsv")));
  std::vector<std::string> rows;
  for (std::string line; std::getline(in, line);)
    if (!line.starts_with("#")) rows.push_back(line);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].substr(0, rows[0].find('\t')), "روسيا");
  // One coarse class for all; the fine classes part the places from the persons.
  auto fine = [](const std::string& row) { return row.substr(row.rfind('\t') + 1); };
  auto coarse = [](const std::string& row) {
    size_t a = row.find('\t') + 1;
    return row.substr(a, row.find('\t', a) - a);
  };
  for (const std::string& row : rows) EXPECT_EQ(coarse(row), "0") << row;
  EXPECT_EQ(fine(rows[0]), fine(rows[1]));
  EXPECT_EQ(fine(rows[2]), fine(rows[3]));
  EXPECT_NE(fine(rows[0]), fine(rows[2]));
}

TEST_F(WordClassCommands, BadVectorsAreAnErrorAndWriteNothing) {
  write(path("bad.vec"), "1 2\nروسيا 1\n");
  EXPECT_EQ(rawabit("cluster-words " + path("bad.vec") + " --classes 1,1 -o " + path("c.tsv")), 1);
  EXPECT_FALSE(fs::exists(path("c.tsv")));
  EXPECT_NE(rawabit("cluster-words " + path("bad.vec") + " --classes 4 -o " + path("c.tsv")), 0);  // one level
}

TEST_F(WordClassCommands, TrainNerRefusesClassesWithoutACorpus) {
  // Word classes go to the words that have corpus statistics: without --corpus they would be
  // dropped without a word, so the combination is a usage error.
  write(path("c.tsv"), "روسيا\t0\t1\n");
  write(path("t.conll"), "روسيا\tB-LOC\n");
  EXPECT_NE(rawabit("train-ner " + path("t.conll") + " --clusters " + path("c.tsv") + " -o " + path("m.bin")), 0);
  EXPECT_FALSE(fs::exists(path("m.bin")));
}

}  // namespace
