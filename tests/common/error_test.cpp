// Messages quote article text without letting it reorder or garble the terminal.
#include <gtest/gtest.h>

#include "common/error.hpp"

namespace rawabit {
namespace {

TEST(Messages, BidiControlsAndNoncharactersAreShownEscaped) {
  struct Case {
    const char* name;
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"plain", "a.txt: skipped: empty", "a.txt: skipped: empty"},
      {"Arabic kept", "ب.txt: نص", "ب.txt: نص"},
      {"right-to-left override", "b\u202E.jsonl", "b<U+202E>.jsonl"},
      {"isolates, marks, ALM", "\u2066x\u2069\u200E\u200F\u061C", "<U+2066>x<U+2069><U+200E><U+200F><U+061C>"},
      {"noncharacters", "\uFFFE\uFFFF", "<U+FFFE><U+FFFF>"},
      {"escape sequence", "a\x1b[31mb", "a<U+001B>[31mb"},
      {"new lines and tabs stay", "a\n\tb", "a\n\tb"},
  };
  for (const Case& c : cases) EXPECT_EQ(terminal_safe(c.in), c.out) << c.name;
  EXPECT_EQ(at_line("f.jsonl", 3, "bad", "x\u202Ey"), "f.jsonl:3: bad: «x<U+202E>y»");
}

}  // namespace
}  // namespace rawabit
