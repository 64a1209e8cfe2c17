#include <gtest/gtest.h>

#include "text/clitics.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace rawabit::text {
namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.emplace_back(t.in(s));
  return out;
}

TEST(Tokenize, WordsNumbersAndPunctuation) {
  using V = std::vector<std::string>;
  EXPECT_EQ(words("زار بوتين مينسك، في 19 ديسمبر."), (V{"زار", "بوتين", "مينسك", "،", "في", "19", "ديسمبر", "."}));
  EXPECT_EQ(words("نحو 3.5 مليار و1,000 جندي"), (V{"نحو", "3.5", "مليار", "و", "1,000", "جندي"}));
  EXPECT_EQ(words("«كارنيغي»"), (V{"«", "كارنيغي", "»"}));
  EXPECT_EQ(words("إس-400"), (V{"إس", "-", "400"}));
  EXPECT_TRUE(words("  \n\t ").empty());
}

TEST(Tokenize, VeryLongRunsAreCut) {
  std::string s(10000, 'a');
  auto toks = tokenize(s);
  ASSERT_GT(toks.size(), 1u);
  for (const Token& t : toks) EXPECT_LE(t.end - t.begin, kMaxTokenBytes);
}

// Found by fuzzing: a multi-byte letter straddling the limit made a 257-byte token.
TEST(Tokenize, LongRunsAreCutBetweenCharacters) {
  for (std::string_view letter : {"\u0627", "\u4E2D", "\U00010400"}) {  // 2, 3 and 4 bytes
    std::string s = "a";
    for (int i = 0; i < 300; ++i) s += letter;
    std::vector<Token> toks = tokenize(s);
    ASSERT_GT(toks.size(), 1u) << letter;
    uint32_t covered = 0;
    for (const Token& t : toks) {
      EXPECT_LE(t.end - t.begin, kMaxTokenBytes) << letter;
      EXPECT_EQ(t.begin, covered) << letter;  // the pieces follow each other, no byte lost
      covered = t.end;
    }
    EXPECT_EQ(covered, s.size()) << letter;
  }
}

struct SentenceCase {
  const char* text;
  std::vector<std::string> sentences;
};

TEST(Sentences, Boundaries) {
  const SentenceCase cases[] = {
      {"زار بوتين مينسك. ثم عاد إلى موسكو", {"زار بوتين مينسك.", "ثم عاد إلى موسكو"}},
      {"لماذا سارعت موسكو؟ لأن", {"لماذا سارعت موسكو؟", "لأن"}},
      {"قال: نعم؛ ولكن", {"قال: نعم؛", "ولكن"}},
      {"العنوان\nالنص الأول", {"العنوان", "النص الأول"}},
      {"وفق د. مبارك أحمد فإن", {"وفق د. مبارك أحمد فإن"}},
      {"بلغ 3.5 مليار!؟ نعم", {"بلغ 3.5 مليار!؟", "نعم"}},
      {"شراكة ممتدة.. دلالات", {"شراكة ممتدة..", "دلالات"}},
  };
  for (const auto& c : cases) {
    std::string_view s = c.text;
    auto toks = tokenize(s);
    std::vector<std::string> got;
    for (const Sentence& sent : split_sentences(s, toks)) got.emplace_back(s.substr(sent.begin, sent.end - sent.begin));
    EXPECT_EQ(got, c.sentences) << c.text;
  }
}

struct CliticCase {
  const char* word;
  const char* stem;
  size_t stem_offset;
};

TEST(Clitics, ReadingsIncludeTheStem) {
  const CliticCase cases[] = {
      {"لروسيا", "روسيا", 2},       {"وبوتين", "بوتين", 2},       {"للكرملين", "الكرملين", 4},
      {"وللكرملين", "الكرملين", 6}, {"بالكرملين", "الكرملين", 2}, {"وبالكرملين", "الكرملين", 4},
      {"فروسيا", "روسيا", 2},       {"كروسيا", "روسيا", 2},       {"وروسيا", "روسيا", 2},
      {"بوتين", "بوتين", 0},
  };
  std::vector<Reading> readings;
  for (const auto& c : cases) {
    clitic_readings(normalize_form(c.word), readings);
    bool found = false;
    for (const Reading& r : readings) found |= r.form == normalize_form(c.stem) && r.stem_offset == c.stem_offset;
    EXPECT_TRUE(found) << c.word << " → " << c.stem;
    EXPECT_EQ(readings.front().form, normalize_form(c.word)) << "the word itself is read first";
  }
}

TEST(Clitics, StemsKeepTwoLetters) {
  std::vector<Reading> readings;
  clitic_readings(normalize_form("ول"), readings);
  EXPECT_EQ(readings.size(), 1u);
  clitic_readings(normalize_form("لي"), readings);
  EXPECT_EQ(readings.size(), 1u);
}

}  // namespace
}  // namespace rawabit::text
