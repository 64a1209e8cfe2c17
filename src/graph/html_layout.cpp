#include "graph/html_layout.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>
#include <algorithm>
#include <sstream>

#include "common/error.hpp"
#include "graph/dot_writer.hpp"
#include "graph/graphviz.hpp"

namespace rawabit::graph {
namespace {

// A temporary file, removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rawabit-layout-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error(std::string("cannot create a temporary file for the layout: ") + std::strerror(errno));
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Graphviz's `plain` format: "node NAME X Y ..." in inches with y growing upwards; write_dot names
// nodes by entity id, so NAME is a number.
std::unordered_map<int64_t, Point> read_plain(std::istream& in) {
  std::unordered_map<int64_t, Point> positions;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind;
    int64_t id = 0;
    double x = 0, y = 0;
    if (!(fields >> kind) || kind != "node" || !(fields >> id >> x >> y)) continue;
    positions[id] = Point{x * 72, -y * 72};
  }
  return positions;
}

// The pictures' DOT source; splines are routed after the nodes are placed, so leaving them out
// changes no position and spares the slowest step.
std::string picture_source(const KnowledgeGraph& g) {
  std::ostringstream dot;
  write_dot(g, dot);
  std::string source = std::move(dot).str();
  if (const size_t at = source.find("splines=true"); at != std::string::npos) source.replace(at, 12, "splines=false");
  return source;
}

// The facts as an undirected graph of points, one edge per linked pair, for sfdp.
std::string structure_source(const KnowledgeGraph& g) {
  std::ostringstream dot;
  dot << "graph rawabit {\n  graph [layout=sfdp, overlap=prism, splines=false];\n  node [shape=point, width=0.3];\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) dot << "  " << g[v].id << ";\n";
  std::set<std::pair<int64_t, int64_t>> pairs;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const int64_t a = g[boost::source(e, g)].id, b = g[boost::target(e, g)].id;
    if (a != b && pairs.insert(std::minmax(a, b)).second) dot << "  " << a << " -- " << b << ";\n";
  }
  dot << "}\n";
  return std::move(dot).str();
}

}  // namespace

std::unordered_map<int64_t, Point> layout_positions(const KnowledgeGraph& g) {
  if (boost::num_vertices(g) == 0) return {};
  const std::string source = boost::num_vertices(g) <= kPictureLayoutLimit ? picture_source(g) : structure_source(g);
  TempFile plain;
  render_with_graphviz(source, "plain", plain.path());
  std::ifstream in(plain.path());
  std::unordered_map<int64_t, Point> positions = read_plain(in);
  if (positions.size() != boost::num_vertices(g))
    throw Error("Graphviz placed " + std::to_string(positions.size()) + " of the graph's " +
                std::to_string(boost::num_vertices(g)) + " entities");
  return positions;
}

}  // namespace rawabit::graph
