// The inflected forms of a title (schema/lexicon/roles.tsv), made by the rules of Arabic
// morphology so that the table lists each title once, in the masculine singular:
//   feminine   the head and, after a definite head, its adjectives take ة
//              («الأمين العام» → «الأمينة العامة»; «رئيس الوزراء» → «رئيسة الوزراء»);
//   dual       the head takes ان/ين (ا in a construct): «الرئيسان», «الرئيسين», «وزيرا الخارجية»;
//   plural     the head's broken plural, given in the table: «وزراء الخارجية», «رؤساء»;
//   construct  an indefinite head before a definite genitive drops the genitive's article, and
//              then a genitive affiliation must follow: «وزير خارجية روسيا», «رئيس وزراء بريطانيا»;
//   article    a one-word title with and without the article, and the inflections of both:
//              «وزير» → «الوزير البريطاني», «الوزيرة»; «المبعوث» → «مبعوث الأمم المتحدة».
// Written forms, before normalization; the table's own spelling is kept.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rawabit::lexicon {

struct TitleForm {
  std::string written;
  bool construct = false;  // must be followed by a genitive affiliation
};

// The forms of `title` other than itself; `plural` is the head's broken plural, or empty.
// `feminine` false for a title whose feminine means something else (محافظة is a province).
std::vector<TitleForm> title_forms(std::string_view title, std::string_view plural, bool feminine);

}  // namespace rawabit::lexicon
