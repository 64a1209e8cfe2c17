#include "graph/loader.hpp"

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "common/error.hpp"
#include "graph/timeline.hpp"
#include "store/views.hpp"
#include "text/utf8.hpp"

namespace rawabit::graph {
namespace {

using FactKey = std::tuple<int64_t, std::string, int64_t>;  // subject, predicate, object

struct FactEvidence {
  int64_t rows = 0;
  std::set<std::string> documents;
  std::set<std::string> dates;
};

std::string text_column(const SQLite::Statement& q, int column) {
  const SQLite::Column c = q.getColumn(column);
  if (c.isNull()) return {};
  return text::repair_utf8(c.getString()).text;
}

// Entity id → the id of the entity it stands for, following chains; empty unless collapsing.
std::unordered_map<int64_t, int64_t> metonym_targets(SQLite::Database& db, bool collapse) {
  std::unordered_map<int64_t, int64_t> stands_for;
  if (!collapse) return stands_for;
  // stands_for is not in the views: the one column read from a table.
  SQLite::Statement q(db, "SELECT id, stands_for FROM entities WHERE stands_for IS NOT NULL AND stands_for <> id");
  while (q.executeStep()) stands_for.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  std::unordered_map<int64_t, int64_t> resolved;
  for (const auto& [id, target] : stands_for) {
    std::set<int64_t> seen{id};
    int64_t end = target;
    while (seen.insert(end).second && stands_for.count(end)) end = stands_for.at(end);
    if (!stands_for.count(end)) resolved.emplace(id, end);  // an entity in a cycle of metonyms stays itself
  }
  return resolved;
}

int64_t resolve(const std::unordered_map<int64_t, int64_t>& targets, int64_t id) {
  const auto it = targets.find(id);
  return it == targets.end() ? id : it->second;
}

const std::string kEvidenceSql = R"(
  SELECT subject_id, predicate, object_id, document, date FROM v_evidence
  WHERE confidence >= ?1
    AND (?2 = '' OR date >= ?2)
    AND (?3 = '' OR substr(date, 1, length(?3)) <= ?3)
    AND (?4 OR )" + store::asserted_evidence_sql("attrs") + ")";

std::map<FactKey, FactEvidence> read_facts(SQLite::Database& db, const EvidenceFilter& filter,
                                           const std::unordered_map<int64_t, int64_t>& targets) {
  std::map<FactKey, FactEvidence> facts;
  SQLite::Statement q(db, kEvidenceSql);
  q.bind(1, filter.min_confidence);
  q.bind(2, filter.since);
  q.bind(3, filter.until);
  q.bind(4, filter.all_modalities ? 1 : 0);
  while (q.executeStep()) {
    const int64_t subject = q.getColumn(0).getInt64(), object = q.getColumn(2).getInt64();
    const int64_t s = resolve(targets, subject), o = resolve(targets, object);
    if (s == o && (s != subject || o != object)) continue;  // a metonym's fact with what it stands for
    FactEvidence& evidence = facts[{s, text_column(q, 1), o}];
    ++evidence.rows;
    evidence.documents.insert(q.getColumn(3).getString());
    if (!q.getColumn(4).isNull()) evidence.dates.insert(text_column(q, 4));
  }
  return facts;
}

// The entities the facts link, in id order, with the mentions of their metonyms added.
std::map<int64_t, EntityNode> read_entities(SQLite::Database& db, const std::map<FactKey, FactEvidence>& facts,
                                            const std::unordered_map<int64_t, int64_t>& targets) {
  std::map<int64_t, EntityNode> nodes;
  for (const auto& [key, evidence] : facts)
    for (int64_t id : {std::get<0>(key), std::get<2>(key)}) nodes[id].id = id;
  // v_entities gained qid (its last column) after databases had been built: an older one lacks it.
  const bool has_qid = db.execAndGet("SELECT COUNT(*) FROM pragma_table_info('v_entities') WHERE name = 'qid'").getInt();
  SQLite::Statement q(db, std::string("SELECT entity_id, entity, name_ar, entity_type, mentions, ") +
                              (has_qid ? "qid" : "NULL") + " FROM v_entities");
  while (q.executeStep()) {
    const int64_t id = q.getColumn(0).getInt64();
    const auto node = nodes.find(resolve(targets, id));
    if (node == nodes.end()) continue;
    if (node->first == id) {
      node->second.name = text_column(q, 1);
      node->second.name_ar = text_column(q, 2);
      node->second.type = text_column(q, 3);
      node->second.qid = text_column(q, 5);
    }
    node->second.mentions += q.getColumn(4).getInt64();
  }
  return nodes;
}

KnowledgeGraph build(std::map<int64_t, EntityNode>&& nodes, std::map<FactKey, FactEvidence>&& facts) {
  KnowledgeGraph g;
  std::unordered_map<int64_t, Vertex> vertex_of;
  for (auto& [id, node] : nodes) vertex_of.emplace(id, boost::add_vertex(std::move(node), g));
  for (auto& [key, evidence] : facts) {
    auto& [subject, predicate, object] = key;
    FactEdge fact{predicate, static_cast<double>(evidence.documents.size()), evidence.rows,
                  std::vector<std::string>(evidence.dates.begin(), evidence.dates.end())};
    boost::add_edge(vertex_of.at(subject), vertex_of.at(object), std::move(fact), g);
  }
  return g;
}

// The bounds must be dates, and --since 2023-05-10 --until 2023-05 is a range (the rest of May)
// while --since 2023-06 --until 2023-05 is not.
void check_dates(const EvidenceFilter& filter) {
  for (const std::string* bound : {&filter.since, &filter.until})
    if (!bound->empty() && !date_period(*bound))
      throw Error("not a date (YYYY-MM-DD, YYYY-MM or YYYY): " + rawabit::quoted(*bound));
  if (!filter.since.empty() && !filter.until.empty() &&
      date_period(filter.since)->start > date_period(filter.until)->end)
    throw Error("empty date range: since " + rawabit::quoted(filter.since) + " is after until " +
                rawabit::quoted(filter.until));
}

}  // namespace

SQLite::Database open_database(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw Error("no database at " + rawabit::quoted(path));
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'view' "
                            "AND name IN ('v_entities', 'v_evidence', 'v_facts', 'v_aliases')");
    if (!q.executeStep() || q.getColumn(0).getInt() != 4)
      throw Error("not a rawabit database (its views are missing): " + rawabit::quoted(path));
    store::update_views(db, false);  // an earlier rawabit's views, shadowed by today's
    return db;
  } catch (const SQLite::Exception& e) {
    throw Error("cannot open the database " + rawabit::quoted(path) + ": " + e.what());
  }
}

KnowledgeGraph load_graph(SQLite::Database& db, const EvidenceFilter& filter) {
  check_dates(filter);
  try {
    const auto targets = metonym_targets(db, filter.collapse_metonyms);
    auto facts = read_facts(db, filter, targets);
    return build(read_entities(db, facts, targets), std::move(facts));
  } catch (const SQLite::Exception& e) {
    throw Error("cannot read the graph from " + rawabit::quoted(db.getFilename()) + ": " + e.what());
  }
}

}  // namespace rawabit::graph
