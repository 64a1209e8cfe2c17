// DOT for Graphviz, meant to be read as a picture at a glance:
//  - nodes filled with the colour of their entity type (appearance.hpp), labelled "English\nArabic"
//    (the Arabic line when the name is known and differs), the font larger with the PageRank;
//    tooltip (SVG) with the names, type, mentions and number of facts;
//  - edges coloured by predicate (appearance.hpp: the most frequent predicate first), pen width
//    growing with the logarithm of the weight, tooltip "subject → predicate → object (n documents)";
//    one label per pair of entities (the predicates of all the facts between them) as an xlabel,
//    which Graphviz leaves out where it does not fit; none on the facts of a hub (an entity linked
//    to more than kMaxLabelsAround others), none at all above kMaxLabelledFacts facts;
//  - a legend under the picture: the entity types by colour and the predicates by edge colour,
//    with their counts;
//  - entities of one community (metrics.community, from compute_metrics()) drawn together in a
//    dashed cluster titled by its entity of highest PageRank ("Russia +11"); an entity alone in its
//    community stays outside, and a graph of one community has no cluster.
// Node ids are entity ids. The font is "Noto Sans Arabic", which shapes Arabic, falling back to
// "DejaVu Sans". Throws rawabit::Error if the stream fails.
#pragma once
#include <cstddef>
#include <ostream>
#include <string>

#include "graph/model.hpp"

namespace rawabit::graph {

// Above this many entities a picture stops reading at a glance: `export` to svg or png then keeps
// the top entities by PageRank, with a warning.
inline constexpr size_t kMaxPictureEntities = 80;

// Above this many facts, edges carry no label (their predicate stays in colour and tooltip).
inline constexpr size_t kMaxLabelledFacts = 40;

// Nor do the facts of an entity linked to more than this many others.
inline constexpr size_t kMaxLabelsAround = 8;

// Predicates per row of the legend.
inline constexpr size_t kLegendColumns = 4;

struct DotOptions {
  std::string layout = "fdp";  // Graphviz's layout engine
  bool splines = true;         // route edges around nodes; false draws them straight (and faster)
  bool legend = true;
};

void write_dot(const KnowledgeGraph& g, std::ostream& out, const DotOptions& options = {});

}  // namespace rawabit::graph
