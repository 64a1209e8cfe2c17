// Every predicate of the ontology on sentences written for this test (none from the seeds): a
// plain statement gives the fact; under negation there is no fact; a hypothetical or plan gives
// no plain fact (the fact, if any, carries modality=hypothetical).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "fact_strings.hpp"

namespace rawabit::extract {
namespace {

using test_support::facts_of;

struct PredicateCase {
  const char* fact;          // "Subject predicate Object"
  const char* asserted;      // gives the fact
  const char* negated;       // gives no fact
  const char* hypothetical;  // gives no plain fact
};

const PredicateCase kCases[] = {
    {"Emmanuel Macron leader_of France",
     "استقبل الرئيس الفرنسي إيمانويل ماكرون وفدا من رجال الأعمال.",
     "لم يكن إيمانويل ماكرون رئيسا لفرنسا في ذلك الوقت.",
     "وتحدث الرئيس الفرنسي المقبل إيمانويل ماكرون عن برنامجه."},
    {"Hakan Fidan official_of Turkey",
     "أكد وزير الخارجية التركي هاكان فيدان دعم بلاده للمبادرة.",
     "لم يكن هاكان فيدان وزيرا للخارجية في تركيا آنذاك.",
     "ورشح البرلمان وزير الخارجية التركي المحتمل هاكان فيدان."},
    {"أندريه كورتونوف affiliated_with Valdai Discussion Club",
     "وقال الباحث في نادي فالداي أندريه كورتونوف إن الحوار ضروري.",
     "ولم يعمل أندريه كورتونوف في نادي فالداي قط.",
     "وقال الباحث المرشح في نادي فالداي أندريه كورتونوف إن الحوار ضروري."},
    {"Sweden member_of NATO",
     "وانضمت السويد إلى حلف شمال الأطلسي بعد مفاوضات طويلة.",
     "ولم تنضم السويد إلى حلف شمال الأطلسي في ذلك العام.",
     "من المرجح أن تنضم السويد إلى حلف شمال الأطلسي قريبا."},
    {"United States withdrew_from INF Treaty",
     "وانسحبت الولايات المتحدة من معاهدة القوى النووية متوسطة المدى.",
     "ولم تنسحب الولايات المتحدة من معاهدة القوى النووية متوسطة المدى حينها.",
     "وقد تنسحب الولايات المتحدة من معاهدة القوى النووية متوسطة المدى."},
    {"United Kingdom withdrew_from European Union",
     "وبدأ خروج بريطانيا من الاتحاد الأوروبي رسميا.",
     "ولم تخرج بريطانيا من الاتحاد الأوروبي بعد.",
     "ومن المرجح أن تخرج بريطانيا من الاتحاد الأوروبي العام المقبل."},
    {"Russia suspended_participation_in Open Skies Treaty",
     "وعلقت روسيا مشاركتها في معاهدة الأجواء المفتوحة.",
     "ولم تعلق روسيا مشاركتها في معاهدة الأجواء المفتوحة.",
     "ويعتزم البرلمان أن تعلق روسيا مشاركتها في معاهدة الأجواء المفتوحة."},
    {"Iran ally_of Syria",
     "وتعد إيران حليفا رئيسيا لسوريا منذ عقود.",
     "ولم تعد إيران حليفا لسوريا كما كانت.",
     "وقد تصبح إيران حليفا لسوريا في المرحلة المقبلة."},
    {"Egypt cooperates_with Greece",
     "وأكد البيان التعاون العسكري بين مصر واليونان في شرق المتوسط.",
     "ونفى المتحدث وجود تعاون بين مصر واليونان في هذا الملف.",
     "ويعتزم الجانبان التعاون بين مصر واليونان في مجال الطاقة."},
    {"Turkey signed_agreement_with Libya",
     "ووقعت تركيا اتفاقية مع ليبيا لترسيم الحدود البحرية.",
     "ولم توقع تركيا اتفاقية مع ليبيا حتى الآن.",
     "ومن المرجح أن توقع تركيا اتفاقية مع ليبيا الأسبوع المقبل."},
    {"Antony Blinken met_with Wang Yi",
     "والتقى أنتوني بلينكن نظيره الصيني وانغ يي في جاكرتا.",
     "ولم يلتق أنتوني بلينكن وانغ يي خلال القمة.",
     "ومن المقرر أن يلتقي أنتوني بلينكن وانغ يي الشهر المقبل."},
    {"Recep Tayyip Erdoğan met_with Vladimir Putin",
     "وأجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا بنظيره الروسي فلاديمير بوتين.",
     "ولم يتصل الرئيس التركي رجب طيب أردوغان بالرئيس الروسي فلاديمير بوتين منذ أشهر.",
     "ومن المقرر أن يتصل الرئيس التركي رجب طيب أردوغان بالرئيس الروسي فلاديمير بوتين غدا."},
    {"Recep Tayyip Erdoğan visited Qatar",
     "زار رجب طيب أردوغان قطر يوم الأحد.",
     "لم يزر رجب طيب أردوغان قطر هذا العام.",
     "ومن المرجح أن يزور رجب طيب أردوغان قطر في الربيع."},
    {"United States deployed_weapons_in Poland",
     "ونشرت الولايات المتحدة صواريخ باتريوت في بولندا.",
     "ونفت واشنطن أن تكون الولايات المتحدة قد نشرت صواريخ في بولندا.",
     "وقد تنشر الولايات المتحدة صواريخ في بولندا العام المقبل."},
    {"Turkey deployed_troops_in Libya",
     "وأرسلت تركيا قوات إلى ليبيا لدعم حكومة طرابلس.",
     "ولم ترسل تركيا قوات إلى ليبيا بحسب البيان.",
     "ومن المرجح أن ترسل تركيا قوات إلى ليبيا."},
    {"Iran supplied_weapons_to Houthis",
     "وزودت إيران الحوثيين بالأسلحة والصواريخ.",
     "ونفت طهران أن تكون إيران زودت الحوثيين بالأسلحة.",
     "وقد تزود إيران الحوثيين بالأسلحة مستقبلا."},
    {"Turkey trained_forces_of Azerbaijan",
     "ودربت تركيا قوات أذربيجان على المسيرات.",
     "ولم تدرب تركيا قوات أذربيجان على هذه الأنظمة.",
     "وتعتزم تركيا أن تدرب قوات أذربيجان العام المقبل."},
    {"Israel attacked Gaza Strip",
     "وشنت إسرائيل غارات على قطاع غزة فجر اليوم.",
     "ونفى الجيش أن تكون إسرائيل شنت غارات على قطاع غزة.",
     "وقد تشن إسرائيل غارات على قطاع غزة إذا استمر القصف."},
    {"Russia annexed Crimea",
     "وضمت روسيا شبه جزيرة القرم عام 2014.",
     "ولم تضم روسيا شبه جزيرة القرم رسميا وفق القانون الدولي.",
     "وقد تضم روسيا شبه جزيرة القرم إذا فشلت المفاوضات."},
    {"European Union sanctioned Iran",
     "وفرض الاتحاد الأوروبي عقوبات على إيران بسبب المسيرات.",
     "ولم يفرض الاتحاد الأوروبي عقوبات على إيران حتى الآن.",
     "ويعتزم الاتحاد الأوروبي فرض عقوبات على إيران."},
    {"Mali requested_help_from Russia",
     "وطلبت مالي المساعدة من روسيا لمواجهة الجماعات المسلحة.",
     "ولم تطلب مالي المساعدة من روسيا بحسب وزير الدفاع.",
     "وقد تطلب مالي المساعدة من روسيا إذا تدهور الوضع."},
    {"United States warned Iran",
     "وحذرت الولايات المتحدة إيران من أي تصعيد في الخليج.",
     "ولم تحذر الولايات المتحدة إيران من هذه الخطوة.",
     "وقد تحذر الولايات المتحدة إيران من عواقب التصعيد."},
};

TEST(Predicates, EveryPredicateHasACase) {
  std::set<std::string> covered;
  for (const PredicateCase& c : kCases) {
    std::string f = c.fact;
    size_t a = f.find(' '), b;
    // The predicate is the token with an underscore or one of the single-word predicates.
    std::istringstream words(f);
    for (std::string w; words >> w;)
      if (lexicon::is_known_predicate(w)) covered.insert(w);
    (void)a;
    (void)b;
  }
  EXPECT_EQ(covered.size(), 20u);
}

TEST(Predicates, AssertedGivesTheFact) {
  for (const PredicateCase& c : kCases) {
    auto f = facts_of(c.asserted);
    EXPECT_TRUE(f.plain.count(c.fact)) << "missing «" << c.fact << "» in: " << c.asserted;
  }
}

TEST(Predicates, NegatedGivesNoFact) {
  for (const PredicateCase& c : kCases) {
    auto f = facts_of(c.negated);
    EXPECT_FALSE(f.plain.count(c.fact) || f.hypothetical.count(c.fact)) << "«" << c.fact << "» under negation: " << c.negated;
  }
}

TEST(Predicates, HypotheticalGivesNoPlainFact) {
  for (const PredicateCase& c : kCases) {
    auto f = facts_of(c.hypothetical);
    EXPECT_FALSE(f.plain.count(c.fact)) << "plain «" << c.fact << "» in a hypothetical: " << c.hypothetical;
  }
}

TEST(Predicates, HypotheticalIsKeptWithItsModality) {
  // Plans and likelihoods are kept, marked, with a lower confidence.
  auto f = facts_of("ومن المرجح أن ترسل تركيا قوات إلى ليبيا.");
  EXPECT_TRUE(f.hypothetical.count("Turkey deployed_troops_in Libya"));
}

}  // namespace
}  // namespace rawabit::extract
