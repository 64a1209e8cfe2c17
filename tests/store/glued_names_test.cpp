// rejoin_glued_names: a tagger name with a proclitic glued on joins the same name met alone
// elsewhere in the database, its spans moved past the proclitic — or stays, where the lexicon or
// the word before it says the letter is the name's own.
#include "store/glued_names.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "common/paths.hpp"
#include "store/store.hpp"
#include "text/utf8.hpp"

namespace rawabit::store {
namespace {

namespace fs = std::filesystem;

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(schema_dir());
  return l;
}

// A database of tagger entities whose mentions are every occurrence of a surface in a document.
class GluedDatabase {
 public:
  GluedDatabase() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("rawabit-glued-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
    store_ = std::make_unique<Store>(dir_ / "kg.sqlite");
  }
  ~GluedDatabase() {
    store_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  SQLite::Database& db() { return store_->db(); }

  int64_t document(const std::string& text) {
    SQLite::Statement d(db(), "INSERT INTO documents (source, sha256, text) VALUES (?, ?, ?)");
    std::string source = "doc" + std::to_string(++documents_);
    d.bind(1, source);
    d.bind(2, source);
    d.bind(3, text);
    d.exec();
    int64_t id = db().getLastInsertRowid();
    SQLite::Statement s(db(), "INSERT INTO sentence_spans (document_id, ordinal, start, end) VALUES (?, 0, 0, ?)");
    s.bind(1, id);
    s.bind(2, static_cast<int64_t>(text::code_points(text)));
    s.exec();
    return id;
  }

  int64_t entity(const std::string& type, const std::string& name, const std::string& origin = "tagger") {
    SQLite::Statement e(db(), "INSERT INTO entities (key, name, name_ar, type, origin) VALUES (?, ?, ?, ?, ?)");
    e.bind(1, type + ":" + name);
    e.bind(2, name);
    e.bind(3, name);
    e.bind(4, type);
    e.bind(5, origin);
    e.exec();
    return db().getLastInsertRowid();
  }

  // A mention of `entity` at each occurrence of `surface` in document `doc` (from byte `from` on);
  // returns how many.
  size_t mentions(int64_t doc, int64_t entity, const std::string& surface, size_t from = 0) {
    std::string text = db().execAndGet("SELECT text FROM documents WHERE id = " + std::to_string(doc)).getString();
    size_t n = 0;
    for (size_t at = text.find(surface, from); at != std::string::npos; at = text.find(surface, at + surface.size())) {
      SQLite::Statement m(db(), "INSERT INTO mentions (document_id, sentence_id, entity_id, start, end, surface, method) "
                                "VALUES (?1, (SELECT id FROM sentence_spans WHERE document_id = ?1), ?2, ?3, ?4, ?5, 'tagger')");
      int64_t start = static_cast<int64_t>(text::code_points(text.substr(0, at)));
      m.bind(1, doc);
      m.bind(2, entity);
      m.bind(3, start);
      m.bind(4, start + static_cast<int64_t>(text::code_points(surface)));
      m.bind(5, surface);
      m.exec();
      ++n;
    }
    return n;
  }

  // (entity name, surface) of each mention in a document, in text order; every surface checked
  // against the text it claims to cover.
  std::vector<std::pair<std::string, std::string>> mentions_of(int64_t doc) {
    SQLite::Statement q(db(), "SELECT e.name_ar, m.surface, substr(d.text, m.start + 1, m.end - m.start) FROM mentions m "
                              "JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id "
                              "WHERE m.document_id = ? ORDER BY m.start");
    q.bind(1, doc);
    std::vector<std::pair<std::string, std::string>> out;
    while (q.executeStep()) {
      EXPECT_EQ(q.getColumn(1).getString(), q.getColumn(2).getString()) << "span and surface disagree";
      out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    }
    return out;
  }

  bool exists(int64_t entity) {
    return db().execAndGet("SELECT COUNT(*) FROM entities WHERE id = " + std::to_string(entity)).getInt() == 1;
  }

 private:
  fs::path dir_;
  std::unique_ptr<Store> store_;
  int documents_ = 0;
};

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
    GluedDatabase db;
    int64_t glued_doc = db.document(c.glued_text), bare_doc = db.document(c.bare_text);
    int64_t glued = db.entity(c.type, c.glued_name), bare = db.entity(c.bare_type, c.bare_name);
    size_t glued_mentions = db.mentions(glued_doc, glued, c.glued_surface);
    ASSERT_GT(glued_mentions, 0u);
    ASSERT_GT(db.mentions(bare_doc, bare, c.bare_name), 0u);
    RejoinTally tally = rejoin_glued_names(db.db(), lex());
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
  GluedDatabase db;
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
  GluedDatabase db;
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
  GluedDatabase db;
  int64_t doc = db.document("الشركة الجهوية للنقل بنابل");
  db.mentions(doc, db.entity("LOCATION", "بنابل"), "بنابل");
  db.mentions(db.document("ولاية نابل"), db.entity("LOCATION", "نابل"), "نابل");
  EXPECT_EQ(rejoin_glued_names(db.db(), lex()).mentions, 1u);
  RejoinTally again = rejoin_glued_names(db.db(), lex());
  EXPECT_EQ(again.entities, 0u);
  EXPECT_EQ(again.mentions, 0u);
  EXPECT_EQ(db.mentions_of(doc), (std::vector<std::pair<std::string, std::string>>{{"نابل", "نابل"}}));
}

}  // namespace
}  // namespace rawabit::store
