#include "graph/layout.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "graph/dot_writer.hpp"
#include "graph/graphviz.hpp"

namespace rawabit::graph {
namespace {

bool dot_on_path() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string_view rest(path);
  while (!rest.empty()) {
    const size_t colon = rest.find(':');
    const std::filesystem::path dir(std::string(rest.substr(0, colon)));
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / "dot", ec)) return true;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return false;
}

// The next space-separated word of `line`, consumed.
std::string_view next_word(std::string_view& line) {
  const size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos) return line = {};
  line.remove_prefix(start);
  const size_t end = std::min(line.find(' '), line.size());
  const std::string_view word = line.substr(0, end);
  line.remove_prefix(end);
  return word;
}

template <class Number>
bool parse(std::string_view word, Number& value) {
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
  return ec == std::errc() && end == word.data() + word.size();
}

}  // namespace

void read_plain_positions(std::string_view plain, KnowledgeGraph& g) {
  constexpr double kPointsPerInch = 72;
  while (!plain.empty()) {
    const size_t eol = std::min(plain.find('\n'), plain.size());
    std::string_view line = plain.substr(0, eol);
    plain.remove_prefix(std::min(eol + 1, plain.size()));
    if (next_word(line) != "node") continue;
    int64_t id = 0;
    double x = 0, y = 0;
    if (!parse(next_word(line), id) || !parse(next_word(line), x) || !parse(next_word(line), y)) continue;
    if (const auto v = find_vertex(g, id)) g[*v].position = Position{x * kPointsPerInch, y * kPointsPerInch};
  }
}

bool place_nodes(KnowledgeGraph& g) {
  if (boost::num_vertices(g) == 0) return true;
  if (!dot_on_path()) return false;
  DotOptions options;
  options.splines = false;  // the edges' routes are not needed
  if (boost::num_vertices(g) > kMaxPictureEntities) options.layout = "sfdp";
  std::ostringstream dot;
  write_dot(g, dot, options);
  read_plain_positions(run_graphviz(dot.view(), "plain"), g);
  return true;
}

}  // namespace rawabit::graph
