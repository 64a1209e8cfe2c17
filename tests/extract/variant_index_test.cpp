// VariantIndex finds the name a scan of the list would, in list order, for every word.
#include <gtest/gtest.h>

#include "extract/names.hpp"
#include "extract/variant_index.hpp"
#include "text/normalize.hpp"

namespace rawabit::extract {
namespace {

std::optional<uint32_t> by_scan(const std::vector<std::string_view>& names, std::string_view word) {
  for (uint32_t i = 0; i < names.size(); ++i)
    if (names[i].size() + 2 >= word.size() && word.size() + 2 >= names[i].size() && variant_words(word, names[i]))
      return i;
  return std::nullopt;
}

TEST(VariantIndex, FindsTheFirstVariantAsAScanWould) {
  std::vector<std::string> forms;
  for (const char* w : {"بوتين", "بوتن", "ترامب", "ترمب", "لوكاشينكو", "لوكاشنكو", "لوكاتشينكو", "شويغو", "شويجو",
                        "زيلينسكي", "زيلنسكي", "ستولتنبرغ", "ستولتنبيرغ", "بيسكوف", "لافروف", "لافرون", "ماكرون"})
    forms.push_back(text::normalize_form(w));
  std::vector<std::string_view> names(forms.begin(), forms.end());
  // Words: every name, each with one letter dropped, doubled or changed, and unrelated words.
  std::vector<std::string> words(forms.begin(), forms.end());
  for (const std::string& f : forms) {
    words.push_back(f.substr(2));                      // first letter dropped (Arabic letters: 2 bytes)
    words.push_back(f.substr(0, 4) + f.substr(6));     // third letter dropped
    words.push_back(f + f.substr(f.size() - 2));       // last letter doubled
    words.push_back(f.substr(0, f.size() - 2) + "ن");  // last letter changed
  }
  for (const char* w : {"القوات", "المحادثات", "موسكو", "واشنطن"}) words.push_back(text::normalize_form(w));
  const VariantIndex index(names);
  size_t found = 0;
  for (const std::string& w : words) {
    EXPECT_EQ(index.first_variant(w), by_scan(names, w)) << w;
    found += by_scan(names, w).has_value();
  }
  EXPECT_GT(found, forms.size());  // the table exercises variants, not only exact names
}

}  // namespace
}  // namespace rawabit::extract
