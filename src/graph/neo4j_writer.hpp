// The two files of Neo4j's bulk importer (`neo4j-admin database import full`, docs/graph.md gives
// the command), in its CSV header conventions:
//   nodes.csv:         id:ID,name,name_ar,qid,:LABEL,mentions:long,degree:long,pagerank:double,
//                      betweenness:double,component:long,community:long
//   relationships.csv: :START_ID,:END_ID,:TYPE,weight:long,evidence:long,first_seen,last_seen
// A node's labels are `Entity` and its type (Entity;COUNTRY); a relationship's type is the
// predicate; `weight` counts the documents with evidence for the fact, `evidence` the pieces of
// evidence; the dates are ISO strings, possibly partial (2023-05). Ids are entity ids, so the
// import takes --id-type=integer. Throws rawabit::Error if a stream fails.
#pragma once
#include <filesystem>
#include <ostream>

#include "graph/model.hpp"

namespace rawabit::graph {

void write_neo4j_nodes(const KnowledgeGraph& g, std::ostream& out);
void write_neo4j_relationships(const KnowledgeGraph& g, std::ostream& out);

// The files an export to the folder `dir` writes.
struct Neo4jPaths {
  std::filesystem::path nodes, relationships;
};
Neo4jPaths neo4j_paths(const std::filesystem::path& dir);

}  // namespace rawabit::graph
