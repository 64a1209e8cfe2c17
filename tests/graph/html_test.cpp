#include <gtest/gtest.h>

#include <string>

#include "graph/html_data.hpp"
#include "graph/html_writer.hpp"

namespace rawabit::graph {
namespace {

struct TextCase {
  std::string input;
  std::string expected;
  const char* why;
};

const TextCase kScriptSafeCases[] = {
    {R"({"a":"b"})", R"({"a":"b"})", "JSON without markup characters unchanged"},
    {R"(["</script><script>x()</script>"])", R"(["\u003c/script\u003e\u003cscript\u003ex()\u003c/script\u003e"])",
     "a script end tag cannot close the data block"},
    {R"(["<!-- <script>"])", R"(["\u003c!-- \u003cscript\u003e"])", "<!-- cannot start the script-data escape state"},
    {R"(["a & b"])", R"(["a \u0026 b"])", "ampersand escaped too"},
    {R"(["روسيا"])", R"(["روسيا"])", "Arabic unchanged"},
};

TEST(ScriptSafeJson, EscapesEveryMarkupCharacter) {
  for (const auto& c : kScriptSafeCases) EXPECT_EQ(script_safe_json(c.input), c.expected) << c.why;
}

const TextCase kNeutralCases[] = {
    {"بوتين", "بوتين", "Arabic unchanged"},
    {"<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>", "markup is text here: the page never parses it"},
    {"a\u202Egnp.exe", "agnp.exe", "right-to-left override removed"},
    {"\u2066x\u2069\u2067y\u2068z\u202A\u202B\u202C\u202D", "xyz", "isolates and embeddings removed"},
    {"\u200Ea\u200Fb\u061Cc", "abc", "LRM, RLM and the Arabic letter mark removed"},
    {"line\nbreak\tand\rreturn", "line break and return", "line breaks and tabs become spaces"},
    {std::string("a\x01" "b\0c\x7F", 6), "abc", "other control characters removed"},
    {"\u200D\u064E", "\u200D\u064E", "joiners and diacritics kept: they shape Arabic, they do not reorder it"},
};

TEST(NeutralText, RemovesBidiControlsAndControlCharacters) {
  for (const auto& c : kNeutralCases) EXPECT_EQ(neutral_text(c.input), c.expected) << c.why;
}

}  // namespace
}  // namespace rawabit::graph
