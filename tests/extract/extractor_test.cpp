// Entity and relation rules on sentences written for these tests (not taken from the seeds).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "common/paths.hpp"
#include "extract/pipeline.hpp"
#include "lexicon/lexicon.hpp"

namespace rawabit::extract {
namespace {

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(schema_dir());
  return l;
}

struct Result {
  text::Document doc;
  Annotations ann;
};

Result run(const std::string& s, const std::string& date = "") {
  static const Extractor extractor(lex(), schema_dir());
  Result r;
  r.doc.text = s;
  r.doc.date = date;
  text::analyze_text(r.doc);
  r.ann = extractor.run(r.doc);
  return r;
}

// TokenFacts answers what the lexicon calls it stands for would, for every token.
TEST(TokenFacts, AnswersAsTheLexiconDoes) {
  text::Document doc;
  doc.text = "قال الرئيس الروسي فلاديمير بوتين، إن القوات الروسية والبيلاروسية ستجري مناورات. "
             "وأكد وزير الدفاع السابق في كلمة له أن هذا ليس جديدا.";
  text::analyze_text(doc);
  const WordClasses classes(lex());
  const TokenFacts facts(doc, lex(), classes);
  size_t titles = 0, nisbas = 0;
  for (const text::Sentence& s : doc.sentences) {
    for (size_t t = s.first_token; t < s.end_token; ++t) {
      std::string_view w = doc.word(t);
      EXPECT_EQ(facts.nisba(t), lex().nisba.lookup(w)) << w;
      EXPECT_EQ(facts.common(t), lex().common_words.contains(w)) << w;
      EXPECT_EQ(facts.function_word(t), lex().function_words.contains(w)) << w;
      EXPECT_EQ(facts.modifier(t), lex().modifiers.contains(w)) << w;
      auto expected = lex().roles.titles().longest_at(doc, t, s.end_token);
      auto title = facts.title(t);
      ASSERT_EQ(title.has_value(), expected.has_value()) << w;
      if (title) {
        EXPECT_EQ(title->end_token, expected->end_token) << w;
        EXPECT_EQ(title->value, expected->value) << w;
      }
      titles += title.has_value();
      nisbas += facts.nisba(t).has_value();
    }
  }
  EXPECT_GE(titles, 2u);  // الرئيس, وزير الدفاع
  EXPECT_GE(nisbas, 3u);  // الروسي, الروسية, والبيلاروسية
}

std::set<std::string> facts_of(const Result& r) {
  std::set<std::string> out;
  for (const Fact& f : r.ann.facts) {
    std::string modality;
    for (const auto& [k, v] : f.attrs)
      if (k == "modality") modality = " (" + v + ")";
    out.insert(r.ann.entities[f.subject].name + " " + f.predicate + " " + r.ann.entities[f.object].name + modality);
  }
  return out;
}

std::vector<std::string> surfaces_of(const Result& r, const std::string& entity) {
  std::vector<std::string> out;
  for (const Mention& m : r.ann.mentions)
    if (r.ann.entities[m.entity].name == entity) out.push_back(r.doc.text.substr(m.begin, m.end - m.begin));
  return out;
}

// The types of the entities named `name` that have mentions.
std::set<EntityType> types_of(const Result& r, std::string_view name) {
  std::set<EntityType> types;
  for (const Mention& m : r.ann.mentions)
    if (r.ann.entities[m.entity].name == name) types.insert(r.ann.entities[m.entity].type);
  return types;
}

// The names of the document's entities (of one type, if given), with mentions or not.
std::set<std::string> names_of(const Result& r, std::optional<EntityType> type = std::nullopt) {
  std::set<std::string> names;
  for (const Entity& e : r.ann.entities)
    if (!type || e.type == *type) names.insert(e.name);
  return names;
}

TEST(Entities, CliticsStayOutsideTheSpan) {
  Result r = run("وجّه الوفد رسالة لروسيا وللكرملين وبالصين.");
  EXPECT_EQ(surfaces_of(r, "Russia"), std::vector<std::string>{"روسيا"});
  EXPECT_EQ(surfaces_of(r, "Kremlin"), std::vector<std::string>{"كرملين"});
  EXPECT_EQ(surfaces_of(r, "China"), std::vector<std::string>{"الصين"});
}

TEST(Entities, SpanPointsIntoTheOriginalDespiteDiacritics) {
  Result r = run("زارَ الرئيـــسُ مِينسْك");
  auto s = surfaces_of(r, "Minsk");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], "مِينسْك");
}

TEST(Entities, AWeaponNamedByACommonWordNeedsItsNoun) {
  // «شاهد» is a witness; the drone is named with its noun.
  EXPECT_TRUE(surfaces_of(run("ونقلت رويترز عن شاهد عيان قوله إنه سمع انفجارات."), "Shahed").empty());
  EXPECT_EQ(surfaces_of(run("وأسقطت الدفاعات الجوية طائرات \"شاهد\" المسيرة."), "Shahed").size(), 1u);
  EXPECT_EQ(surfaces_of(run("وأطلقت روسيا مسيرات شاهد على كييف."), "Shahed").size(), 1u);
}

