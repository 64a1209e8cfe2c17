// Knowledge graphs built in memory for tests that need no database: entities are named "n<id>",
// typed COUNTRY unless given, and vertices are in id order, as the loader makes them.
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "graph/model.hpp"

namespace rawabit::graph::testing {

struct TestFact {
  int64_t subject;
  std::string predicate;
  int64_t object;
  double weight = 1;
};

KnowledgeGraph make_graph(const std::vector<TestFact>& facts, const std::map<int64_t, std::string>& types = {});

}  // namespace rawabit::graph::testing
