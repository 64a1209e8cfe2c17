// The graph holds what the articles assert, as v_facts does: planned and hypothetical evidence
// counts only with EvidenceFilter::all_modalities (rawabit export --all-modalities).
#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <map>

#include "graph/loader.hpp"
#include "test_database.hpp"

namespace rawabit::graph {
namespace {

using testing::TestDatabase;

void set_last_attrs(TestDatabase& t, const std::string& attrs) {
  SQLite::Statement q(t.db(), "UPDATE evidence SET attrs = ? WHERE id = (SELECT MAX(id) FROM evidence)");
  q.bind(1, attrs);
  q.exec();
}

// Russia deployed_weapons_in Belarus: asserted (2023-03-01) and planned (2050-01-01) in another
// document; Russia attacked Poland: hypothetical only.
void fill_modalities(TestDatabase& t) {
  const int64_t russia = t.entity("Russia", "روسيا", "COUNTRY"), belarus = t.entity("Belarus", "بيلاروس", "COUNTRY"),
                poland = t.entity("Poland", "بولندا", "COUNTRY");
  const int64_t s1 = t.sentence(t.document("a.txt", "2023-03-01"), "جملة أولى");
  const int64_t s2 = t.sentence(t.document("b.txt", "2023-03-02"), "جملة ثانية");
  const int64_t deployed = t.relation(russia, "deployed_weapons_in", belarus);
  t.evidence(deployed, s1, 0.9, "2023-03-01");
  set_last_attrs(t, R"({"modality":"asserted"})");
  t.evidence(deployed, s2, 0.9, "2050-01-01");
  set_last_attrs(t, R"({"modality":"planned"})");
  t.evidence(t.relation(russia, "attacked", poland), s1, 0.9, "2023-03-01");
  set_last_attrs(t, R"({"modality":"hypothetical"})");
}

struct Edge {
  double weight;
  std::vector<std::string> dates;
};

std::map<std::string, Edge> edges(const KnowledgeGraph& g) {
  std::map<std::string, Edge> out;
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    out[g[boost::source(e, g)].name + " " + g[e].predicate + " " + g[boost::target(e, g)].name] = {g[e].weight,
                                                                                                     g[e].dates};
  return out;
}

TEST(Modality, TheGraphCountsAssertedEvidenceOnly) {
  TestDatabase t;
  fill_modalities(t);
  const auto e = edges(load_graph(t.db()));
  ASSERT_EQ(e.size(), 1u);
  const Edge& deployed = e.at("Russia deployed_weapons_in Belarus");
  EXPECT_EQ(deployed.weight, 1);
  EXPECT_EQ(deployed.dates, std::vector<std::string>{"2023-03-01"});
  // The same as v_facts.
  EXPECT_EQ(t.db().execAndGet("SELECT COUNT(*) || ' ' || SUM(weight) FROM v_facts").getString(), "1 1");
}

TEST(Modality, AllModalitiesTakesEveryEvidence) {
  TestDatabase t;
  fill_modalities(t);
  EvidenceFilter filter;
  filter.all_modalities = true;
  const auto e = edges(load_graph(t.db(), filter));
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e.at("Russia deployed_weapons_in Belarus").weight, 2);
  EXPECT_EQ(e.at("Russia deployed_weapons_in Belarus").dates, (std::vector<std::string>{"2023-03-01", "2050-01-01"}));
  EXPECT_EQ(e.at("Russia attacked Poland").weight, 1);
}

// A database whose v_facts predates modality: open_database shadows it with today's view.
TEST(Modality, OpenDatabaseGivesAnOldDatabaseTodaysFactsView) {
  TestDatabase t;
  fill_modalities(t);
  t.db().exec("DROP VIEW v_facts");
  t.db().exec(R"(CREATE VIEW v_facts AS
SELECT r.subject_id, s.name AS subject, r.predicate, r.object_id, o.name AS object,
       COUNT(DISTINCT ev.document_id) AS weight, MIN(ev.date) AS first_seen, MAX(ev.date) AS last_seen
FROM relations r JOIN evidence ev ON ev.relation_id = r.id
JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id GROUP BY r.id)");
  ASSERT_EQ(t.db().execAndGet("SELECT COUNT(*) FROM v_facts").getInt(), 2);
  SQLite::Database db = open_database(t.path());
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) || ' ' || MAX(last_seen) FROM v_facts").getString(), "1 2023-03-01");
}

}  // namespace
}  // namespace rawabit::graph
