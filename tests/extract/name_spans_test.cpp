// Cleaning the tagger's name spans and linking names with evidence (issue 16), on sentences
// written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/paths.hpp"
#include "extract/name_spans.hpp"
#include "extract/pipeline.hpp"
#include "extract/sentence_view.hpp"
#include "extract/token_facts.hpp"
#include "lexicon/lexicon.hpp"
#include "text/normalize.hpp"

namespace rawabit::extract {
namespace {

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(schema_dir());
  return l;
}

text::Document analyzed(const std::string& s) {
  text::Document doc;
  doc.text = s;
  text::analyze_text(doc);
  return doc;
}

// The token of a word written in the sentence (its first occurrence).
size_t token_of(const text::Document& doc, const std::string& word) {
  std::string norm = text::normalize_form(word);
  for (size_t t = 0; t < doc.tokens.size(); ++t)
    if (doc.word(t) == norm) return t;
  ADD_FAILURE() << "no token «" << word << "»";
  return 0;
}

// One analysed sentence and the view the span rules read it through.
struct OneSentence {
  explicit OneSentence(const std::string& s)
      : doc(analyzed(s)), classes(lex()), facts(doc, lex(), classes), view(doc, 0, ann, facts) {}
  text::Document doc;
  const WordClasses classes;
  const TokenFacts facts;
  Annotations ann;
  SentenceView view;
};

std::string surface(const text::Document& doc, const NameSpan& sp) {
  auto span = doc.norm.original_span(doc.tokens[sp.first].begin + sp.stem_offset, doc.tokens[sp.end - 1].end);
  return doc.text.substr(span.begin, span.end - span.begin);
}

TEST(NameSpans, GluedProclitics) {
  struct Case {
    const char* word;
    size_t person, organization;  // bytes to strip at the start of a person's name, an organization's
  } cases[] = {
      {"ونايف", 2, 2},   // و + نايف: the corpus writes نايف far more often
      {"وهاري", 2, 2},   // و + هاري, a common word by the list (which holds names)
      {"واين", 0, 2},    // Wayne: «أين» is a common word of three letters
      {"وكريم", 2, 2},   // و + كريم, never وك + ريم
      {"وليد", 0, 0},    // a name, not ول + يد
      {"فراس", 0, 0},    // a name, not ف + راس (a common word)
      {"بجامعة", 0, 2},  // ب + جامعة: a head noun, after a preposition, begins an organization's name
      {"لجبهة", 0, 2},   // ل + جبهة: the head noun of an organization's name
      {"بوينغ", 0, 0},   // a name, not ب + وينغ
      {"فيصل", 0, 0},    // a name: ف is no preposition before a head noun
      // A rare name after و: the corpus writes the stem alone as often as with the و.
      {"وبيبسي", 2, 2},  // و + بيبسي (4 times, بيبسي 5)
      {"ونيجريا", 2, 2},
      {"وارين", 0, 0},  // Warren: a stem in ا is not read so
      {"ووهان", 0, 0},  // Wuhan: nor one in و
      // …unless the corpus writes a hamza after the و («وأوساسونا» 3 times, «أوساسونا» 4).
      {"وأوساسونا", 2, 2},
      {"وإيكونومست", 2, 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(glued_proclitic(text::normalize_form(c.word), lex(), false), c.person) << c.word;
    EXPECT_EQ(glued_proclitic(text::normalize_form(c.word), lex(), true), c.organization) << c.word;
  }
}

TEST(NameSpans, ElidedArticles) {
  EXPECT_EQ(elided_article(text::normalize_form("للاتحاد"), lex()), 4u);  // «لل»: two letters, four bytes
  EXPECT_EQ(elided_article(text::normalize_form("للبنك"), lex()), 4u);
  EXPECT_EQ(elided_article(text::normalize_form("للارس"), lex()), 0u);    // Lars, after «ل»
  EXPECT_EQ(elided_article(text::normalize_form("الاتحاد"), lex()), 0u);
}

TEST(NameSpans, PronounSuffixedNouns) {
  const struct {
    const char* word;
    bool noun;
  } cases[] = {
      {"خارجيته", true},   // his foreign [ministry]: ta marbuta written ت before the pronoun
      {"خارجيتها", true},
      {"وزرائها", true},   // its ministers: the hamza's seat changes
      {"دفاعه", true},
      {"تيلرسون", false},
      {"طه", false},       // too short to hold a pronoun
      {"بنس", false},
  };
  for (const auto& c : cases) EXPECT_EQ(pronoun_suffixed_noun(text::normalize_form(c.word), lex()), c.noun) << c.word;
}

TEST(NameSpans, CleanedSpans) {
  struct Case {
    const char* sentence;
    const char *first, *last;  // the tagger's span, by its first and last words
    NameKind kind;
    std::vector<std::string> names;
  } cases[] = {
      // The proclitic of the first word stays out; a name that begins with the letter keeps it.
      {"وصل ونايف هزازي إلى الملعب مبكرا.", "ونايف", "هزازي", NameKind::Person, {"نايف هزازي"}},
      // The span points into the original text, diacritics and all.
      {"وصل ونَايِف هزازي إلى الملعب مبكرا.", "ونايف", "هزازي", NameKind::Person, {"نَايِف هزازي"}},
      {"قال وليد جنبلاط إن الحوار مستمر.", "وليد", "جنبلاط", NameKind::Person, {"وليد جنبلاط"}},
      {"التقى فراس الخطيب بالوفد.", "فراس", "الخطيب", NameKind::Person, {"فراس الخطيب"}},
      // Two names joined by و are two names; an organization's name joins its words with و.
      {"شارك ونايف هزازي وغازي القصيبي في الحفل.", "ونايف", "القصيبي", NameKind::Person, {"نايف هزازي", "غازي القصيبي"}},
      {"اجتمعت منظمة الأغذية والزراعة أمس.", "منظمة", "والزراعة", NameKind::Organization, {"منظمة الأغذية والزراعة"}},
      // A blessing ends the name, inside the span or past it.
      {"قال عمر رضي الله عنه كلمة.", "عمر", "الله", NameKind::Person, {"عمر"}},
      {"ذكر الكاتب سعيدا رحمه الله في مقاله.", "سعيدا", "رحمه", NameKind::Person, {"سعيدا"}},
      // The document's evidence: the stem written alone elsewhere in it.
      {"حل الوفد بقرطيبة صباحا ثم غادر قرطيبة مساء.", "بقرطيبة", "بقرطيبة", NameKind::Place, {"قرطيبة"}},
      {"حل الوفد بقرطيبة صباحا ثم غادر مساء.", "بقرطيبة", "بقرطيبة", NameKind::Place, {"بقرطيبة"}},
      {"أعلن رئيس لجبهة البوليساريو موقفه.", "لجبهة", "البوليساريو", NameKind::Organization, {"جبهة البوليساريو"}},
      {"أشاد المدرب باللاعبين وهاري كين وغاريث بيل. وسجل هاري كين هدفا.", "وهاري", "بيل", NameKind::Person,
       {"هاري كين", "غاريث بيل"}},
      {"أشاد المدرب باللاعبين وهاري كين وغاريث بيل.", "وهاري", "بيل", NameKind::Person, {"هاري كين", "غاريث بيل"}},
      // A name goes on after a link word: «واليس» (Wallace) is no «و» + a name there.
      {"ولكن بن واليس قال إن الأمر خطير.", "بن", "واليس", NameKind::Person, {"بن واليس"}},
      {"اتهم المقال لبن لادن بالتخطيط.", "لبن", "لادن", NameKind::Person, {"بن لادن"}},
      // A head noun that begins with the letter is the name's: a valley, not «و» + «أدى».
      {"غمرت السيول وادي حمارا صباحا.", "وادي", "حمارا", NameKind::Place, {"وادي حمارا"}},
      {"زار الوفد وادي المسيني أمس.", "وادي", "المسيني", NameKind::Place, {"وادي المسيني"}},
      // A proclitic before a head noun, however short, stays out of the place's name.
      {"قصفت الطائرات منازل بحي الشجاعية شرقا.", "بحي", "الشجاعية", NameKind::Place, {"حي الشجاعية"}},
      {"غرق المركب قرب الساحل وبجزيرة لومبوك أمس.", "وبجزيرة", "لومبوك", NameKind::Place, {"جزيرة لومبوك"}},
      // «فادي» is no «ف» + «أدى», a verb.
      {"قال فادي إسماعيل إن الاتفاق قريب.", "فادي", "إسماعيل", NameKind::Person, {"فادي إسماعيل"}},
      // «أمام» (before, against) written with its hamza is a preposition; «إمام», «امام» may be a name.
      {"وسجل صلاح أمام ليفربول هدفين.", "صلاح", "أمام", NameKind::Person, {"صلاح"}},
      {"ومثل برافمان أمام المحكمة.", "برافمان", "أمام", NameKind::Person, {"برافمان"}},
      {"وسجل أمام صلاح هدفين.", "أمام", "صلاح", NameKind::Person, {"صلاح"}},
      {"ووقف وأَمام صلاح الحارس.", "وأمام", "صلاح", NameKind::Person, {"صلاح"}},
      {"وقال الفنان عادل إمام إنه سعيد.", "عادل", "إمام", NameKind::Person, {"عادل إمام"}},
      {"وقال الفنان عادل امام إنه سعيد.", "عادل", "امام", NameKind::Person, {"عادل امام"}},
      // A word the corpus writes with tanween is no name's («jokingly»), unless a name word follows it.
      {"وقال تشارلز مازحا: ستكون تجربة غريبة.", "تشارلز", "مازحا", NameKind::Person, {"تشارلز"}},
      {"ووصل كيم مبتسما وهو يلوح.", "كيم", "مبتسما", NameKind::Person, {"كيم"}},
      // «لل» and a noun after a name is a preposition: «to Al Arabiya».
      {"وقالت الشاعرة فتيحة بن قاسم للعربية إن اللقاء مهم.", "فتيحة", "للعربية", NameKind::Person, {"فتيحة بن قاسم"}},
  };
  for (const Case& c : cases) {
    text::Document doc = analyzed(c.sentence);
    std::vector<NameSpan> out;
    clean_name_span(doc, lex(), token_of(doc, c.first), token_of(doc, c.last) + 1, doc.sentences[0].end_token,
                    c.kind, out);
    std::vector<std::string> names;
    for (const NameSpan& sp : out) names.push_back(surface(doc, sp));
    EXPECT_EQ(names, c.names) << c.sentence;
  }
}

// The corpus's word pairs (schema/lexicon/name_pairs.tsv): a first letter that is the name's
// own, and a common word a name goes on over.
TEST(NameSpans, AFirstLetterTheCorpusWritesWithTheName) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    NameKind kind;
    std::vector<std::string> names;
  } cases[] = {
      // «فيدل كاسترو», «بسام راضي», «بريت كافانو»: the corpus never writes «يدل كاسترو», «سام راضي».
      {"توفي الزعيم الكوبي فيدل كاسترو عن تسعين عاما.", "فيدل", "كاسترو", NameKind::Person, {"فيدل كاسترو"}},
      {"قال المتحدث المصري بسام راضي إن القمة ناجحة.", "بسام", "راضي", NameKind::Person, {"بسام راضي"}},
      {"صوت المجلس على تعيين بريت كافانو قاضيا.", "بريت", "كافانو", NameKind::Person, {"بريت كافانو"}},
      // After a head noun in construct the next word carries no proclitic.
      {"وصل الوفد إلى محافظة بابل صباحا.", "بابل", "بابل", NameKind::Place, {"بابل"}},
      {"رست السفينة قرب جزيرة بريم اليمنية.", "بريم", "بريم", NameKind::Place, {"بريم"}},
      {"عثر على قطع أثرية في بابل بعد الأمطار.", "بابل", "بابل", NameKind::Place, {"بابل"}},
      // The next word counts beyond the tagger's span: «بوروسيا دورتموند».
      {"فاز بوروسيا دورتموند بالمباراة.", "بوروسيا", "بوروسيا", NameKind::Organization, {"بوروسيا"}},
      // Where the corpus writes the stem alone with the next word, the letter is a proclitic still.
      // The corpus writes «جندوبة» after prepositions 114 times, «بجندوبة» never; «منزل بورقيبة».
      {"حل الوفد بجندوبة صباحا ثم غادر مساء.", "بجندوبة", "بجندوبة", NameKind::Place, {"جندوبة"}},
      {"فاز الملعب الإفريقي لمنزل بورقيبة أمس.", "لمنزل", "بورقيبة", NameKind::Place, {"منزل بورقيبة"}},
      // «ميسان» follows a head noun or a preposition 13 times in ANT, «وميسان» never; «وهران» 16 times.
      {"شملت الاحتجاجات البصرة وميسان أمس.", "وميسان", "وميسان", NameKind::Place, {"ميسان"}},
      {"شملت الاحتجاجات الجزائر ووهران أمس.", "ووهران", "ووهران", NameKind::Place, {"وهران"}},
      {"وصل الوفد إلى وهران أمس.", "وهران", "وهران", NameKind::Place, {"وهران"}},
      {"طالب الصحفيون بالإفراج عن سفيان الشورابي ونذير القطاري.", "ونذير", "القطاري", NameKind::Person,
       {"نذير القطاري"}},
      {"غنت من ألحان محمد عبد الوهاب وبليغ حمدي.", "وبليغ", "حمدي", NameKind::Person, {"بليغ حمدي"}},
      {"وصل ونايف هزازي إلى الملعب مبكرا.", "ونايف", "هزازي", NameKind::Person, {"نايف هزازي"}},
      {"أشاد المدرب باللاعبين وهاري كين وغاريث بيل.", "وهاري", "بيل", NameKind::Person, {"هاري كين", "غاريث بيل"}},
      // A word the corpus writes ten times as often as its stem keeps its letter, whatever the
      // document writes: «بيراميدز» 58 times, «يراميدز» once (a slip, here too).
      {"لعب يراميدز سبع مباريات ثم فاز بيراميدز على الأهلي.", "بيراميدز", "بيراميدز", NameKind::Organization,
       {"بيراميدز"}},
      {"قال الخبير الاقتصادي فيل سميث إن النمو بطيء.", "فيل", "سميث", NameKind::Person, {"فيل سميث"}},
      // The stem must stand before the next word without a conjunction too: «فيسلي شنايدر» is
      // Wesley Sneijder, though the corpus writes «ويسلي شنايدر» as well.
      {"مرر النجم الهولندي فيسلي شنايدر كرة رائعة.", "فيسلي", "شنايدر", NameKind::Person, {"فيسلي شنايدر"}},
      // A name word in و that the corpus writes ten times or more keeps its و before the next
      // word where the stem never stands there («والت ديزني» 15 times, «الت ديزني» never).
      {"ارتفعت أرباح والت ديزني هذا العام.", "والت", "ديزني", NameKind::Organization, {"والت ديزني"}},
      {"أحالت المحكمة أوراق الداعية وجدي غنيم إلى المفتي.", "وجدي", "غنيم", NameKind::Person, {"وجدي غنيم"}},
      // A hamza after «و» begins a word: «وأوساسونا» is «و» + «أوساسونا».
      {"واجه الفريق ملقا وأوساسونا هذا الموسم.", "وأوساسونا", "وأوساسونا", NameKind::Organization, {"أوساسونا"}},
  };
  for (const Case& c : cases) {
    text::Document doc = analyzed(c.sentence);
    std::vector<NameSpan> out;
    clean_name_span(doc, lex(), token_of(doc, c.first), token_of(doc, c.last) + 1, doc.sentences[0].end_token,
                    c.kind, out);
    std::vector<std::string> names;
    for (const NameSpan& sp : out) names.push_back(surface(doc, sp));
    EXPECT_EQ(names, c.names) << c.sentence;
  }
}

