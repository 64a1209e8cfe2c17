// Node positions for the HTML explorer, read back from Graphviz's `plain` output. Up to
// kPictureLayoutLimit entities: the layout of the pictures (`export --format svg/png`), Graphviz's fdp
// on write_dot()'s source. Beyond, fdp takes minutes (it did not finish in 10 minutes on the 2,817
// entities of the ANT corpus): sfdp, Graphviz's multilevel force-directed layout, on the facts alone
// (2.5 s of CPU there), with overlap removal. The page draws the positions as they are, so it opens
// at once instead of running a layout in the browser.
#pragma once
#include <cstdint>
#include <unordered_map>

#include "graph/model.hpp"

namespace rawabit::graph {

inline constexpr size_t kPictureLayoutLimit = 300;

struct Point {
  double x = 0, y = 0;  // points (1/72 inch), y growing downwards as on a screen
};

// The position of every entity of `g`, by entity id. Throws rawabit::Error if Graphviz is missing
// or fails (see render_with_graphviz).
std::unordered_map<int64_t, Point> layout_positions(const KnowledgeGraph& g);

}  // namespace rawabit::graph
