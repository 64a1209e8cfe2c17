// Reading the knowledge graph from a rawabit database through its public views: nodes from
// v_entities, facts aggregated from v_evidence exactly as v_facts aggregates them (asserted
// evidence only; weight = distinct documents, first_seen/last_seen = earliest/latest date) —
// reading the evidence rather than v_facts lets the evidence filters below recompute the weights,
// and gives the writers every date.
#pragma once
#include <SQLiteCpp/Database.h>

#include <string>

#include "graph/model.hpp"

namespace rawabit::graph {

// Which evidence counts. The defaults take the asserted evidence, giving the graph of v_facts.
struct EvidenceFilter {
  double min_confidence = 0;  // evidence with a lower confidence is ignored
  std::string since;          // ignore evidence dated before (ISO date, year-month or year); "" = no bound
  std::string until;          // ignore evidence dated after; "2023-05" takes all of May; "" = no bound
  // Merge each metonym (entities.stands_for set: موسكو → Russia) into the entity it stands for:
  // its facts become that entity's, its mentions are added, facts it would have with it vanish.
  bool collapse_metonyms = false;
  // Count evidence of every modality (hypothetical, planned, negated, ...), not only the asserted.
  bool all_modalities = false;
};

// Opens a rawabit database read-only. Throws rawabit::Error quoting the path if the file is
// missing, is not SQLite, or lacks the rawabit views.
SQLite::Database open_database(const std::string& path);

// One edge per fact with at least one evidence row passing `filter`, one vertex per entity such a
// fact links, in entity id order. Names are repaired to well-formed UTF-8 whatever the database
// holds; evidence with a date filter set and no date is ignored. Throws rawabit::Error on a
// database error, a bound that is not a date, or a `since` after the `until`.
KnowledgeGraph load_graph(SQLite::Database& db, const EvidenceFilter& filter = {});

}  // namespace rawabit::graph
