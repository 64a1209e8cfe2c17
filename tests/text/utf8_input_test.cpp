#include <gtest/gtest.h>

#include "text/input.hpp"
#include "text/utf8.hpp"

namespace rawabit::text {
namespace {

struct RepairCase {
  std::string input;
  std::string expected;
  std::optional<size_t> first_bad;
};

TEST(Utf8, RepairReplacesInvalidSequences) {
  const std::string fffd = "\xEF\xBF\xBD";
  const RepairCase cases[] = {
      {"روسيا", "روسيا", std::nullopt},
      {"ab\xFF" "cd", "ab" + fffd + "cd", 2},
      {"\xC0\xAF", fffd + fffd, 0},                     // overlong
      {"\xED\xA0\x80", fffd + fffd + fffd, 0},          // surrogate
      {"x\xE2\x82", "x" + fffd, 1},                     // truncated at the end: one U+FFFD
      {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd, 0},  // above U+10FFFF
  };
  for (const auto& c : cases) {
    RepairedUtf8 r = repair_utf8(c.input);
    EXPECT_EQ(r.text, c.expected);
    EXPECT_EQ(r.first_bad_offset, c.first_bad);
  }
}

TEST(Utf8, SequenceLength) {
  const std::pair<std::string, size_t> cases[] = {
      {"a", 1}, {"\xD8\xB1", 2}, {"\xE2\x80\x8F", 3}, {"\xF0\x9F\x98\x80", 4},
      {"\xD8", 0}, {"\xC0\xAF", 0}, {"\xED\xA0\x80", 0}, {"\xFF", 0}, {"\x80", 0},
  };
  for (const auto& [bytes, len] : cases) EXPECT_EQ(utf8_sequence_length(bytes, 0), len) << bytes;
}

TEST(Utf8, CharOffsetsOfByteBoundaries) {
  struct Case {
    std::string text;
    std::vector<uint32_t> offsets;
  };
  const Case cases[] = {
      {"", {0}},
      {"ab", {0, 1, 2}},
      {"بو", {0, 0, 1, 1, 2}},               // two 2-byte letters: a byte inside one maps to its start
      {"a€b", {0, 1, 1, 1, 2, 3}},           // a 3-byte character
      {"\xF0\x9F\x98\x80x", {0, 0, 0, 0, 1, 2}},  // a 4-byte character
  };
  for (const Case& c : cases) {
    CharCounter count(c.text);
    for (size_t i = 0; i < c.offsets.size(); ++i) EXPECT_EQ(count(i), c.offsets[i]) << c.text << " " << i;
  }
}

TEST(Utf8, CharOffsetsOverSeveralBlocks) {
  std::string text;
  std::vector<uint32_t> offsets;  // of every byte boundary, counted one byte at a time
  for (int k = 0; k < 40; ++k) text += k % 3 ? "بو" : k % 5 ? "a€" : "x\xF0\x9F\x98\x80";
  uint32_t chars = 0;
  for (unsigned char c : text) {
    bool start = (c & 0xC0) != 0x80;
    offsets.push_back(start ? chars : chars - 1);
    chars += start;
  }
  offsets.push_back(chars);
  CharCounter count(text);
  for (size_t i = 0; i < offsets.size(); ++i) EXPECT_EQ(count(i), offsets[i]) << i;
}

TEST(Input, TxtTitleAndDateLine) {
  std::vector<std::string> warnings;
  Warn warn = [&](const std::string& w) { warnings.push_back(w); };
  Document d = document_from_txt("a.txt", "\n2022/12/19\nبوتين في مينسك\n\nالنص.", warn);
  EXPECT_EQ(d.title, "بوتين في مينسك");
  EXPECT_EQ(d.date, "2022-12-19");
  EXPECT_TRUE(warnings.empty());
}

TEST(Input, InvalidBytesWarnOnceWithTheOffset) {
  std::vector<std::string> warnings;
  Warn warn = [&](const std::string& w) { warnings.push_back(w); };
  Document d = document_from_txt("bad.txt", "عنوان\xFF\xFE نص", warn);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("bad.txt"), std::string::npos);
  EXPECT_NE(warnings[0].find("byte 10"), std::string::npos) << warnings[0];
}

TEST(Input, JsonlRecordFromAStreamLineWarnsForItsLine) {
  std::vector<std::string> warnings;
  Warn warn = [&](const std::string& w) { warnings.push_back(w); };
  auto doc = jsonl_record("stdin", 7, "{\"id\":\"x\",\"title\":\"t\",\"text\":\"a\xFF\"}", warn);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->source, "stdin#x");
  EXPECT_EQ(doc->text, "t\n\na\xEF\xBF\xBD");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "stdin:7: invalid UTF-8 at byte 31 (1 sequence(s) replaced by U+FFFD)");
}

TEST(Input, IsoDates) {
  EXPECT_EQ(iso_date_prefix("2018-02-18T21:35:43+04:00"), "2018-02-18");
  EXPECT_EQ(iso_date_prefix("2022/1/5"), "2022-01-05");
  EXPECT_EQ(iso_date_prefix("2006"), "2006");
  EXPECT_EQ(iso_date_prefix("2020-13-01"), "");
  EXPECT_EQ(iso_date_prefix("hello"), "");
}

}  // namespace
}  // namespace rawabit::text