TEST(Entities, PersonAfterATitleIsFound) {
  Result r = run("وقال المحلل السياسي يوسف الخطيب إن الأزمة طويلة. وأضاف الخطيب أن الحل بعيد.");
  bool found = false;
  for (const Entity& e : r.ann.entities) found |= e.type == EntityType::Person && e.origin == "title";
  EXPECT_TRUE(found);
}

TEST(Entities, LaterSurnameLinksToTheFullName) {
  Result r = run("أعلن الباحث في مؤسسة كارنيغي أندريه كورتونوف موقفه. ثم قال كورتونوف إن الحرب ستطول.");
  std::set<uint32_t> persons;
  for (const Mention& m : r.ann.mentions)
    if (r.ann.entities[m.entity].type == EntityType::Person) persons.insert(m.entity);
  EXPECT_EQ(persons.size(), 1u);
  size_t mentions = std::count_if(r.ann.mentions.begin(), r.ann.mentions.end(),
                                  [&](const Mention& m) { return persons.count(m.entity); });
  EXPECT_EQ(mentions, 2u);
}

TEST(Entities, AThreeLetterSurnameLinksUnlessItBeginsNames) {
  auto persons_mentioned = [](const Result& r) {
    std::map<uint32_t, size_t> count;
    for (const Mention& m : r.ann.mentions)
      if (r.ann.entities[m.entity].type == EntityType::Person) ++count[m.entity];
    return count;
  };
  // «هوك» begins no known person's name: the later mention is the envoy's.
  auto hook = persons_mentioned(run("وقال المبعوث الأمريكي براين هوك إن المحادثات مستمرة. وكان هوك زار برلين."));
  ASSERT_EQ(hook.size(), 1u);
  EXPECT_EQ(hook.begin()->second, 2u);
  // A one-word name after a title lends its word too.
  auto official = persons_mentioned(run("وحضر المحادثات المسؤول الأميركي هوك. وقال هوك إن النتائج جيدة."));
  ASSERT_EQ(official.size(), 1u);
  EXPECT_EQ(official.begin()->second, 2u);
  // «علي» begins many: «محمد علي» lends it to nobody.
  Result ali = run("وقال الملاكم محمد علي إن المباراة صعبة. وأضاف علي أن الجمهور رائع.");
  for (const auto& [entity, n] : persons_mentioned(ali)) EXPECT_EQ(n, 1u) << ali.ann.entities[entity].name;
}

TEST(Entities, AKnownSurnameAfterAnotherFirstNameIsSomeoneElse) {
  // «خاتمي» alone is Mohammad Khatami; after «أحمد» it is Ahmad Khatami, the Friday preacher.
  EXPECT_TRUE(surfaces_of(run("وشن خطيب جمعة طهران أحمد خاتمي هجوما على واشنطن."), "Mohammad Khatami").empty());
  EXPECT_EQ(surfaces_of(run("وقال الرئيس الأسبق محمد خاتمي إن الإصلاح مستمر."), "Mohammad Khatami").size(), 1u);
  // A particle, a title with the article or a middle initial is no other first name.
  EXPECT_EQ(surfaces_of(run("ووفق البيان فإن السيسي أشاد بالجهود."), "Abdel Fattah el-Sisi").size(), 1u);
  EXPECT_EQ(surfaces_of(run("وكان قرار المشير السيسي الترشح مفاجئا."), "Abdel Fattah el-Sisi").size(), 1u);
  // The surname alone later in the document is the namesake's, unless the known person is named too.
  const std::string ahmad = "نقل التلفزيون عن رجل الدين أحمد خاتمي قوله الجمعة إن إسرائيل ستدمر. "
                            "وقال خاتمي في خطبة الجمعة إن القدرات الصاروخية ستتطور.";
  EXPECT_TRUE(surfaces_of(run(ahmad), "Mohammad Khatami").empty());
  EXPECT_EQ(surfaces_of(run("وقال الرئيس الأسبق محمد خاتمي إن الإصلاح ضروري. ورد أحمد خاتمي على الانتقادات. "
                            "وأضاف خاتمي أن الحوار مطلوب."),
                        "Mohammad Khatami")
                .size(),
            2u);
}

TEST(Entities, MisspelledSurnameAfterATitleLinksToTheKnownPerson) {
  Result r = run("وقّع رئيس بيلاروسيا لوكاشينو مرسوما جديدا.");
  EXPECT_EQ(surfaces_of(r, "Alexander Lukashenko"), std::vector<std::string>{"لوكاشينو"});
}

TEST(Entities, AFirstNameAloneDoesNotLinkAFullNameNoListKnows) {
  // بينيتو ~ بينيت (Naftali Bennett) by likeness, but the name goes on: someone else.
  Result r = run("واستذكر المقال الزعيم الإيطالي بينيتو موسوليني في سنوات الحرب.");
  EXPECT_TRUE(surfaces_of(r, "Naftali Bennett").empty());
  // A short word alone does not link by likeness either: سونغ is not سوناك.
  Result k = run("وقال وزير الدفاع الكوري الجنوبي، سونغ، إن التدريبات مستمرة.");
  EXPECT_TRUE(surfaces_of(k, "Rishi Sunak").empty());
}

