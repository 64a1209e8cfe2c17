#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "common/error.hpp"
#include "graph/html_data.hpp"
#include "graph/html_writer.hpp"
#include "graph/metrics.hpp"
#include "test_database.hpp"
#include "text/normalize.hpp"

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

// The sample database (test_database.hpp) as the explorer sees it.
struct ExplorerSample : ::testing::Test {
  ExplorerSample() { testing::fill_sample(t); }
  // The graph as export gives it to the page: with metrics and positions (here made up: the
  // layout is place_nodes()', tested with the other formats).
  KnowledgeGraph placed_graph() {
    KnowledgeGraph g = load_graph(t.db());
    compute_metrics(g);
    double i = 0;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
      g[v].position = Position{i, i + 1};
      i += 1;
    }
    return g;
  }
  nlohmann::json data() { return explorer_data(t.db(), placed_graph(), {}); }
  const nlohmann::json& edge(const nlohmann::json& d, const std::string& subject, const std::string& predicate) {
    for (const auto& e : d["edges"])
      if (d["nodes"][e["s"].get<size_t>()]["name"] == subject && e["p"] == predicate) return e;
    throw std::out_of_range(subject + " " + predicate);
  }
  testing::TestDatabase t;
};

TEST_F(ExplorerSample, PositionsAreTheLayoutsWithYGrowingDownwards) {
  const nlohmann::json d = data();
  ASSERT_FALSE(d["nodes"].empty());
  EXPECT_EQ(d["nodes"][0]["x"], 0.0);
  EXPECT_EQ(d["nodes"][0]["y"], -1.0);
  KnowledgeGraph unplaced = load_graph(t.db());
  EXPECT_THROW(explorer_data(t.db(), unplaced, {}), rawabit::Error);
}

TEST_F(ExplorerSample, NodesAndEdgesAreTheGraphs) {
  const nlohmann::json d = data();
  EXPECT_EQ(d["nodes"].size(), 6u);
  EXPECT_EQ(d["edges"].size(), 7u);
  EXPECT_EQ(d["types"].size(), 6u);
  for (const auto& n : d["nodes"]) {
    EXPECT_TRUE(n["x"].is_number() && n["y"].is_number()) << n["name"];
    EXPECT_FALSE(n["keys"].empty()) << n["name"];
  }
}

TEST_F(ExplorerSample, NamesAreNeutralTextAndSearchKeysTheMatchingForm) {
  const nlohmann::json d = data();
  bool odd = false, putin = false;
  for (const auto& n : d["nodes"]) {
    odd |= n["name"] == neutral_text(testing::kOddName);
    if (n["name"] == "Vladimir Putin") {
      putin = true;
      const auto keys = n["keys"].get<std::vector<std::string>>();
      EXPECT_NE(std::find(keys.begin(), keys.end(), text::normalize_form("فلاديمير بوتين")), keys.end());
      EXPECT_NE(std::find(keys.begin(), keys.end(), "vladimir putin"), keys.end());
    }
  }
  EXPECT_TRUE(odd) << "the odd name, its control character removed";
  EXPECT_TRUE(putin);
}

TEST_F(ExplorerSample, EvidenceIsTheMostConfidentFirstWithItsDocument) {
  const nlohmann::json d = data();
  const nlohmann::json& deployed = edge(d, "Russia", "deployed_weapons_in");
  ASSERT_EQ(deployed["ev"].size(), 2u);
  EXPECT_EQ(deployed["ev"][0]["confidence"], 0.95);
  EXPECT_EQ(deployed["ev"][1]["confidence"], 0.7);
  EXPECT_EQ(deployed["ev"][0]["date"], "2023-05-25");
  EXPECT_EQ(d["docs"][deployed["ev"][0]["doc"].get<size_t>()]["source"], "b.txt");
  EXPECT_EQ(deployed["more"], 0);
}

TEST_F(ExplorerSample, EvidenceBeyondTheCapIsCounted) {
  SQLite::Statement q(t.db(), "SELECT r.id FROM relations r JOIN entities s ON s.id = r.subject_id "
                              "WHERE s.name = 'Belarus' AND r.predicate = 'member_of'");
  ASSERT_TRUE(q.executeStep());
  const int64_t relation = q.getColumn(0).getInt64();
  const int64_t document = t.document("more.txt", "2023-07-01");
  for (int i = 0; i < 6; ++i) t.evidence(relation, t.sentence(document, "more " + std::to_string(i)), 0.5, "2023-07-01");
  const nlohmann::json d = data();
  const nlohmann::json& belarus = edge(d, "Belarus", "member_of");
  EXPECT_EQ(belarus["ev"].size(), kEvidencePerFact);
  EXPECT_EQ(belarus["more"], 2 + 6 - static_cast<int>(kEvidencePerFact));
  EXPECT_EQ(belarus["ev"][0]["confidence"], 0.9);
}

TEST_F(ExplorerSample, PageEmbedsTheDataSoThatNoMarkupEscapes) {
  KnowledgeGraph g = placed_graph();
  std::ostringstream page;
  write_html(t.db(), g, {}, "sample </title><script>", page);
  const std::string html = page.str();
  const std::string open = R"(<script type="application/json" id="rawabit-data">)";
  const size_t begin = html.find(open);
  ASSERT_NE(begin, std::string::npos);
  const size_t end = html.find("</script>", begin);
  nlohmann::json embedded = nlohmann::json::parse(html.substr(begin + open.size(), end - begin - open.size()));
  nlohmann::json expected = explorer_data(t.db(), g, {});
  for (nlohmann::json* d : {&embedded, &expected})
    for (auto& n : (*d)["nodes"]) {  // Graphviz's fdp may place them anew
      n.erase("x");
      n.erase("y");
    }
  EXPECT_EQ(embedded, expected);
  EXPECT_EQ(html.find("<tag>"), std::string::npos) << "the odd name's markup is escaped everywhere";
  EXPECT_NE(html.find("sample &lt;/title&gt;&lt;script&gt;"), std::string::npos) << "the title is escaped";
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

}  // namespace
}  // namespace rawabit::graph
