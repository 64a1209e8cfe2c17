#include "lexicon/offices.hpp"

#include "lexicon/tsv.hpp"

namespace rawabit::lexicon {

namespace {

// Whether an ISO date falls in [since, until]; dates are compared to the precision both have.
bool before(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  return a.substr(0, n) < b.substr(0, n);
}

bool in_office(const Office& o, std::string_view date) {
  return !before(date, o.since) && (o.until.empty() || !before(o.until, date));
}

bool is_date(std::string_view d) {
  if (d.empty()) return true;
  if (d.size() != 4 && d.size() != 7) return false;
  for (size_t i = 0; i < d.size(); ++i)
    if (i == 4 ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  return true;
}

}  // namespace

void OfficeTable::load(const std::filesystem::path& file, const Gazetteer& gazetteer) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(4, 6);
    auto person = gazetteer.by_name(line.fields[0]);
    if (!person) line.fail("no gazetteer entry named «" + std::string(line.fields[0]) + "»");
    std::string_view predicate = line.fields[1];
    if (predicate != "leader_of" && predicate != "official_of") line.fail("an office is leader_of or official_of");
    auto of = gazetteer.by_name(line.fields[2]);
    if (!of) line.fail("no gazetteer entry named «" + std::string(line.fields[2]) + "»");
    std::string_view since = line.fields.size() > 4 ? line.fields[4] : "";
    std::string_view until = line.fields.size() > 5 ? line.fields[5] : "";
    if (!is_date(since) || !is_date(until)) line.fail("since and until are YYYY or YYYY-MM, or empty");
    by_person_[*person].push_back(
        {std::string(predicate), *of, std::string(line.fields[3]), std::string(since), std::string(until)});
    ++count_;
  });
}

std::optional<OfficeTable::Held> OfficeTable::held(uint32_t person, std::string_view predicate,
                                                   std::string_view date) const {
  auto it = by_person_.find(person);
  if (it == by_person_.end()) return std::nullopt;
  const Office* only = nullptr;
  bool one_place = true;
  for (const Office& o : it->second) {
    if (o.predicate != predicate) continue;
    if (!date.empty() && in_office(o, date)) return Held{&o, false};
    if (only && only->of != o.of) one_place = false;
    if (!only || before(only->until, o.until) || o.until.empty()) only = &o;
  }
  if (!only || !one_place) return std::nullopt;
  bool former = !date.empty() && !only->until.empty() && before(only->until, date);
  return Held{only, former};
}

}  // namespace rawabit::lexicon
