// The files the HTML explorer is made of, read when a page is written: web/src/explorer.{html,css,js}
// (rawabit's own page) and the graph library, cytoscape.js, which `scripts/setup` installs with
// `npm ci` in web/ (web/node_modules/cytoscape/dist/cytoscape.min.js). Every exported page embeds
// them all, so it needs nothing else when opened.
//
// web/ is $RAWABIT_WEB when set; else it is looked for beside or above the executable
// (build/rawabit finds ../web), then in the source tree the binary was built from.
#pragma once
#include <filesystem>
#include <string>

namespace rawabit::graph {

struct HtmlAssets {
  std::string page;     // explorer.html: the page, with the @@NAME@@ slots html_writer fills
  std::string style;    // explorer.css
  std::string script;   // explorer.js
  std::string library;  // cytoscape.min.js
};

// Throws rawabit::Error naming the places searched, and the command that installs the library,
// if a file is missing; or if the library contains "</script", which would end its script element.
HtmlAssets load_html_assets();

}  // namespace rawabit::graph