TEST(NameSpans, ANameGoesOnOverACommonWordTheCorpusWritesWithIt) {
  struct Case {
    const char* pair;
    bool goes_on;
  } cases[] = {
      {"فرحان حق", true},       // Farhan Haq, 15 of the 28 «فرحان» of the corpus
      {"كريستوفر راي", true},   // Christopher Wray
      {"ترامب حق", false},      // no pair of the corpus
      {"دزيكو هدف", false},     // a goal after a name, three times: too few for an ordinary word
      {"فرحان جدا", false},
  };
  for (const Case& c : cases) {
    text::Document doc = analyzed(c.pair);
    EXPECT_EQ(name_goes_on(doc, 1, lex()), c.goes_on) << c.pair;
  }
}

TEST(NameSpans, ChainOfForefathers) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    std::string name;
  } cases[] = {
      {"قال سالم بن حمد الشمراني إن الاتفاق قريب.", "سالم", "حمد", "سالم بن حمد الشمراني"},
      {"وصل تميم بن حمد بن خليفة إلى المطار.", "تميم", "تميم", "تميم بن حمد بن خليفة"},
      {"استقبل أحمد بن سعيد الوفد.", "أحمد", "أحمد", "أحمد بن سعيد"},  // الوفد is a common word
      {"قال يوسف الخطيب إن الأزمة طويلة.", "يوسف", "الخطيب", "يوسف الخطيب"},  // no chain: nothing added
  };
  for (const Case& c : cases) {
    OneSentence one(c.sentence);
    const text::Document& doc = one.doc;
    NameSpan sp{token_of(doc, c.first), token_of(doc, c.last) + 1};
    sp.end = forefathers_end(one.view, sp.first, sp.end);
    EXPECT_EQ(surface(doc, sp), c.name) << c.sentence;
  }
}

