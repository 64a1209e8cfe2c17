// JSON Lines: broken records, hostile nesting, overlong lines, encodings.
#include <unicode/ucnv.h>

#include "input_helpers.hpp"

namespace rawabit::text {
namespace {

using testing::ingest;
using testing::ScratchDir;

TEST(Jsonl, GoodRecordsAreKeptAndEachBadLineIsReportedWithItsText) {
  ScratchDir dir;
  auto p = dir.write("a.jsonl",
                     "{\"id\":\"1\",\"text\":\"نص أول\"}\n"
                     "{\"id\":\"2\",\"text\":\n"             // broken
                     "{\"id\":\"3\",\"title\":\"بلا نص\"}\n"  // no text
                     "[1,2]\n"                                // not an object
                     "{\"id\":\"5\",\"text\":\"نص أخير\"}");  // no final newline
  auto r = ingest(p);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[1].source, p.string() + "#5");
  EXPECT_EQ(r.summary.skipped, 3u);
  ASSERT_EQ(r.warnings.size(), 3u) << r.all_warnings();
  EXPECT_EQ(r.warned(":2: invalid JSON ("), 1u) << r.all_warnings();
  EXPECT_NE(r.warnings[0].find("line skipped: «{\"id\":\"2\",\"text\":»"), std::string::npos) << r.warnings[0];
  EXPECT_EQ(r.warnings[1], p.string() + ":3: record has no \"text\", line skipped: «{\"id\":\"3\",\"title\":\"بلا نص\"}»");
  EXPECT_EQ(r.warned(":4: not a JSON object"), 1u);
}

TEST(Jsonl, DeepNestingIsRefusedWithoutCrashing) {
  ScratchDir dir;
  const std::string deep_array(100000, '[');
  const std::string deep_text = "{\"text\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  const std::string brackets_in_a_string = "{\"text\":\"" + std::string(100000, '[') + "\"}";
  auto p = dir.write("deep.jsonl", deep_array + "\n" + deep_text + "\n" + brackets_in_a_string + "\n");
  auto r = ingest(p);
  ASSERT_EQ(r.documents.size(), 1u) << r.all_warnings();
  EXPECT_EQ(r.documents[0].text, std::string(100000, '['));
  EXPECT_EQ(r.warned(":1: JSON nested deeper than 512 levels, line skipped: «[[["), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned(":2: JSON nested deeper than 512 levels"), 1u);
}

TEST(Jsonl, AnOverlongLineIsSkippedAndReadingGoesOn) {
  ScratchDir dir;
  std::string huge = "{\"text\":\"" + std::string(kMaxInputBytes, 'x') + "\"}";
  auto p = dir.write("long.jsonl", "{\"text\":\"أ\"}\n" + huge + "\n{\"text\":\"ب\"}\n");
  huge = {};
  auto r = ingest(p);
  EXPECT_EQ(r.documents.size(), 2u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].rfind(p.string() + ":2: line longer than 64 MiB, skipped: «{\"text\":\"xxx", 0), 0u)
      << r.warnings[0].substr(0, 200);
  EXPECT_LT(r.warnings[0].size(), 400u);
}

TEST(Jsonl, InvalidUtf8IsRepairedAndWarnedOncePerFile) {
  ScratchDir dir;
  auto p = dir.write("bad.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"a\xFF\"}\n{\"text\":\"b\xFE\xFE\"}\n");
  auto r = ingest(p);
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(r.documents[1].text, "a\xEF\xBF\xBD");
  ASSERT_EQ(r.warnings.size(), 1u) << r.all_warnings();
  EXPECT_EQ(r.warnings[0], p.string() + ": invalid UTF-8 at byte 24 (3 sequence(s) replaced by U+FFFD)");
}

TEST(Jsonl, EncodingsAndBinaryAreJudgedOnTheFirstLine) {
  ScratchDir dir;
  const std::string record = "{\"title\":\"عنوان\",\"text\":\"زار الرئيس الروسي بيلاروسيا.\"}\n";
  std::string cp1256(record.size() * 2, '\0');
  UErrorCode status = U_ZERO_ERROR;
  cp1256.resize(ucnv_convert("windows-1256", "UTF-8", cp1256.data(), static_cast<int32_t>(cp1256.size()),
                             record.data(), static_cast<int32_t>(record.size()), &status));
  dir.write("bom.jsonl", "\xEF\xBB\xBF" + record);
  dir.write("cp1256.jsonl", cp1256 + cp1256);
  dir.write("utf16.jsonl", std::string("\xFF\xFE{\0}\0", 6));
  dir.write("png.jsonl", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\n", 17) + record);
  auto r = ingest(dir.path());
  ASSERT_EQ(r.documents.size(), 3u) << r.all_warnings();
  for (const Document& d : r.documents) EXPECT_EQ(d.title, "عنوان") << d.source;
  EXPECT_EQ(r.warned("cp1256.jsonl: not UTF-8; detected windows-1256 (Arabic) and converted"), 1u);
  EXPECT_EQ(r.warned("utf16.jsonl: skipped: UTF-16 and UTF-32 JSON Lines are not supported"), 1u);
  EXPECT_EQ(r.warned("png.jsonl: skipped: looks like a PNG image"), 1u);
  EXPECT_EQ(r.warnings.size(), 3u) << r.all_warnings();
}

TEST(Jsonl, ControlsInFieldsFollowThePolicy) {
  ScratchDir dir;
  auto r = ingest(dir.write("c.jsonl", R"({"title":"\u200Fعنوان\u0001\n","text":"a\u0000b\u0007c"})" "\n"));
  ASSERT_EQ(r.documents.size(), 1u) << r.all_warnings();
  EXPECT_EQ(r.documents[0].title, "عنوان");
  EXPECT_EQ(r.documents[0].text, "عنوان\n\nab c");
}

}  // namespace
}  // namespace rawabit::text
