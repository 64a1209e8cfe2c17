// What the extract stage finds in one document. Entities are local to the document (indices
// into Annotations::entities) and carry a key under which the store merges them across
// documents: a gazetteer entry's English name, or TYPE:skeleton for entities found in text.
// All spans are byte offsets into Document::text (the original).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lexicon/entity_type.hpp"

namespace rawabit::extract {

using lexicon::EntityType;

struct Entity {
  std::string key, name, name_ar, qid;
  EntityType type;
  std::optional<uint32_t> gazetteer;  // the gazetteer entry, when linked
  std::optional<uint32_t> stands_for; // index into Annotations::entities
  std::string origin;                 // gazetteer | title | tagger
  std::vector<std::string> aliases;   // surface forms to record (the gazetteer's forms for linked ones)
};

struct Mention {
  uint32_t entity;
  uint32_t sentence;
  uint32_t first_token, end_token;
  size_t begin, end;                  // original byte span of the entity's words (clitics excluded)
  std::string method;                 // gazetteer | title | surname | variant | tagger
  bool unsure = false;                // the tagger's alone, read without a firm margin (entities.hpp)
  bool tentative = false;             // the tagger's alone, below a sure margin, as every unsure one
  bool announced = false;             // an organization noun stands before it or heads it: «نادي X», «جامعة X»
  bool weak = false;                  // kept only where the corpus names its entity firmly (entities.hpp)
};

struct Fact {
  uint32_t subject, object;
  std::string predicate;
  uint32_t sentence;
  size_t begin, end;                  // original byte span from the first to the last word matched
  double confidence;
  std::string date;
  std::vector<std::pair<std::string, std::string>> attrs;  // role, weapon, modality, ...
  std::string pattern;                // the rule that matched (file:line or a rule name)
};

struct Annotations {
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Fact> facts;
  // The extractor keeps `mentions` in nondecreasing sentence order whenever it looks at one
  // sentence (each pass appends the current sentence's; the final sort by token keeps the order),
  // so a sentence's mentions are found by binary search (SentenceView). This many leading
  // mentions were last found in order; what was appended since is checked, not trusted.
  mutable size_t mentions_in_order = 0;

  // The index of the first entity with this key, adding `make()` when it is new. A few entities
  // are scanned; beyond that a hash index keeps a long document's extraction linear.
  template <class Make>
  uint32_t intern(const std::string& key, Make make) {
    if (entities.size() < kScannedEntities) {
      for (uint32_t i = 0; i < entities.size(); ++i)
        if (entities[i].key == key) return i;
    } else {
      if (indexed_entities > entities.size()) {  // entities were removed: index them again
        entity_by_key.clear();
        indexed_entities = 0;
      }
      for (; indexed_entities < entities.size(); ++indexed_entities)
        entity_by_key.emplace(entities[indexed_entities].key, static_cast<uint32_t>(indexed_entities));
      if (auto it = entity_by_key.find(key); it != entity_by_key.end()) return it->second;
    }
    entities.push_back(make());
    return static_cast<uint32_t>(entities.size() - 1);
  }

 private:
  static constexpr size_t kScannedEntities = 64;
  std::unordered_map<std::string, uint32_t> entity_by_key;  // of the first indexed_entities entities
  size_t indexed_entities = 0;
};

}  // namespace rawabit::extract
