// The six entity types of the ontology (../shared/ontology.md).
#pragma once
#include <optional>
#include <string_view>

namespace rawabit::lexicon {

enum class EntityType : uint8_t { Person, Organization, Country, Location, Treaty, Weapon };

std::string_view type_name(EntityType t);                     // "PERSON", "ORGANIZATION", ...
std::optional<EntityType> parse_type(std::string_view name);  // inverse of type_name

// Countries, organizations and persons can act; seats and capitals act through stands_for.
inline bool is_actor(EntityType t) {
  return t == EntityType::Person || t == EntityType::Organization || t == EntityType::Country;
}

}  // namespace rawabit::lexicon
