#include "lexicon/nisba.hpp"

#include "lexicon/tsv.hpp"
#include "text/clitics.hpp"
#include "text/normalize.hpp"

namespace rawabit::lexicon {

namespace {
constexpr std::string_view kArticle = "\u0627\u0644";  // ال
}

void NisbaTable::load(const std::filesystem::path& file, const Gazetteer& gazetteer) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(2, 2);
    auto entry = gazetteer.by_name(line.fields[0]);
    if (!entry) line.fail("no gazetteer entry named «" + std::string(line.fields[0]) + "»");
    for (std::string_view form : split_list(line.fields[1])) {
      std::string norm = text::normalize_form(form);
      auto known = norm.find(' ') == std::string::npos ? find(norm) : std::nullopt;
      if (const uint32_t* pair = pairs_.find(norm); pair && *pair != *entry) known = *pair;
      if (known && *known != *entry) line.fail("nisba «" + std::string(form) + "» already refers to «" +
                                               gazetteer[*known].name_en + "»");
      add(form, *entry);
    }
  });
}

void NisbaTable::add(std::string_view form, uint32_t entry) {
  std::string norm = text::normalize_form(form);
  if (norm.find(' ') != std::string::npos) {
    pairs_.emplace(norm, entry);
    return;
  }
  endings_.add(norm);
  forms_.emplace(norm, entry);
}

std::optional<uint32_t> NisbaTable::find(std::string_view bare) const {
  const uint32_t* entry = forms_.find(bare);
  if (!entry) return std::nullopt;
  return *entry;
}

std::optional<uint32_t> NisbaTable::lookup(std::string_view word) const {
  std::optional<uint32_t> found;
  // Every form looked up below is a suffix of the word, or ال + one: all end as the word does.
  if (!endings_.may_end(word)) return found;
  text::for_each_reading(word, [&](std::string_view form, size_t) {
    if (found) return;
    if (text::has_prefix(form, kArticle)) found = find(form.substr(kArticle.size()));
    if (!found) found = find(form);  // also forms that begin with ال themselves: الماني
  });
  return found;
}

std::optional<uint32_t> NisbaTable::lookup_pair(std::string_view first, std::string_view second) const {
  if (pairs_.size() == 0) return std::nullopt;
  std::optional<uint32_t> found;
  // Both words carry the article or neither does: «الكوري الشمالي», «كوري شمالي».
  bool definite = text::has_prefix(second, kArticle);
  std::string_view bare_second = definite ? second.substr(kArticle.size()) : second;
  text::for_each_reading(first, [&](std::string_view form, size_t) {
    if (found || text::has_prefix(form, kArticle) != definite) return;
    std::string key(definite ? form.substr(kArticle.size()) : form);
    key += ' ';
    key += bare_second;
    if (const uint32_t* entry = pairs_.find(key)) found = *entry;
  });
  return found;
}

}  // namespace rawabit::lexicon