struct Result {
  text::Document doc;
  Annotations ann;
};

Result run(const std::string& s) {
  static const Extractor extractor(lex(), schema_dir());
  Result r;
  r.doc = analyzed(s);
  r.ann = extractor.run(r.doc);
  return r;
}

// The surfaces of the mentions of entities named `entity`, and of entities of a type.
std::vector<std::string> surfaces_of(const Result& r, const std::string& entity) {
  std::vector<std::string> out;
  for (const Mention& m : r.ann.mentions)
    if (r.ann.entities[m.entity].name == entity) out.push_back(r.doc.text.substr(m.begin, m.end - m.begin));
  return out;
}
std::vector<std::string> surfaces_of(const Result& r, EntityType type) {
  std::vector<std::string> out;
  for (const Mention& m : r.ann.mentions)
    if (r.ann.entities[m.entity].type == type) out.push_back(r.doc.text.substr(m.begin, m.end - m.begin));
  return out;
}

TEST(Linking, APlaceNamedAfterAPersonIsThePlace) {
  struct Case {
    const char* sentence;
    EntityType type;
    std::string place;
  } cases[] = {
      {"نقل المصاب إلى مستشفى الملك فهد في المدينة.", EntityType::Organization, "مستشفى الملك فهد"},
      {"هبطت الطائرة في مطار الملك فهد صباح اليوم.", EntityType::Location, "مطار الملك فهد"},
      {"افتتح مركز الملك سلمان للإغاثة مكتبا جديدا.", EntityType::Organization, "مركز الملك سلمان"},
      {"وصل الوفد إلى مدينة الملك عبدالله الاقتصادية.", EntityType::Location, "مدينة الملك عبدالله"},
      {"هبطت الطائرة في مطار الملك عبدالعزيز صباح اليوم.", EntityType::Location, "مطار الملك عبدالعزيز"},
      {"أعلنت مؤسسة ترامب عن مشروع جديد.", EntityType::Organization, "مؤسسة ترامب"},
  };
  for (const Case& c : cases) {
    Result r = run(c.sentence);
    EXPECT_TRUE(surfaces_of(r, EntityType::Person).empty()) << c.sentence;
    EXPECT_EQ(surfaces_of(r, c.type), std::vector<std::string>{c.place}) << c.sentence;
  }
  // The person himself, without the head noun, is still the person.
  EXPECT_EQ(surfaces_of(run("وكان الملك فهد قد زار المدينة."), "Fahd bin Abdulaziz Al Saud"),
            std::vector<std::string>{"الملك فهد"});
}