struct RelationCase {
  const char* sentence;
  std::vector<std::string> expected;  // facts that must be found
  std::vector<std::string> absent;    // facts that must not be found
};

void check(const RelationCase& c) {
  auto facts = facts_of(run(c.sentence));
  for (const std::string& f : c.expected) EXPECT_TRUE(facts.count(f)) << "missing «" << f << "» in: " << c.sentence;
  for (const std::string& f : c.absent) EXPECT_FALSE(facts.count(f)) << "unexpected «" << f << "» in: " << c.sentence;
}

TEST(Entities, AMansNameAfterAPlaceHeadIsATown) {
  // The tagger reads «سيدي بلعباس» as a person; after «سيدي» the name is a town, unless «ولد»
  // makes it a man's («سيدي ولد محم»).
  Result town = run("سيدي بلعباس : تعطل الدروس في عدد من المؤسسات بعد اضراب المعلمين.\n"
                    "تعطلت الدراسة بجملة من المدارس الإبتدائية بسيدي بلعباس اليوم الجمعة بعد دخول المعلمين في اضراب.");
  EXPECT_EQ(types_of(town, "سيدي بلعباس"), std::set<EntityType>{EntityType::Location});
  Result man = run("سيدي بوزيد : تعطل الدروس في عدد من المؤسسات بعد اضراب المعلمين.\n"
                   "وقال رئيس الحزب الحاكم سيدي ولد محم للصحافيين إن المحادثات سمحت بتقدم مهم.");
  EXPECT_EQ(types_of(man, "سيدي ولد محم"), std::set<EntityType>{EntityType::Person});
}

TEST(Entities, ANounOfKinshipEndsAPersonsName) {
  Result r = run("وضريح الأميرة آليس، والدة الأمير فيليب زوج الملكة إليزابيث.");
  std::vector<std::string> persons;
  for (const Mention& m : r.ann.mentions)
    if (r.ann.entities[m.entity].type == EntityType::Person) persons.push_back(r.ann.entities[m.entity].name);
  EXPECT_NE(std::find(persons.begin(), persons.end(), "فيليب"), persons.end());
  EXPECT_EQ(std::find(persons.begin(), persons.end(), "فيليب زوج"), persons.end());
  // Nor does one begin it: «شقيق صالح» (Saleh's brother) is no name; «صالح» alone is too weak one.
  Result brother = run("هادي يعين شقيق صالح قائدا لقوات الاحتياط.\nوقال شقيق صالح إن القوات جاهزة.");
  for (const Mention& m : brother.ann.mentions)
    EXPECT_NE(brother.ann.entities[m.entity].name, "شقيق صالح");
}

TEST(Entities, AHashtagsMarksAreNotPartOfTheName) {
  // The mention keeps the text as written; the entity's name is the name.
  Result r = run("وأكد المدافع أحمد حجازي أن زميله #محمد_صلاح سيشارك في المباراة المقبلة أمام ليفربول.");
  bool found = false;
  for (const Mention& m : r.ann.mentions) {
    if (r.ann.entities[m.entity].name != "محمد صلاح") continue;
    found = true;
    EXPECT_EQ(r.doc.text.substr(m.begin, m.end - m.begin), "محمد_صلاح");
  }
  EXPECT_TRUE(found);
}

TEST(Entities, ANameNoListKnowsAfterAHeadNounIsThePlace) {
  // As «مستشفى الملك فهد» with a known person: the tagger's person after the head noun.
  struct Case {
    std::string sentence, name;
    EntityType type;
  };
  const std::vector<Case> cases = {
      {"وعلى ملعب لويجي فيراريس، استعاد نابولي نغمة الانتصارات عقب فوزه على مضيفه سامبدوريا.",
       "ملعب لويجي فيراريس", EntityType::Location},
      {"ونقل المصابون إلى مستشفى توماس جيفرسون في فيلادلفيا.", "مستشفى توماس جيفرسون",
       EntityType::Organization},
  };
  for (const Case& c : cases) {
    Result r = run(c.sentence);
    std::map<std::string, EntityType> found;
    for (const Mention& m : r.ann.mentions) found[r.ann.entities[m.entity].name] = r.ann.entities[m.entity].type;
    ASSERT_TRUE(found.count(c.name)) << c.sentence;
    EXPECT_EQ(found[c.name], c.type) << c.sentence;
    for (const auto& [name, type] : found) EXPECT_FALSE(type == EntityType::Person) << name;
  }
}

TEST(Entities, AHyphenJoinsTheTaggersTwoHalvesOfAName) {
  // The tagger reads «بيير» and «إيمريك أوباميانغ» apart, the hyphen outside both.
  for (auto [sentence, name] : {std::pair{"وسجل بيير-إيمريك أوباميانغ هدفين لأرسنال في المباراة.", "بيير-إيمريك أوباميانغ"},
                                std::pair{"وقال جان-ميشيل أولاس رئيس نادي ليون إن الفريق سيعود.", "جان-ميشيل أولاس"}}) {
    Result r = run(sentence);
    std::vector<std::string> persons;
    for (const Mention& m : r.ann.mentions)
      if (r.ann.entities[m.entity].type == EntityType::Person) persons.push_back(r.ann.entities[m.entity].name);
    EXPECT_EQ(persons, std::vector<std::string>{name}) << sentence;
  }
}

