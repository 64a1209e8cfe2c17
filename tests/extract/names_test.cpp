#include <gtest/gtest.h>

#include "extract/names.hpp"
#include "text/normalize.hpp"

namespace rawabit::extract {
namespace {

struct PairCase {
  const char* a;
  const char* b;
};

TEST(Names, SpellingVariantsOfOnePersonMerge) {
  const PairCase cases[] = {
      {"ألكسندر لوكاشينكو", "ألكسندر لوكاشنكو"},
      {"لوكاشينكو", "لوكاشينو"},          // a dropped letter in a long name
      {"سيرجي شويغو", "سيرغي شويجو"},     // g as ج or غ
      {"دميتري بيسكوف", "ديمتري بيسكوف"},
      {"دونالد ترمب", "دونالد ترامب"},
      {"سيرغي ناريشكين", "سيرغي ناريتشكين"},
      {"لوهانسك", "لوجانسك"},
      {"قاسم جومارت توكايف", "قاسم جومرت توكاييف"},
  };
  for (const auto& c : cases) {
    EXPECT_TRUE(same_person(text::normalize_form(c.a), text::normalize_form(c.b))) << c.a << " ~ " << c.b;
  }
}

TEST(Names, OneSkeletonIsOnePersonWithAWordInCommonOrEveryWordAVariant) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const Case cases[] = {
      {"جون إيف لودريان", "جان إيف لودريان", true},   // «إيف لودريان» anchors «جون»
      {"نيكولاي ساركوزي", "نيكولا ساركوزي", true},
      {"مارك روت", "مارك روتي", true},
      {"دونالد ترمب", "دونالد ترامب", true},
      {"سيرجيو راموس", "سيرغي روماس", false},          // Sergio Ramos, Sergei Rumas
      {"عمار موسوي", "عمرو موسى", false},
      {"حسن سالم", "حسين سلامي", false},
  };
  for (const Case& c : cases) {
    const std::string a = text::normalize_form(c.a), b = text::normalize_form(c.b);
    ASSERT_EQ(name_skeleton_of_phrase(a), name_skeleton_of_phrase(b)) << c.a << " / " << c.b;
    EXPECT_EQ(same_person_by_skeleton(a, b), c.same) << c.a << " / " << c.b;
  }
}

TEST(Names, DifferentPeopleStayApart) {
  const PairCase cases[] = {
      {"إلهام علييف", "حيدر علييف"},          // father and son
      {"سيرجي لافروف", "سيرجي شويغو"},
      {"كيم جونغ أون", "كيم جونغ إيل"},
      {"جورج بوش", "جيب بوش"},
      {"محمد", "أحمد"},
      {"بوتين", "بوتان"},                     // short names: one letter is not a slip
      {"فلاديمير بوتين", "بوتين"},           // a surname alone is linked in context, not merged
      {"سينغ", "سانجاي"},                     // one skeleton, but a vowel added at the end
      {"الملقي", "الملك"},                    // Hani Mulki and «the king»
      {"الصدر", "الصدري"},                    // al-Sadr and «Sadrist»
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(same_person(text::normalize_form(c.a), text::normalize_form(c.b))) << c.a << " ≁ " << c.b;
  }
}

// person_key() with a list of native words as scripts/make-native-words writes them.
TEST(Names, PersonKeysKeepNativeWordsAsSpelledAndOtherWordsAsSkeletons) {
  lexicon::WordSet native;
  for (const char* w : {"محمد", "محمود", "حسن", "حسين", "سعيد", "سعودي", "بلحج", "عايض", "يحي"}) native.add(w);
  struct Case {
    const char* a;
    const char* b;
    bool same_key;
  };
  const Case cases[] = {
      {"محمد حسن", "محمود حسن", false},          // Muhammad, Mahmoud: one skeleton, two names
      {"أحمد حسن", "أحمد حسين", false},
      {"محمد سعيد", "محمد سعودي", false},
      {"جورجيو كيليني", "جورجيو كييليني", true},  // foreign words keep their skeleton
      {"دونالد ترمب", "دونالد ترامب", true},
      {"محمد ترمب", "محمد ترامب", true},
      {"عائض القرني", "عايض القرني", true},      // hamza on a seat
      {"يحيى السنوار", "يحيي السنوار", true},    // «ى» and «ي» are one after normalization
      {"يحيى السنوار", "يحي السنوار", true},     // a doubled «ي» written once
      {"رضا بلحاج", "رضا بالحاج", true},         // the Maghrebi «بال»
  };
  for (const Case& c : cases) {
    const std::string a = text::normalize_form(c.a), b = text::normalize_form(c.b);
    EXPECT_EQ(person_key(a, native) == person_key(b, native), c.same_key) << c.a << " / " << c.b;
    EXPECT_EQ(name_skeleton_of_phrase(a), name_skeleton_of_phrase(b)) << c.a << " / " << c.b;
  }
  // A native word stands as written (in its native spelling), any other as its skeleton.
  EXPECT_EQ(person_key(text::normalize_form("محمد ترامب"), native), "محمد " + name_skeleton("ترامب"));
  EXPECT_EQ(person_key(text::normalize_form("عائض"), native), "عايض");
  EXPECT_EQ(person_key("", native), "");
}

TEST(Names, EditDistanceCountsCodePoints) {
  EXPECT_EQ(edit_distance("لوكاشينكو", "لوكاشينو"), 1u);
  EXPECT_EQ(edit_distance("", "روسيا"), 5u);
  EXPECT_EQ(edit_distance("abc", "abc"), 0u);
}

TEST(Names, WithinOneEditAgreesWithEditDistance) {
  const std::string words[] = {"", "a", "ab", "ba", "abc", "abd", "acb", "abcd", "xabc", "aabc", "abcc", "abbc",
                               "لوكاشينكو", "لوكاشينو", "لوكاشنكو", "لوكاشينكوف", "بوتين", "بوتان", "ترمب",
                               "ترامب", "a€b", "a€", "€b", "ab€"};
  for (const std::string& a : words)
    for (const std::string& b : words) EXPECT_EQ(within_one_edit(a, b), edit_distance(a, b) <= 1) << a << " / " << b;
}

// The surname pass skips words on this; it must hold for every pair that variant_words accepts.
TEST(Names, VariantsShareTheirInitial) {
  const PairCase variants[] = {{"سيرجي", "سيرغي"}, {"جومارت", "غومارت"}, {"لوكاشينكو", "لوكاشينو"}, {"ترمب", "ترامب"}};
  for (const auto& c : variants) {
    std::string a = text::normalize_form(c.a), b = text::normalize_form(c.b);
    ASSERT_TRUE(variant_words(a, b)) << c.a << " ~ " << c.b;
    EXPECT_EQ(name_initial(a), name_initial(b)) << c.a << " ~ " << c.b;
  }
  EXPECT_NE(name_initial(text::normalize_form("بوتين")), name_initial(text::normalize_form("توكايف")));
  EXPECT_EQ(name_initial(""), U'\0');
  EXPECT_EQ(name_skeleton(text::normalize_form("لوكاشينكو")), name_skeleton(text::normalize_form("لوكاشنكو")));
}

}  // namespace
}  // namespace rawabit::extract
