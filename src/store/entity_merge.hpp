// Folding an entity into another once a build is written (issue 16): the passes that move a
// name's mentions to the entity it belongs to (glued_names.hpp, completed_names.hpp) end here.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>

namespace rawabit::store {

// Gives the relations of `from` to `to` (its evidence joins a relation `to` has already; one that
// would relate `to` with itself is dropped), points what stood for `from` at `to`, and deletes
// `from` with its aliases. `from` must have no mentions left. Runs inside the caller's transaction.
void fold_entity_into(SQLite::Database& db, int64_t from, int64_t to);

}  // namespace rawabit::store
