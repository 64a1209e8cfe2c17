#include "extract/dates.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "common/error.hpp"
#include "common/paths.hpp"

namespace rawabit::extract {
namespace {

using Isos = std::vector<std::string>;

const DateReader& reader() {
  static const DateReader r = DateReader::load(schema_dir() / "lexicon" / "dates.tsv");
  return r;
}

text::Document analyzed(std::string_view sentence) {
  text::Document doc;
  doc.text = sentence;
  text::analyze_text(doc);
  return doc;
}

std::vector<DateMention> mentions(const text::Document& doc, std::string_view article_date) {
  std::vector<DateMention> out;
  for (const text::Sentence& s : doc.sentences) {
    for (DateMention& m : reader().find(doc, s, article_date)) out.push_back(std::move(m));
  }
  return out;
}

Isos dates_in(std::string_view sentence, std::string_view article_date) {
  Isos out;
  for (const DateMention& m : mentions(analyzed(sentence), article_date)) out.push_back(m.iso);
  return out;
}

struct DateCase {
  const char* sentence;
  const char* article_date;
  Isos expected;
  const char* why;
};

const DateCase kExplicit[] = {
    {"وقّع الطرفان الاتفاق في 5 يناير 2022 بعد مفاوضات", "2023-03-01", {"2022-01-05"}, "day month year"},
    {"اجتمع الوزراء في 5 يناير (كانون الثاني) 2022 في جنيف", "", {"2022-01-05"}, "parenthesized alternative name"},
    {"عُلّقت الزيارات في مارس/آذار 2020 بسبب الوباء", "", {"2020-03"}, "slash alternative name"},
    {"وصل الوفد إلى باكو في 19 ديسمبر 2022 مساءً", "", {"2022-12-19"}, "day month year"},
    {"في ٥ يناير ٢٠٢٢ أعلن الجيش", "", {"2022-01-05"}, "Arabic-Indic digits"},
    {"ففي العاشر من أكتوبر 2022 وقع الانفجار", "", {"2022-10-10"}, "ordinal day with من, clitic ف on في"},
    {"بدأت المناورات في الحادي والعشرين من يونيو 2020", "", {"2020-06-21"}, "two-word ordinal"},
    {"أعلن البنك نهاية مايو 2022 خطة جديدة", "", {"2022-05"}, "part of a month"},
    {"أعلن الرئيس يوم الاثنين 19 ديسمبر 2022 أن", "2023-01-01", {"2022-12-19"}, "weekday with an explicit date: one date"},
    {"جرت الانتخابات في 14 جويلية 2021", "", {"2021-07-14"}, "Maghrebi month"},
    {"أُغلقت الحدود في أفريل 2019", "", {"2019-04"}, "Maghrebi month"},
    {"صدر الحكم في دجنبر 2020", "", {"2020-12"}, "Moroccan month"},
    {"سقطت القذائف في 3 تشرين الأول 2019 على البلدة", "", {"2019-10-03"}, "two-word Levantine month"},
    {"وفي أكتوبر/ تشرين أول 2017 تجددت الاحتجاجات", "", {"2017-10"}, "Levantine name without the article"},
    {"تراجع التضخم في مارس آذار 2018", "", {"2018-03"}, "alternative name without punctuation"},
    {"وفي كانون الأول 2018 استقالت الحكومة", "", {"2018-12"}, "Levantine month, clitic و on في"},
    {"وعد الوزير في يناير من العام 2023 بإصلاحات", "", {"2023-01"}, "month من year word + year"},
    {"انهار الاتفاق في 31 فبراير 2022 بحسب الرواية", "", {"2022-02"}, "an impossible day leaves the month"},
    {"وفي 29 فبراير 2024 صدر القرار", "", {"2024-02-29"}, "leap day"},
    {"تبدأ الدورة في الأسبوع الأول من مارس 2022", "", {"2022-03"}, "an ordinal after a noun is no day"},
    {"بدأ العلاج اليوم التاسع من مارس 2021", "2022-11-16", {"2021-03-09"}, "اليوم + ordinal is «the day»"},
    {"تقاتل القوات منذ مارس/2015 في المنطقة", "", {"2015-03"}, "month/year"},
    {"تراجعت المبيعات من يناير إلى مارس", "2018-05-01", {"2018-01", "2018-03"}, "a range of months"},
};

const DateCase kNumeric[] = {
    {"نشر البيان بتاريخ 2022/12/19 على الموقع", "", {"2022-12-19"}, "year first"},
    {"نشر البيان بتاريخ 19/12/2022 على الموقع", "", {"2022-12-19"}, "day first, slashes"},
    {"نشر البيان بتاريخ 19-12-2022 على الموقع", "", {"2022-12-19"}, "day first, hyphens"},
    {"نشر البيان بتاريخ 19.12.2022 على الموقع", "", {"2022-12-19"}, "day first, dots"},
    {"صدر المرسوم (19/12/2022) بعد جدل", "", {"2022-12-19"}, "in parentheses"},
    {"للاستفسار اتصلوا على 0020-1234-5678 مباشرة", "", {}, "a telephone number"},
    {"للاستفسار اتصلوا على 5678-12-10 مباشرة", "", {}, "not a plausible year"},
    {"للاستفسار اتصلوا على 12-10-2022-55 مباشرة", "", {}, "a longer chain of numbers"},
    {"بتاريخ 12/31/2022", "", {}, "month first is not read"},
    {"ارتفع المؤشر 3.5 في المئة", "", {}, "a decimal number"},
};

const DateCase kYears[] = {
    {"انضمت الدولة إلى الحلف في عام 2006 رسمياً", "", {"2006"}, "في عام"},
    {"انسحبت القوات عام 2006 من المنطقة", "", {"2006"}, "عام"},
    {"شهد العام 2006 توتراً كبيراً", "", {"2006"}, "العام"},
    {"تأسست الرابطة سنة 2006 في القاهرة", "", {"2006"}, "سنة"},
    {"تراجع النمو بعام 2015 بشدة", "", {"2015"}, "clitic ب on عام"},
    {"ارتفعت الصادرات في 2019 بنسبة كبيرة", "", {"2019"}, "bare year after في"},
    {"تراجعت الاستثمارات منتصف 2021", "", {"2021"}, "bare year after منتصف"},
    {"تضاعف الإنفاق بين عامي 2014 و2022 مرتين", "", {"2014", "2022"}, "range with عامي"},
    {"تضاعف الإنفاق من 2014 إلى 2022 مرتين", "", {"2014", "2022"}, "range من … إلى"},
    {"تضاعف الإنفاق في 2014-2022 مرتين", "", {"2014", "2022"}, "range with a hyphen"},
    {"نفذ المسلحون 35 هجوماً خلال الشهر", "", {}, "a count is no date"},
    {"قُتل 2000 جندي في المعارك", "", {}, "a bare number without an introducing word"},
    {"أرسلت الحكومة من 2000 جندي نحو الحدود", "", {}, "من + year-like number without a range"},
    {"بُني القصر عام 1850 تقريباً", "", {}, "implausible year"},
    {"بلغ الدين عام 21 مليار دولار", "", {}, "not a four-digit year"},
};

const DateCase kAnchored[] = {
    {"وفي أغسطس (آب) وقعت اشتباكات عنيفة", "2022-06-10", {"2021-08"}, "month before the article month: last year"},
    {"وفي أغسطس (آب) وقعت اشتباكات عنيفة", "2022-08-03", {"2022-08"}, "the article's own month"},
    {"وفي أغسطس (آب) وقعت اشتباكات عنيفة", "2022-09", {"2022-08"}, "a year-month article date suffices"},
    {"وفي أغسطس (آب) وقعت اشتباكات عنيفة", "", {}, "no article date: no date"},
    {"وفي أغسطس (آب) وقعت اشتباكات عنيفة", "2022", {}, "a year alone cannot place a month"},
    {"استؤنفت المحادثات في نوفمبر/تشرين الثاني الماضي في مصر", "2022-12-20", {"2022-11"}, "month الماضي"},
    {"استؤنفت المحادثات في نوفمبر/تشرين الثاني الماضي في مصر", "2022-11-20", {"2021-11"}, "الماضي is strictly before"},
    {"منذ بدء الغزو في شباط/فبراير تعرضت المدينة لهجمات", "2022-10-01", {"2022-02"}, "alternative first"},
    {"تعقد القمة في يونيو المقبل", "2022-06-01", {"2023-06"}, "المقبل is strictly after"},
    {"تراجعت العملة في يناير من العام الماضي", "2023-05-02", {"2022-01"}, "month of last year"},
    {"يُفتتح المعرض في ديسمبر من هذا العام", "2023-05-02", {"2023-12"}, "month of this year"},
    {"تنطلق الدورة يوم 22 من الشهر الجاري", "2023-05-02", {"2023-05-22"}, "day of the current month"},
    {"انتهت المهلة في العاشر من الشهر الماضي", "2023-01-02", {"2022-12-10"}, "day of last month"},
    {"وصل الوفد في 5 مارس إلى العاصمة", "2023-04-20", {"2023-03-05"}, "day and month: the article's year"},
    {"وصل الوفد في 28 ديسمبر إلى العاصمة", "2023-01-05", {"2022-12-28"}, "day and month: the year before"},
};

const DateCase kRelative[] = {
    {"قال المتحدث الثلاثاء الماضي إن المحادثات فشلت", "2022-12-20", {"2022-12-13"}, "الماضي on that weekday: a week back"},
    {"قال المتحدث الثلاثاء إن المحادثات فشلت", "2022-12-20", {"2022-12-20"}, "a bare weekday may be the article date"},
    {"التقى الرئيسان يوم الاثنين في موسكو", "2022-12-21", {"2022-12-19"}, "يوم + weekday"},
    {"وتلتقي اللجنة يوم السبت المقبل", "2022-12-20", {"2022-12-24"}, "المقبل weekday"},
    {"وأعلن الكرملين أمس أن الزيارة انتهت", "2024-03-01", {"2024-02-29"}, "أمس across a leap day"},
    {"وقعت المواجهات أول أمس قرب الحدود", "2023-01-01", {"2022-12-30"}, "أول أمس"},
    {"يعقد المجلس اليوم جلسة طارئة", "2023-01-01", {"2023-01-01"}, "اليوم"},
    {"قال الناطق اليوم الجمعة إن الهدنة صامدة", "2023-01-06", {"2023-01-06"}, "اليوم + weekday: one date"},
    {"وصلت الطائرة يوم أمس السبت", "2023-01-08", {"2023-01-07"}, "يوم أمس + weekday: one date"},
    {"ارتفعت الأسعار الشهر الماضي بحدة", "2023-01-15", {"2022-12"}, "الشهر الماضي across a year"},
    {"ارتفعت الأسعار العام الماضي بحدة", "2023-01-15", {"2022"}, "العام الماضي"},
    {"ارتفعت الأسعار هذا العام بحدة", "2023-01-15", {"2023"}, "هذا العام"},
    {"يبدأ التطبيق الشهر المقبل", "2022-12-10", {"2023-01"}, "الشهر المقبل"},
    {"ارتفعت الأسعار الأسبوع الماضي بحدة", "2023-01-15", {}, "الأسبوع الماضي: no precise date"},
    {"وأعلن الكرملين أمس أن الزيارة انتهت", "2023-01", {}, "relative day needs a full article date"},
    {"ارتفعت الأسعار العام الماضي بحدة", "2023", {}, "relative year needs a full article date"},
};

const DateCase kNotDates[] = {
    {"انعقدت قمة مجموعة العشرين في بالي", "2022-11-16", {}, "G20"},
    {"شهد القرن العشرين حربين عالميتين", "2022-11-16", {}, "the twentieth century"},
    {"يحظر القرار نحو 90 في المئة من واردات النفط", "2022-11-16", {}, "a percentage"},
    {"شاهد 136 مقطعاً عن الحرب", "2022-11-16", {}, "a count after شاهد"},
    {"مارس الرئيس ضغوطاً على البرلمان", "2022-11-16", {}, "مارس as a verb"},
    {"نشر المقال في باب الرأي", "2022-11-16", {}, "باب is not ب + آب"},
    {"جرى لقاء بين الاثنين في موسكو", "2022-11-16", {}, "الاثنين as «the two»"},
    {"قال المدعي العام الحالي إن القضية أغلقت", "2022-11-16", {}, "العام الحالي of a secretary-general"},
    {"ذكرت قناة روسيا اليوم أن الوفد وصل", "2022-11-16", {}, "a channel's name"},
    {"احتفل المصريون بذكرى ثورة 25 يناير", "2022-11-16", {}, "an event named by its date"},
    {"في اليوم التالي انسحبت القوات", "2022-11-16", {}, "the next day is not the article date"},
    {"في اليوم الأول من الحرب سقطت المدينة", "2022-11-16", {}, "«the first day» of something"},
    {"وُلد في القدس من أب تشادي", "2022-11-16", {}, "من أب is «of a father»"},
    {"تساءل عن من مارس الضغوط على القضاة", "2022-11-16", {}, "من مارس is «who practised»"},
    {"وفي نفس اليوم من عام 1947 أعلن الاستقلال", "2022-11-16", {"1947"}, "«the same day» is not the article date"},
};

void expect_cases(const DateCase* begin, const DateCase* end) {
  for (const DateCase* c = begin; c != end; ++c) {
    EXPECT_EQ(dates_in(c->sentence, c->article_date), c->expected)
        << c->why << ": «" << c->sentence << "» on " << (*c->article_date ? c->article_date : "(no date)");
  }
}

TEST(Dates, Explicit) { expect_cases(std::begin(kExplicit), std::end(kExplicit)); }
TEST(Dates, Numeric) { expect_cases(std::begin(kNumeric), std::end(kNumeric)); }
TEST(Dates, Years) { expect_cases(std::begin(kYears), std::end(kYears)); }
TEST(Dates, AnchoredToTheArticleDate) { expect_cases(std::begin(kAnchored), std::end(kAnchored)); }
TEST(Dates, RelativeToTheArticleDate) { expect_cases(std::begin(kRelative), std::end(kRelative)); }
TEST(Dates, NotDates) { expect_cases(std::begin(kNotDates), std::end(kNotDates)); }

TEST(Dates, MentionCoversTheDateTokens) {
  text::Document doc = analyzed("وأخيراً، في 5 يناير (كانون الثاني) 2022، طلب الرئيس المساعدة");
  std::vector<DateMention> found = mentions(doc, "");
  ASSERT_EQ(found.size(), 1u);
  auto span = doc.span_of_tokens(found[0].first_token, found[0].end_token);
  EXPECT_EQ(doc.text.substr(span.begin, span.end - span.begin), "5 يناير (كانون الثاني) 2022");
}

TEST(Dates, OnlyTheGivenSentence) {
  text::Document doc = analyzed("زار الوفد موسكو عام 2019. ثم عاد إليها في 2021.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  std::vector<DateMention> second = reader().find(doc, doc.sentences[1], "");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].iso, "2021");
}

// A file name of this test process's own: ctest runs the tests of this file in parallel processes.
std::filesystem::path dates_file() {
  return std::filesystem::temp_directory_path() / ("rawabit_dates_test_" + std::to_string(getpid()) + ".tsv");
}

// The loader's error for a file whose third line is `bad_line`.
std::string load_error(const std::string& bad_line) {
  std::filesystem::path path = dates_file();
  std::ofstream(path) << "# test\nيناير\tmonth\t1\n" << bad_line << "\n";
  try {
    DateReader::load(path);
  } catch (const Error& e) {
    std::filesystem::remove(path);
    return e.what();
  }
  std::filesystem::remove(path);
  return "(no error)";
}

TEST(Dates, LoadErrorsQuoteFileAndLine) {
  const std::string where = dates_file().string() + ":3";
  for (const std::string line : {"فبراير\tmonth\t13", "فبراير\tseason\t2", "فبراير", "يناير\tmonth\t2", "في\tintro\t4"}) {
    std::string message = load_error(line);
    EXPECT_NE(message.find(where), std::string::npos) << message;
    EXPECT_NE(message.find(rawabit::quoted(line)), std::string::npos) << message;
  }
}

TEST(Dates, SpellingVariantsThatNormalizeAlikeAreOneForm) {
  EXPECT_EQ(load_error("ينایر\tmonth\t1"), "(no error)");  // Persian yeh: the same form as يناير
  EXPECT_EQ(dates_in("في إبريل 2010", ""), Isos{"2010-04"});
  EXPECT_EQ(dates_in("في ابريل 2010", ""), Isos{"2010-04"});
}

}  // namespace
}  // namespace rawabit::extract
