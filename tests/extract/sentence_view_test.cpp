// SentenceView finds a sentence's mentions through Annotations' sentence order (a binary search)
// and must answer exactly as a scan of every mention would, in whatever order they were added.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <optional>

#include "common/paths.hpp"
#include "extract/sentence_view.hpp"
#include "extract/token_facts.hpp"
#include "lexicon/lexicon.hpp"

namespace rawabit::extract {
namespace {

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(schema_dir());
  return l;
}

// The answers of the view before it was indexed: a scan of all mentions, later ones winning.
std::optional<uint32_t> covering_by_scan(const Annotations& ann, uint32_t sentence, size_t t) {
  std::optional<uint32_t> found;
  for (uint32_t m = 0; m < ann.mentions.size(); ++m) {
    const Mention& men = ann.mentions[m];
    if (men.sentence == sentence && men.first_token <= t && t < men.end_token) found = m;
  }
  return found;
}
bool starts_by_scan(const Annotations& ann, uint32_t sentence, size_t t) {
  for (const Mention& men : ann.mentions)
    if (men.sentence == sentence && men.first_token == t) return true;
  return false;
}

Mention mention(uint32_t sentence, uint32_t first, uint32_t end) { return {0, sentence, first, end, 0, 0, "test"}; }

struct Case {
  const char* name;
  // (sentence, first token offset in the sentence, end offset) in the order they are added
  std::vector<std::array<uint32_t, 3>> mentions;
};

TEST(SentenceView, AnswersAsAScanOfEveryMention) {
  text::Document doc;
  doc.text = "قال الرئيس الروسي فلاديمير بوتين إن القوات ستجري مناورات. وأكد وزير الدفاع في كلمة له أن هذا "
             "ليس جديدا. وزار الوزير مينسك أمس والتقى نظيره هناك.";
  text::analyze_text(doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  const WordClasses classes(lex());
  const TokenFacts facts(doc, lex(), classes);
  const std::vector<Case> cases = {
      {"none", {}},
      {"in sentence order", {{0, 1, 3}, {0, 3, 5}, {1, 1, 3}, {2, 2, 3}, {2, 0, 1}}},
      {"overlapping, the later wins", {{0, 1, 4}, {0, 2, 3}, {0, 3, 6}, {1, 0, 2}, {1, 1, 2}}},
      {"appended out of sentence order", {{0, 1, 3}, {2, 0, 2}, {1, 1, 3}, {0, 5, 6}, {2, 3, 4}}},
      {"one sentence only", {{1, 0, 1}, {1, 2, 4}, {1, 4, 5}}},
  };
  for (const Case& c : cases) {
    Annotations ann;
    for (size_t k = 0; k <= c.mentions.size(); ++k) {
      // Views are built between additions too, as the entity passes do.
      for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
        SentenceView view(doc, s, ann, facts);
        for (size_t t = doc.sentences[s].first_token; t < doc.sentences[s].end_token; ++t) {
          EXPECT_EQ(view.mention_covering(t), covering_by_scan(ann, s, t)) << c.name << " sentence " << s << " token " << t;
          EXPECT_EQ(view.mention_at(t).has_value(), starts_by_scan(ann, s, t)) << c.name << " sentence " << s << " token " << t;
        }
      }
      if (k == c.mentions.size()) break;
      const auto& [s, first, end] = c.mentions[k];
      uint32_t base = doc.sentences[s].first_token;
      ann.mentions.push_back(mention(s, base + first, base + end));
    }
  }
}

// Reordering the mentions by token (as the extractor does after the surname pass) keeps the
// sentence order, and the view follows the new indices.
TEST(SentenceView, FollowsMentionsSortedAgain) {
  text::Document doc;
  doc.text = "زار الرئيس مينسك. والتقى الوزير نظيره.";
  text::analyze_text(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  const WordClasses classes(lex());
  const TokenFacts facts(doc, lex(), classes);
  Annotations ann;
  uint32_t second = doc.sentences[1].first_token;
  ann.mentions = {mention(1, second + 1, second + 2), mention(0, 2, 3), mention(1, second, second + 1)};
  SentenceView before(doc, 1, ann, facts);
  EXPECT_EQ(before.mention_at(second), 2u);
  std::sort(ann.mentions.begin(), ann.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  SentenceView after(doc, 1, ann, facts);
  EXPECT_EQ(after.mention_at(second), 1u);
  EXPECT_EQ(after.mention_at(second + 1), 2u);
  EXPECT_EQ(SentenceView(doc, 0, ann, facts).mention_at(2), 0u);
}

// intern() finds the first entity with a key whether it scans or, past a few, looks it up.
TEST(Annotations, InternFindsTheFirstEntityWithTheKey) {
  Annotations ann;
  auto make = [](std::string key) {
    return [key] { return Entity{key, key, key, "", EntityType::Person, std::nullopt, std::nullopt, "test", {}}; };
  };
  for (int i = 0; i < 200; ++i) EXPECT_EQ(ann.intern("k" + std::to_string(i), make("k" + std::to_string(i))), uint32_t(i));
  // An entity added directly, as `load` does, is found as well; an earlier one with its key wins.
  ann.entities.push_back(make("k7")());
  ann.entities.push_back(make("direct")());
  EXPECT_EQ(ann.intern("k7", make("x")), 7u);
  EXPECT_EQ(ann.intern("direct", make("x")), 201u);
  EXPECT_EQ(ann.intern("new", make("new")), 202u);
  EXPECT_EQ(ann.entities.size(), 203u);
  for (int i = 0; i < 200; i += 17) EXPECT_EQ(ann.intern("k" + std::to_string(i), make("x")), uint32_t(i));
}

}  // namespace
}  // namespace rawabit::extract