TEST(Entities, TwoPlacesSideBySideAreOnePlace) {
  // The tagger reads «خان» and «شيخون» as two places; «بمنوبة» is «ب» + the place named before.
  Result r = run("وقتل عشرات في هجوم كيماوي على بلدة خان شيخون في ريف إدلب. وقال مسؤول إن خان شيخون تعرضت "
                 "لهجوم جديد. واندلعت احتجاجات في ولاية منوبة أمس، وتجمع المحتجون في سيدي عمر بمنوبة.");
  const std::set<std::string> places = names_of(r, EntityType::Location);
  EXPECT_TRUE(places.count("خان شيخون")) << ::testing::PrintToString(places);
  EXPECT_TRUE(places.count("Manouba")) << ::testing::PrintToString(places);
  for (const std::string& name : places) {
    EXPECT_NE(name, "خان");
    EXPECT_NE(name, "شيخون");
    EXPECT_EQ(name.find("بمنوبة"), std::string::npos) << name;
  }
}

TEST(Entities, AnInstitutionNamedAfterAPlaceIsNoMentionOfThePlace) {
  Result r = run("وقال أستاذ في جامعة القاهرة إن الباحثين في معهد ماساتشوستس للتكنولوجيا نشروا الدراسة. "
                 "وتراجع مركز الإمارات في الترتيب العالمي.");
  const std::set<std::string> organizations = names_of(r, EntityType::Organization);
  EXPECT_TRUE(organizations.count("جامعة القاهرة")) << ::testing::PrintToString(organizations);
  EXPECT_TRUE(organizations.count("معهد ماساتشوستس للتكنولوجيا")) << ::testing::PrintToString(organizations);
  const std::set<std::string> places = names_of(r);
  EXPECT_FALSE(places.count("Cairo"));
  EXPECT_FALSE(places.count("Massachusetts"));
  // «مركز» + a place without a field is its rank: the state is named.
  EXPECT_TRUE(places.count("United Arab Emirates")) << ::testing::PrintToString(places);
}

TEST(Entities, AStatesInstitutionIsNamedByItsFieldAndTheStatesAdjective) {
  Result r = run("أعلنت وزارة الصحة الفلسطينية مقتل اثنين. وقالت هيئة الرياضة السعودية إن الاتحاد وافق. "
                 "وفاز الفيلم بجائزة لجنة التحكيم برئاسة الممثلة الأسترالية كيت بلانشيت.");
  std::map<std::string, std::string> stands_for;
  for (const Entity& e : r.ann.entities)
    if (e.type == EntityType::Organization && e.stands_for) stands_for[e.name] = r.ann.entities[*e.stands_for].name;
  EXPECT_EQ(stands_for["وزارة الصحة الفلسطينية"], "Palestine") << ::testing::PrintToString(stands_for);
  // The feminine nisba «السعودية» is the state's name too: the institution takes it from the state.
  EXPECT_EQ(stands_for["هيئة الرياضة السعودية"], "Saudi Arabia") << ::testing::PrintToString(stands_for);
  // «برئاسة» (chaired by) is no institution's head.
  for (const std::string& name : names_of(r, EntityType::Organization)) EXPECT_EQ(name.find("الممثلة"), std::string::npos) << name;
}

TEST(Entities, APersonsNameAfterACompanyNounNamesTheCompany) {
  Result r = run("وكان الرئيس التنفيذي لشركة توماس كوك، بيتر فانكهاوزر، زار القاهرة الأسبوع الماضي.");
  std::map<std::string, EntityType> found;
  for (const Mention& m : r.ann.mentions) found[r.ann.entities[m.entity].name] = r.ann.entities[m.entity].type;
  ASSERT_TRUE(found.count("توماس كوك"));
  EXPECT_EQ(found["توماس كوك"], EntityType::Organization);
  EXPECT_EQ(found["بيتر فانكهاوزر"], EntityType::Person);  // the person after the comma stays one
}

TEST(Entities, ArabicNamesOneSkeletonApartAreTwoPersonsAndTheirSpellingsOne) {
  // «محمد» and «محمود» share a skeleton and are two names; «عطاء» and «عطا» are one name spelled
  // two ways (native_name_words.txt lists Muhammad and Mahmoud).
  Result r = run("قال المهندس محمد حسن إن المشروع سيكتمل العام المقبل. وأكد زميله محمود حسن أن العمل بدأ. "
                 "وكتب عطاء الله خوجياني أن الأمر انتهى، ورد عطا الله خوجياني بأنه يوافق.");
  std::map<std::string, std::set<std::string>> surfaces_by_key;
  for (const Mention& m : r.ann.mentions) {
    const Entity& e = r.ann.entities[m.entity];
    if (e.type == EntityType::Person) surfaces_by_key[e.key].insert(r.doc.text.substr(m.begin, m.end - m.begin));
  }
  std::set<std::set<std::string>> groups;
  for (const auto& [key, surfaces] : surfaces_by_key) groups.insert(surfaces);
  const std::set<std::set<std::string>> expected = {
      {"محمد حسن"}, {"محمود حسن"}, {"عطاء الله خوجياني", "عطا الله خوجياني"}};
  EXPECT_EQ(groups, expected);
}

