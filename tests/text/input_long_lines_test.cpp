// A single-line article of several megabytes, with a megabyte-long "word" in it, goes through
// read_inputs() and analyze_text() in time linear in its size (the tokenizer cuts long runs).
// Timing lives in scripts/bench; this test shows the work is bounded and the result sane.
#include "input_helpers.hpp"

namespace rawabit::text {
namespace {

TEST(LongLines, AMultiMegabyteSingleLineArticleIsReadAndAnalyzed) {
  testing::ScratchDir dir;
  std::string line;
  while (line.size() < (3u << 20)) line += "زار الرئيس الروسي مينسك ";
  line += std::string(1u << 20, 'x');  // one token of 1 MiB
  line += " ثم غادر";
  auto p = dir.write("long.txt", line);
  auto r = testing::ingest(p);
  ASSERT_EQ(r.documents.size(), 1u) << r.all_warnings();
  Document& doc = r.documents[0];
  EXPECT_EQ(doc.text.size(), line.size());
  EXPECT_LE(doc.title.size(), 1024u);  // the title is cut (at a character boundary); the text is not
  EXPECT_GT(doc.title.size(), 1000u);
  analyze_text(doc);
  ASSERT_FALSE(doc.tokens.empty());
  for (const Token& t : doc.tokens) ASSERT_LE(t.end - t.begin, kMaxTokenBytes);
  EXPECT_EQ(doc.word(doc.tokens.size() - 1), "غادر");
}

TEST(LongLines, AnArticleOverTheSizeLimitIsSkipped) {
  testing::ScratchDir dir;
  auto p = dir.write("huge.txt", std::string(kMaxInputBytes + 1, 'a'));
  auto r = testing::ingest(p);
  EXPECT_EQ(r.documents.size(), 0u);
  EXPECT_EQ(r.warnings, std::vector<std::string>{p.string() + ": skipped: larger than 64 MiB"});
}

}  // namespace
}  // namespace rawabit::text
