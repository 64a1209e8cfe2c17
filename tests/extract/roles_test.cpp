// Role constructions beyond «TITLE NISBA NAME», on sentences written for this test: each case
// names the facts its sentence must give, and facts it must not give.
#include <gtest/gtest.h>

#include "fact_strings.hpp"

namespace rawabit::extract {
namespace {

using test_support::facts_of;

const std::vector<test_support::ConstructionCase> kRoleCases = {
    {"... also the counterpart of the sentence's topic, after a comma closed what the topic said",
     "وأكد الرئيس الروسي فلاديمير بوتين أن بلاده لن تبتلع بيلاروس، داعيا إلى تعزيز العلاقات اثر محادثات مع نظيره ألكسندر لوكاشنكو.",
     {"Alexander Lukashenko leader_of Belarus"}, {}},
    {"a counterpart who names no state holds the office the office table gives him",
     "والتقى الرئيس الروسي فلاديمير بوتين نظيره ألكسندر لوكاشنكو في مينسك.",
     {"Alexander Lukashenko leader_of Belarus", "Alexander Lukashenko met_with Vladimir Putin"}, {}},
    {"a representative of a body is its official",
     "وقال ممثل منظمة الصحة العالمية في اليمن نيفيو زاغاريا إن الوباء ينتشر.",
     {"نيفيو زاغاريا official_of World Health Organization"}, {}},
    {"... but «الممثلة» before a nisba is an actress",
     "وفازت الممثلة الأسترالية كايت بلانشيت بالجائزة.",
     {}, {"كايت بلانشيت official_of Australia"}},
    {"a title with the conjunction و joins another person, it describes no name before it",
     "وشب خلاف بين المستشارة الألمانية أنغيلا ميركل، ورئيس الوزراء المجري، فيكتور أوربان، بشأن اللاجئين.",
     {"Angela Merkel leader_of Germany", "Viktor Orbán leader_of Hungary"}, {"Angela Merkel leader_of Hungary"}},
    {"the spokesman of an administrative division is its official",
     "وقال عطا الله خوجاني، المتحدث باسم إقليم ننكرهار، إن الهجوم أوقع قتلى.",
     {"عطا الله خوجاني official_of Nangarhar"}, {}},
    {"a club named after a city is no place with officials",
     "وقال ليونيل ميسي، قائد برشلونة، إن الفريق جاهز.",
     {}, {"ليونيل ميسي official_of Barcelona"}},
    {"a part of the day before a day ends the name after a title",
     "واستقبل الرئيس الكيني أوهورو كينياتا صباح الأحد الوفد الإثيوبي.",
     {"أوهورو كينياتا leader_of Kenya"}, {"أوهورو كينياتا صباح leader_of Kenya"}},
    {"«الحاكم» after a definite noun is the adjective «ruling»",
     "ورفض زعيم حزب المحافظين الحاكم في بريطانيا، براندون لويس، هذه التصريحات.",
     {}, {"براندون لويس leader_of United Kingdom"}},
    {"an adviser at an organization is no chancellor",
     "وغردت المستشارة في البيت الأبيض إيفانكا ترامب عبر حسابها.",
     {}, {"إيفانكا ترامب leader_of White House"}},
    {"a senior figure of a movement is its official",
     "وقال القيادي في حركة حماس إسماعيل رضوان إن الحصار سينتهي.",
     {"إسماعيل رضوان official_of Hamas"}, {}},
    {"... never a state's",
     "وقال القيادي السوري الكردي صالح مسلم إن الحوار ممكن.",
     {}, {"صالح مسلم official_of Syria"}},
    {"a title that names its body by itself, after a party adjective",
     "وقال السيناتور الجمهوري ماركو روبيو إن الاتفاق سيئ.",
     {"Marco Rubio official_of US Senate"}, {}},
    {"... unless a nisba names another state",
     "وقال السيناتور الفرنسي جان بيير إن الحل ممكن.",
     {"جان بيير official_of France"}, {"جان بيير official_of US Senate"}},
    {"a member of a body named right after «عضو»",
     "وقال عضو مجلس الشيوخ الأمريكي جون ماكين إن الاتفاق سيئ.",
     {"جون ماكين official_of US Senate"}, {}},
    {"«عضو في» is membership, no office: the state stays a member",
     "وتعد إيران، وهي عضو في منظمة أوبك، من كبار المنتجين.",
     {"Iran member_of OPEC"}, {}},
    {"the name after a second comma holds the title inside the first one",
     "وكشف مايك بنس، نائب الرئيس الأمريكي، دونالد ترامب، الخميس، عن موعد تدشين القوة.",
     {"Mike Pence official_of United States", "Donald Trump leader_of United States"},
     {"Donald Trump official_of United States"}},
    {"«مستشار» before a known person is their adviser, not a chancellor",
     "وقال مستشار ترامب إن الإدارة ستدرس الأمر.",
     {}, {"Donald Trump leader_of United States"}},
    {"after an indefinite title a definite word is a genitive, not an adjective",
     "ووقع قائد المنتخب الإسرائيلي ناتخو عقدا مع نادي أولمبياكوس.",
     {}, {"ناتخو official_of Israel"}},
    {"a definite title keeps its adjective",
     "وقال الرئيس الأمريكي المنتخب دونالد ترامب إن بلاده ستتغير.",
     {"Donald Trump leader_of United States"}, {}},
    {"a person after «باسم» is the one spoken for, not the spokesman",
     "ونفى ديفيد كييس، وهو أحد المتحدثين باسم نتنياهو، صحة التقرير.",
     {}, {"Benjamin Netanyahu official_of Israel"}},
    {"a family name that is also a common word stays in the name the tagger reads",
     "وقال الكاتب في صحيفة واشنطن بوست جمال خاشقجي إن بلاده تغيرت.",
     {"جمال خاشقجي affiliated_with The Washington Post"}, {"جمال affiliated_with The Washington Post"}},
    {"an official named after «المسؤول» and a nisba",
     "وقال المسؤول الروسي سيرغي ريابكوف إن المحادثات جيدة.",
     {"Sergei Ryabkov official_of Russia"}, {}},
    {"taking the presidency of a state",
     "وتولى جمال عبد الناصر رئاسة جمهورية مصر العربية عام 1956.",
     {"Gamal Abdel Nasser leader_of Egypt"}, {}},
    {"receiving is not taking office",
     "وتسلم الرئيس الأمريكي جو بايدن رسالة من مصر.",
     {}, {"Joe Biden leader_of Egypt"}},
    {"after a noun of kinship, a name that is not the holder's is the relative's",
     "وزارت زوجة الرئيس الأمريكي ميلانيا ترامب مستشفى للأطفال.",
     {}, {"Melania Trump leader_of United States"}},
    {"after a noun of kinship, the holder's name is a genitive, not an argument",
     "وزار صهر الرئيس الأمريكي دونالد ترامب العاصمة الأردنية عمان.",
     {"Donald Trump leader_of United States"}, {"Donald Trump visited Amman"}},
    {"a state in the genitive after a construct title",
     "وقالت وزيرة خارجية ألمانيا أنالينا بيربوك إن الحوار مستمر.",
     {"Annalena Baerbock official_of Germany"}, {}},
    {"construct prime minister",
     "واستقبل رئيس وزراء إيطاليا جورجيا ميلوني في روما.",
     {}, {"Giorgia Meloni official_of Italy"}},
    {"a feminine title made from the masculine row",
     "وأعلنت رئيسة وزراء إيطاليا جورجيا ميلوني دعمها للخطة.",
     {"Giorgia Meloni leader_of Italy"}, {}},
    {"a feminine title with a nisba",
     "وقالت وزيرة الخارجية الفرنسية كاترين كولونا إن باريس قلقة.",
     {"Catherine Colonna official_of France"}, {}},
    {"post-positive apposition with a comma",
     "وصرح أنتوني بلينكن، وزير خارجية الولايات المتحدة، بأن المحادثات بناءة.",
     {"Antony Blinken official_of United States"}, {}},
    {"post-positive apposition with a nisba",
     "وقال ريشي سوناك، رئيس الوزراء البريطاني، إن بلاده ستواصل الدعم.",
     {"Rishi Sunak leader_of United Kingdom"}, {}},
    {"apposition opened by وهو",
     "وصل ينس ستولتنبرغ -وهو الأمين العام لحلف شمال الأطلسي- إلى العاصمة.",
     {"Jens Stoltenberg leader_of NATO"}, {}},
    {"a dual title distributed over two nisbas",
     "وعقد الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان قمة في سوتشي.",
     {"Vladimir Putin leader_of Russia", "Recep Tayyip Erdoğan leader_of Turkey"},
     {"Recep Tayyip Erdoğan leader_of Russia"}},
    {"a plural title distributed over three nisbas",
     "واجتمع وزراء الخارجية الروسي سيرغي لافروف والتركي هاكان فيدان والإيراني عباس عراقجي.",
     {"Sergei Lavrov official_of Russia", "Hakan Fidan official_of Turkey"}, {}},
    {"an envoy posted to an organization serves the sending state",
     "وقال سفير روسيا لدى الأمم المتحدة فاسيلي نيبينزيا إن القرار منحاز.",
     {"Vasily Nebenzya official_of Russia"}, {"Vasily Nebenzya official_of United Nations"}},
    {"an envoy with a nisba, posted with a proclitic",
     "وحذرت السفيرة الأمريكية بالأمم المتحدة ليندا توماس غرينفيلد من التصعيد.",
     {"Linda Thomas-Greenfield official_of United States"}, {}},
    {"a two-word nisba",
     "وأشرف الزعيم الكوري الشمالي كيم جونغ أون على التجربة.",
     {"Kim Jong-un leader_of North Korea"}, {"Kim Jong-un leader_of South Korea"}},
    {"a title between two commas describes the name before it",
     "وقال مايك بنس، نائب الرئيس الأمريكي، دونالد ترامب إن المفاوضات انتهت.",
     {"Mike Pence official_of United States"}, {"Donald Trump official_of United States"}},
    {"a minister's portfolio before the state",
     "وقال وزير الخزانة البريطاني ريشي سوناك إن الضرائب سترتفع.",
     {"Rishi Sunak official_of United Kingdom"}, {}},
    {"a title word that begins a known name",
     "وحظي ولي العهد السعودي الأمير محمد بن سلمان باستقبال حافل.",
     {"Mohammed bin Salman official_of Saudi Arabia"}, {}},
    {"a capital stands for its state in an office",
     "وقالت سفيرة واشنطن بالأمم المتحدة ليندا توماس غرينفيلد إن القرار خاطئ.",
     {"Linda Thomas-Greenfield official_of United States"}, {}},
    {"a modifier between the title and its state",
     "وأعلن رئيس الوزراء الإيطالي المكلف جوزيبي كونتي تشكيل الحكومة.",
     {"Giuseppe Conte leader_of Italy"}, {}},
    {"the head of the council of ministers is the prime minister",
     "وقال رئيس مجلس الوزراء الإيطالي جوزيبي كونتي إن الحكومة مستقرة.",
     {"Giuseppe Conte leader_of Italy"}, {"Giuseppe Conte official_of Italy"}},
    {"the United Nations as a nisba",
     "وقال المبعوث الأممي أنطونيو غوتيريش إن الهدنة صامدة.",
     {"António Guterres official_of United Nations"}, {}},
};

TEST(Roles, EachConstructionGivesItsFacts) {
  test_support::check_constructions(kRoleCases);
}

TEST(Roles, KnownOfficeHoldersResolveATitleWithoutAState) {
  auto current = facts_of("وقالت رئيسة الوزراء تيريزا ماي إن الحكومة ستواصل المفاوضات.", "2018-03-10");
  EXPECT_TRUE(current.plain.count("Theresa May leader_of United Kingdom"));
  EXPECT_FALSE(current.attrs["Theresa May leader_of United Kingdom"].count("former"));
  auto past = facts_of("وقالت رئيسة الوزراء تيريزا ماي إن الحكومة ستواصل المفاوضات.", "2023-03-10");
  ASSERT_TRUE(past.plain.count("Theresa May leader_of United Kingdom"));
  EXPECT_EQ(past.attrs["Theresa May leader_of United Kingdom"]["former"], "true");
  // The title must fit the office: a president is no minister.
  auto wrong = facts_of("وقال الوزير تيريزا ماي إن الحكومة ستواصل المفاوضات.", "2018-03-10");
  EXPECT_FALSE(wrong.plain.count("Theresa May official_of United Kingdom"));
}

TEST(Roles, FormerOfficeIsAnAttribute) {
  const char* cases[] = {"وقال وزير الخارجية الأمريكي السابق جون كيري إن الاتفاق صمد.",
                         "وكان جون كيري، وزير الخارجية الأمريكي آنذاك، قد وقع الاتفاق.",
                         "ووقع وزير الخارجية الأمريكي آنذاك جون كيري الاتفاق."};
  for (const char* sentence : cases) {
    auto f = facts_of(sentence);
    ASSERT_TRUE(f.plain.count("John Kerry official_of United States")) << sentence;
    EXPECT_EQ(f.attrs["John Kerry official_of United States"]["former"], "true") << sentence;
  }
  auto current = facts_of("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن الاتفاق صمد.");
  EXPECT_FALSE(current.attrs["Antony Blinken official_of United States"].count("former"));
}

}  // namespace
}  // namespace rawabit::extract
