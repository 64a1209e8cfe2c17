// rejoin_glued_names: a tagger name with a proclitic glued on joins the same name met alone
// elsewhere in the database, its spans moved past the proclitic — or stays, where the lexicon or
// the word before it says the letter is the name's own.
#include "store/glued_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entity_database.hpp"

namespace rawabit::store {
namespace {

struct GluedCase {
  const char* why;
  const char* type;
  const char* glued_text;     // every occurrence of glued_surface in it is a mention of the glued name
  const char* glued_surface;  // also the glued entity's name, diacritics dropped
  const char* glued_name;
  const char* bare_type;
  const char* bare_text;      // every occurrence of bare_name in it is a mention of the bare name
  const char* bare_name;
  const char* expected;       // the surface of the glued mentions afterwards; nullptr: they stay
};

const GluedCase kCases[] = {
    {"a preposition before a place", "LOCATION", "تعزيز أسطول الشركة الجهوية للنقل بنابل بحافلات", "بنابل", "بنابل",
     "LOCATION", "أمطار غزيرة في نابل", "نابل", "نابل"},
    {"diacritics after the conjunction are left out too", "LOCATION", "الطريق الرابطة بين قفصة وَڨابس مغلقة", "وَڨابس",
     "وڨابس", "LOCATION", "ولاية ڨابس", "ڨابس", "ڨابس"},
    {"conjunction and preposition", "LOCATION", "وصل الوزير وبنابل استقبله الوالي", "وبنابل", "وبنابل", "LOCATION",
     "زار نابل ثم عاد إلى نابل", "نابل", "نابل"},
    {"a person after a lone conjunction", "PERSON", "رومان زوبنين و ويوري جيركوف", "ويوري جيركوف", "ويوري جيركوف", "PERSON",
     "الظهير الأيسر يوري جيركوف", "يوري جيركوف", "يوري جيركوف"},
    {"a short first word vouched for by the next", "ORGANIZATION", "مجلة مارفل المنافسة لدي سي كوميكس قالت",
     "لدي سي كوميكس", "لدي سي كوميكس", "ORGANIZATION", "أفلام دي سي كوميكس", "دي سي كوميكس", "دي سي كوميكس"},
    {"after a head noun the letter is the name's own", "LOCATION", "في ولاية بسكرة أمس", "بسكرة", "بسكرة", "LOCATION",
     "منطقة سكرة من ولاية أريانة", "سكرة", nullptr},
    {"after a preposition too", "LOCATION", "أقيم المهرجان في بنابل الجديدة", "بنابل", "بنابل", "LOCATION",
     "أمطار غزيرة في نابل", "نابل", nullptr},
    {"the bare name must be met as often", "PERSON", "رشح ترامب بريت كافانو ثم دافع عن بريت كافانو", "بريت كافانو",
     "بريت كافانو", "PERSON", "القاضي ريت كافانو", "ريت كافانو", nullptr},
    {"a name the gazetteer holds whole", "LOCATION", "زار الوزير لبنان أمس", "لبنان", "لبنان", "LOCATION",
     "قرية بنان الجنوبية", "بنان", nullptr},
    {"kaf is left out", "LOCATION", "وصل الوفد إلى مدينة تقع قرب كسلا", "كسلا", "كسلا", "LOCATION", "مدينة سلا المغربية",
     "سلا", nullptr},
    {"a one-word stem of two letters", "PERSON", "قال المدرب لدي اليوم", "لدي", "لدي", "PERSON", "اللاعب دي", "دي",
     nullptr},
    {"another type", "LOCATION", "زار الوزير لوفا", "لوفا", "لوفا", "ORGANIZATION", "وكالة وفا للأنباء", "وفا", nullptr},
};

TEST(GluedNames, MoveOrStay) {
  for (const GluedCase& c : kCases) {
    SCOPED_TRACE(c.why);
    EntityDatabase db;
    int64_t glued_doc = db.document(c.glued_text), bare_doc = db.document(c.bare_text);
    int64_t glued = db.entity(c.type, c.glued_name), bare = db.entity(c.bare_type, c.bare_name);
    size_t glued_mentions = db.mentions(glued_doc, glued, c.glued_surface);
    ASSERT_GT(glued_mentions, 0u);
    ASSERT_GT(db.mentions(bare_doc, bare, c.bare_name), 0u);
    MovedMentions tally = rejoin_glued_names(db.db(), lex());
    auto after = db.mentions_of(glued_doc);
    ASSERT_EQ(after.size(), glued_mentions);
    for (const auto& [name, surface] : after) {
      EXPECT_EQ(name, c.expected ? c.bare_name : c.glued_name);
      EXPECT_EQ(surface, c.expected ? c.expected : c.glued_surface);
    }
    EXPECT_EQ(db.exists(glued), !c.expected);
    EXPECT_EQ(tally.mentions, c.expected ? glued_mentions : 0u);
  }
}

TEST(GluedNames, ShorterMentionsGoAlong) {
  EntityDatabase db;
  const std::string text = "لاعبا الوسط رومان زوبنين و ويوري جيركوف. وأخطأ جيركوف مرة";
  int64_t doc = db.document(text);
  int64_t glued = db.entity("PERSON", "ويوري جيركوف");
  db.mentions(doc, glued, "ويوري جيركوف");
  db.mentions(doc, glued, "جيركوف", text.find("وأخطأ"));  // the surname alone, later
  int64_t other = db.document("الظهير الأيسر يوري جيركوف ويوري جيركوف");
  int64_t bare = db.entity("PERSON", "يوري جيركوف");
  db.mentions(other, bare, "يوري جيركوف");
  rejoin_glued_names(db.db(), lex());
  EXPECT_FALSE(db.exists(glued));
  auto after = db.mentions_of(doc);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0], std::make_pair(std::string("يوري جيركوف"), std::string("يوري جيركوف")));
  EXPECT_EQ(after[1], std::make_pair(std::string("يوري جيركوف"), std::string("جيركوف")));
}

