#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "common/error.hpp"
#include "common/paths.hpp"
#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::lexicon {
namespace {

namespace fs = std::filesystem;
using rawabit::Error;

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("rawabit-lex-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path write(const std::string& name, const std::string& content) const {
    fs::path p = path_ / name;
    std::ofstream(p) << content;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

text::Document analyzed(const std::string& s) {
  text::Document d;
  d.text = s;
  text::analyze_text(d);
  return d;
}

TEST(PhraseIndex, LongestMatchWithClitics) {
  PhraseIndex idx;
  idx.add("الاتحاد الأوروبي", 1);
  idx.add("الاتحاد", 2);
  idx.add("روسيا", 3);
  idx.add("الكرملين", 4);
  struct Case {
    const char* text;
    size_t token;
    std::optional<uint32_t> value;
    size_t end_token, stem_offset;
  };
  const Case cases[] = {
      {"قال الاتحاد الأوروبي", 1, 1, 3, 0},
      {"قال الاتحاد الإفريقي", 1, 2, 2, 0},
      {"ذهب لروسيا", 1, 3, 2, 2},
      {"قال للكرملين", 1, 4, 2, 4},
      {"وللاتحاد الأوروبي", 0, 1, 2, 6},
      {"قال روسي", 1, std::nullopt, 0, 0},
  };
  for (const Case& c : cases) {
    text::Document d = analyzed(c.text);
    auto m = idx.longest_at(d, c.token, d.tokens.size());
    ASSERT_EQ(m.has_value(), c.value.has_value()) << c.text;
    if (!m) continue;
    EXPECT_EQ(m->value, *c.value) << c.text;
    EXPECT_EQ(m->end_token, c.end_token) << c.text;
    EXPECT_EQ(m->stem_offset, c.stem_offset) << c.text;
  }
}

TEST(Gazetteer, LoadErrorsQuoteFileLineAndText) {
  TempDir dir;
  struct Case {
    std::string content;
    std::string expected;  // a part of the message
  };
  const Case cases[] = {
      {"# comment\nRussia\tCOUNTRY\tروسيا\n", "a.tsv:2: expected 4 to 6 tab-separated columns"},
      {"Russia\tSTATE\tروسيا\t\t\t\n", "unknown entity type «STATE»"},
      {"Russia\tCOUNTRY\tروسيا\t\t\t\nRussia\tCOUNTRY\tالروس\t\t\t\n", "a.tsv:2: «Russia» is already defined"},
      {"Russia\tCOUNTRY\tروسيا\t\t\t\nRussland\tCOUNTRY\tرُوسيا\t\t\t\n", "the form «رُوسيا» already belongs to «Russia»"},
      {"Moscow\tLOCATION\tموسكو\t\t\tRusia\n", "stands_for names no entry: «Rusia»"},
      {"Nowhere\tLOCATION\t\t\t\t\n", "entry has no Arabic form"},
  };
  for (const Case& c : cases) {
    dir.write("a.tsv", c.content);
    try {
      Gazetteer::load_dir(dir.path());
      ADD_FAILURE() << "no error for: " << c.content;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << e.what();
    }
  }
}

TEST(Gazetteer, ConflictsAcrossFilesAreCaught) {
  TempDir dir;
  dir.write("a.tsv", "Algeria\tCOUNTRY\tالجزائر\t\t\t\n");
  dir.write("b.tsv", "Algiers\tLOCATION\tالجزائر\t\t\tAlgeria\n");
  EXPECT_THROW(Gazetteer::load_dir(dir.path()), Error);
}

TEST(Gazetteer, StandsForResolvesAcrossFiles) {
  TempDir dir;
  dir.write("a.tsv", "Moscow\tLOCATION\tموسكو\t\t\tRussia\n");
  dir.write("b.tsv", "Russia\tCOUNTRY\tروسيا\tروسيا الاتحادية\tQ159\t\n");
  Gazetteer g = Gazetteer::load_dir(dir.path());
  auto moscow = g.by_name("Moscow");
  ASSERT_TRUE(moscow);
  ASSERT_TRUE(g[*moscow].stands_for);
  EXPECT_EQ(g[*g[*moscow].stands_for].name_en, "Russia");
  EXPECT_EQ(g[*g.by_name("Russia")].qid, "Q159");
}

// The shipped data: loads without conflicts, and covers what the product promises.
class ShippedLexicon : public ::testing::Test {
 protected:
  static const Lexicon& lex() {
    static const Lexicon l = Lexicon::load(schema_dir());
    return l;
  }
};

TEST_F(ShippedLexicon, LoadsAndIsWorldScale) {
  size_t countries = 0, persons = 0, organizations = 0;
  for (const auto& e : lex().gazetteer.entries()) {
    countries += e.type == EntityType::Country;
    persons += e.type == EntityType::Person;
    organizations += e.type == EntityType::Organization;
  }
  EXPECT_GE(countries, 195u);
  EXPECT_GE(persons, 200u);
  EXPECT_GE(organizations, 150u);
  EXPECT_GE(lex().nisba.size(), 300u);
  EXPECT_FALSE(lex().version.empty());
}

TEST_F(ShippedLexicon, KnownFormsResolve) {
  struct Case {
    const char* form;
    const char* name_en;
  };
  const Case cases[] = {
      {"بيلاروسيا", "Belarus"},       {"بيلاروس", "Belarus"},        {"روسيا البيضاء", "Belarus"},
      {"الاتحاد السوفياتي", "Soviet Union"}, {"الناتو", "NATO"},   {"حلف شمال الأطلسي", "NATO"},
      {"منظمة معاهدة الأمن الجماعي", "CSTO"}, {"الكرملين", "Kremlin"}, {"موسكو", "Moscow"},
      {"كييف", "Kyiv"},                {"الولايات المتحدة", "United States"},
  };
  for (const Case& c : cases) {
    auto v = lex().gazetteer.forms().find(c.form);
    ASSERT_TRUE(v) << c.form;
    EXPECT_EQ(lex().gazetteer[*v].name_en, c.name_en) << c.form;
  }
  auto moscow = lex().gazetteer.by_name("Moscow");
  ASSERT_TRUE(moscow && lex().gazetteer[*moscow].stands_for);
  EXPECT_EQ(lex().gazetteer[*lex().gazetteer[*moscow].stands_for].name_en, "Russia");
}

TEST_F(ShippedLexicon, NisbaFormsWithArticleAndClitics) {
  struct Case {
    const char* word;
    const char* country;
  };
  const Case cases[] = {{"الروسي", "Russia"},     {"الروسية", "Russia"},   {"والروسية", "Russia"},
                        {"روس", "Russia"},        {"البيلاروسي", "Belarus"}, {"الأمريكي", "United States"},
                        {"الأميركية", "United States"}, {"الأذري", "Azerbaijan"}, {"البريطانى", "United Kingdom"}};
  for (const Case& c : cases) {
    auto e = lex().nisba.lookup(text::normalize_form(c.word));
    ASSERT_TRUE(e) << c.word;
    EXPECT_EQ(lex().gazetteer[*e].name_en, c.country) << c.word;
  }
  EXPECT_FALSE(lex().nisba.lookup(text::normalize_form("روسيا")));
}

TEST_F(ShippedLexicon, EveryPredicateHasAPattern) {
  std::set<std::string> with_pattern;
  for (size_t i = 0; i < lex().patterns.size(); ++i) with_pattern.insert(lex().patterns[i].predicate);
  for (size_t i = 0; i < lex().roles.size(); ++i) with_pattern.insert(lex().roles[i].predicate);
  for (const char* p : {"leader_of", "official_of", "affiliated_with", "member_of", "withdrew_from",
                        "suspended_participation_in", "ally_of", "cooperates_with", "signed_agreement_with",
                        "met_with", "visited", "deployed_weapons_in", "deployed_troops_in", "supplied_weapons_to",
                        "trained_forces_of", "attacked", "annexed", "sanctioned", "requested_help_from", "warned"}) {
    EXPECT_TRUE(with_pattern.count(p)) << p;
  }
}

TEST(Patterns, LoadErrorsQuoteFileLine) {
  TempDir dir;
  struct Case {
    std::string line;
    std::string expected;
  };
  const Case cases[] = {
      {"visits\tزار\tafter\tdirect\tPERSON\tplace\t0.8\n", "unknown predicate «visits»"},
      {"visited\tزار\tabove\tdirect\tPERSON\tplace\t0.8\n", "unknown argument position «above»"},
      {"visited\tزار\tafter\tdirect\tHUMAN\tplace\t0.8\n", "unknown entity type «HUMAN»"},
      {"visited\tزار\tafter\tdirect\tPERSON\tplace\t1.8\n", "confidence must be a number in [0, 1]"},
      {"visited\tزار\tafter:99\tdirect\tPERSON\tplace\t0.8\n", "a window is a number of words from 1 to 60"},
  };
  for (const Case& c : cases) {
    PatternTable t;
    try {
      t.load(dir.write("p.tsv", "# header\n" + c.line));
      ADD_FAILURE() << c.line;
    } catch (const Error& e) {
      std::string what = e.what();
      EXPECT_NE(what.find("p.tsv:2:"), std::string::npos) << what;
      EXPECT_NE(what.find(c.expected), std::string::npos) << what;
    }
  }
}

}  // namespace
}  // namespace rawabit::lexicon
