// The figures behind `rawabit stats`: corpus counts, entities per type, facts per predicate, and the
// most mentioned and most connected entities. Collecting (database + graph) and reporting (text)
// are separate so that the report can be tested on fixed figures.
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "graph/model.hpp"

namespace rawabit::graph {

struct RankedEntity {
  std::string name, name_ar, type;
  int64_t mentions = 0;
  int64_t degree = 0;  // facts the entity takes part in
};

struct CorpusStats {
  int64_t documents = 0, sentences = 0, mentions = 0, evidence = 0, entities = 0, facts = 0;
  std::vector<std::pair<std::string, int64_t>> entities_by_type;    // by count, descending
  std::vector<std::pair<std::string, int64_t>> facts_by_predicate;  // by count, descending
  std::vector<RankedEntity> top_by_mentions, top_by_degree;         // ties broken by entity id
};

// Reads the counts from the database (the tables for corpus sizes, v_entities and v_facts for the
// rest) and the degrees from `g`, the database's full graph. Throws rawabit::Error on a database error.
CorpusStats collect_stats(SQLite::Database& db, const KnowledgeGraph& g, size_t top = 15);

// A plain-text report with aligned columns; Arabic names come last on each line so that
// right-to-left text cannot disturb the alignment of the others.
void write_stats_report(const CorpusStats& stats, std::ostream& out);

// Terminal columns taken by UTF-8 text: one per code point, none for combining marks and
// invisible format characters.
size_t display_width(std::string_view text);

}  // namespace rawabit::graph
