// Titles that introduce a person and give their role (schema/lexicon/roles.tsv:
// title<TAB>predicate<TAB>role). «الرئيس» → leader_of/President; «وزير الدفاع» →
// official_of/Minister of Defense; «المحلل» → affiliated_with/Analyst; «نظيره» → counterpart:
// the office of the person it is the counterpart of.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "lexicon/phrase_index.hpp"

namespace rawabit::lexicon {

struct Role {
  std::string title, predicate, role;
};

class RoleTable {
 public:
  void load(const std::filesystem::path& file);
  const PhraseIndex& titles() const { return titles_; }
  const Role& operator[](uint32_t i) const { return roles_[i]; }
  size_t size() const { return roles_.size(); }

 private:
  std::vector<Role> roles_;
  PhraseIndex titles_;
};

}  // namespace rawabit::lexicon
