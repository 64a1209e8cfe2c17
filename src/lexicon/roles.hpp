// Titles that introduce a person and give their role (schema/lexicon/roles.tsv:
// title<TAB>predicate<TAB>role[<TAB>plural[<TAB>flags]], flags being masculine-only, portfolio,
// own-office, genitive-only, of=NAME, organizations-only and adjective). «الرئيس» → leader_of/President;
// «وزير الدفاع» → official_of/Minister of Defense; «المحلل» → affiliated_with/Analyst; «نظيره» →
// counterpart: the office of the person it is the counterpart of. Each title is listed once, in
// the masculine singular; its feminine, dual, plural and construct forms are made by
// lexicon/title_forms.hpp and indexed too, each a Role of its own with the same predicate and role.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lexicon/gazetteer.hpp"
#include "lexicon/phrase_index.hpp"

namespace rawabit::lexicon {

struct Role {
  std::string title, predicate, role;
  bool construct = false;  // «وزير خارجية»: only with a genitive affiliation after it
  bool genitive_only = false;  // «ممثل»: a genitive body, never a nisba («الممثلة الأسترالية» is an actress)
  bool portfolio = false;  // «وزير الخزانة الأميركي»: a portfolio may stand before the state
  bool own_office = false;  // a known person holds it only if the office table gives this role
  std::optional<uint32_t> implied_of;  // «السيناتور»: the body the title names by itself
  bool organizations_only = false;     // «القيادي في حركة حماس»: never a state's office
  bool also_adjective = false;         // «الحاكم»: after a definite noun, an adjective («الحزب الحاكم»)
  bool given_name = false;             // «سلطان»: as written, also a given name («سلطان أحمد بن سليم»)
};

class RoleTable {
 public:
  // Organizations named by a flag «of=NAME» are gazetteer entries; errors quote file:line.
  void load(const std::filesystem::path& file, const Gazetteer& gazetteer);
  const PhraseIndex& titles() const { return titles_; }
  const Role& operator[](uint32_t i) const { return roles_[i]; }
  size_t size() const { return roles_.size(); }

 private:
  std::vector<Role> roles_;
  PhraseIndex titles_;
};

}  // namespace rawabit::lexicon
