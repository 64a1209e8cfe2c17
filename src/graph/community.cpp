#include "graph/community.hpp"

#include <algorithm>
#include <utility>

namespace rawabit::graph {
namespace {

// One level of the Louvain hierarchy: a weighted undirected graph whose nodes are the communities
// of the level below. Each edge is listed from both ends; a self-loop holds the weight inside.
struct Level {
  std::vector<std::vector<std::pair<size_t, double>>> neighbours;
  std::vector<double> self_loop;

  size_t size() const { return neighbours.size(); }
  double strength(size_t i) const {  // k_i: the weighted degree, a self-loop counting twice
    double k = 2 * self_loop[i];
    for (const auto& [j, w] : neighbours[i]) k += w;
    return k;
  }
};

Level from_projection(const Projection& p) {
  Level level{std::vector<std::vector<std::pair<size_t, double>>>(boost::num_vertices(p)),
              std::vector<double>(boost::num_vertices(p), 0.0)};
  for (auto e : boost::make_iterator_range(boost::edges(p))) {
    const size_t s = boost::source(e, p), t = boost::target(e, p);
    level.neighbours[s].emplace_back(t, p[e].weight);
    level.neighbours[t].emplace_back(s, p[e].weight);
  }
  return level;
}

// Renumbers communities 0, 1, … in order of first appearance; returns their number.
size_t renumber(std::vector<size_t>& community) {
  std::vector<size_t> number(community.size(), SIZE_MAX);
  size_t next = 0;
  for (size_t& c : community) {
    if (number[c] == SIZE_MAX) number[c] = next++;
    c = number[c];
  }
  return next;
}

// Moves nodes between neighbouring communities while modularity increases. Returns each node's community.
std::vector<size_t> local_moves(const Level& level) {
  const size_t n = level.size();
  std::vector<double> strength(n), total(n);  // total[c]: sum of the strengths of c's members
  double two_m = 0;
  for (size_t i = 0; i < n; ++i) two_m += total[i] = strength[i] = level.strength(i);
  std::vector<size_t> community(n);
  for (size_t i = 0; i < n; ++i) community[i] = i;
  if (two_m <= 0) return community;

  std::vector<double> weight_to(n, 0.0);  // scratch: weight from the current node to each community
  std::vector<size_t> touched;
  for (bool moved = true; moved;) {
    moved = false;
    for (size_t i = 0; i < n; ++i) {
      touched.clear();
      for (const auto& [j, w] : level.neighbours[i]) {
        if (weight_to[community[j]] == 0) touched.push_back(community[j]);
        weight_to[community[j]] += w;
      }
      const size_t old = community[i];
      total[old] -= strength[i];
      // The gain of joining c, up to terms that do not depend on c.
      auto gain = [&](size_t c) { return weight_to[c] - total[c] * strength[i] / two_m; };
      size_t best = old;
      double best_gain = gain(old);
      for (size_t c : touched)
        if (gain(c) > best_gain + 1e-12) best = c, best_gain = gain(c);
      total[best] += strength[i];
      community[i] = best;
      moved = moved || best != old;
      for (size_t c : touched) weight_to[c] = 0;
    }
  }
  return community;
}

// The graph of the communities: internal weight becomes a self-loop, the rest is summed per pair.
Level aggregate(const Level& level, const std::vector<size_t>& community, size_t communities) {
  Level next{std::vector<std::vector<std::pair<size_t, double>>>(communities), std::vector<double>(communities, 0.0)};
  for (size_t i = 0; i < level.size(); ++i) {
    const size_t ci = community[i];
    next.self_loop[ci] += level.self_loop[i];
    for (const auto& [j, w] : level.neighbours[i]) {
      if (community[j] == ci) next.self_loop[ci] += w / 2;  // listed from both ends
      else next.neighbours[ci].emplace_back(community[j], w);
    }
  }
  for (auto& row : next.neighbours) {  // merge duplicates
    std::sort(row.begin(), row.end());
    size_t out = 0;
    for (size_t k = 0; k < row.size(); ++k) {
      if (out > 0 && row[out - 1].first == row[k].first) row[out - 1].second += row[k].second;
      else row[out++] = row[k];
    }
    row.resize(out);
  }
  return next;
}

}  // namespace

std::vector<int64_t> louvain_communities(const Projection& p) {
  const size_t n = boost::num_vertices(p);
  std::vector<size_t> partition(n);
  for (size_t v = 0; v < n; ++v) partition[v] = v;
  Level level = from_projection(p);
  while (true) {
    std::vector<size_t> community = local_moves(level);
    const size_t communities = renumber(community);
    if (communities == level.size()) break;  // no node moved: modularity is at a local maximum
    for (size_t& c : partition) c = community[c];
    level = aggregate(level, community, communities);
  }
  renumber(partition);
  return {partition.begin(), partition.end()};
}

double modularity(const Projection& p, const std::vector<int64_t>& community) {
  const size_t n = boost::num_vertices(p);
  std::vector<double> inside(n, 0.0), total(n, 0.0);
  double two_m = 0;
  for (auto e : boost::make_iterator_range(boost::edges(p))) {
    const size_t s = boost::source(e, p), t = boost::target(e, p);
    const double w = p[e].weight;
    total[community[s]] += w;
    total[community[t]] += w;
    two_m += 2 * w;
    if (community[s] == community[t]) inside[community[s]] += 2 * w;
  }
  if (two_m <= 0) return 0;
  double q = 0;
  for (size_t c = 0; c < n; ++c) q += inside[c] / two_m - (total[c] / two_m) * (total[c] / two_m);
  return q;
}

}  // namespace rawabit::graph
