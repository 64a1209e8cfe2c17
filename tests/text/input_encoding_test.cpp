// Encodings, BOMs, binary files, control characters, line ends and titles of .txt articles.
#include <unicode/ucnv.h>

#include "input_helpers.hpp"
#include "text/decode.hpp"

namespace rawabit::text {
namespace {

using testing::ingest;
using testing::ScratchDir;

const std::string kArticle = "بوتين في مينسك\nزار الرئيس الروسي بيلاروسيا أمس.";

// `utf8` in an ICU charset, as a file in that encoding would hold it.
std::string encoded(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(n);
  return out;
}

struct Collected {
  std::optional<Document> doc;
  std::vector<std::string> warnings;
  bool warned(std::string_view text) const {
    for (const std::string& w : warnings)
      if (w.find(text) != std::string::npos) return true;
    return false;
  }
};

Collected read_txt(std::string_view bytes) {
  Collected c;
  c.doc = txt_document("a.txt", bytes, [&](const std::string& w) { c.warnings.push_back(w); });
  return c;
}

TEST(Encoding, ByteOrderMarksAndUtf16) {
  struct Case {
    const char* what;
    std::string bytes;
    const char* warning;  // expected in a warning, or "" for none
  };
  const Case cases[] = {
      {"UTF-8 BOM dropped", "\xEF\xBB\xBF" + kArticle, ""},
      {"UTF-16LE", "\xFF\xFE" + encoded(kArticle, "UTF-16LE"), "decoded from UTF-16LE"},
      {"UTF-16BE", "\xFE\xFF" + encoded(kArticle, "UTF-16BE"), "decoded from UTF-16BE"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Collected r = read_txt(c.bytes);
    ASSERT_TRUE(r.doc);
    EXPECT_EQ(r.doc->text, kArticle);
    EXPECT_EQ(r.doc->title, "بوتين في مينسك");
    EXPECT_EQ(r.warnings.size(), *c.warning ? 1u : 0u);
    if (*c.warning) {
      EXPECT_TRUE(r.warned(c.warning)) << r.warnings[0];
    }
  }
}

TEST(Encoding, Utf32IsRefused) {
  for (std::string bom : {std::string("\xFF\xFE\0\0", 4), std::string("\0\0\xFE\xFF", 4)}) {
    Collected r = read_txt(bom + encoded(kArticle, bom[0] ? "UTF-32LE" : "UTF-32BE"));
    EXPECT_FALSE(r.doc);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0], "a.txt: skipped: UTF-32 text is not supported (convert it to UTF-8)");
  }
}

TEST(Encoding, Windows1256IsDetectedAndConverted) {
  Collected r = read_txt(encoded(kArticle, "windows-1256"));
  ASSERT_TRUE(r.doc);
  EXPECT_EQ(r.doc->text, kArticle);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "a.txt: not UTF-8; detected windows-1256 (Arabic) and converted");
}

TEST(Encoding, UnsureDetectionFallsBackToUtf8RepairAndSaysSo) {
  // Invalid UTF-8; 7 of 10 bytes are Arabic letters in windows-1256, but è à é are not.
  Collected r = read_txt("title\n\xC7\xE1\xD3\xE1\xC7\xE3\xE8\xE0\xE9\xC8");
  ASSERT_TRUE(r.doc);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_TRUE(r.warned("invalid UTF-8 at byte 6")) << r.warnings[0];
  EXPECT_TRUE(r.warned("detection is unsure, read as UTF-8")) << r.warnings[0];
  EXPECT_NE(r.doc->text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Encoding, ValidUtf8WithAFewBadBytesIsRepairedNotReencoded) {
  Collected r = read_txt(kArticle + "\xFF");
  ASSERT_TRUE(r.doc);
  EXPECT_EQ(r.doc->text, kArticle + "\xEF\xBF\xBD");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_TRUE(r.warned("invalid UTF-8 at byte")) << r.warnings[0];
  EXPECT_FALSE(r.warned("unsure"));
}

TEST(Binary, FilesThatAreNotTextAreSkippedSayingWhatTheyLookLike) {
  struct Case {
    std::string bytes;
    const char* reason;
  };
  const Case cases[] = {
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "looks like a PNG image"},
      {std::string("\x1F\x8B\x08\0\0\0\0\0", 8), "looks like gzip data"},
      {"%PDF-1.7\n", "looks like a PDF document"},
      {std::string(300, '\0') + "text", "binary data (98% NUL or control bytes)"},
      {std::string("\x01\x02\x03\x04 abc defgh", 14), "binary data (28% NUL or control bytes)"},
  };
  for (const Case& c : cases) {
    Collected r = read_txt(c.bytes);
    EXPECT_FALSE(r.doc);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0], std::string("a.txt: skipped: ") + c.reason);
  }
}

