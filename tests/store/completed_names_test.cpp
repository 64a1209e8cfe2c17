// complete_cut_names: a mention cut short of a name the database knows, or a surname linked to
// one person where the word before it names another, becomes a mention of the known name, its
// span taking in the words next to it — or stays, where those words or that name do not qualify.
#include "store/completed_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "entity_database.hpp"

namespace rawabit::store {
namespace {

struct CompletionCase {
  const char* why;
  const char* cut_text;     // every occurrence of cut_surface in it is a mention of cut_name
  const char* cut_surface;
  const char* cut_name;
  const char* known_type;   // the known entity: a PERSON unless said, named in two documents
  const char* known_name;
  const char* known_text;   // every occurrence of known_name in it and in known_text_2 is its mention
  const char* known_text_2; // nullptr: the known name is in one document only
  const char* expected;     // the surface of the cut mentions afterwards; nullptr: they stay
};

const CompletionCase kCases[] = {
    {"cut after a hyphen", "وقال مدير شرطة المدينة جان-كريستوف برتران إنه", "كريستوف برتران", "كريستوف برتران",
     "PERSON", "جان-كريستوف برتران", "وصرح جان-كريستوف برتران للصحفيين", "أكد جان-كريستوف برتران", "جان-كريستوف برتران"},
    {"the name goes on after the mention", "التي سيترشح فيها هون سين من دون منافسة", "هون", "هون", "PERSON", "هون سين",
     "رئيس الوزراء هون سين", "فاز هون سين", "هون سين"},
    {"a surname after another first name", "بمنع المحاكمة عن فضل شاكر بجناية", "شاكر", "محمد شاكر", "PERSON",
     "فضل شاكر", "غنى فضل شاكر", "اعتزل فضل شاكر", "فضل شاكر"},
    {"two words on the left", "أعلنت الحكومة أن كارل-هاينتس رومينيغه سيبقى", "رومينيغه", "فرانز رومينيغه", "PERSON",
     "كارل هاينتس رومينيغه", "قال كارل هاينتس رومينيغه", "أكد كارل هاينتس رومينيغه", "كارل-هاينتس رومينيغه"},
    {"«على» is a function word, whatever its matching form", "حكم على صالح بالسجن", "صالح", "منذر صالح", "PERSON", "علي صالح", "الرئيس علي صالح",
     "قال علي صالح", nullptr},
    {"a function word is no part of a name", "وقال إن صالح مسافر", "صالح", "منذر صالح", "PERSON", "إن صالح",
     "إن صالح", "إن صالح", nullptr},
    {"the known name is part of the mention's own", "الأسماء التي يعتمد عليها فان مارفيك في الفريق", "مارفيك",
     "بيرت فان مارفيك", "PERSON", "فان مارفيك", "المدرب فان مارفيك", "قال فان مارفيك", nullptr},
    {"the known name must be in two documents", "فيها هون سين من دون منافسة", "هون", "هون", "PERSON", "هون سين",
     "رئيس الوزراء هون سين", nullptr, nullptr},
    {"the known name must be met as often", "هون سين وهون سين وهون سين", "هون", "هون", "PERSON", "هون سين",
     "رئيس الوزراء هون سين", "فاز هون سين", nullptr},
    {"another type", "فيها هون سين من دون منافسة", "هون", "هون", "ORGANIZATION", "هون سين", "شركة هون سين",
     "مصنع هون سين", nullptr},
    {"a tatweel is no word", "وكتب ـ يوسف مقالا", "يوسف", "إسماعيل يوسف", "PERSON", "ـ يوسف", "وكتب ـ يوسف",
     "كتب ـ يوسف", nullptr},
};

TEST(CompletedNames, MoveOrStay) {
  for (const CompletionCase& c : kCases) {
    SCOPED_TRACE(c.why);
    EntityDatabase db;
    int64_t cut_doc = db.document(c.cut_text);
    int64_t cut = db.entity("PERSON", c.cut_name);
    size_t cut_mentions = db.mentions(cut_doc, cut, c.cut_surface);
    ASSERT_GT(cut_mentions, 0u);
    int64_t known = db.entity(c.known_type, c.known_name);
    ASSERT_GT(db.mentions(db.document(c.known_text), known, c.known_name), 0u);
    if (c.known_text_2) {
      ASSERT_GT(db.mentions(db.document(c.known_text_2), known, c.known_name), 0u);
    }
    MovedMentions tally = complete_cut_names(db.db(), lex());
    auto after = db.mentions_of(cut_doc);
    ASSERT_EQ(after.size(), cut_mentions);
    for (const auto& [name, surface] : after) {
      EXPECT_EQ(name, c.expected ? c.known_name : c.cut_name);
      EXPECT_EQ(surface, c.expected ? c.expected : c.cut_surface);
    }
    EXPECT_EQ(db.exists(cut), !c.expected);
    EXPECT_EQ(tally.mentions, c.expected ? cut_mentions : 0u);
  }
}

TEST(CompletedNames, AnotherMentionsWordsAreNotTaken) {
  EntityDatabase db;
  int64_t doc = db.document("فيها هون سين من دون منافسة");
  int64_t cut = db.entity("PERSON", "هون");
  db.mentions(doc, cut, "هون");
  db.mentions(doc, db.entity("LOCATION", "سين"), "سين");
  int64_t known = db.entity("PERSON", "هون سين");
  db.mentions(db.document("رئيس الوزراء هون سين"), known, "هون سين");
  db.mentions(db.document("فاز هون سين"), known, "هون سين");
  EXPECT_EQ(complete_cut_names(db.db(), lex()).mentions, 0u);
  EXPECT_TRUE(db.exists(cut));
}

TEST(CompletedNames, OnlyNamesFoundInTextMove) {
  EntityDatabase db;
  int64_t doc = db.document("التي سيترشح فيها هون سين من دون منافسة");
  int64_t listed = db.entity("PERSON", "هون", "gazetteer");
  db.mentions(doc, listed, "هون");
  int64_t known = db.entity("PERSON", "هون سين");
  db.mentions(db.document("رئيس الوزراء هون سين"), known, "هون سين");
  db.mentions(db.document("فاز هون سين"), known, "هون سين");
  EXPECT_EQ(complete_cut_names(db.db(), lex()).mentions, 0u);
  EXPECT_EQ(db.mentions_of(doc), (std::vector<std::pair<std::string, std::string>>{{"هون", "هون"}}));
}

TEST(CompletedNames, AnEmptiedEntityHandsItsRelationsOverAndRunningTwiceChangesNothing) {
  EntityDatabase db;
  int64_t doc = db.document("التقى الرئيس الكمبودي هون سين في بنوم بنه");
  int64_t cambodia = db.entity("COUNTRY", "كمبوديا", "gazetteer");
  int64_t cut = db.entity("PERSON", "هون");
  db.mentions(doc, cut, "هون");
  int64_t known = db.entity("PERSON", "هون سين");
  db.mentions(db.document("رئيس الوزراء هون سين"), known, "هون سين");
  db.mentions(db.document("فاز هون سين"), known, "هون سين");
  db.db().exec("INSERT INTO relations (id, subject_id, predicate, object_id) VALUES (1, " + std::to_string(cut) +
               ", 'leader_of', " + std::to_string(cambodia) + ");"
               "INSERT INTO evidence (relation_id, document_id, sentence_id, start, end, confidence, pattern) VALUES "
               "(1, 1, 1, 0, 10, 0.9, 'p');");
  MovedMentions tally = complete_cut_names(db.db(), lex());
  EXPECT_EQ(tally.entities, 1u);
  EXPECT_EQ(tally.mentions, 1u);
  EXPECT_FALSE(db.exists(cut));
  EXPECT_EQ(db.db().execAndGet("SELECT subject_id FROM relations WHERE id = 1").getInt64(), known);
  EXPECT_EQ(db.mentions_of(doc), (std::vector<std::pair<std::string, std::string>>{{"هون سين", "هون سين"}}));
  MovedMentions again = complete_cut_names(db.db(), lex());
  EXPECT_EQ(again.mentions, 0u);
  EXPECT_EQ(db.mentions_of(doc), (std::vector<std::pair<std::string, std::string>>{{"هون سين", "هون سين"}}));
}

}  // namespace
}  // namespace rawabit::store
