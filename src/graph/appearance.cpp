#include "graph/appearance.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace rawabit::graph {

Rgb type_colour(std::string_view entity_type) {
  static constexpr std::array<std::pair<std::string_view, Rgb>, 6> kPalette{{
      {"PERSON", {0xE6, 0x9F, 0x00}},
      {"ORGANIZATION", {0x56, 0xB4, 0xE9}},
      {"COUNTRY", {0x00, 0x9E, 0x73}},
      {"LOCATION", {0xF0, 0xE4, 0x42}},
      {"TREATY", {0xCC, 0x79, 0xA7}},
      {"WEAPON", {0xD5, 0x5E, 0x00}},
  }};
  for (const auto& [type, colour] : kPalette)
    if (type == entity_type) return colour;
  return {0x99, 0x99, 0x99};
}

std::string hex(Rgb c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (uint8_t v : {c.r, c.g, c.b}) {
    out += kDigits[v >> 4];
    out += kDigits[v & 15];
  }
  return out;
}

double node_size(double pagerank, double max_pagerank) {
  const double share = max_pagerank > 0 ? std::clamp(pagerank / max_pagerank, 0.0, 1.0) : 0.0;
  return std::round((10 + 40 * std::sqrt(share)) * 100) / 100;
}

double font_size(double pagerank, double max_pagerank) {
  const double share = max_pagerank > 0 ? std::clamp(pagerank / max_pagerank, 0.0, 1.0) : 0.0;
  return std::round((10 + 6 * std::sqrt(share)) * 10) / 10;
}

std::string predicate_colour(size_t rank) {
  static constexpr std::array<std::string_view, 9> kPalette{
      "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e"};
  return std::string(rank < kPalette.size() ? kPalette[rank] : "#7f7f7f");
}

double pen_width(double weight) {
  const double width = 1.0 + std::log2(std::max(1.0, weight));
  return std::round(std::min(8.0, width) * 100) / 100;
}

}  // namespace rawabit::graph
