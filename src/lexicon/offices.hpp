// Known office holdings (schema/lexicon/offices.tsv: person_en<TAB>predicate<TAB>of_en<TAB>role
// <TAB>since<TAB>until, dates YYYY or YYYY-MM, until empty while in office). They resolve a title
// that names no state: «رئيسة الوزراء تيريزا ماي», «وزير الخارجية وانغ يي», «الرئيس ريتشارد
// نيكسون» — the article says the office, the table says whose.
#pragma once
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/gazetteer.hpp"

namespace rawabit::lexicon {

struct Office {
  std::string predicate;  // leader_of or official_of
  uint32_t of;            // gazetteer entry of the country or organization
  std::string role, since, until;
};

class OfficeTable {
 public:
  // Every person and organization must be a gazetteer entry; errors quote file:line.
  void load(const std::filesystem::path& file, const Gazetteer& gazetteer);

  // The office with `predicate` that `person` (a gazetteer entry) held at `date` (ISO, may be
  // empty): the one held then, else the only one they ever held with that predicate in one
  // place. `former` tells whether it had ended by `date`.
  struct Held {
    const Office* office;
    bool former;
  };
  std::optional<Held> held(uint32_t person, std::string_view predicate, std::string_view date) const;
  // Every office `person` ever held (none when the table knows none).
  std::span<const Office> of_person(uint32_t person) const {
    auto it = by_person_.find(person);
    if (it == by_person_.end()) return {};
    return it->second;
  }
  size_t size() const { return count_; }

 private:
  std::unordered_map<uint32_t, std::vector<Office>> by_person_;
  size_t count_ = 0;
};

}  // namespace rawabit::lexicon