TEST(Controls, NulDroppedWithAWarningOtherControlsBecomeSpaces) {
  const std::string title = "زار الرئيس الروسي بيلاروسيا\n";  // enough text not to look binary
  std::string bytes = title + std::string("a\0b", 3) + "\x01" + "c\x7F" + "d\xC2\x85" + "e\tf\r\ng";
  Collected r = read_txt(bytes);
  ASSERT_TRUE(r.doc);
  EXPECT_EQ(r.doc->text, title + "ab c d e\tf\r\ng");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "a.txt: 1 NUL byte(s) dropped, the first at byte " + std::to_string(title.size() + 1));
}

TEST(Controls, CleanLabelRemovesControlsAndBidiMarksAndFoldsSpace) {
  const std::pair<std::string, std::string> cases[] = {
      {"\xE2\x80\x8F" "بوتين\xE2\x80\x8E في\t\tمينسك\x01 ", "بوتين في مينسك"},
      {"\xE2\x80\xAB" "عنوان\xE2\x80\xAC\xC2\x9F", "عنوان"},
      {"a\xE2\x81\xA6" "b\xE2\x81\xA9" "c\xD8\x9C" "d", "abcd"},
      {"  ", ""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(clean_label(in), out) << in;
}

TEST(LineEnds, CrLfAndLoneCrEndTitlesAndTheTextIsKept) {
  const std::pair<std::string, const char*> cases[] = {
      {"2022-12-19\r\nعنوان\r\nالنص.\r\n", "\r\n"},
      {"2022-12-19\rعنوان\rالنص.\r", "\r"},
      {"2022-12-19\nعنوان\nالنص.\n", "\n"},
  };
  for (const auto& [bytes, eol] : cases) {
    Collected r = read_txt(bytes);
    ASSERT_TRUE(r.doc);
    EXPECT_EQ(r.doc->title, "عنوان") << eol;
    EXPECT_EQ(r.doc->date, "2022-12-19");
    EXPECT_EQ(r.doc->text, bytes);
  }
}

TEST(LineEnds, JsonLinesWithCrLf) {
  ScratchDir dir;
  auto r = ingest(dir.write("a.jsonl", "{\"id\":\"1\",\"title\":\"ت\",\"text\":\"نص\"}\r\n\r\n{\"text\":\"نص 2\"}\r\n"));
  ASSERT_EQ(r.documents.size(), 2u) << r.all_warnings();
  EXPECT_EQ(r.documents[0].source, dir.path().string() + "/a.jsonl#1");
  EXPECT_EQ(r.documents[1].source, dir.path().string() + "/a.jsonl#3");
  EXPECT_TRUE(r.warnings.empty()) << r.all_warnings();
}

TEST(Titles, TitleIsALabelEvenWhenTheFirstLineIsHuge) {
  Collected r = read_txt("\xE2\x80\x8F" + std::string(5000, 'a') + "\nنص");
  ASSERT_TRUE(r.doc);
  EXPECT_EQ(r.doc->title, std::string(1024, 'a'));
}

}  // namespace
}  // namespace rawabit::text