TEST(Linking, OneWordNeedsSupportToLinkByLikeness) {
  // صالح is like صالحي (Ali Akbar Salehi) but the document never names Salehi.
  Result alone = run("وقال الرئيس صالح في كلمته إن الحوار مستمر.");
  EXPECT_TRUE(surfaces_of(alone, "Ali Akbar Salehi").empty());
  // With the full name earlier in the document, the bare surname is Salehi.
  Result supported = run("وقال علي أكبر صالحي إن البرنامج سلمي. وأضاف رئيس المنظمة صالحي أن العمل مستمر.");
  EXPECT_EQ(surfaces_of(supported, "Ali Akbar Salehi").size(), 2u);
}

TEST(Linking, ATitlesNationalityMustAgree) {
  // لامبروت looks like لامبرشت (Christine Lambrecht, Germany), but the title says Armenian.
  Result r = run("وحكم الأمير الأرمني لامبروت القلعة سنوات.");
  EXPECT_TRUE(surfaces_of(r, "Christine Lambrecht").empty());
}

TEST(Linking, DescriptiveNamesJoinTheirEntity) {
  struct Case {
    const char* sentence;
    std::string entity, surface;
  } cases[] = {
      {"انسحبت واشنطن من اتفاق فيينا العام الماضي.", "JCPOA", "اتفاق فيينا"},
      {"انتقد الرئيس الاتفاق الإيراني في خطابه.", "JCPOA", "الاتفاق الإيراني"},
      {"تفاوضت طهران مع القوى الست الكبرى لسنوات.", "P5+1", "القوى الست الكبرى"},
      {"أكد الوزير التزام الحلف الأطلسي بالدفاع عن أعضائه.", "NATO", "الحلف الأطلسي"},
  };
  for (const Case& c : cases) EXPECT_EQ(surfaces_of(run(c.sentence), c.entity), std::vector<std::string>{c.surface}) << c.sentence;
}

