#include "lexicon/title_forms.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace rawabit::lexicon {
namespace {

struct FormCase {
  const char* title;
  const char* plural;
  bool feminine;
  std::vector<std::pair<const char*, bool>> made;  // form, construct
  std::vector<const char*> not_made;
};

const FormCase kFormCases[] = {
    {"الرئيس", "رؤساء", true,
     {{"الرئيسة", false}, {"الرئيسان", false}, {"الرئيسين", false}, {"الرؤساء", false}, {"الرئيستان", false}},
     {}},
    {"وزير الخارجية", "وزراء", true,
     {{"وزيرة الخارجية", false}, {"وزيرا الخارجية", false}, {"وزيري الخارجية", false},
      {"وزراء الخارجية", false}, {"وزير خارجية", true}, {"وزيرة خارجية", true}},
     {"وزيران الخارجية"}},
    {"الأمين العام", "", true, {{"الأمينة العامة", false}}, {"الأمينان العام"}},
    {"المتحدث باسم", "", true, {{"المتحدثة باسم", false}, {"المتحدثان باسم", false}}, {"المتحدثا باسم"}},
    {"محافظ", "", false, {{"محافظان", false}, {"المحافظ", false}}, {"محافظة", "المحافظة"}},
    {"وزير", "وزراء", true, {{"الوزير", false}, {"الوزيرة", false}, {"الوزراء", false}, {"وزيرة", false}}, {}},
    {"المرشد الأعلى", "", true, {}, {"المرشدة الأعلى", "المرشدة الأعلىة"}},
    {"مستشار الأمن القومي", "", true, {{"مستشارة الأمن القومي", false}}, {"مستشار أمن القومي"}},
};

TEST(TitleForms, MorphologyOfTheMasculineSingular) {
  for (const FormCase& c : kFormCases) {
    std::vector<TitleForm> forms = title_forms(c.title, c.plural, c.feminine);
    auto find = [&](std::string_view w) {
      return std::find_if(forms.begin(), forms.end(), [&](const TitleForm& f) { return f.written == w; });
    };
    for (const auto& [form, construct] : c.made) {
      auto it = find(form);
      ASSERT_NE(it, forms.end()) << c.title << " → " << form;
      EXPECT_EQ(it->construct, construct) << form;
    }
    for (const char* form : c.not_made) EXPECT_EQ(find(form), forms.end()) << c.title << " ↛ " << form;
  }
}

}  // namespace
}  // namespace rawabit::lexicon
