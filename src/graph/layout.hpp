// Node positions for the files Gephi opens (GraphML x, y; GEXF viz:position), so that it shows the
// layout the pictures show instead of a random one. The positions come from Graphviz laying out the
// very DOT source the pictures render (dot_writer.hpp): fdp, as the pictures, up to
// kMaxPictureEntities entities; above that, where no picture is drawn, sfdp, Graphviz's multilevel
// force-directed layout, which takes seconds where fdp takes minutes.
#pragma once
#include <string_view>

#include "graph/model.hpp"

namespace rawabit::graph {

// Sets every vertex's position; false, leaving them unset, when Graphviz's `dot` is not on PATH.
// Throws rawabit::Error if Graphviz fails.
bool place_nodes(KnowledgeGraph& g);

// Reads the node coordinates of Graphviz's `-Tplain` output (inches) into the vertices whose
// entity id names a node, in points. Lines that are not nodes are ignored.
void read_plain_positions(std::string_view plain, KnowledgeGraph& g);

}  // namespace rawabit::graph
