// Enumerations as arguments of every predicate, and actors that are not names (a nisba after a
// verbal noun), on sentences written for this test.
#include <gtest/gtest.h>

#include "fact_strings.hpp"

namespace rawabit::extract {
namespace {

using test_support::facts_of;

const std::vector<test_support::ConstructionCase> kArgumentCases = {
    {"forces stationed somewhere, named before the participle",
     "وقال إن القوات الأمريكية المتمركزة في كوريا الجنوبية ستبقى.",
     {"United States deployed_troops_in South Korea"}, {}},
    {"a body «المكونة من» an enumeration has them as members",
     "وأدانت اللجنة الرباعية العربية المكونة من السعودية والبحرين ومصر والإمارات التدخلات الإيرانية.",
     {"Saudi Arabia member_of Arab Quartet", "Egypt member_of Arab Quartet"}, {}},
    {"forces serving in a coalition make their state a member",
     "وقالت القيادة العامة إن القوات المسلحة الإماراتية العاملة ضمن التحالف العربي في اليمن نفذت عملية.",
     {"United Arab Emirates member_of Saudi-led coalition"}, {"Yemen member_of Saudi-led coalition"}},
    {"states after a comma that follows an organization are its members, not more parties",
     "وكان الاتفاق الذي أبرم بين إيران والقوى الست الكبرى، بريطانيا والصين وفرنسا، من أبرز السياسات.",
     {"Iran signed_agreement_with P5+1"}, {"China signed_agreement_with France"}},
    {"«قد» before a feminine past in تـ asserts",
     "وقد تسببت العقوبات الأمريكية على إيران في انخفاض الريال.",
     {"United States sanctioned Iran"}, {}},
    {"«قد» after «كان» of its clause is the perfect, with a past in تـ",
     "وكان الرئيس الروسي فلاديمير بوتين قد توقف في النمسا في طريقه إلى ألمانيا.",
     {"Vladimir Putin visited Austria"}, {}},
    {"«وقد» + a verb in تـ + a person: the past of a man",
     "وقد توقف الرئيس الروسي فلاديمير بوتين في النمسا في طريقه إلى ألمانيا.",
     {"Vladimir Putin visited Austria"}, {}},
    {"«قد تم» is the past",
     "وقد تم توقيع اتفاقية بين مصر والأردن في عمان.",
     {"Egypt signed_agreement_with Jordan"}, {}},
    {"an attack on a state's vessel is one on the state; the sea is where, not whom",
     "وأعلن التحالف أن الحوثيين هاجموا ناقلة نفط سعودية في البحر الأحمر.",
     {"Houthis attacked Saudi Arabia"}, {"Houthis attacked Red Sea"}},
    {"a vessel's state is never the attacker",
     "وتعرضت ناقلة نفط سعودية لهجوم قبالة الحديدة.",
     {}, {"Saudi Arabia attacked Hodeidah"}},
    {"fighting beside a party is an alliance with it",
     "وتقاتل قوات إيرانية إلى جانب القوات الحكومية العراقية منذ سنوات.",
     {"Iran ally_of Iraq"}, {}},
    {"an intervention beside a party, VSO",
     "وتدخلت روسيا عسكريا إلى جانب الحكومة الليبية.",
     {"Russia ally_of Libya"}, {}},
    {"fighting in a place, then «إلى جانب» as «besides», is no alliance",
     "وأدين المتهم بتجنيد شبان للقتال في سوريا، إلى جانب إدانة حزب الله.",
     {}, {"Hezbollah ally_of Syria"}},
    {"fighting with no «إلى جانب» is no alliance among the places",
     "ويعود ارتفاع الأسعار إلى القتال في ليبيا واليمن ومالي.",
     {}, {"Libya ally_of Yemen", "Mali ally_of Yemen"}},
    {"a conjunct before a participle is its noun, not the argument before",
     "واشتد النزاع بين القوات الحكومية الأوكرانية والانفصاليين الموالين لروسيا.",
     {}, {"Russia ally_of Ukraine"}},
    {"a mutual attack between two parties holds both ways",
     "وتواصل القصف المتبادل بين الهند وباكستان على طول الحدود.",
     {"India attacked Pakistan", "Pakistan attacked India"}, {}},
    {"an exchange of fire, with its sides",
     "ووصف البيان تبادل إطلاق النار بين أرمينيا من جهة وأذربيجان من جهة أخرى بالخطير.",
     {"Armenia attacked Azerbaijan", "Azerbaijan attacked Armenia"}, {}},
    {"a directed attack stays directed",
     "وقصفت الهند مواقع في باكستان.",
     {"India attacked Pakistan"}, {"Pakistan attacked India"}},
    {"those killed in an attack («جراء هجوم») are its victims, not its agents",
     "وأعلنت الوزارة مقتل أربعة جنود روس جراء هجوم في محافظة إدلب.",
     {}, {"Russia attacked Idlib"}},
    {"an attack's agent after the word of cause is read as before",
     "وارتفع عدد القتلى جراء قصف إسرائيلي على خان يونس.",
     {"Israel attacked Khan Younis"}, {}},
    {"a headline's label before a colon is no argument of what follows",
     "سوريا: مقتل العشرات في غارات على الغوطة الشرقية",
     {}, {"Syria attacked Eastern Ghouta"}},
    {"a cancelled agreement is no agreement",
     "وألغت الحكومة الإسرائيلية اتفاقا مع مصر.",
     {}, {"Israel signed_agreement_with Egypt"}},
    {"what two parties share is cooperation",
     "وأعلنت قيادة القوات المشتركة بين اليابان والولايات المتحدة بدء التدريبات.",
     {"Japan cooperates_with United States"}, {}},
    {"coordination is cooperation",
     "وأرسلت مصر بالتنسيق مع الأردن مساعدات إلى غزة.",
     {"Egypt cooperates_with Jordan"}, {}},
    {"a group noun stands for the enumeration that «وهي» names after it",
     "ووقعت كوريا الجنوبية اتفاقا مع الدول الكبرى وهي الولايات المتحدة والصين واليابان.",
     {"South Korea signed_agreement_with United States", "South Korea signed_agreement_with China",
      "South Korea signed_agreement_with Japan"},
     {"United States signed_agreement_with China"}},
    {"a numbered group noun: a comma opens the apposition",
     "ووقعت الدول الأوروبية الثلاث الموقعة على معاهدة حظر الانتشار النووي، بريطانيا وفرنسا وألمانيا، اتفاقا مع اليابان.",
     {"United Kingdom signed_agreement_with Japan", "Germany signed_agreement_with Japan"}, {}},
    {"signatories governed by a preposition, with their partner after «مع»: no pairs among them",
     "وطلب الرئيس من الدول الأوروبية الثلاث الموقعة على الاتفاق مع كوريا الشمالية، بريطانيا وفرنسا وألمانيا، أن تعرض تقييمها.",
     {"United Kingdom signed_agreement_with North Korea", "France signed_agreement_with North Korea",
      "Germany signed_agreement_with North Korea"},
     {"France signed_agreement_with Germany", "United Kingdom signed_agreement_with France"}},
    {"a threat to leave an agreement does not reach the participle that says it was made",
     "وهدد الرئيس الفرنسي بالانسحاب من المعاهدة المبرمة بين الولايات المتحدة وروسيا.",
     {"United States signed_agreement_with Russia"}, {}},
    {"a governed noun a participle describes is its subject, alone",
     "ويدور النزاع بين الحكومة الصومالية المدعومة من تركيا والمتمردين الحوثيين المدعومين من إيران منذ سنوات.",
     {"Somalia ally_of Turkey", "Houthis ally_of Iran"},
     {"Turkey ally_of Iran", "Houthis ally_of Turkey", "Somalia ally_of Houthis"}},
    {"a group noun with no apposition is nobody",
     "ووقعت اليابان اتفاقا مع الدول الكبرى في طوكيو.",
     {}, {"Japan signed_agreement_with Tokyo"}},
    {"«بين» after the treaty and its date; the signatories are its parties",
     "وأبرمت معاهدة حظر الانتشار النووي عام 1968 بين الولايات المتحدة والاتحاد السوفيتي وبريطانيا.",
     {"United States signed_agreement_with Soviet Union", "United States member_of NPT", "Soviet Union member_of NPT",
      "United Kingdom member_of NPT"},
     {}},
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
    {"a subject before the verb: the enumeration after it is the object",
     "والرئيس الفرنسي إيمانويل ماكرون التقى أولاف شولتس وجورجيا ميلوني في روما.",
     {"Emmanuel Macron met_with Olaf Scholz", "Emmanuel Macron met_with Giorgia Meloni"},
     {"Olaf Scholz met_with Giorgia Meloni"}},
    {"a preposition after the enumeration introduces the other party",
     "وجاء لقاء أولاف شولتس وجورجيا ميلوني مع الرئيس الفرنسي إيمانويل ماكرون في روما.",
     {"Olaf Scholz met_with Emmanuel Macron", "Giorgia Meloni met_with Emmanuel Macron"},
     {"Olaf Scholz met_with Giorgia Meloni"}},
    {"the speaker of a statement is not the actor",
     "وأكد وزير الخارجية الفرنسي جان إيف لودريان أن هجوم القوات السورية على إدلب سيكون كارثة.",
     {}, {"Jean-Yves Le Drian attacked Idlib"}},
    {"the members in an apposition after their description",
     "وتضم منظمة شنغهاي للتعاون، وهي تكتل إقليمي واسع، (الصين وروسيا والهند).",
     {"China member_of Shanghai Cooperation Organisation", "Russia member_of Shanghai Cooperation Organisation",
      "India member_of Shanghai Cooperation Organisation"}, {}},
    {"a description between the body and its members is read as a clause of its own",
     "وتضم منظمة شنغهاي للتعاون، الدول الأعضاء في منظمة معاهدة الأمن الجماعي، (روسيا، كازاخستان، قيرغيزستان)، إلى جانب الصين.",
     {"Kazakhstan member_of CSTO", "Russia member_of CSTO", "China member_of Shanghai Cooperation Organisation"},
     {"China member_of CSTO"}},
    {"two parties named by nisbas after a dual noun",
     "ووقعت اتفاقيات عسكرية بين الحكومتين المصرية والأردنية.",
     {"Egypt signed_agreement_with Jordan"}, {}},
    {"a target's nisba is the object, never the agent",
     "وردت إسرائيل بقصف عشرات الأهداف الإيرانية في سوريا.",
     {"Israel attacked Iran", "Israel attacked Syria"}, {"Iran attacked Syria", "Iran attacked Israel"}},
    {"«الاتفاق» refers back to the one treaty the article named",
     "ووقعت الدول على معاهدة عدم انتشار الأسلحة النووية. وانسحبت كوريا الشمالية من الاتفاقية لاحقا.",
     {"North Korea withdrew_from NPT"}, {}},
    {"not when the article named several treaties",
     "وناقش الوزراء معاهدة عدم انتشار الأسلحة النووية ومعاهدة نيو ستارت. وانسحبت روسيا من المعاهدة.",
     {}, {"Russia withdrew_from NPT", "Russia withdrew_from New START"}},
    {"«البلدين» are the last two states the article named",
     "وتحدث مسؤولون في اليابان والهند عن الاقتصاد. وأكد الرئيسان أهمية التعاون العسكري بين البلدين.",
     {"Japan cooperates_with India"}, {}},
    {"a name inside a hashtag",
     "وقال وزير الخارجية الأمريكي #أنتوني_بلينكن إن بلاده ستدعم الحلفاء.",
     {"Antony Blinken official_of United States"}, {}},
    {"an agreement signed between two parties, a date between",
     "وتشمل الاتفاقيات العسكرية الموقعة منذ العام 2015 بين الحكومتين التركية والقطرية إقامة قاعدة.",
     {"Qatar signed_agreement_with Turkey"}, {}},
    {"«بين X من جهة و Y و Z»: two sides, not every member with every other",
     "وانتقد الاتفاق الموقع في 2015 بين طهران من جهة وبريطانيا والصين وفرنسا من جهة أخرى.",
     {"Iran signed_agreement_with United Kingdom", "China signed_agreement_with Iran"},
     {"China signed_agreement_with United Kingdom"}},
    {"members named after «بين» a body and a comma are not its partners",
     "وانتقد الاتفاق المبرم بين القوى الست الكبرى، بريطانيا والصين وفرنسا، وإيران.",
     {}, {"China signed_agreement_with United Kingdom"}},
    {"a party after «و» and a preposition is no party of «بين»",
     "ورحب الوزير بالاتفاق بين ترامب وكيم في سنغافورة.",
     {}, {"Donald Trump signed_agreement_with Singapore"}},
    {"the agreement of «بين» is the noun right before it, not one further away",
     "وأدى الاتفاق إلى تهدئة التوتر بين إسرائيل وإيران.",
     {}, {"Iran signed_agreement_with Israel"}},
};

struct ModalityCase {
  const char* cue;
  const char* sentence;
  const char* fact;  // found, but not as a plain fact
};

const ModalityCase kModalityCases[] = {
    {"an expectation", "ومن المتوقع أن تنضم السويد إلى حلف شمال الأطلسي.", "Sweden member_of NATO"},
    {"a pledge", "وتعهدت ألمانيا بتسليم أسلحة إلى أوكرانيا.", "Germany supplied_weapons_to Ukraine"},
    {"a threat", "وهددت تركيا بالانسحاب من حلف شمال الأطلسي.", "Turkey withdrew_from NATO"},
    {"the date of a meeting being set",
     "وقال الرئيس الفرنسي إيمانويل ماكرون إنه حدد موعد لقائه مع المستشار الألماني أولاف شولتس.",
     "Emmanuel Macron met_with Olaf Scholz"},
    {"a present-tense verb with an adverb of time to come",
     "ويلتقي الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس قريبا.",
     "Emmanuel Macron met_with Olaf Scholz"},
    {"a warning of the consequences", "وحذرت المستشارة الألمانية أنغيلا ميركل ترامب من مغبة الانسحاب من الاتفاق النووي.",
     "United States withdrew_from JCPOA"},
    {"a purpose with ل", "وتوجه الرئيس الفرنسي إيمانويل ماكرون إلى برلين لإجراء محادثات مع المستشار الألماني أولاف شولتس.",
     "Emmanuel Macron met_with Olaf Scholz"},
    {"a purpose", "وتوجه الرئيس الفرنسي إيمانويل ماكرون إلى برلين من أجل لقاء المستشار الألماني أولاف شولتس.",
     "Emmanuel Macron met_with Olaf Scholz"},
    {"the future prefix after a conjunction",
     "وسيلتقي الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني أولاف شولتس في برلين.",
     "Emmanuel Macron met_with Olaf Scholz"},
    {"readiness with a possessive", "وأبدت السعودية استعدادها للتعاون مع تركيا في التحقيق.",
     "Saudi Arabia cooperates_with Turkey"},
    {"a possibility", "وتحدثت الصحف عن إمكانية إبرام اتفاقيات بين السعودية وبريطانيا.",
     "Saudi Arabia signed_agreement_with United Kingdom"},
    {"a condition reaches its consequence across a comma",
     "وقال الوزير إنه إذا تم تحرير الميناء، سيكون هناك تعاون بين السعودية واليمن في إدارته.",
     "Saudi Arabia cooperates_with Yemen"},
    {"an intention", "وأعلن الوزير عزم روسيا تسليم منظومة دفاع جوي متقدمة إلى سوريا.", "Russia supplied_weapons_to Syria"},
    {"a hope", "وقال الرئيس الفرنسي إنه يأمل بأن يوقع الرئيس الأمريكي دونالد ترامب اتفاقا جديدا مع إيران.",
     "Donald Trump signed_agreement_with Iran"},
    {"a dual of intention", "وتعتزم فرنسا وألمانيا توقيع اتفاق مع اليابان.", "France signed_agreement_with Japan"},
    {"an adjective of time to come after the verbal noun",
     "وتحدث البيان عن اللقاء المرتقب بين الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني أولاف شولتس.",
     "Emmanuel Macron met_with Olaf Scholz"},
};

TEST(Arguments, AnAttributiveParticipleIsOutsideTheModalityOfItsClause) {
  auto f = facts_of("وطلب رئيس المجلس الأوروبي من الدول الأوروبية الموقعة على الاتفاق النووي، بريطانيا وفرنسا وألمانيا، "
                    "أن تعرض تقييمها.");
  EXPECT_TRUE(f.plain.count("France member_of JCPOA"));
  EXPECT_TRUE(f.plain.count("Germany member_of JCPOA"));
  // Negation right before the participle still holds.
  const char* kStates = "، الهند وباكستان وإسرائيل، إلى الحوار.";
  auto signed_it = facts_of(std::string("ودعت الوكالة الدول الثلاث الموقعة على معاهدة عدم انتشار الأسلحة النووية") + kStates);
  EXPECT_TRUE(signed_it.plain.count("India member_of NPT"));
  auto not_signed = facts_of(std::string("ودعت الوكالة الدول الثلاث غير الموقعة على معاهدة عدم انتشار الأسلحة النووية") + kStates);
  EXPECT_FALSE(not_signed.plain.count("India member_of NPT"));
  EXPECT_FALSE(not_signed.hypothetical.count("India member_of NPT"));
}

TEST(Arguments, ModalityCuesKeepTheFactOutOfThePlainFacts) {
  for (const ModalityCase& c : kModalityCases) {
    auto f = facts_of(c.sentence);
    EXPECT_FALSE(f.plain.count(c.fact)) << c.cue;
    EXPECT_TRUE(f.hypothetical.count(c.fact)) << c.cue;
  }
}

TEST(Arguments, ADateAfterTheArticlesIsAPlan) {
  auto plan = facts_of("وتزور المستشارة الألمانية أنغيلا ميركل الصين في مايو 2019.", "2018-03-15");
  ASSERT_TRUE(plan.hypothetical.count("Angela Merkel visited China"));
  EXPECT_EQ(plan.attrs["Angela Merkel visited China"]["planned_for"], "2019-05");
  auto past = facts_of("وزارت المستشارة الألمانية أنغيلا ميركل الصين في مايو 2017.", "2018-03-15");
  EXPECT_TRUE(past.plain.count("Angela Merkel visited China"));
  EXPECT_FALSE(past.attrs["Angela Merkel visited China"].count("planned_for"));
  // An office named in the sentence is held now, whatever the sentence plans.
  EXPECT_TRUE(plan.plain.count("Angela Merkel leader_of Germany"));
}

TEST(Arguments, EachConstructionGivesItsFacts) {
  test_support::check_constructions(kArgumentCases);
}

}  // namespace
}  // namespace rawabit::extract