TEST(Entities, ANamesFormInAnIdiomIsNoName) {
  // «مسقط رأسه» is his birthplace; «مسقط» alone is Muscat.
  Result r = run("ومن المقرر أن يشيع جثمانه الثلاثاء في مسقط رأسه بمحافظة الغربية. "
                 "وزار الوزير مسقط الأسبوع الماضي والتقى نظيره العماني.");
  const std::vector<std::string> muscat = surfaces_of(r, "Muscat");
  ASSERT_EQ(muscat.size(), 1u);
  EXPECT_GT(r.ann.mentions.size(), 0u);
  for (const Mention& m : r.ann.mentions) {
    if (r.ann.entities[m.entity].name == "Muscat") {
      EXPECT_GT(m.begin, r.doc.text.find("وزار"));
    }
  }
}

TEST(Entities, ACityAfterAClubNounIsNoMentionOfTheCity) {
  EXPECT_TRUE(surfaces_of(run("أعلن نادي برشلونة الإسباني تمديد عقد حارسه الألماني."), "Barcelona").empty());
  EXPECT_TRUE(surfaces_of(run("وتعاقد فريق ليفربول مع عدة لاعبين أبرزهم السويسري جيردان شاكيري."), "Liverpool").empty());
  EXPECT_EQ(surfaces_of(run("وزار الرئيس برشلونة الأسبوع الماضي."), "Barcelona").size(), 1u);
  // «اتحاد» + a place is a club: the town of Ben Guerdane is named once here, by its own name.
  Result r = run("هاجم مسلحون مدينة بن قردان فجرا. وفاز اتحاد بن قردان على الترجي.");
  EXPECT_EQ(surfaces_of(r, "Ben Guerdane"), std::vector<std::string>{"بن قردان"});
  EXPECT_TRUE(names_of(r, EntityType::Person).empty());
}

TEST(Entities, ThePrepositionAmamIsNoSurname) {
  // «أمام» (before) written with its hamza is no later mention of «عادل إمام».
  Result r = run("وقال الفنان عادل إمام إنه سعيد. ومثل المتهم أمام المحكمة أمس.");
  EXPECT_EQ(surfaces_of(r, "عادل إمام"), std::vector<std::string>{"عادل إمام"});
}

TEST(Entities, TheVOfTvIsNoPreposition) {
  Result tv = run("وقالت محطة بي اف ام تي في الإخبارية إن الشرطة اعتقلت رجلا في باريس. "
                  "وأضافت بي اف ام تي في أن المشتبه به كان معروفا لدى الأجهزة الأمنية.");
  EXPECT_EQ(surfaces_of(tv, "بي اف ام تي في").size(), 2u);
  EXPECT_TRUE(surfaces_of(tv, "بي اف ام تي").empty());
  // Before a name, «في» is the preposition.
  Result in = run("وذكرت صحيفة نيويورك تايمز أن مؤسسة إي يو جي تي استخدمت 10 قرود. "
                  "وقال مولر إن الأساليب التي استخدمتها إي يو جي تي في الولايات المتحدة كانت خاطئة.");
  EXPECT_EQ(surfaces_of(in, "United States").size(), 1u);
  for (const Mention& m : in.ann.mentions) {
    EXPECT_EQ(in.doc.text.substr(m.begin, m.end - m.begin).find("تي في"), std::string::npos);
  }
}

TEST(Entities, PartnersJoinedByAndNameAFirm) {
  // «آند» (and) joins the founders' names into the firm's, which the tagger cut or took for a person.
  Result r = run("وقال واي إس شاشيدار، الشريك والمدير المنتدب لدى شركة فروست آند سوليفان، إن الانتقال سيستغرق "
                 "سنوات. وتواجه جونسون آند جونسون دعاوى قضائية.");
  EXPECT_EQ(types_of(r, "فروست آند سوليفان"), std::set<EntityType>{EntityType::Organization});
  EXPECT_EQ(types_of(r, "جونسون آند جونسون"), std::set<EntityType>{EntityType::Organization});
  EXPECT_TRUE(types_of(r, "آند سوليفان").empty());
}

TEST(Entities, AWordBeforeTheTaggersPersonIsNoPartOfATitlesName) {
  // After a title, a verb or a noun with a pronoun («يصف», «خارجيته») is no first name.
  Result r = run("الرئيس الفنزويلي يصف مايك بنس بأنه أفعى سامة. وقال وزير خارجيته ريكس تيلرسون إن الوضع خطير.");
  EXPECT_EQ(names_of(r), (std::set<std::string>{"Mike Pence", "Rex Tillerson", "Venezuela"}));  // «الفنزويلي» names its state
}

