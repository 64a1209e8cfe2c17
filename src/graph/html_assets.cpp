#include "graph/html_assets.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "common/error.hpp"

namespace rawabit::graph {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLibrary = "node_modules/cytoscape/dist/cytoscape.min.js";
constexpr const char* kPage = "src/explorer.html";

std::vector<fs::path> candidate_dirs() {
  if (const char* env = std::getenv("RAWABIT_WEB"); env && *env) return {fs::path(env)};  // as the user says
  std::vector<fs::path> dirs;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
      dirs.push_back(dir / "web");
  dirs.push_back(fs::path(RAWABIT_SOURCE_DIR) / "web");
  return dirs;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + rawabit::quoted(path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// The first candidate holding the page; then the library must be there too.
fs::path find_web_dir() {
  std::string searched;
  for (const fs::path& dir : candidate_dirs()) {
    if (fs::is_regular_file(dir / kPage)) {
      if (fs::is_regular_file(dir / kLibrary)) return dir;
      throw Error("the HTML export embeds cytoscape.js, which is not installed: " +
                  rawabit::quoted((dir / kLibrary).string()) + " is missing. Run scripts/setup (it runs `npm ci` "
                  "in " + rawabit::quoted(dir.string()) + ")");
    }
    searched += (searched.empty() ? "" : ", ") + dir.string();
  }
  throw Error("the HTML export needs rawabit's web/ directory (" + std::string(kPage) + "), not found in: " +
              searched + ". Set RAWABIT_WEB to it");
}

bool contains_script_end(std::string_view text) {
  constexpr std::string_view kEnd = "</script";
  auto it = std::search(text.begin(), text.end(), kEnd.begin(), kEnd.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != text.end();
}

}  // namespace

HtmlAssets load_html_assets() {
  const fs::path dir = find_web_dir();
  HtmlAssets assets{read_file(dir / kPage), read_file(dir / "src/explorer.css"), read_file(dir / "src/explorer.js"),
                    read_file(dir / kLibrary)};
  for (const std::string* js : {&assets.script, &assets.library})
    if (contains_script_end(*js))
      throw Error("a script of the HTML explorer in " + rawabit::quoted(dir.string()) +
                  " contains \"</script\", which would end its element early");
  return assets;
}

}  // namespace rawabit::graph
