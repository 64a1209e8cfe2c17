#include "graph/stats.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <numeric>

#include "common/error.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace rawabit::graph {
namespace {

int64_t count(SQLite::Database& db, const char* sql) {
  SQLite::Statement q(db, sql);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<std::pair<std::string, int64_t>> counts(SQLite::Database& db, const char* sql) {
  std::vector<std::pair<std::string, int64_t>> rows;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) rows.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  return rows;
}

// Entity id → degree in the graph; entities outside it have degree 0.
int64_t degree_of(const KnowledgeGraph& g, int64_t entity_id) {
  const auto v = find_vertex(g, entity_id);
  return v ? static_cast<int64_t>(total_degree(g, *v)) : 0;
}

std::vector<RankedEntity> top_by_mentions(SQLite::Database& db, const KnowledgeGraph& g, size_t top) {
  SQLite::Statement q(db, "SELECT entity_id, entity, name_ar, entity_type, mentions FROM v_entities "
                          "ORDER BY mentions DESC, entity_id LIMIT ?");
  q.bind(1, static_cast<int64_t>(top));
  std::vector<RankedEntity> rows;
  while (q.executeStep()) {
    rows.push_back({q.getColumn(1).getText(), q.getColumn(2).getText(), q.getColumn(3).getText(),
                    q.getColumn(4).getInt64(), degree_of(g, q.getColumn(0).getInt64())});
  }
  return rows;
}

std::vector<RankedEntity> top_by_degree(const KnowledgeGraph& g, size_t top) {
  std::vector<Vertex> order(boost::num_vertices(g));
  std::iota(order.begin(), order.end(), Vertex{0});
  // Vertices are in entity id order, so a stable sort breaks ties by entity id.
  std::stable_sort(order.begin(), order.end(),
                   [&](Vertex a, Vertex b) { return total_degree(g, a) > total_degree(g, b); });
  order.resize(std::min(top, order.size()));
  std::vector<RankedEntity> rows;
  for (Vertex v : order)
    rows.push_back({g[v].name, g[v].name_ar, g[v].type, g[v].mentions, static_cast<int64_t>(total_degree(g, v))});
  return rows;
}

// Columns padded to the widest cell; numbers right-aligned, text left-aligned, the last column unpadded.
class TextTable {
 public:
  explicit TextTable(std::vector<bool> right_aligned) : right_(std::move(right_aligned)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void write(std::ostream& out, std::string_view indent) const {
    std::vector<size_t> width(right_.size(), 0);
    for (const auto& row : rows_)
      for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
    for (const auto& row : rows_) {
      std::string line(indent);
      for (size_t c = 0; c < row.size(); ++c) {
        const std::string pad(width[c] - display_width(row[c]), ' ');
        const bool last = c + 1 == row.size();
        line += right_[c] ? pad + row[c] : last ? row[c] : row[c] + pad;
        if (!last) line += "  ";
      }
      out << line << '\n';
    }
  }

 private:
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

void write_counts(std::ostream& out, std::string_view title, const std::vector<std::pair<std::string, int64_t>>& rows) {
  out << '\n' << title << '\n';
  if (rows.empty()) out << "  (none)\n";
  TextTable table({false, true});
  for (const auto& [key, n] : rows) table.add({key, std::to_string(n)});
  table.write(out, "  ");
}

void write_ranking(std::ostream& out, std::string_view title, const std::vector<RankedEntity>& rows) {
  out << '\n' << title << '\n';
  if (rows.empty()) {
    out << "  (none)\n";
    return;
  }
  TextTable table({true, true, true, false, false, false});
  table.add({"#", "mentions", "degree", "type", "entity", "Arabic"});
  for (size_t i = 0; i < rows.size(); ++i) {
    const RankedEntity& e = rows[i];
    table.add({std::to_string(i + 1), std::to_string(e.mentions), std::to_string(e.degree), e.type, e.name, e.name_ar});
  }
  table.write(out, "  ");
}

}  // namespace

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = text::next_code_point(s, i);
    const bool zero_width = text::is_dropped_mark(cp) || (cp >= 0x0300 && cp <= 0x036F);
    if (!zero_width) ++width;
  }
  return width;
}

CorpusStats collect_stats(SQLite::Database& db, const KnowledgeGraph& g, size_t top) {
  try {
    CorpusStats s;
    s.documents = count(db, "SELECT COUNT(*) FROM documents");
    s.sentences = count(db, "SELECT COUNT(*) FROM sentences");
    s.mentions = count(db, "SELECT COUNT(*) FROM mentions");
    s.evidence = count(db, "SELECT COUNT(*) FROM evidence");
    s.entities = count(db, "SELECT COUNT(*) FROM v_entities");
    s.facts = count(db, "SELECT COUNT(*) FROM v_facts");
    s.entities_by_type = counts(
        db, "SELECT entity_type, COUNT(*) AS n FROM v_entities GROUP BY entity_type ORDER BY n DESC, entity_type");
    s.facts_by_predicate =
        counts(db, "SELECT predicate, COUNT(*) AS n FROM v_facts GROUP BY predicate ORDER BY n DESC, predicate");
    s.top_by_mentions = top_by_mentions(db, g, top);
    s.top_by_degree = top_by_degree(g, top);
    return s;
  } catch (const SQLite::Exception& e) {
    throw Error("cannot read the statistics from " + rawabit::quoted(db.getFilename()) + ": " + e.what());
  }
}

void write_stats_report(const CorpusStats& s, std::ostream& out) {
  TextTable totals({false, true});
  totals.add({"documents", std::to_string(s.documents)});
  totals.add({"sentences", std::to_string(s.sentences)});
  totals.add({"mentions", std::to_string(s.mentions)});
  totals.add({"evidence", std::to_string(s.evidence)});
  totals.add({"entities", std::to_string(s.entities)});
  totals.add({"facts", std::to_string(s.facts)});
  out << "Corpus\n";
  totals.write(out, "  ");
  write_counts(out, "Entities by type", s.entities_by_type);
  write_counts(out, "Facts by predicate", s.facts_by_predicate);
  write_ranking(out, "Top " + std::to_string(s.top_by_mentions.size()) + " entities by mentions", s.top_by_mentions);
  write_ranking(out, "Top " + std::to_string(s.top_by_degree.size()) + " entities by degree", s.top_by_degree);
}

}  // namespace rawabit::graph
