// Arabic date expressions → ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), the date of a sentence's
// evidence.
//
// The words come from schema/lexicon/dates.tsv (month names in their Egyptian, Levantine and
// Maghrebi spellings, weekdays, day ordinals, relative words); the grammar is here. Recognized,
// on normalized tokens, with proclitics on the first word («وفي», «بعام», «ففي»):
//   explicit   «5 يناير 2022», «العاشر من أكتوبر 2022», «مارس/آذار 2020», «أبريل (نيسان) 2010»,
//              «مارس آذار 2018», «مارس/2015», «يناير من العام الماضي», «نهاية مايو 2022»,
//              «الاثنين 19 ديسمبر 2022» (one date), «22 من الشهر الجاري»
//   numeric    «2022/12/19», «19/12/2022», «19-12-2022», «19.12.2022» (year first or day first;
//              not inside a longer chain of numbers such as a telephone number)
//   years      «عام 2006», «العام 2006», «سنة 2006», «في 2019», «منتصف 2021», and ranges
//              «بين عامي 2014 و2022», «من 2014 إلى 2022», «في 2014-2022» (one mention per year)
//   anchored   a month without a year («في أغسطس (آب)», «5 مارس») takes the year of the most
//              recent such month not after the article's month («نوفمبر الماضي»: strictly
//              before; «المقبل»: strictly after); it needs the article's year and month
//   relative   «أمس», «اليوم», «أول أمس», «يوم الاثنين» / «الثلاثاء» (the most recent such weekday
//              at or before the article date; «الماضي»: strictly before; «المقبل»: after),
//              «الشهر الماضي», «العام الماضي», «هذا العام»; only when the article date is a full
//              YYYY-MM-DD. «الأسبوع الماضي» is read and yields nothing (no precise date).
// Years are plausible only within 1900–2100. A month name alone needs a cue — a day before it, a
// year, an alternative name or a direction word after it, or an introducing word (في، منذ،
// نهاية…) before it — because some names are ordinary words (مارس "he practised", آب/أب
// "father"). A bare year needs an introducing word. Ambiguous weekday names (الاثنين "the two")
// need «يوم» or a direction word. Day ranges («بين 16 و19 مايو») yield their last day only.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/phrase_index.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

struct DateMention {
  uint32_t first_token, end_token;  // [first_token, end_token) in the document's tokens
  std::string iso;                  // YYYY, YYYY-MM or YYYY-MM-DD
};

// What a date word is; the names are the `kind` column of dates.tsv.
enum class DateWordKind : uint8_t {
  Month,          // يناير, كانون الثاني, جانفي — value 1–12
  Weekday,        // الثلاثاء — value 1 (Monday) to 7 (Sunday)
  CuedWeekday,    // الاثنين — a weekday only after «يوم» or before a direction word
  Ordinal,        // العاشر — a day of the month (1–31) before «من» + month
  YearWord,       // عام، العام، سنة، عامي
  MonthWord,      // الشهر
  WeekWord,       // الأسبوع
  This,           // هذا، هذه — before a year or month word
  Intro,          // في، منذ، خلال، نهاية، منتصف — introduces a bare year or month
  Until,          // حتى — introduces a bare year, and links the years of a range
  To,             // و، إلى — links the years of a range
  Of,             // من — «العاشر من أكتوبر», «من 2014 إلى 2022»
  DayWord,        // يوم — before a weekday
  DayLink,        // الموافق — between a weekday and its explicit date
  RelativeDay,    // أمس، اليوم، غدا — value: days from the article date
  Direction,      // الماضي، المقبل، الجاري — value -1, +1 or 0
  NotDate,        // a phrase that contains a date word but is no date («روسيا اليوم»)
};

class DateReader {
 public:
  // Reads dates.tsv: `form<TAB>kind[<TAB>value]`; '#' comments. Forms are normalized
  // (text::normalize_form) and may have several words. A form listed twice must mean the same.
  // Errors (bad kind or value, conflicting duplicate) throw rawabit::Error quoting file:line.
  static DateReader load(const std::filesystem::path& dates_tsv);

  // Dates expressed in sentence `s` of `doc`, left to right, not overlapping. `article_date`
  // (ISO YYYY, YYYY-MM or YYYY-MM-DD, may be empty) anchors relative expressions.
  std::vector<DateMention> find(const text::Document& doc, const text::Sentence& s,
                                std::string_view article_date) const;

  struct Word {
    DateWordKind kind;
    int8_t value;
  };

 private:
  lexicon::PhraseIndex phrases_;  // form → index into words_
  std::vector<Word> words_;
};

}  // namespace rawabit::extract
