// `rawabit export --format html`: the evidence explorer, one self-contained HTML file. It embeds the
// page (web/src), the graph library (cytoscape.js) and the data (html_data.hpp) as JSON in a
// <script type="application/json"> block, so it opens offline and nothing is fetched. The data
// cannot end its block: every '<', '>' and '&' in it is written as a JSON \u escape. A Content
// Security Policy allows only the two scripts the page embeds (by their SHA-256) and no network
// access, so even markup smuggled into the page could run nothing.
#pragma once
#include <SQLiteCpp/Database.h>

#include <ostream>
#include <string>

#include "graph/loader.hpp"
#include "graph/model.hpp"

namespace rawabit::graph {

// Writes the page for `g`, which select_graph made from `db` with evidence `filter`; `title` names
// the graph in the page's title. Throws rawabit::Error if the page's files or the library are
// missing (html_assets.hpp), on a database error, or if the stream fails.
void write_html(SQLite::Database& db, const KnowledgeGraph& g, const EvidenceFilter& filter, const std::string& title,
                std::ostream& out);

// JSON text made safe inside a <script> element: '<', '>' and '&' (which only occur inside JSON
// strings) become \u003c, \u003e and \u0026, so "</script>" and "<!--" cannot appear.
std::string script_safe_json(std::string_view json_text);

}  // namespace rawabit::graph
