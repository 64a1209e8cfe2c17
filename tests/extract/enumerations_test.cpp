// Enumerations as arguments of every predicate, and actors that are not names (a nisba after a
// verbal noun), on sentences written for this test.
#include <gtest/gtest.h>

#include "fact_strings.hpp"

namespace rawabit::extract {
namespace {

using test_support::facts_of;

struct ArgumentCase {
  const char* construction;
  const char* sentence;
  std::vector<const char*> expected;
  std::vector<const char*> forbidden;
};

const ArgumentCase kArgumentCases[] = {
    {"«بين» with three members gives every pair",
     "وأشاد البيان بالتعاون بين مصر والأردن والعراق في مجال الطاقة.",
     {"Egypt cooperates_with Jordan", "Egypt cooperates_with Iraq", "Jordan cooperates_with Iraq"}, {}},
    {"a subject enumeration of a non-member predicate",
     "ووقعت اليابان وكوريا الجنوبية اتفاقا مع الولايات المتحدة.",
     {"Japan signed_agreement_with United States", "South Korea signed_agreement_with United States"}, {}},
    {"an object enumeration",
     "وفرضت كندا عقوبات على روسيا وبيلاروسيا.",
     {"Canada sanctioned Russia", "Canada sanctioned Belarus"}, {}},
    {"a symmetric predicate whose parties are an enumeration",
     "والتقى الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني أولاف شولتس في باريس.",
     {"Emmanuel Macron met_with Olaf Scholz"}, {}},
    {"two arguments side by side are subject and object, not a list",
     "وحذرت الولايات المتحدة كوريا الشمالية من إجراء تجربة نووية.",
     {"United States warned North Korea"}, {"United States warned United States"}},
    {"a nisba after a verbal noun is its agent",
     "وتصاعدت العقوبات الأمريكية على إيران خلال العام.",
     {"United States sanctioned Iran"}, {}},
    {"a nisba after a verbal noun and an adjective",
     "وأسفرت الغارات الجوية الإسرائيلية على غزة عن قتلى.",
     {"Israel attacked Gaza Strip"}, {}},
    {"a request is for help only with a word of help",
     "وطلب الرئيس الفرنسي إيمانويل ماكرون من ألمانيا توضيح موقفها.",
     {}, {"Emmanuel Macron requested_help_from Germany"}},
    {"a request for troops",
     "وطلبت تشاد من فرنسا إرسال قوات لحماية العاصمة.",
     {"Chad requested_help_from France"}, {}},
    {"a trigger with a pronoun suffix, its agent before it",
     "وأعرب الرئيس الفرنسي إيمانويل ماكرون خلال زيارتيه إلى اليابان والهند عن قلقه.",
     {"Emmanuel Macron visited Japan", "Emmanuel Macron visited India"}, {}},
    {"a name inside a hashtag",
     "وقال وزير الخارجية الأمريكي #أنتوني_بلينكن إن بلاده ستدعم الحلفاء.",
     {"Antony Blinken official_of United States"}, {}},
};

TEST(Arguments, EachConstructionGivesItsFacts) {
  for (const ArgumentCase& c : kArgumentCases) {
    auto f = facts_of(c.sentence);
    for (const char* fact : c.expected) EXPECT_TRUE(f.plain.count(fact)) << c.construction << ": " << fact;
    for (const char* fact : c.forbidden) EXPECT_FALSE(f.plain.count(fact)) << c.construction << ": " << fact;
  }
}

}  // namespace
}  // namespace rawabit::extract