TEST(Entities, ATitleThatIsAlsoAGivenNameBeginsTheName) {
  // «سلطان» and «أمير» are given names where the tagger reads them so and nothing they rule follows.
  Result r = run("وقال سلطان أحمد بن سليم إن الموانئ تعمل. ويقدم أمير كرارة دور البطولة. "
                 "واستقبل سلطان عمان قابوس بن سعيد الوفد.");
  EXPECT_EQ(names_of(r, EntityType::Person),
            (std::set<std::string>{"سلطان أحمد بن سليم", "أمير كرارة", "Qaboos bin Said"}));
}

TEST(Entities, DualsInAgreementAreNoPerson) {
  // After a dual title, or as the tagger's name: a noun and its adjectives in the dual.
  Result r = run("قال مسؤولان إيرانيان إن طهران أرسلت أربع طائرات. وأكد مصدران دبلوماسيان أن الاجتماع تأجل.");
  EXPECT_TRUE(names_of(r, EntityType::Person).empty());
}

TEST(Entities, AStatesAdjectiveAfterAnIndefiniteTitleIsNoName) {
  Result r = run("وأوضح مسؤول روسي أن سائق السيارة كان مخمورا. وقال وزير بحريني إن الضريبة تبدأ العام المقبل.");
  EXPECT_TRUE(names_of(r, EntityType::Person).empty()) << ::testing::PrintToString(names_of(r));
}

TEST(Entities, ATitlesNameStopsBeforeABlessing) {
  // The tagger reads «عبدالله رحمه» as one name; «رحمه الله» is a blessing all the same.
  Result r = run("ومهدى من الملك عبدالله رحمه الله للحرس الملكي.");
  for (const Mention& m : r.ann.mentions) EXPECT_EQ(r.doc.text.substr(m.begin, m.end - m.begin).find("رحمه"), std::string::npos);
  EXPECT_FALSE(r.ann.mentions.empty());
}

TEST(Entities, TheAndOfAListOfNamesStaysOutOfTheNextName) {
  Result r = run("وسجل للفريق نيكوس ماتشلاس هدفين، وأليكسيس أليكسوديس وتشريستوس كوستس وثانسيس تونتزياريس هدفا لكل منهم.");
  const std::set<std::string> persons = names_of(r, EntityType::Person);
  EXPECT_TRUE(persons.count("ثانسيس تونتزياريس")) << ::testing::PrintToString(persons);
  for (const std::string& name : persons) EXPECT_FALSE(name.starts_with("و")) << name;
}

TEST(Entities, ATitleNamesNoTwoPersonsJoinedByAnd) {
  Result r = run("وتوجه وفد إلى بيونغيانغ لترتيب تفاصيل الاجتماع بين الرئيسين كيم وترامب.");
  EXPECT_EQ(names_of(r, EntityType::Person), (std::set<std::string>{"كيم", "Donald Trump"}));
}

TEST(Entities, AnOrganizationAfterLamLamTakesItsArticleBack) {
  // «للاتحاد» is «ل» + «الاتحاد»: the span leaves «لل» out, as the gazetteer's do («للأمم المتحدة»).
  Result r = run("أما شاران بورو الأمينة العامة للاتحاد النقابي الدولي فاعتبرت أن القفزة التقنية ستفقد زخمها.");
  EXPECT_EQ(surfaces_of(r, "الاتحاد النقابي الدولي"), std::vector<std::string>{"اتحاد النقابي الدولي"});
}

TEST(Entities, AHeadNounAloneIsNoName) {
  // The tagger reads «وجامعة» (and universities) as an organization: a head noun names nothing alone.
  Result r = run("أعلنت السلطات الكندية إخلاء أكثر من 60 مدرسة وجامعة بسبب مخاوف من تهديد إرهابي. "
                 "كندا : إخلاء نحو 60 مدرسة وجامعة بسبب مخاوف من \"تهديد إرهابي\"");
  EXPECT_EQ(surfaces_of(r, "Canada").size(), 1u);
  for (const Mention& m : r.ann.mentions) EXPECT_EQ(r.ann.entities[m.entity].name, "Canada");
}

TEST(Entities, AnOrganizationAfterACompanysOrClubsNounIsAnnounced) {
  Result r = run("وذكرت شركة \"هوبي لوبي\" أنها حصلت على قطع أثرية. وقالت شركة هوبي لوبي إنها ستعيدها. "
                 "وتملك هوبي لوبي أكثر من 800 متجر.");
  std::vector<std::pair<std::string, bool>> got;
  for (const Mention& m : r.ann.mentions) {
    if (r.ann.entities[m.entity].type == EntityType::Organization)
      got.emplace_back(r.doc.text.substr(m.begin, m.end - m.begin), m.announced);
  }
  const std::vector<std::pair<std::string, bool>> expected = {
      {"هوبي لوبي", true}, {"هوبي لوبي", true}, {"هوبي لوبي", false}};
  EXPECT_EQ(got, expected);
}

TEST(Entities, AnOrganizationHeadedByAnOrganizationNounIsAnnounced) {
  Result r = run("وقال باحثون في جامعة ساسيكس إن النتائج مهمة. وأضاف فريق جامعة ساسيكس أن الدراسة ستنشر قريبا.");
  size_t announced = 0;
  for (const Mention& m : r.ann.mentions) {
    ASSERT_EQ(r.ann.entities[m.entity].type, EntityType::Organization);
    EXPECT_EQ(r.doc.text.substr(m.begin, m.end - m.begin), "جامعة ساسيكس");
    announced += m.announced;
  }
  EXPECT_EQ(announced, 2u);
}

