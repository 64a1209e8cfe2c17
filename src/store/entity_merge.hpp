// What the passes that move a name's mentions to the entity it belongs to once a build is
// written (glued_names.hpp, completed_names.hpp; issue 16) share: finding an entity by its name,
// reading the words around a mention, and folding an entity into another.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rawabit::store {

// What a pass moved: mentions, and the entities they left.
struct MovedMentions {
  size_t entities = 0;  // entities that gave mentions away
  size_t mentions = 0;  // mentions moved
};

// The key under which a pass finds an entity: its type and its normalized Arabic name.
std::string entity_slot(std::string_view type, std::string_view form);

// Whether a code point belongs to a word of a mention's context: a letter, a digit or a mark;
// not white space, nor ASCII or Arabic punctuation («» ، ؛ ؟ “ ” – …).
bool word_char(char32_t cp);

// Gives the relations of `from` to `to` (its evidence joins a relation `to` has already; one that
// would relate `to` with itself is dropped), points what stood for `from` at `to`, and deletes
// `from` with its aliases. `from` must have no mentions left. Runs inside the caller's transaction.
void fold_entity_into(SQLite::Database& db, int64_t from, int64_t to);

}  // namespace rawabit::store
