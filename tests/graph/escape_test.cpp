#include <gtest/gtest.h>

#include "graph/escape.hpp"

namespace rawabit::graph {
namespace {

struct EscapeCase {
  std::string input;
  std::string expected;
  const char* why;
};

const EscapeCase kXmlCases[] = {
    {"Russia", "Russia", "plain ASCII unchanged"},
    {"روسيا", "روسيا", "Arabic unchanged"},
    {"A & B", "A &amp; B", "ampersand"},
    {"<b>", "&lt;b&gt;", "angle brackets"},
    {"say \"x\"", "say &quot;x&quot;", "double quote, for attributes"},
    {"it's", "it&apos;s", "single quote, for attributes"},
    {"a]]>b", "a]]&gt;b", "]]> cannot end a section or break anything"},
    {"a\tb\nc\rd", "a&#9;b&#10;c&#13;d", "allowed controls kept as references, surviving attribute normalization"},
    {std::string("a\x01" "b\x1f" "c\0d", 7), "abcd", "C0 controls (NUL included) dropped"},
    {"a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c", "abc", "noncharacters U+FFFE and U+FFFF dropped"},
    {"\xEF\xBC\xA1", "\xEF\xBC\xA1", "other characters with lead byte 0xEF kept (U+FF21)"},
    {"\xEF\xBF\xBD", "\xEF\xBF\xBD", "U+FFFD kept"},
    {"\x7F", "\x7F", "DEL is legal in XML 1.0"},
    {"end\\", "end\\", "backslash is not special in XML"},
};

TEST(XmlEscape, Table) {
  for (const auto& c : kXmlCases) {
    std::string out;
    append_xml_escaped(out, c.input);
    EXPECT_EQ(out, c.expected) << c.why;
  }
}

TEST(XmlEscape, Appends) {
  std::string out = "<x>";
  append_xml_escaped(out, "&");
  EXPECT_EQ(out, "<x>&amp;");
}

const EscapeCase kDotCases[] = {
    {"Russia", "Russia", "plain ASCII unchanged"},
    {"روسيا", "روسيا", "Arabic unchanged"},
    {"say \"x\"", "say \\\"x\\\"", "double quote escaped"},
    {"a\\b", "a\\\\b", "backslash escaped, so \\N and friends are not label escapes"},
    {"end\\", "end\\\\", "a trailing backslash cannot escape the closing quote"},
    {"two\nlines", "two\\nlines", "newline becomes the label escape \\n"},
    {"a\tb", "a b", "tab becomes a space"},
    {"a\x01" "b\rc\x7F", "abc", "other controls dropped"},
    {"<&'>", "<&'>", "XML characters are not special in DOT strings"},
};

TEST(DotEscape, Table) {
  for (const auto& c : kDotCases) {
    std::string out;
    append_dot_escaped(out, c.input);
    EXPECT_EQ(out, c.expected) << c.why;
  }
}

}  // namespace
}  // namespace rawabit::graph
