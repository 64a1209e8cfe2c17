// Store::drop_weak_mentions: an organization that some documents name only weakly (read below a
// sure margin, nothing announcing it) keeps those mentions where another stored document names
// it firmly, or where three documents name it weakly, and loses them elsewhere.
#include <gtest/gtest.h>

#include <string>

#include "entity_database.hpp"
#include "extract/annotations.hpp"
#include "text/document.hpp"

namespace rawabit::store {
namespace {

// Documents stored through Store::add, as a build stores them.
class ScratchStore : public EntityDatabase {
 public:
  // Stores a document whose every occurrence of `name` is a tagger mention of the organization
  // of that name, weak or not.
  void add(const std::string& source, const std::string& text, const std::string& name, bool weak) {
    text::Document doc;
    doc.source = source;
    doc.text = text;
    text::analyze_text(doc);
    extract::Annotations ann;
    ann.entities.push_back({"ORGANIZATION:" + name, name, name, "", extract::EntityType::Organization, std::nullopt,
                            std::nullopt, "tagger", {}});
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + name.size())) {
      uint32_t sentence = 0;
      for (uint32_t s = 0; s < doc.sentences.size(); ++s)
        if (doc.span_of_tokens(doc.sentences[s].first_token, doc.sentences[s].end_token).begin <= at) sentence = s;
      ann.mentions.push_back({0, sentence, 0, 1, at, at + name.size(), "tagger"});
      ann.mentions.back().weak = weak;
    }
    store().add(doc, source, ann);
  }

  int64_t mentions_of(const std::string& name) {
    return db()
        .execAndGet("SELECT COUNT(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name_ar = '" + name + "'")
        .getInt64();
  }

};

TEST(WeakMentions, StayWhereTheCorpusNamesTheEntityFirmly) {
  ScratchStore s;
  s.store().begin_batch();
  s.add("a", "أعلنت سامسونغ أرباحها. وقالت سامسونغ إنها ستوسع مصانعها.", "سامسونغ", true);
  s.add("b", "طرحت سامسونغ هاتفا جديدا.", "سامسونغ", false);
  s.add("c", "حلق فالكون هيفي عاليا. ونجح فالكون هيفي في الهبوط.", "فالكون هيفي", true);
  s.add("d", "ويحمل فالكون هيفي حمولة ثقيلة. وأطلق فالكون هيفي مرتين.", "فالكون هيفي", true);
  s.add("e", "فرض يويفا غرامة على النادي.", "يويفا", true);
  s.add("f", "وقال يويفا إن القرعة ستجرى غدا.", "يويفا", true);
  s.add("g", "أعلن يويفا جدول المباريات.", "يويفا", true);
  s.store().commit_batch();
  s.store().begin_batch();
  EXPECT_EQ(s.store().drop_weak_mentions(), 4u);
  s.store().remove_orphans();
  s.store().commit_batch();
  EXPECT_EQ(s.mentions_of("سامسونغ"), 3);
  EXPECT_EQ(s.mentions_of("فالكون هيفي"), 0);
  EXPECT_EQ(s.mentions_of("يويفا"), 3);
  EXPECT_EQ(s.store().db().execAndGet("SELECT COUNT(*) FROM entities WHERE name_ar = 'فالكون هيفي'").getInt64(), 0);
  // Decided once: the weak mentions are forgotten, and a second call drops nothing.
  s.store().begin_batch();
  EXPECT_EQ(s.store().drop_weak_mentions(), 0u);
  s.store().commit_batch();
  EXPECT_EQ(s.mentions_of("سامسونغ"), 3);
}

}  // namespace
}  // namespace rawabit::store
