// CSV node and edge tables (RFC 4180: comma-separated, fields quoted when they hold a comma, a quote
// or a line break; UTF-8 without BOM) for Gephi's spreadsheet importer (Data Laboratory → Import
// spreadsheet) and for LOAD CSV WITH HEADERS in Neo4j.
//   nodes: id,label,label_ar,type,mentions,degree,in_degree,out_degree,weighted_degree,pagerank,
//          betweenness,component,community
//   edges: source,target,type,weight,id,label,predicate,first_seen,last_seen
// In the edge table `type` is always "Directed" — the value Gephi requires in that column — and
// the predicate is in `label` (Gephi's edge label) and `predicate`. Throws rawabit::Error if a
// stream fails.
#pragma once
#include <ostream>
#include <string>

#include "graph/model.hpp"

namespace rawabit::graph {

void write_nodes_csv(const KnowledgeGraph& g, std::ostream& out);
void write_edges_csv(const KnowledgeGraph& g, std::ostream& out);

// The two files an export to `output` writes: "graph.csv" or "graph" → "graph.nodes.csv" and
// "graph.edges.csv".
struct CsvPaths {
  std::string nodes, edges;
};
CsvPaths csv_paths(const std::string& output);

}  // namespace rawabit::graph
