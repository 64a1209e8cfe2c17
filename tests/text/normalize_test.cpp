#include <gtest/gtest.h>

#include "text/normalize.hpp"

namespace rawabit::text {
namespace {

struct NormalizeCase {
  const char* input;
  const char* expected;
  const char* why;
};

// Table of the folding rules, one row per rule.
const NormalizeCase kCases[] = {
    {"أحمد", "احمد", "hamza above alef → ا"},
    {"إيران", "ايران", "hamza below alef → ا"},
    {"آسيا", "اسيا", "madda alef → ا"},
    {"ٱلله", "الله", "wasla alef → ا"},
    {"موسى", "موسي", "alef maqsura → ي"},
    {"روسية", "روسيه", "ta marbuta → ه"},
    {"یک", "يك", "Persian yeh and keheh"},
    {"مُحَمَّدٌ", "محمد", "diacritics removed"},
    {"بوتيــــن", "بوتين", "tatweel removed"},
    {"روس\u200fيا", "روسيا", "RLM dropped"},
    {"بو\u200cتين", "بوتين", "ZWNJ dropped"},
    {"\u202bكييف\u202c", "كييف", "bidi embedding dropped"},
    {"ﻻ", "لا", "presentation form lam-alef → لا (NFKC)"},
    {"ﺑﻮﺗﻴﻦ", "بوتين", "presentation forms → letters (NFKC)"},
    {"٢٠٢٢", "2022", "Arabic-Indic digits → ASCII"},
    {"۱۹۹۹", "1999", "Persian digits → ASCII"},
    {"NATO", "nato", "Latin lower-cased"},
    {"ي\u0654", "ئ", "combining hamza composes (NFKC)"},
    {"قمة، في: (موسكو)", "قمه، في: (موسكو)", "punctuation and spaces kept"},
    {"الرئيس #ترمب و#عهد_التميمي", "الرئيس ترمب وعهد التميمي", "hashtags read as words"},
    {"# 5 و C#", "# 5 و c#", "a '#' not before a letter is kept"},
};

TEST(Normalize, FoldingRules) {
  for (const auto& c : kCases) {
    EXPECT_EQ(normalize(c.input).text, c.expected) << c.why << ": " << c.input;
  }
}

TEST(Normalize, EveryByteMapsIntoTheOriginal) {
  for (const auto& c : kCases) {
    NormalizedText n = normalize(c.input);
    ASSERT_EQ(n.origin.size(), n.text.size()) << c.why;
    for (uint32_t o : n.origin) EXPECT_LT(o, std::string_view(c.input).size()) << c.why;
  }
}

TEST(Normalize, SpanOfAWordCoversItsOriginalIncludingMarks) {
  std::string original = "قال الرئيسُ بوتيـنَ اليوم";
  NormalizedText n = normalize(original);
  size_t at = n.text.find("بوتين");
  ASSERT_NE(at, std::string::npos);
  auto span = n.original_span(at, at + std::string("بوتين").size());
  EXPECT_EQ(original.substr(span.begin, span.end - span.begin), "بوتيـنَ");
}

TEST(Normalize, FormFoldsWhiteSpace) {
  EXPECT_EQ(normalize_form("  الرئيس \t الروسي\n"), "الرئيس الروسي");
  EXPECT_EQ(normalize_form(""), "");
}

}  // namespace
}  // namespace rawabit::text
