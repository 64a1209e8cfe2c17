// Merging databases built apart (shards) into one.
//
// Contract: entities merge by key, relations by (subject, predicate, object); a document whose
// source is already in the target is kept as it is there (a different text under the same
// source is reported through `warn`), and a document whose text is already stored under another
// source becomes a duplicate record. Ids are renumbered; the full-text index is rebuilt.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "store/store.hpp"

namespace rawabit::store {

struct MergeTally {
  size_t documents = 0, duplicates = 0, conflicts = 0;
};

MergeTally merge_into(Store& target, const std::filesystem::path& shard,
                      const std::function<void(const std::string&)>& warn);

}  // namespace rawabit::store