TEST(Entities, UnsureNamesNeedSupportInTheirDocument) {
  // One row per case: entity 0's type, its mentions as (sentence, how firmly the tagger read it,
  // announced), whether it is in a relation, whether its mentions stay, and whether they stay
  // weak (for the corpus to vouch for). Entity 1 has one sure mention throughout.
  enum Reading { kSure, kTentative, kUnsure };
  struct Sighting {
    uint32_t sentence;
    Reading reading;
    bool announced = false;
  };
  struct Case {
    EntityType type;
    std::vector<Sighting> mentions;
    bool in_relation;
    bool kept;
    bool weak = false;
  };
  constexpr EntityType kPer = EntityType::Person, kOrg = EntityType::Organization;
  const std::vector<Case> cases = {
      {kPer, {{0, kUnsure}}, false, false},                   // read once, unsure
      {kPer, {{0, kUnsure}, {0, kUnsure}}, false, false},     // twice in one sentence
      {kPer, {{0, kUnsure}, {3, kUnsure}}, false, true},      // in two sentences
      {kPer, {{0, kUnsure}, {2, kSure}}, false, true},        // a sure mention elsewhere
      {kPer, {{0, kUnsure}}, true, true},                     // in a relation
      {kPer, {{0, kSure}}, false, true},                      // sure
      {kPer, {{0, kTentative}}, false, true},                 // a tentative person stands
      // An organization no company's or club's noun announces, read only tentatively: weak.
      {kOrg, {{0, kUnsure}, {3, kUnsure}}, false, true, true},
      {kOrg, {{0, kTentative}}, false, true, true},
      {kOrg, {{0, kUnsure}, {3, kTentative}}, false, true, true},
      {kOrg, {{0, kTentative, true}}, false, true},               // «شركة "X"»
      {kOrg, {{0, kUnsure, true}, {3, kUnsure, true}}, false, true},  // «شركة "X"» twice
      {kOrg, {{0, kUnsure, true}, {3, kUnsure}}, false, true},        // announced once
      {kOrg, {{0, kUnsure, true}}, false, false},                     // announced, one sentence
      {kOrg, {{0, kUnsure}, {2, kSure}}, false, true},
      {kOrg, {{0, kTentative}, {2, kSure}}, false, true},
      {kOrg, {{0, kUnsure}}, true, true},
      {kOrg, {{0, kTentative}}, true, true},
  };
  for (size_t c = 0; c < cases.size(); ++c) {
    Annotations ann;
    ann.entities.resize(2);
    ann.entities[0].type = cases[c].type;
    ann.entities[1].type = EntityType::Country;
    for (const Sighting& m : cases[c].mentions) {
      ann.mentions.push_back({0, m.sentence, 0, 1, 0, 1, "tagger"});
      ann.mentions.back().unsure = m.reading == kUnsure;
      ann.mentions.back().tentative = m.reading != kSure;
      ann.mentions.back().announced = m.announced;
    }
    ann.mentions.push_back({1, 1, 0, 1, 0, 1, "gazetteer"});
    if (cases[c].in_relation) ann.facts.push_back({0, 1, "met_with", 0, 0, 1, 0.8, "", {}, "test"});
    drop_unsupported_names(ann);
    const size_t of_0 = std::count_if(ann.mentions.begin(), ann.mentions.end(), [](const Mention& m) { return m.entity == 0; });
    EXPECT_EQ(of_0, cases[c].kept ? cases[c].mentions.size() : 0u) << "case " << c;
    EXPECT_EQ(ann.mentions.size() - of_0, 1u) << "case " << c;
    for (const Mention& m : ann.mentions) EXPECT_EQ(m.weak, m.entity == 0 && cases[c].weak) << "case " << c;
    drop_weak_mentions(ann);
    const size_t firm_of_0 = std::count_if(ann.mentions.begin(), ann.mentions.end(), [](const Mention& m) { return m.entity == 0; });
    EXPECT_EQ(firm_of_0, cases[c].kept && !cases[c].weak ? cases[c].mentions.size() : 0u) << "case " << c;
  }
}

TEST(Relations, Roles) {
  const RelationCase cases[] = {
      {"صرّح الرئيس الفرنسي إيمانويل ماكرون للصحفيين.", {"Emmanuel Macron leader_of France"}, {}},
      {"قال وزير الخارجية التركي هاكان فيدان إن الحوار مستمر.", {"Hakan Fidan official_of Turkey"}, {}},
      {"أكد رئيس أوزبكستان، شوكت ميرضيائيف، دعمه للمبادرة.", {"Shavkat Mirziyoyev leader_of Uzbekistan"}, {}},
      {"وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن الرد قادم.",
       {"Maria Zakharova official_of Russian Foreign Ministry"}, {}},
      // A title that names no state: the known office holder's office (schema/lexicon/offices.tsv).
      {"وصرّح الرئيس ماكرون بأن الأمر محسوم.", {"Emmanuel Macron leader_of France"}, {}},
      {"وصرّح الوزير ماكرون بأن الأمر محسوم.", {}, {"Emmanuel Macron official_of France"}},
  };
  for (const auto& c : cases) check(c);
}