TEST(GluedNames, RelationsAreHandedOver) {
  EntityDatabase db;
  int64_t doc = db.document("استقبل الرئيس التونسي بنابل وفدا");
  int64_t tunisia = db.entity("COUNTRY", "تونس", "gazetteer");
  int64_t glued = db.entity("LOCATION", "بنابل"), bare = db.entity("LOCATION", "نابل");
  db.mentions(doc, glued, "بنابل");
  int64_t other = db.document("مدينة نابل ومدينة نابل");
  db.mentions(other, bare, "نابل");
  db.db().exec(
      "INSERT INTO relations (id, subject_id, predicate, object_id) VALUES "
      "(1, " + std::to_string(tunisia) + ", 'visited', " + std::to_string(glued) + "), "
      "(2, " + std::to_string(tunisia) + ", 'visited', " + std::to_string(bare) + "), "
      "(3, " + std::to_string(glued) + ", 'located_in', " + std::to_string(tunisia) + ");"
      "INSERT INTO evidence (relation_id, document_id, sentence_id, start, end, confidence, pattern) VALUES "
      "(1, 1, 1, 0, 10, 0.9, 'p'), (2, 2, 2, 0, 4, 0.9, 'p'), (3, 1, 1, 0, 10, 0.9, 'p');");
  rejoin_glued_names(db.db(), lex());
  EXPECT_FALSE(db.exists(glued));
  // The visit joins the relation the bare name has already; the other relation is the bare name's now.
  EXPECT_EQ(db.db().execAndGet("SELECT COUNT(*) FROM evidence WHERE relation_id = 2").getInt(), 2);
  EXPECT_EQ(db.db().execAndGet("SELECT COUNT(*) FROM relations WHERE id = 1").getInt(), 0);
  EXPECT_EQ(db.db().execAndGet("SELECT subject_id FROM relations WHERE id = 3").getInt64(), bare);
  EXPECT_EQ(db.db().execAndGet("SELECT COUNT(*) FROM relations WHERE subject_id = " + std::to_string(glued) +
                               " OR object_id = " + std::to_string(glued)).getInt(), 0);
}

TEST(GluedNames, RunningTwiceChangesNothing) {
  EntityDatabase db;
  int64_t doc = db.document("الشركة الجهوية للنقل بنابل");
  db.mentions(doc, db.entity("LOCATION", "بنابل"), "بنابل");
  db.mentions(db.document("ولاية نابل"), db.entity("LOCATION", "نابل"), "نابل");
  EXPECT_EQ(rejoin_glued_names(db.db(), lex()).mentions, 1u);
  MovedMentions again = rejoin_glued_names(db.db(), lex());
  EXPECT_EQ(again.entities, 0u);
  EXPECT_EQ(again.mentions, 0u);
  EXPECT_EQ(db.mentions_of(doc), (std::vector<std::pair<std::string, std::string>>{{"نابل", "نابل"}}));
}

}  // namespace
}  // namespace rawabit::store
