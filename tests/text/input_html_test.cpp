// HTML markup and character references in article text.
#include "input_helpers.hpp"
#include "text/html.hpp"

namespace rawabit::text {
namespace {

struct Case {
  const char* what;
  std::string in;
  std::string out;
};

TEST(Html, MarkupIsReplacedByItsTextContent) {
  const Case cases[] = {
      {"paragraphs end lines", "<p>بوتين في مينسك</p><p>زار الرئيس.</p>", "بوتين في مينسك\nزار الرئيس."},
      {"br and div", "سطر<br>سطر<br/>سطر<div>كتلة</div>", "سطر\nسطر\nسطر\nكتلة"},
      {"inline tags join", "<p>كل<b>مة</b> <a href=\"x?a=1&b=2\">رابط</a></p>", "كلمة رابط"},
      {"white space folded", "<p>  كلمة\n   أخرى\t</p>\n\n<p>ثم</p>", "كلمة أخرى\nثم"},
      {"script, style, comments", "<html><head><title>عنوان</title><style>p{color:red}</style>"
                                  "<script>if (a < b) x();</script></head><body><!-- تعليق <p> -->"
                                  "<p>نص</p></body></html>",
       "عنوان\nنص"},
      {"quoted '>' in attributes", "<p title=\"a > b\">نص</p>", "نص"},
      {"entities", "<p>&laquo;روسيا&raquo; &amp; &#1576;&#x628;&nbsp;&lt;x&gt; &unknown; &</p>",
       "«روسيا» & بب\u00A0<x> &unknown; &"},
      {"bad numeric references", "<p>&#0;&#xD800;&#1114112;&#1;</p>", "\uFFFD\uFFFD\uFFFD "},
      {"unknown elements dropped, lone '<' kept", "<p><o:p>نص</o:p> 3 < 4 <</p>", "نص 3 < 4 <"},
      {"upper case", "<P>نص</P><BR>ثم", "نص\nثم"},
      {"unclosed script drops the rest", "<p>نص</p><script>var x = '<p>';", "نص"},
      {"an unterminated tag drops the rest", "<p>نص</p><a href=\"x>ثم", "نص"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_TRUE(looks_like_html(c.in));
    std::string text = c.in;
    EXPECT_TRUE(strip_markup(text));
    EXPECT_EQ(text, c.out);
  }
}

TEST(Html, PlainTextIsNotMangled) {
  const Case cases[] = {
      {"a lone '<'", "3 < 4 و 5 > 2", "3 < 4 و 5 > 2"},
      {"angle brackets around no element", "<<روسيا>> <ab", "<<روسيا>> <ab"},
      {"a word that is no tag", "x <paragraph> y", "x <paragraph> y"},
      {"'&' alone", "AT&T و R&D", "AT&T و R&D"},
      {"line breaks kept", "سطر\n\nسطر  آخر\r\n", "سطر\n\nسطر  آخر\r\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_FALSE(looks_like_html(c.in));
    std::string text = c.in;
    EXPECT_FALSE(strip_markup(text));
    EXPECT_EQ(text, c.out);
  }
}

TEST(Html, HostileMarkupIsHandledInLinearTime) {
  // Each of these would take quadratic time if every '<' or '&' searched the rest of the text.
  const size_t n = 1 << 20;
  std::string opens = "<p>";
  while (opens.size() < n) opens += "<a <b x='";
  std::string ampersands = "<p>" + std::string(n, '&');
  std::string plain_ampersands(n, '&');
  strip_markup(opens);
  EXPECT_EQ(opens, "");
  strip_markup(ampersands);
  EXPECT_EQ(ampersands, std::string(n, '&'));
  EXPECT_FALSE(strip_markup(plain_ampersands));
}

TEST(Html, ReferencesInPlainTextAreDecoded) {
  std::string text = "قال &quot;بوتين&quot; &#1576; AT&amp;T\nسطر";
  EXPECT_TRUE(strip_markup(text));
  EXPECT_EQ(text, "قال \"بوتين\" ب AT&T\nسطر");
}

TEST(Html, StoredTextIsTheCleanedTextForTxtAndJsonl) {
  testing::ScratchDir dir;
  dir.write("a.txt", "<html><body><h1>بوتين في مينسك</h1><p>زار الرئيس &laquo;مينسك&raquo;.</p></body></html>");
  dir.write("b.jsonl", R"({"id":"1","title":"<b>عنوان</b> &amp; آخر","text":"<p>نص</p><p>ثم</p>"})" "\n");
  auto r = testing::ingest(dir.path());
  ASSERT_EQ(r.documents.size(), 2u) << r.all_warnings();
  EXPECT_EQ(r.documents[0].title, "بوتين في مينسك");
  EXPECT_EQ(r.documents[0].text, "بوتين في مينسك\nزار الرئيس «مينسك».");
  EXPECT_EQ(r.documents[1].title, "عنوان & آخر");
  EXPECT_EQ(r.documents[1].text, "عنوان & آخر\n\nنص\nثم");
}

}  // namespace
}  // namespace rawabit::text
