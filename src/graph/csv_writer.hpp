// CSV node and edge tables (RFC 4180: comma-separated, fields quoted when they hold a comma, a quote
// or a line break; UTF-8 without BOM) for Gephi's spreadsheet importer (Data Laboratory → Import
// spreadsheet), LOAD CSV WITH HEADERS in Neo4j, pandas and the like. Headers follow Gephi's names:
//   nodes: Id,Label,label_ar,type,mentions,degree,in_degree,out_degree,weighted_degree,pagerank,
//          betweenness,component,community,qid
//   edges: Source,Target,Type,kind,Weight,Id,Label,predicate,first_seen,last_seen
// In the edge table `Type` is always "Directed" (the edge direction, as Gephi requires that column)
// and `kind` is the predicate: Gephi takes an edge's type from `kind` only, and without it merges
// two facts between the same entities into one edge. The predicate is also the `Label`.
// Throws rawabit::Error if a stream fails.
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
