// A set of normalized words read from a one-word-per-line file (comments with '#').
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

namespace rawabit::lexicon {

class WordSet {
 public:
  void load(const std::filesystem::path& file);
  void add(std::string_view word);
  bool contains(std::string_view normalized_word) const;
  size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace rawabit::lexicon
