#include "lexicon/entity_type.hpp"

#include <array>

namespace rawabit::lexicon {

namespace {
constexpr std::array<std::string_view, 6> kNames = {"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "TREATY", "WEAPON"};
}

std::string_view type_name(EntityType t) { return kNames[static_cast<size_t>(t)]; }

std::optional<EntityType> parse_type(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

}  // namespace rawabit::lexicon