TEST(Linking, GluedConjunctionsStayOutOfNamesTheTaggerFinds) {
  Result r = run("وأشاد المدرب بأداء اللاعبين ونايف هزازي وسلمان الفرج في المباراة.");
  for (const std::string& s : surfaces_of(r, EntityType::Person)) EXPECT_FALSE(s.starts_with("و")) << s;
}

// A whole name of two words the corpus seldom continues ends a longer span: the rest is another
// name or a verb.
TEST(NameSpans, AWholeNameEndsTheSpan) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    std::string name;
  } cases[] = {
      {"اختار المدرب هيكتور كوبر شيكابالا صانع الألعاب.", "هيكتور", "شيكابالا", "هيكتور كوبر"},
      {"قال رومان أبراموفيتش مالك النادي إن الصفقة تمت.", "رومان", "مالك", "رومان أبراموفيتش"},
      // A first name of two words goes on: «جان لوك», «نور الدين» are followed by family names.
      {"قال جان لوك ميلانشون إن الحكومة فشلت.", "جان", "ميلانشون", "جان لوك ميلانشون"},
      {"سجل نور الدين مرابط هدفا.", "نور", "مرابط", "نور الدين مرابط"},
      // A family name with the article after a whole name stays.
      {"قال هيكتور كوبر الأرجنتيني إن الفريق جاهز.", "هيكتور", "الأرجنتيني", "هيكتور كوبر الأرجنتيني"},
  };
  for (const Case& c : cases) {
    text::Document doc = analyzed(c.sentence);
    NameSpan sp{token_of(doc, c.first), token_of(doc, c.last) + 1};
    sp.end = whole_name_end(doc, lex(), sp);
    EXPECT_EQ(surface(doc, sp), c.name) << c.sentence;
  }
}

