// What the HTML explorer shows, as one JSON document that the page reads from its data block:
//   nodes: [{id, name, ar, type, colour, mentions, degree, pagerank, community, qid, x, y, size, keys}]
//          keys: the matching forms (text::normalize_form) of the names and aliases, for the search;
//   edges: [{s, t, p, w, dates, ev: [{before, span, after, doc, date, confidence, modality}], more}]
//          s and t index nodes; ev holds at most kEvidencePerFact sentences of the fact, the most
//          confident first, cut around the span, and `more` counts the evidence left out;
//   docs:  [{title, date, source, publisher}], indexed by ev[].doc;
//   types: [{type, colour}] in the colours of the other exports; predicates: sorted.
// Evidence is read with the same filter the graph was loaded with, so the sentences shown are the
// ones that count. Every string is well-formed UTF-8 with the bidi controls (which could reorder
// the page's text) and other control characters removed.
#pragma once
#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include "graph/loader.hpp"
#include "graph/model.hpp"

namespace rawabit::graph {

inline constexpr size_t kEvidencePerFact = 5;

// `g` must come from `db` through `filter` (select_graph), with its metrics computed. Throws
// rawabit::Error on a database error or when Graphviz cannot lay the graph out.
nlohmann::json explorer_data(SQLite::Database& db, const KnowledgeGraph& g, const EvidenceFilter& filter);

// `text` without bidi embedding, override, isolate and mark characters and without control
// characters; a line break becomes a space.
std::string neutral_text(std::string_view text);

}  // namespace rawabit::graph
