// Who acts: a title that names nobody stands for the person the article gave that office to
// before; the agent of an attack is never its object; whoever reacts to an act or reports it is
// not its agent. Sentences written for this test.
#include <gtest/gtest.h>

#include "fact_strings.hpp"

namespace rawabit::extract {
namespace {

using test_support::facts_of;

const std::vector<test_support::ConstructionCase> kCases = {
    {"a title alone stands for the person an earlier sentence gave it to",
     "وقال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار. وزار الرئيس الروسي العاصمة الصينية بكين.",
     {"Vladimir Putin visited Beijing"}, {"Russia visited Beijing"}},
    {"a title alone with no earlier holder is nobody",
     "وزار الرئيس الروسي العاصمة الصينية بكين.",
     {}, {"Vladimir Putin visited Beijing"}},
    {"a former holder is another person",
     "وقال الرئيس الأمريكي جو بايدن إن بلاده ستدعم أوكرانيا. وزار الرئيس الأمريكي السابق العاصمة العراقية بغداد.",
     {}, {"Joe Biden visited Baghdad"}},
    {"the holder is found in an earlier sentence only, not a later one",
     "وزار الرئيس الروسي العاصمة الصينية بكين. وقال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة للحوار.",
     {}, {"Vladimir Putin visited Beijing"}},
    {"a plural verbal noun of attack with its nisba agent",
     "وأدانت الجامعة العربية الهجمات الإسرائيلية على غزة.",
     {"Israel attacked Gaza Strip"}, {}},
    {"a verb of attack takes a direct object",
     "وهاجمت القوات الروسية مدينة خاركيف فجر اليوم.",
     {"Russia attacked Kharkiv"}, {}},
    {"the direct object before a place named with «في»",
     "وقصفت إسرائيل عشرات الأهداف الإيرانية في سوريا.",
     {"Israel attacked Iran"}, {}},
    {"an invasion's nisba is its agent, the state after «ل» its object",
     "وقالت فرنسا إن الغزو الأمريكي للعراق كان خطأ.",
     {"United States attacked Iraq"}, {"Iraq attacked United States"}},
    {"the agent of an attack is never its object",
     "وتعرضت أوكرانيا منذ بدء الغزو الروسي لهجمات جوية متكررة.",
     {}, {"Ukraine attacked Russia"}},
    {"the subject of a verb of reaction is not the agent of the act it condemns",
     "وأدانت مصر الهجمات الإسرائيلية على قطاع غزة.",
     {"Israel attacked Gaza Strip"}, {"Egypt attacked Gaza Strip"}},
    {"... nor when the verb follows the subject",
     "والأردن يدين الغارات الإسرائيلية على سوريا.",
     {"Israel attacked Syria"}, {"Jordan attacked Syria"}},
    {"a verb of reaction apart from the act leaves its subject the agent",
     "ورحب وزير الدفاع البريطاني بن والاس خلال زيارة لإستونيا بالدعم.",
     {"Ben Wallace visited Estonia"}, {}},
    {"the speaker is not the topic of what is reported",
     "وأشار وزير الخارجية الأردني أيمن الصفدي إلى أن لقاء كوشنر ونتانياهو تناول الأمن.",
     {}, {"Ayman Safadi met_with Jared Kushner"}},
    {"«بلاده» is the state of the person named before it, by the office table",
     "وأعلن ترامب انسحاب بلاده من الاتفاق النووي.",
     {"United States withdrew_from JCPOA"}, {}},
    {"«بلاده» is the state of the person named before it, by their title",
     "وقال وزير الخارجية الكندي إن بلاده ستنضم إلى التحالف. وأعلنت وزيرة الخارجية الكندية ميلاني جولي انضمام بلادها إلى حلف الناتو.",
     {"Canada member_of NATO"}, {}},
    {"«بلاده» with no person before it is nobody",
     "وأعلن انسحاب بلاده من الاتفاق النووي.",
     {}, {"United States withdrew_from JCPOA"}},
    {"a pronoun suffix on a verbal noun refers to the person named before it",
     "وتحدث بومبيو للصحفيين في الطائرة، عن زيارتيه إلى كوريا الشمالية والصين.",
     {"Mike Pompeo visited North Korea", "Mike Pompeo visited China"}, {}},
    {"... but not across reported speech",
     "وقال بوتين إن الوفد، خلال زيارته إلى بكين، وقع اتفاقا.",
     {}, {"Vladimir Putin visited Beijing"}},
    {"allies named by plural nisbas after «حلفاؤها»",
     "وحذرت واشنطن الحكومة السورية وحلفاءها الروس والإيرانيين.",
     {"Russia ally_of Syria", "Iran ally_of Syria"}, {}},
    {"allies «in» an organization are not allied with it",
     "واجتمع بوتين مع حلفائه في منظمة معاهدة الأمن الجماعي.",
     {}, {"CSTO ally_of Vladimir Putin"}},
    {"a head of state acts for the state as the subject of a state's act",
     "وجاء انسحاب ترامب من الاتفاق النووي بعد أشهر من التهديد.",
     {"United States withdrew_from JCPOA"}, {}},
    {"... but a head of state as an object is the person",
     "وأرسل رئيس قيرغيزستان طلبا عبر ألكسندر لوكاشينكو لإرسال قوات.",
     {}, {"Kyrgyzstan requested_help_from Belarus"}},
    {"supporters are allies; a regime's nisba acts for its state, after a proclitic too",
     "وترعى روسيا وإيران الداعمتان للنظام السوري المحادثات.",
     {"Russia ally_of Syria", "Iran ally_of Syria"}, {"Iran ally_of Russia"}},
    {"a comma and «و» before a name that a trigger follows begin a clause, not a list member",
     "وترعى روسيا الداعمة للنظام السوري، وتركيا الداعمة للمعارضة، المحادثات.",
     {"Russia ally_of Syria"}, {"Russia ally_of Turkey"}},
    {"a nisba governed through its noun is no subject",
     "وقدمت مصر الدعم للحكومة اليمنية المعترف بها دوليا، وأعلنت تعليق هجومها على الحديدة.",
     {}, {"Yemen attacked Hodeidah"}},
    {"a stopover is a visit",
     "وتوقف الرئيس الفرنسي إيمانويل ماكرون في النمسا خلال جولته.",
     {"Emmanuel Macron visited Austria"}, {}},
};

TEST(Agents, ConstructionsGiveTheirFacts) { test_support::check_constructions(kCases); }

}  // namespace
}  // namespace rawabit::extract
