// GEXF 1.3 (http://gexf.net/1.3, with the viz module) for Gephi, as a dynamic graph over the dates
// of the evidence (mode="dynamic", timeformat="date"):
//  - a fact seen during one continuous period has start/end attributes; a fact that recurs at
//    separate times has one <spell> per period (timeline.hpp: partial dates cover their month or
//    year, adjacent days merge); a fact without dated evidence is always present;
//  - an entity spans its facts' periods, or is always present if one of its facts is;
//  - nodes: label (English), attvalues label_ar, type, mentions, degrees, metrics, qid (as in
//    GraphML), viz:color of the entity type, viz:size from PageRank and viz:position when
//    place_nodes() set the positions;
//  - edges: id="subject-predicate-object", label and kind = predicate (kind keeps parallel
//    relations apart), weight, attvalues predicate, first_seen, last_seen.
// No xsi:schemaLocation: the file validates against the official GEXF 1.3 RELAX NG grammar.
// Text is escaped for XML 1.0 (escape.hpp). Throws rawabit::Error if the stream fails.
#pragma once
#include <ostream>

#include "graph/model.hpp"

namespace rawabit::graph {

void write_gexf(const KnowledgeGraph& g, std::ostream& out);

}  // namespace rawabit::graph