TEST(Relations, Visited) {
  const RelationCase cases[] = {
      {"بدأ الرئيس الصيني شي جين بينغ زيارة إلى موسكو.", {"Xi Jinping visited Moscow"}, {}},
      {"زار رجب طيب أردوغان العاصمة القطرية الدوحة أمس.", {"Recep Tayyip Erdoğan visited Doha"}, {}},
      {"لم يزر أردوغان الدوحة هذا العام.", {}, {"Recep Tayyip Erdoğan visited Doha"}},
      {"من المرجح أن يزور أردوغان الدوحة الشهر المقبل.", {"Recep Tayyip Erdoğan visited Doha (hypothetical)"},
       {"Recep Tayyip Erdoğan visited Doha"}},
  };
  for (const auto& c : cases) check(c);
}

TEST(Relations, MemberOfEnumeration) {
  const RelationCase cases[] = {
      {"وتضم منظمة شنغهاي للتعاون كلاً من الصين وروسيا والهند وباكستان.",
       {"China member_of Shanghai Cooperation Organisation", "Russia member_of Shanghai Cooperation Organisation",
        "India member_of Shanghai Cooperation Organisation", "Pakistan member_of Shanghai Cooperation Organisation"},
       {}},
      {"وانضمت فنلندا إلى حلف شمال الأطلسي في أبريل.", {"Finland member_of NATO"}, {}},
      {"ولم تنضم صربيا إلى الاتحاد الأوروبي بعد.", {}, {"Serbia member_of European Union"}},
  };
  for (const auto& c : cases) check(c);
}

TEST(Relations, Deployments) {
  const RelationCase cases[] = {
      {"نشرت الولايات المتحدة صواريخ متوسطة المدى في ألمانيا.", {"United States deployed_weapons_in Germany"}, {}},
      {"أرسلت تركيا قوات إلى ليبيا لدعم الحكومة.", {"Turkey deployed_troops_in Libya"}, {}},
      {"وأثار وصول جنود أمريكيين إلى بولندا جدلا.", {"United States deployed_troops_in Poland"}, {}},
      {"ونفت أنقرة أن تكون قد أرسلت قوات إلى ليبيا.", {}, {"Turkey deployed_troops_in Libya"}},
      {"نشرت الصحيفة تقريرا عن الوضع في ألمانيا.", {}, {"United States deployed_troops_in Germany"}},
  };
  for (const auto& c : cases) check(c);
}

TEST(Relations, MetWith) {
  const RelationCase cases[] = {
      {"التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الصيني وانغ يي في بكين.",
       {"Antony Blinken met_with Wang Yi"}, {}},
      {"أجرى أولاف شولتس محادثات مع إيمانويل ماكرون في باريس.", {"Emmanuel Macron met_with Olaf Scholz"}, {}},
  };
  for (const auto& c : cases) check(c);
}

TEST(Relations, EvidenceCarriesSpanConfidenceAndDate) {
  Result r = run("أرسلت تركيا قوات إلى ليبيا.", "2020-01-05");
  ASSERT_FALSE(r.ann.facts.empty());
  const Fact& f = r.ann.facts.front();
  EXPECT_EQ(r.doc.text.substr(f.begin, f.end - f.begin), "أرسلت تركيا قوات إلى ليبيا");
  EXPECT_GT(f.confidence, 0.3);
  EXPECT_LE(f.confidence, 1.0);
  EXPECT_EQ(f.date, "2020-01-05");
}

}  // namespace
}  // namespace rawabit::extract

namespace rawabit::extract {
namespace {

std::map<std::string, std::string> attrs_of(const std::string& sentence, const std::string& predicate) {
  Result r = run(sentence);
  for (const Fact& f : r.ann.facts)
    if (f.predicate == predicate) return {f.attrs.begin(), f.attrs.end()};
  return {};
}

TEST(Attributes, WeaponIsTheNamedSystemOrThePhrase) {
  EXPECT_EQ(attrs_of("أعلنت ألمانيا تسليمها منظومة باتريوت إلى بولندا.", "supplied_weapons_to")["weapon"], "Patriot");
  EXPECT_EQ(attrs_of("ونشرت الولايات المتحدة الأسلحة النووية التكتيكية في تركيا.", "deployed_weapons_in")["weapon"],
            "الأسلحة النووية التكتيكية");
}

TEST(Attributes, SinceAndUntilBoundAFact) {
  EXPECT_EQ(attrs_of("وانضمت فنلندا إلى حلف شمال الأطلسي منذ أبريل 2023.", "member_of")["since"], "2023-04");
  EXPECT_EQ(attrs_of("وظلت فرنسا عضوا في الاتحاد الأوروبي حتى عام 2030.", "member_of")["until"], "2030");
  EXPECT_FALSE(attrs_of("وانضمت فنلندا إلى حلف شمال الأطلسي في أبريل 2023.", "member_of").count("since"));
}

}  // namespace
}  // namespace rawabit::extract
