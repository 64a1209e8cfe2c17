#include "graph/html_data.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "common/error.hpp"
#include "graph/appearance.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::graph {
namespace {

using json = nlohmann::json;
using FactKey = std::tuple<int64_t, std::string, int64_t>;  // subject, predicate, object entity ids

// Code points kept on each side of an evidence span: a long sentence is cut around its span.
constexpr size_t kContext = 200;

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::string column_text(const SQLite::Statement& q, int column) {
  const SQLite::Column c = q.getColumn(column);
  return c.isNull() ? std::string() : neutral_text(text::repair_utf8(c.getString()).text);
}

// Byte offset of the code point `n` of well-formed UTF-8 (its size past the end).
size_t byte_offset(std::string_view s, size_t n) {
  size_t i = 0;
  while (n-- > 0 && i < s.size()) text::next_code_point(s, i);
  return i;
}

// The sentence split into the text before the span, the span and the text after, each cut to
// kContext code points next to the span; offsets are code points into the sentence.
json split_sentence(std::string_view sentence, int64_t start, int64_t end) {
  const size_t length = text::code_points(sentence);
  const size_t b = static_cast<size_t>(std::clamp<int64_t>(start, 0, static_cast<int64_t>(length)));
  const size_t e = static_cast<size_t>(std::clamp<int64_t>(end, static_cast<int64_t>(b), static_cast<int64_t>(length)));
  const size_t from = b > kContext ? b - kContext : 0, to = std::min(length, e + kContext);
  const size_t bytes[] = {byte_offset(sentence, from), byte_offset(sentence, b), byte_offset(sentence, e),
                          byte_offset(sentence, to)};
  return {{"before", (from > 0 ? "… " : "") + neutral_text(sentence.substr(bytes[0], bytes[1] - bytes[0]))},
          {"span", neutral_text(sentence.substr(bytes[1], bytes[2] - bytes[1]))},
          {"after", neutral_text(sentence.substr(bytes[2], bytes[3] - bytes[2])) + (to < length ? " …" : "")}};
}

// Entity id → the entity it stands for, as load_graph collapses metonyms (chains followed, an
// entity in a cycle left alone); empty unless collapsing.
std::unordered_map<int64_t, int64_t> metonyms(SQLite::Database& db, bool collapse) {
  std::unordered_map<int64_t, int64_t> stands_for, resolved;
  if (!collapse) return resolved;
  SQLite::Statement q(db, "SELECT id, stands_for FROM entities WHERE stands_for IS NOT NULL AND stands_for <> id");
  while (q.executeStep()) stands_for.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  for (const auto& [id, target] : stands_for) {
    std::set<int64_t> seen{id};
    int64_t end = target;
    while (seen.insert(end).second && stands_for.count(end)) end = stands_for.at(end);
    if (!stands_for.count(end)) resolved.emplace(id, end);
  }
  return resolved;
}

int64_t resolve(const std::unordered_map<int64_t, int64_t>& targets, int64_t id) {
  const auto it = targets.find(id);
  return it == targets.end() ? id : it->second;
}

// Documents in the order the evidence first cites them.
class DocumentTable {
 public:
  explicit DocumentTable(SQLite::Database& db)
      : query_(db, "SELECT title, date, source, publisher FROM documents WHERE id = ?") {}

  size_t index(int64_t document_id) {
    const auto [it, added] = index_.emplace(document_id, rows_.size());
    if (added) rows_.push_back(read(document_id));
    return it->second;
  }
  json take() { return std::move(rows_); }

 private:
  json read(int64_t document_id) {
    query_.reset();
    query_.bind(1, document_id);
    if (!query_.executeStep()) return json::object();
    return {{"title", column_text(query_, 0)}, {"date", column_text(query_, 1)},
            {"source", column_text(query_, 2)}, {"publisher", column_text(query_, 3)}};
  }
  SQLite::Statement query_;
  std::unordered_map<int64_t, size_t> index_;
  json rows_ = json::array();
};

std::string modality_of(const std::string& attrs) {
  const json parsed = json::parse(attrs, nullptr, false);
  if (!parsed.is_object()) return {};
  const auto it = parsed.find("modality");
  return it != parsed.end() && it->is_string() ? neutral_text(it->get<std::string>()) : std::string();
}

constexpr const char* kEvidenceSql = R"(
  SELECT r.subject_id, r.predicate, r.object_id, ev.start - se.start, ev.end - se.start, se.text,
         ev.confidence, ev.date, ev.attrs, ev.document_id
  FROM evidence ev JOIN relations r ON r.id = ev.relation_id JOIN sentences se ON se.id = ev.sentence_id
  WHERE ev.confidence >= ?1
    AND (?2 = '' OR ev.date >= ?2)
    AND (?3 = '' OR substr(ev.date, 1, length(?3)) <= ?3)
  ORDER BY r.id, ev.confidence DESC, ev.date DESC, ev.id)";

