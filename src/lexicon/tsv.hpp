// Reading the tab-separated data files of schema/. Lines starting with '#' and blank lines are
// skipped; every other line is split on tabs and handed over with its file and line number, so
// that a loader's error can quote file:line and the offending line (TsvLine::error).
#pragma once
#include <charconv>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace rawabit::lexicon {

struct TsvLine {
  std::string file;
  size_t number;
  std::string_view text;
  std::vector<std::string_view> fields;

  [[noreturn]] void fail(std::string_view what) const { throw Error(at_line(file, number, what, text)); }
  // The fields, requiring between min and max of them.
  void expect_fields(size_t min, size_t max) const;
};

void read_tsv(const std::filesystem::path& path, const std::function<void(const TsvLine&)>& on_line);

// Splits "a|b|c" into its non-empty, trimmed parts.
std::vector<std::string_view> split_list(std::string_view s, char sep = '|');

std::string_view trim(std::string_view s);

// The whole of `field` as a number, as std::from_chars reads it (no spaces, no '+'), or nullopt.
template <class Number>
std::optional<Number> parse_number(std::string_view field) {
  Number value{};
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size()) return std::nullopt;
  return value;
}

}  // namespace rawabit::lexicon
