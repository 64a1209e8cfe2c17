// How entities and facts look, shared by every format so that a type has one colour in Gephi and in
// Graphviz. Colours are Okabe & Ito's palette, distinguishable with the common colour-vision
// deficiencies:
//   PERSON #E69F00 orange   ORGANIZATION #56B4E9 sky blue   COUNTRY  #009E73 bluish green
//   LOCATION #F0E442 yellow TREATY #CC79A7 reddish purple     WEAPON #D55E00 vermilion
//   any other type #999999 grey
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rawabit::graph {

struct Rgb {
  uint8_t r, g, b;
};

Rgb type_colour(std::string_view entity_type);

// "#rrggbb", as DOT and CSS take it.
std::string hex(Rgb c);

// A node's size from its PageRank: 10 for none, 50 for the graph's highest, the area (not the
// radius) growing linearly in between.
double node_size(double pagerank, double max_pagerank);

// The label font size of a node: 10 points for no PageRank, 16 for the graph's highest.
double font_size(double pagerank, double max_pagerank);

// The colour of the edges of the graph's `rank`-th most frequent predicate: nine distinct dark hues
// (from Tableau 10), then grey for the rest.
std::string predicate_colour(size_t rank);

// The pen width of an edge of the given weight: 1 for one document, +1 per doubling, at most 8.
double pen_width(double weight);

}  // namespace rawabit::graph
