#include "lexicon/roles.hpp"

#include "lexicon/title_forms.hpp"
#include "lexicon/tsv.hpp"

namespace rawabit::lexicon {

namespace {
constexpr std::string_view kMasculineOnly = "masculine-only", kPortfolio = "portfolio", kOwnOffice = "own-office",
                           kGenitiveOnly = "genitive-only",
                           kOrganizationsOnly = "organizations-only", kAdjective = "adjective",
                           kGivenName = "given-name";
}

void RoleTable::load(const std::filesystem::path& file, const Gazetteer& gazetteer) {
  struct Inflect {
    size_t role;
    std::string plural;
    bool feminine;
  };
  std::vector<Inflect> to_inflect;
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(3, 5);
    std::string_view predicate = line.fields[1];
    if (predicate != "leader_of" && predicate != "official_of" && predicate != "affiliated_with" &&
        predicate != "counterpart") {
      line.fail("a title's predicate is leader_of, official_of, affiliated_with or counterpart");
    }
    std::string_view plural = line.fields.size() > 3 ? line.fields[3] : "";
    if (plural == "-") plural = "";
    bool feminine = true, portfolio = false, own_office = false, genitive_only = false, organizations_only = false,
         also_adjective = false, given_name = false;
    std::optional<uint32_t> implied_of;
    if (line.fields.size() > 4) {
      for (std::string_view flag : split_list(line.fields[4])) {
        if (flag == kMasculineOnly) feminine = false;
        else if (flag == kPortfolio) portfolio = true;
        else if (flag == kOwnOffice) own_office = true;
        else if (flag == kGenitiveOnly) genitive_only = true;
        else if (flag == kOrganizationsOnly) organizations_only = true;
        else if (flag == kAdjective) also_adjective = true;
        else if (flag == kGivenName) given_name = true;
        else if (flag.starts_with("of=") && (implied_of = gazetteer.by_name(flag.substr(3)))) continue;
        else if (flag.starts_with("of=")) line.fail("no gazetteer entry named «" + std::string(flag.substr(3)) + "»");
        else line.fail("a title's flags are «masculine-only», «portfolio», «own-office», «genitive-only», «of=NAME», «organizations-only», «adjective» and «given-name»");
      }
    }
    std::optional<uint32_t> existing;
    titles_.add(line.fields[0], static_cast<uint32_t>(roles_.size()), &existing);
    if (existing) line.fail("title defined twice");
    // Counterpart words («نظيره») carry a pronoun suffix: they are listed in every form.
    if (predicate != "counterpart") to_inflect.push_back({roles_.size(), std::string(plural), feminine});
    roles_.push_back({std::string(line.fields[0]), std::string(predicate), std::string(line.fields[2]), genitive_only,
                      genitive_only, portfolio, own_office, implied_of, organizations_only, also_adjective, given_name});
  });
  // After every listed title, so that a listed form keeps its own row.
  for (const Inflect& in : to_inflect) {
    Role base = roles_[in.role];
    for (const TitleForm& form : title_forms(base.title, in.plural, in.feminine)) {
      std::optional<uint32_t> existing;
      if (!titles_.add(form.written, static_cast<uint32_t>(roles_.size()), &existing) || existing) continue;
      roles_.push_back(
          {form.written, base.predicate, base.role, form.construct || base.construct, base.genitive_only,
           base.portfolio && !form.construct, base.own_office, base.implied_of, base.organizations_only,
           base.also_adjective});
    }
  }
}

}  // namespace rawabit::lexicon
