// Merging databases built apart (shards) into one.
//
// Contract: entities merge by key, relations by (subject, predicate, object); a document whose
// source is already in the target is kept as it is there (a different text under the same
// source is reported through `warn`), and a document whose text is already stored under another
// source becomes a duplicate record. Ids are renumbered; the merged sentences join the target's
// full-text index. The shard is only read.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "store/store.hpp"

namespace rawabit::store {

struct MergeTally {
  size_t documents = 0, duplicates = 0, conflicts = 0;
  std::string lexicon_version;  // the shard's meta.lexicon_version, empty when it has none
};

MergeTally merge_into(Store& target, const std::filesystem::path& shard,
                      const std::function<void(const std::string&)>& warn);

}  // namespace rawabit::store
