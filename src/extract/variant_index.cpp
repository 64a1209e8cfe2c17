#include "extract/variant_index.hpp"

#include <algorithm>

#include "extract/names.hpp"
#include "text/utf8.hpp"

namespace rawabit::extract {

namespace {

// Calls f(key) for the word itself and for the word less each one of its code points.
template <class F>
void for_each_key(std::string_view word, F f) {
  f(word);
  std::string key;
  for (size_t i = 0; i < word.size();) {
    size_t next = i;
    text::next_code_point(word, next);
    key.assign(word.substr(0, i));
    key.append(word.substr(next));
    f(std::string_view(key));
    i = next;
  }
}

void add(std::vector<uint32_t>& positions, uint32_t position) {
  if (positions.empty() || positions.back() != position) positions.push_back(position);
}

}  // namespace

VariantIndex::VariantIndex(const std::vector<std::string_view>& names) {
  names_.assign(names.begin(), names.end());
  for (uint32_t i = 0; i < names_.size(); ++i) {
    for_each_key(names_[i], [&](std::string_view key) {
      auto it = by_key_.find(key);
      if (it == by_key_.end()) it = by_key_.emplace(std::string(key), std::vector<uint32_t>{}).first;
      add(it->second, i);
    });
    add(by_skeleton_[name_skeleton(names_[i])], i);
  }
}

std::optional<uint32_t> VariantIndex::first_variant(std::string_view word) const {
  std::vector<uint32_t> candidates;
  auto take = [&](const Map& map, std::string_view key) {
    if (auto it = map.find(key); it != map.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  };
  for_each_key(word, [&](std::string_view key) { take(by_key_, key); });
  take(by_skeleton_, name_skeleton(word));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t i : candidates) {
    const std::string& name = names_[i];
    if (name.size() + 2 >= word.size() && word.size() + 2 >= name.size() && variant_words(word, name)) return i;
  }
  return std::nullopt;
}

}  // namespace rawabit::extract
