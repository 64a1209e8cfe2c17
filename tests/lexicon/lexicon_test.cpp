#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
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

// Many phrases on one first word switch match_rest to its second-word index; the matches and
// their order must be those of trying every phrase, longest first.
TEST(PhraseIndex, ManyPhrasesOnOneFirstWordMatchAsWithFewer) {
  PhraseIndex many, few;
  const char* names[] = {"جمهورية روسيا الاتحادية", "جمهورية روسيا", "جمهورية بيلاروس", "جمهورية كازاخستان",
                         "جمهورية مصر العربية", "جمهورية مصر", "جمهورية العراق", "جمهورية إيران الإسلامية",
                         "جمهورية الصين الشعبية", "جمهورية"};
  for (uint32_t i = 0; i < std::size(names); ++i) many.add(names[i], i);
  for (uint32_t i : {0u, 1u, 9u}) few.add(names[i], i);
  struct Case {
    const char* text;
    size_t limit;                  // tokens from the start; 0: all
    std::vector<uint32_t> all;     // all_at(0), longest first
  };
  const Case cases[] = {
      {"جمهورية روسيا الاتحادية اليوم", 0, {0, 1, 9}},
      {"جمهورية روسيا الاتحادية", 2, {1, 9}},  // the limit cuts the longest
      {"وجمهورية روسيا", 0, {1, 9}},             // a proclitic on the first word
      {"جمهورية فرنسا", 0, {9}},
      {"جمهورية", 0, {9}},
  };
  for (const Case& c : cases) {
    text::Document d = analyzed(c.text);
    size_t limit = c.limit ? c.limit : d.tokens.size();
    std::vector<uint32_t> got, got_few;
    for (const PhraseMatch& m : many.all_at(d, 0, limit)) got.push_back(m.value);
    for (const PhraseMatch& m : few.all_at(d, 0, limit)) got_few.push_back(m.value);
    EXPECT_EQ(got, c.all) << c.text;
    EXPECT_EQ(got, got_few) << c.text;
    auto longest = many.longest_at(d, 0, limit);
    ASSERT_TRUE(longest) << c.text;
    EXPECT_EQ(longest->value, c.all.front()) << c.text;
  }
  EXPECT_EQ(many.find("جمهورية مصر العربية"), std::optional<uint32_t>(4));
  EXPECT_EQ(many.find("جمهورية فرنسا"), std::nullopt);
}

TEST(WordTable, FindsWhatWasAddedAndKeepsTheFirstValue) {
  WordTable<uint32_t> table;
  std::vector<std::string> words;
  for (uint32_t i = 0; i < 3000; ++i) words.push_back("كلمة" + std::to_string(i));  // several rehashes
  for (uint32_t i = 0; i < words.size(); ++i) EXPECT_TRUE(table.emplace(words[i], i).second);
  EXPECT_FALSE(table.emplace(words[7], 99).second);
  EXPECT_EQ(table.size(), words.size());
  for (uint32_t i = 0; i < words.size(); ++i) {
    const uint32_t* v = table.find(words[i]);
    ASSERT_NE(v, nullptr) << words[i];
    EXPECT_EQ(*v, i);
  }
  for (const char* absent : {"", "a", "كلمة", "كلمة3000", "كلمة12x", "كلمة 12"}) EXPECT_EQ(table.find(absent), nullptr) << absent;
  std::vector<std::string> order;
  table.for_each([&](std::string_view w, uint32_t) { order.emplace_back(w); });
  EXPECT_EQ(order, words);  // insertion order
  WordTable<uint32_t> empty;
  EXPECT_EQ(empty.find("x"), nullptr);
}

TEST(EndingFilter, RejectsOnlyWordsNoEntryEndsLike) {
  EndingFilter f;
  f.add("روسيا");
  f.add("الروسية");
  EXPECT_TRUE(f.may_end("وروسيا"));   // ends in ا
  EXPECT_TRUE(f.may_end("الصينية"));  // ends in ة
  EXPECT_FALSE(f.may_end("بوتين"));
  EXPECT_TRUE(f.may_end("x"));        // too short to judge
  f.add("y");                         // a one-byte entry: every word may end like it
  EXPECT_TRUE(f.may_end("بوتين"));
}

TEST(EndingFilter, ComparesTheLastTwoLettersUnlessAnEntryIsShorter) {
  EndingFilter f;
  f.add("روسيا");
  EXPECT_TRUE(f.may_end("لروسيا"));
  EXPECT_FALSE(f.may_end("أميركا"));  // ends in ا too, not in يا
  EXPECT_TRUE(f.may_end("ا"));        // shorter than four bytes: the last letter only
  f.add("ي");                         // a one-letter entry: the last letter only, for every word
  EXPECT_TRUE(f.may_end("أميركا"));
  // ... but not for its readings, which are four bytes or more (the word's suffixes, or ال + one).
  EXPECT_FALSE(f.may_end_reading("أميركا"));
  EXPECT_TRUE(f.may_end_reading("وروسيا"));
  EXPECT_TRUE(f.may_end_reading("ي"));
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

TEST(Offices, HeldAtADateElseTheOnlyOne) {
  TempDir dir;
  Gazetteer gaz;
  dir.write("g.tsv", "A\tPERSON\tأ\t\t\t\nX\tCOUNTRY\tس\t\t\t\nY\tCOUNTRY\tص\t\t\t\n");
  gaz = Gazetteer::load_dir(dir.path());
  OfficeTable offices;
  offices.load(dir.write("offices.txt", "A\tleader_of\tX\tPresident\t2000-01\t2004-12\nA\tofficial_of\tY\tEnvoy\t2010\t\n"), gaz);
  uint32_t a = *gaz.by_name("A");
  auto during = offices.held(a, "leader_of", "2002-05-01");
  ASSERT_TRUE(during);
  EXPECT_EQ(gaz[during->office->of].name_en, "X");
  EXPECT_FALSE(during->former);
  auto after = offices.held(a, "leader_of", "2019-05-01");
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->former);
  auto envoy = offices.held(a, "official_of", "2019");
  ASSERT_TRUE(envoy);
  EXPECT_FALSE(envoy->former);
  EXPECT_FALSE(offices.held(*gaz.by_name("X"), "leader_of", "2002"));
  try {
    offices.load(dir.write("bad.txt", "Nobody\tleader_of\tX\tPresident\t2000\t\n"), gaz);
    FAIL() << "an unknown person loads";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt:1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Nobody"), std::string::npos) << e.what();
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