// A person's name goes on over a hyphen and a word written against it.
TEST(NameSpans, AHyphenatedNameGoesOn) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    std::string name;
  } cases[] = {
      {"وقال السفير رينيه جونز-بوس للوكالة إن زميليه سيغادران.", "رينيه", "جونز", "رينيه جونز-بوس"},
      {"التقى الرئيس مون جي-إن نظيره أمس.", "مون", "جي", "مون جي-إن"},
      // Not over spaces around the hyphen, nor onto a common word.
      {"قال سامي حداد - وهو خبير - إن الوضع خطير.", "سامي", "حداد", "سامي حداد"},
      {"قال سامي حداد-أمس إن الوضع خطير.", "سامي", "حداد", "سامي حداد"},
  };
  for (const Case& c : cases) {
    OneSentence one(c.sentence);
    const text::Document& doc = one.doc;
    NameSpan sp{token_of(doc, c.first), token_of(doc, c.last) + 1};
    sp.end = hyphenated_end(one.view, sp.end);
    EXPECT_EQ(surface(doc, sp), c.name) << c.sentence;
  }
}

// Names only the tagger found keep their plausible part, judged by the corpus's ordinary words.
TEST(NameSpans, PlausibleTaggerNames) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    NameKind kind;
    std::string name;  // empty: no name
  } cases[] = {
      // An ordinary word without the article ends no name: a verb, an ordinal, an adjective.
      {"وصل جارفيس تشيمينيس سادس السجناء.", "جارفيس", "سادس", NameKind::Person, "جارفيس تشيمينيس"},
      {"صلاح يستغرب قرار الحكم.", "صلاح", "يستغرب", NameKind::Person, "صلاح"},
      // A verb in the imperfect after its subject, in a headline: its other person («تتألق»,
      // «يبقى») is an ordinary word; the future's «س» before a name is no part of it either.
      {"غاريث بيل يتألق في النهائي.", "غاريث", "يتألق", NameKind::Person, "غاريث بيل"},
      {"بشار الجعفري سيبقى في منصبه.", "بشار", "سيبقى", NameKind::Person, "بشار الجعفري"},
      {"سينافس محمد صلاح على الجائزة.", "سينافس", "صلاح", NameKind::Person, "محمد صلاح"},
      // A name that is a verb too stays: «تامر» is a name word.
      {"قال مازن تامر إن الفريق جاهز.", "مازن", "تامر", NameKind::Person, "مازن تامر"},
      // A verb before a person's name is no part of it.
      {"قال إن الغارة التي استهدفت أسامة بن لادن كانت ليلا.", "استهدفت", "لادن", NameKind::Person, "أسامة بن لادن"},
      // A preposition glued to an ordinary word ends the name before it.
      {"تأهل مونبيليه لكأس العالم للأندية.", "مونبيليه", "العالم", NameKind::Organization, "مونبيليه"},
      {"فاز برشلونة بفارق هدفين.", "برشلونة", "بفارق", NameKind::Organization, "برشلونة"},
      // An organization's name holds such a word after its head noun.
      {"قرر الاتحاد الدولي لكرة القدم ذلك.", "الاتحاد", "القدم", NameKind::Organization,
       "الاتحاد الدولي لكرة القدم"},
      // Ordinary words alone are no name.
      {"يعاني المريض عجز كبدي حاد.", "عجز", "كبدي", NameKind::Person, ""},
      {"تحدث تلميذ من معهد مجاور عن العنف.", "معهد", "مجاور", NameKind::Organization, ""},
      // Names the corpus reads as names stay whole, a nisba for family name too.
      {"قال مهدي رباعي إن الفريق جاهز.", "مهدي", "رباعي", NameKind::Person, "مهدي رباعي"},
      {"قال ديفيد بيسر إن البرنامج جاهز.", "ديفيد", "بيسر", NameKind::Person, "ديفيد بيسر"},
      {"وصل جارفيس تشيمينيس إلى السجن.", "جارفيس", "تشيمينيس", NameKind::Person, "جارفيس تشيمينيس"},
      {"زار الوفد البحر الأحمر أمس.", "البحر", "الأحمر", NameKind::Place, "البحر الأحمر"},
  };
  for (const Case& c : cases) {
    text::Document doc = analyzed(c.sentence);
    NameSpan sp{token_of(doc, c.first), token_of(doc, c.last) + 1};
    sp.end = plausible_end(doc, lex(), sp, c.kind);
    if (c.kind == NameKind::Person && sp.end > sp.first) sp.first = plausible_first(doc, lex(), sp);
    EXPECT_EQ(sp.end == sp.first ? std::string() : surface(doc, sp), c.name) << c.sentence;
  }
}

