// bench_graph: times the GraphML, GEXF, CSV and DOT writers on a synthetic knowledge graph (by
// default 100 000 entities and 1 000 000 facts, the size of a large corpus) and prints seconds and
// MB/s for each. Exits with status 1 if a write is slower than the floor (50 MB/s unless given).
// Run through scripts/bench-graph; usage: bench_graph [NODES EDGES [MIN_MB_PER_S [DIR]]].
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "graph/csv_writer.hpp"
#include "graph/dot_writer.hpp"
#include "graph/gexf_writer.hpp"
#include "graph/graphml_writer.hpp"
#include "graph/model.hpp"

namespace {

using namespace rawabit::graph;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

const char* const kTypes[] = {"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "TREATY", "WEAPON"};
const char* const kPredicates[] = {"leader_of", "official_of", "member_of", "visited", "deployed_weapons_in",
                                   "deployed_troops_in", "supplied_weapons_to", "attacked", "sanctioned", "warned",
                                   "met_with", "withdrew_from"};
const char* const kArabicWords[] = {"روسيا", "بيلاروسيا", "منظمة",    "معاهدة",
                                    "الأمن", "الجماعي",   "فلاديمير", "كازاخستان"};

// Entities with English and Arabic names of realistic length, facts between random pairs with
// one to three evidence dates; metrics filled with plausible values (computing betweenness on a
// graph this size is not what is measured here).
KnowledgeGraph synthetic_graph(size_t nodes, size_t edges) {
  std::mt19937_64 random(42);
  KnowledgeGraph g;
  for (size_t i = 0; i < nodes; ++i) {
    EntityNode e;
    e.id = static_cast<int64_t>(i + 1);
    e.name = "Entity " + std::to_string(i + 1) + (i % 7 == 0 ? " & \"Co\"" : "");
    e.name_ar = std::string(kArabicWords[i % 8]) + " " + kArabicWords[(i / 8) % 8];
    e.type = kTypes[i % 6];
    e.mentions = static_cast<int64_t>(random() % 500);
    e.metrics = NodeMetrics{1.0 / static_cast<double>(nodes) * (random() % 100) / 50.0, (random() % 1000) / 1e6,
                            static_cast<int64_t>(random() % 10), static_cast<int64_t>(random() % 500)};
    boost::add_vertex(std::move(e), g);
  }
  for (size_t i = 0; i < edges; ++i) {
    FactEdge f;
    f.predicate = kPredicates[random() % 12];
    f.weight = static_cast<double>(1 + random() % 10);
    for (size_t d = 0, n = 1 + random() % 3; d < n; ++d) {
      char date[16];
      std::snprintf(date, sizeof date, "20%02d-%02d-%02d", static_cast<int>(22 + random() % 3),
                    static_cast<int>(1 + random() % 12), static_cast<int>(1 + random() % 28));
      f.dates.push_back(date);
    }
    std::sort(f.dates.begin(), f.dates.end());
    boost::add_edge(random() % nodes, random() % nodes, std::move(f), g);
  }
  return g;
}

// Writes to `path` through `write` and prints the figures; false if below `floor` MB/s.
bool time_write(const std::string& name, const std::filesystem::path& path, double floor,
                const std::function<void(std::ostream&)>& write) {
  const auto start = Clock::now();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    write(out);
  }
  const double elapsed = seconds_since(start);
  const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  const double rate = megabytes / elapsed;
  std::printf("%-8s %9.1f MB %8.2f s %9.1f MB/s%s\n", name.c_str(), megabytes, elapsed, rate,
              rate < floor ? "   BELOW THE FLOOR" : "");
  return rate >= floor;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t nodes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const size_t edges = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000000;
  const double floor = argc > 3 ? std::strtod(argv[3], nullptr) : 50.0;
  const std::filesystem::path dir = argc > 4 ? argv[4] : std::filesystem::temp_directory_path() / "rawabit-bench-graph";
  if (nodes == 0) {
    std::fprintf(stderr, "usage: bench_graph [NODES EDGES [MIN_MB_PER_S [DIR]]] (NODES > 0)\n");
    return 2;
  }
  std::filesystem::create_directories(dir);

  auto start = Clock::now();
  const KnowledgeGraph g = synthetic_graph(nodes, edges);
  std::printf("synthetic graph: %zu nodes, %zu edges, built in %.2f s; files in %s\n", nodes, edges,
              seconds_since(start), dir.c_str());
  bool fast_enough = true;
  fast_enough &= time_write("graphml", dir / "bench.graphml", floor, [&](std::ostream& out) { write_graphml(g, out); });
  fast_enough &= time_write("gexf", dir / "bench.gexf", floor, [&](std::ostream& out) { write_gexf(g, out); });
  fast_enough &= time_write("csv", dir / "bench.edges.csv", floor, [&](std::ostream& out) { write_edges_csv(g, out); });
  fast_enough &= time_write("dot", dir / "bench.dot", floor, [&](std::ostream& out) { write_dot(g, out); });
  return fast_enough ? 0 : 1;
}