// Fills ev and more of each edge (indexed by `edge_of`) from the evidence passing `filter`.
void add_evidence(SQLite::Database& db, const EvidenceFilter& filter, const std::map<FactKey, size_t>& edge_of,
                  json& edges, json& docs) {
  const auto targets = metonyms(db, filter.collapse_metonyms);
  DocumentTable documents(db);
  SQLite::Statement q(db, kEvidenceSql);
  q.bind(1, filter.min_confidence);
  q.bind(2, filter.since);
  q.bind(3, filter.until);
  while (q.executeStep()) {
    const int64_t subject = q.getColumn(0).getInt64(), object = q.getColumn(2).getInt64();
    const int64_t s = resolve(targets, subject), o = resolve(targets, object);
    if (s == o && (s != subject || o != object)) continue;  // a metonym's fact with what it stands for
    const auto it = edge_of.find({s, q.getColumn(1).getString(), o});
    if (it == edge_of.end()) continue;
    json& edge = edges[it->second];
    if (edge["ev"].size() >= kEvidencePerFact) {
      edge["more"] = edge["more"].get<int64_t>() + 1;
      continue;
    }
    json item = split_sentence(text::repair_utf8(q.getColumn(5).getString()).text, q.getColumn(3).getInt64(),
                               q.getColumn(4).getInt64());
    item["doc"] = documents.index(q.getColumn(9).getInt64());
    item["date"] = column_text(q, 7);
    item["confidence"] = q.getColumn(6).getDouble();
    item["modality"] = modality_of(q.getColumn(8).getString());
    edge["ev"].push_back(std::move(item));
  }
  docs = documents.take();
}

// Entity id → the matching forms of its names and aliases.
std::map<int64_t, std::set<std::string>> search_keys(SQLite::Database& db, const KnowledgeGraph& g) {
  std::map<int64_t, std::set<std::string>> keys;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
    for (const std::string* name : {&g[v].name, &g[v].name_ar})
      if (!name->empty()) keys[g[v].id].insert(text::normalize_form(*name));
  SQLite::Statement q(db, "SELECT entity_id, alias FROM v_aliases");
  while (q.executeStep()) {
    const auto it = keys.find(q.getColumn(0).getInt64());
    if (it != keys.end()) it->second.insert(text::normalize_form(text::repair_utf8(q.getColumn(1).getString()).text));
  }
  return keys;
}

// Entity id → Wikidata id, for the entities that have one.
std::unordered_map<int64_t, std::string> wikidata_ids(SQLite::Database& db) {
  std::unordered_map<int64_t, std::string> qids;
  SQLite::Statement q(db, "SELECT id, qid FROM entities WHERE qid IS NOT NULL AND qid <> ''");
  while (q.executeStep()) qids.emplace(q.getColumn(0).getInt64(), column_text(q, 1));
  return qids;
}

json node_json(SQLite::Database& db, const KnowledgeGraph& g) {
  const auto keys = search_keys(db, g);
  const auto qids = wikidata_ids(db);
  const double top_pagerank = max_pagerank(g);
  json nodes = json::array();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& e = g[v];
    if (!e.position)
      throw Error("the explorer draws the layout of the pictures, which needs Graphviz's `dot` on PATH "
                  "(and no --no-positions)");
    // Graphviz's y grows upwards, a screen's downwards.
    const Position at{e.position->x, -e.position->y};
    const auto qid = qids.find(e.id);
    const auto key = keys.find(e.id);
    nodes.push_back({{"id", e.id}, {"name", neutral_text(e.name)}, {"ar", neutral_text(e.name_ar)},
                     {"type", e.type}, {"colour", hex(type_colour(e.type))}, {"mentions", e.mentions},
                     {"degree", total_degree(g, v)}, {"pagerank", e.metrics.pagerank},
                     {"community", e.metrics.community}, {"qid", qid == qids.end() ? "" : qid->second},
                     {"x", at.x}, {"y", at.y}, {"size", node_size(e.metrics.pagerank, top_pagerank)},
                     {"keys", key == keys.end() ? json::array() : json(key->second)}});
  }
  return nodes;
}

json edge_json(const KnowledgeGraph& g, std::map<FactKey, size_t>& edge_of) {
  json edges = json::array();
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    edge_of[{g[s].id, g[e].predicate, g[t].id}] = edges.size();
    edges.push_back({{"s", s}, {"t", t}, {"p", g[e].predicate}, {"w", g[e].weight}, {"pen", pen_width(g[e].weight)},
                     {"dates", g[e].dates},
                     {"ev", json::array()}, {"more", 0}});
  }
  return edges;
}

json legend_json() {
  json types = json::array();
  for (const char* type : {"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "TREATY", "WEAPON"})
    types.push_back({{"type", type}, {"colour", hex(type_colour(type))}});
  return types;
}

}  // namespace

std::string neutral_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t begin = i;
    const char32_t cp = text::next_code_point(text, i);
    if (cp == '\n' || cp == '\r' || cp == '\t') out.push_back(' ');
    else if (cp < 0x20 || cp == 0x7F || is_bidi_control(cp)) continue;
    else out.append(text.substr(begin, i - begin));
  }
  return out;
}

json explorer_data(SQLite::Database& db, const KnowledgeGraph& g, const EvidenceFilter& filter) {
  try {
    std::map<FactKey, size_t> edge_of;
    json data = {{"nodes", node_json(db, g)}, {"edges", edge_json(g, edge_of)}, {"types", legend_json()},
                 {"evidence_per_fact", kEvidencePerFact}};
    std::set<std::string> predicates;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) predicates.insert(g[e].predicate);
    data["predicates"] = predicates;
    add_evidence(db, filter, edge_of, data["edges"], data["docs"]);
    return data;
  } catch (const SQLite::Exception& e) {
    throw Error("cannot read the evidence from " + rawabit::quoted(db.getFilename()) + ": " + e.what());
  }
}

}  // namespace rawabit::graph