// A noun the corpus writes with the article too, and a state's adjective, are no person's name.
TEST(NameSpans, ANounAndANisbaAreNoName) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    bool noun_and_nisba;
  } cases[] = {
      {"اعتقلت الشرطة جاسوس روسي في المطار.", "جاسوس", "روسي", true},
      {"صرح دبلوماسي روسي بأن المحادثات صعبة.", "دبلوماسي", "روسي", true},
      {"فاز مخترع دنماركي بالجائزة.", "مخترع", "دنماركي", true},
      {"قال عادل تركي إن الفريق جاهز.", "عادل", "تركي", false},     // «العادل» is rare: a name
      {"وصل جاسوس الروسي إلى المطار.", "جاسوس", "الروسي", false},   // the article: no state adjective
      {"قال مهدي رباعي إن الفريق جاهز.", "مهدي", "رباعي", false},   // no nisba
  };
  for (const Case& c : cases) {
    OneSentence one(c.sentence);
    const text::Document& doc = one.doc;
    NameSpan sp{token_of(doc, c.first), token_of(doc, c.last) + 1};
    EXPECT_EQ(noun_and_nisba(one.view, lex(), sp), c.noun_and_nisba) << c.sentence;
  }
}

// A dual noun and the adjectives that agree with it are no person's name; fuʿlān names are.
TEST(NameSpans, DualsInAgreementAreNoName) {
  struct Case {
    const char* sentence;
    const char *first, *last;
    bool duals;
  } cases[] = {
      {"وأكد مصدران دبلوماسيان أن الاجتماع تأجل.", "مصدران", "دبلوماسيان", true},
      {"وأقر عالمان روسيان بأنهما عملا على البرنامج.", "عالمان", "روسيان", true},
      {"وصلت بارجتان فرنسيتان إلى الميناء.", "بارجتان", "فرنسيتان", true},   // feminine: «بارجة»
      {"رصدت الشرطة مجرمين خطيرين في الحي.", "مجرمين", "خطيرين", true},      // the oblique case
      {"وقال مسؤولان إيرانيان إن طهران أرسلت طائرات.", "مسؤولان", "إيرانيان", true},
      {"قال مصدران خطيرين إن الوضع صعب.", "مصدران", "خطيرين", false},       // two cases: no agreement
      {"وقال سلمان شعبان إن الفريق جاهز.", "سلمان", "شعبان", false},        // fuʿlān names
      {"التقى نيكول باشينيان بالوفد.", "نيكول", "باشينيان", false},
  };
  for (const Case& c : cases) {
    OneSentence one(c.sentence);
    const text::Document& doc = one.doc;
    NameSpan sp{token_of(doc, c.first), token_of(doc, c.last) + 1};
    EXPECT_EQ(duals_in_agreement(one.view, lex(), sp), c.duals) << c.sentence;
  }
}

TEST(Linking, ATitlesNameGoesOnOverTheCorpusNextWord) {
  struct Case {
    const char* sentence;
    std::string person;
  } cases[] = {
      {"قال المتحدث باسم الأمم المتحدة فرحان حق إن الوضع خطير.", "فرحان حق"},
      {"وقال مدير مكتب التحقيقات الفدرالي كريستوفر راي إن التحقيق مستمر.", "كريستوفر راي"},
  };
  for (const Case& c : cases) {
    Result r = run(c.sentence);
    std::vector<std::string> persons = surfaces_of(r, EntityType::Person);
    EXPECT_NE(std::find(persons.begin(), persons.end(), c.person), persons.end()) << c.sentence;
  }
}

}  // namespace
}  // namespace rawabit::extract
