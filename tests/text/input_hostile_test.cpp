// Hostile inputs and their policies (docs/inputs.md): white space that is not ASCII, "text"
// that is not a string, values rawabit does not read, a .jsonl that is not JSON Lines, floods of
// bad lines, oversized documents, names with bidi controls.
#include "input_helpers.hpp"
#include "text/decode.hpp"

namespace rawabit::text {
namespace {

using testing::ingest;
using testing::ScratchDir;

TEST(Hostile, WhiteSpaceOnlyIsSkippedWhateverTheSpaces) {
  struct Case {
    const char* name;
    std::string text;
    bool blank;
  };
  const std::vector<Case> cases = {
      {"ideographic space, zero width space, line separator", "\u3000\u200B\u2028", true},
      {"no-break space, paragraph separator, BOM, RLM", " \u00A0\u2029\uFEFF\u200F\n", true},
      {"a control", "\t\x01\r\n", true},
      {"an Arabic letter", "\u3000ب\u200B", false},
      {"a digit", "\u20281", false},
      {"a symbol", "\u3000\u00A9", false},
  };
  for (const Case& c : cases) EXPECT_EQ(only_white_space(c.text), c.blank) << c.name;

  ScratchDir dir;
  auto txt = dir.write("blank.txt", "\u3000\u200B\u2028 \n\u00A0\n");
  auto jsonl = dir.write("blank.jsonl", "{\"text\": \"\\u3000\\u200b\\u2028\"}\n{\"text\": \"نص\"}\n");
  auto r = ingest(std::vector{txt, jsonl});
  ASSERT_EQ(r.documents.size(), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned("blank.txt: skipped: only white space"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned("blank.jsonl:1: \"text\" is only white space, line skipped"), 1u) << r.all_warnings();
  EXPECT_EQ(r.summary.skipped, 2u);
}

TEST(Hostile, TextThatIsNotAStringIsRefusedWithItsLine) {
  ScratchDir dir;
  auto p = dir.write("a.jsonl",
                     "{\"text\": 42}\n"
                     "{\"text\": [\"نص\"]}\n"
                     "{\"text\": {\"a\": 1}}\n"
                     "{\"text\": true}\n"
                     "{\"title\": 5, \"text\": \"نص\"}\n"
                     "{\"id\": 17, \"date\": 2018, \"text\": \"نص آخر\"}\n");
  auto r = ingest(p);
  EXPECT_EQ(r.warned(":1: \"text\" is a number, not a string, line skipped: «{\"text\": 42}»"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned(":2: \"text\" is an array, not a string"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned(":3: \"text\" is an object, not a string"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned(":4: \"text\" is a boolean, not a string"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned(":5: \"title\" is a number, not a string"), 1u) << r.all_warnings();
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].source, p.string() + "#17");  // numbers may name and date a record
  EXPECT_EQ(r.documents[0].date, "2018");
}

TEST(Hostile, AFieldNotReadCannotCostTheRecord) {
  ScratchDir dir;
  auto p = dir.write("a.jsonl",
                     "{\"id\": \"s\", \"url\": \"\\ud800\", \"text\": \"نص أول\"}\n"
                     "{\"id\": \"n\", \"score\": 1e999999, \"text\": \"نص ثان\"}\n"
                     "{\"id\": \"t\", \"text\": \"نص \\ud800\"}\n"  // in the text: refused
                     "{\"id\": \"x\", \"url\": \"\\ud800\", \"text\": \"نص\"} and more\n");
  auto r = ingest(p);
  ASSERT_EQ(r.documents.size(), 2u) << r.all_warnings();
  EXPECT_EQ(r.documents[0].source, p.string() + "#s");
  EXPECT_EQ(r.documents[0].text, "نص أول");
  EXPECT_EQ(r.documents[1].source, p.string() + "#n");
  EXPECT_EQ(r.warned(":3: invalid JSON"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned(":4: invalid JSON"), 1u) << r.all_warnings();  // not JSON after the object
}

TEST(Hostile, AJsonlFileThatIsNotJsonLinesFailsOnceAsAFile) {
  ScratchDir dir;
  std::string article;
  for (int i = 0; i < 50; ++i) article += "زار الرئيس الروسي مينسك.\n";
  auto plain = dir.write("plain.jsonl", article);
  auto r = ingest(plain);
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.warnings.size(), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned("plain.jsonl: skipped: not JSON Lines: line 1 is not JSON: «زار الرئيس"), 1u) << r.all_warnings();
  EXPECT_EQ(r.summary.skipped, 1u);

  // A file of JSON Lines with many bad lines: 20 shown, then one count.
  std::string lines = "{\"text\": \"نص\"}\n";
  for (int i = 0; i < 50; ++i) lines += "{\"text\": \n";
  auto bad = dir.write("bad.jsonl", lines);
  auto b = ingest(bad);
  EXPECT_EQ(b.documents.size(), 1u);
  EXPECT_EQ(b.warnings.size(), 21u) << b.all_warnings();
  EXPECT_EQ(b.warned("30 more line(s) skipped, not shown (50 in all)"), 1u) << b.all_warnings();
  EXPECT_EQ(b.summary.skipped, 50u);
}

TEST(Hostile, ADocumentOverTheLimitIsSkippedWithOneWarning) {
  ScratchDir dir;
  std::string big;
  while (big.size() < (size_t{3} << 20)) big += "زار الرئيس الروسي مينسك. ";
  auto a = dir.write("a.txt", big);
  auto b = dir.write("b.jsonl", "{\"id\": \"big\", \"text\": \"" + big + "\"}\n{\"id\": \"small\", \"text\": \"نص\"}\n");
  auto c = dir.write("c.txt", "نص قصير");
  testing::Ingested r;
  r.summary = read_inputs(
      {a, b, c}, [&](Document&& d) { r.documents.push_back(std::move(d)); },
      [&](const std::string& w) { r.warnings.push_back(w); }, size_t{2} << 20);
  ASSERT_EQ(r.documents.size(), 2u) << r.all_warnings();
  EXPECT_EQ(r.documents[0].source, b.string() + "#small");
  EXPECT_EQ(r.warnings.size(), 2u) << r.all_warnings();
  EXPECT_EQ(r.warned("a.txt: skipped: 3.0 MB of text, over --max-document-mb 2"), 1u) << r.all_warnings();
  EXPECT_EQ(r.warned("b.jsonl#big: skipped: 3.0 MB of text, over --max-document-mb 2"), 1u) << r.all_warnings();
  EXPECT_EQ(r.summary.skipped, 2u);
  EXPECT_EQ(r.summary.documents, 2u);
}

TEST(Hostile, NamesLoseBidiControlsAndNoncharacters) {
  struct Case {
    const char* name;
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"plain Arabic, unchanged", "فلاديمير بوتين", "فلاديمير بوتين"},
      {"right-to-left override", "ما\u202Eكرون", "ماكرون"},
      {"isolates and marks", "\u2066فلادي\u2069مير\u200E\u200F\u061C", "فلاديمير"},
      {"embeddings, pop", "\u202A\u202B\u202C\u202DNATO", "NATO"},
      {"noncharacters and BOM", "Mos\uFFFEcow\uFFFF\uFDD0\uFEFF", "Moscow"},
      {"controls, line breaks", "a\tb\nc\x01", "a b c"},
      {"marks that are letters' parts stay", "\u0645\u064E\u0646", "\u0645\u064E\u0646"},
  };
  for (const Case& c : cases) EXPECT_EQ(clean_name(c.in), c.out) << c.name;
  EXPECT_EQ(clean_label("a\uFFFF b"), "a b");
}

}  // namespace
}  // namespace rawabit::text
