#include "lexicon/trigger_forms.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace rawabit::lexicon {
namespace {

struct SuffixCase {
  const char* trigger;
  std::vector<const char*> made, not_made;
};

const SuffixCase kSuffixCases[] = {
    {"زيارة", {"زيارته", "زيارتها", "زيارتيه", "زيارتين", "زيارتهم"}, {"زيارةه"}},
    {"عقوبات", {"عقوباتها", "عقوباته"}, {}},
    {"حذرت", {"حذرتها", "حذرتهم"}, {}},
    {"الزيارة", {}, {"الزيارته"}},      // the article takes no possessive suffix
    {"ضم", {}, {"ضمه"}},               // too short to inflect safely
    {"وصل", {"وصلها", "وصلهم"}, {"وصله"}},  // «وصله» would be «بوصلة», a compass, once normalized
    {"فرض عقوبات", {}, {"فرض عقوباتها"}},  // phrases are listed as they are
};

TEST(TriggerForms, PronounSuffixes) {
  for (const SuffixCase& c : kSuffixCases) {
    std::vector<std::string> forms = suffixed_forms(c.trigger);
    auto has = [&](std::string_view f) { return std::find(forms.begin(), forms.end(), f) != forms.end(); };
    for (const char* f : c.made) EXPECT_TRUE(has(f)) << c.trigger << " → " << f;
    for (const char* f : c.not_made) EXPECT_FALSE(has(f)) << c.trigger << " ↛ " << f;
    if (c.made.empty()) EXPECT_TRUE(forms.empty()) << c.trigger;
  }
}

}  // namespace
}  // namespace rawabit::lexicon
