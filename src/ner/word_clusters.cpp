#include "ner/word_clusters.hpp"

#include <array>
#include <cmath>
#include <fstream>
#include <random>

#include "common/error.hpp"
#include "lexicon/tsv.hpp"

namespace rawabit::ner {

namespace {

// Eight running sums, which the compiler can keep in one vector register; the result does not
// depend on the machine.
float dot(const float* a, const float* b, size_t n) {
  std::array<float, 8> lanes{};
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (size_t k = 0; k < 8; ++k) lanes[k] += a[i + k] * b[i + k];
  }
  float s = 0;
  for (; i < n; ++i) s += a[i] * b[i];
  for (float lane : lanes) s += lane;
  return s;
}

void scale_to_unit(float* v, size_t n) {
  const float norm = std::sqrt(dot(v, v, n));
  if (norm > 0)
    for (size_t i = 0; i < n; ++i) v[i] /= norm;
}

// The next space-separated field of `line` from `pos`, or an empty view at its end.
std::string_view next_field(std::string_view line, size_t& pos) {
  while (pos < line.size() && line[pos] == ' ') ++pos;
  size_t start = pos;
  while (pos < line.size() && line[pos] != ' ') ++pos;
  return line.substr(start, pos - start);
}

// k-means++: each next centroid is a seed word drawn with probability proportional to its
// distance (1 − cosine) to the nearest centroid so far.
std::vector<float> seed_centroids(const WordVectors& v, uint32_t classes, size_t seed_words, std::mt19937& rng) {
  const size_t d = v.dimension, m = std::min(seed_words, v.words.size());
  std::vector<float> centroids(size_t{classes} * d);
  std::vector<double> distance(m, 2.0);
  size_t pick = 0;  // the most frequent word first
  for (uint32_t c = 0; c < classes; ++c) {
    if (c > 0) {
      double total = 0;
      for (double x : distance) total += x;
      double r = std::uniform_real_distribution<double>(0, total)(rng);
      for (pick = 0; pick + 1 < m && r >= distance[pick]; ++pick) r -= distance[pick];
    }
    std::copy(v.vector(pick), v.vector(pick) + d, centroids.begin() + static_cast<ptrdiff_t>(c * d));
    for (size_t w = 0; w < m; ++w) {
      distance[w] = std::min(distance[w], std::max(0.0, 1.0 - dot(v.vector(w), &centroids[c * d], d)));
    }
  }
  return centroids;
}

}  // namespace

WordVectors WordVectors::read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open word vectors");
  const std::string file = path.string();
  WordVectors out;
  std::string line;
  size_t pos = 0;
  std::optional<size_t> count, dimension;
  if (std::getline(in, line)) {
    count = lexicon::parse_number<size_t>(next_field(line, pos));
    dimension = lexicon::parse_number<size_t>(next_field(line, pos));
  }
  if (!count || !dimension || *dimension == 0) {
    throw Error(at_line(file, 1, "expected the header «count dimension»", line));
  }
  out.dimension = *dimension;
  out.words.reserve(*count);
  out.values.reserve(*count * out.dimension);
  for (size_t number = 2; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = 0;
    std::string_view word = next_field(line, pos);
    if (word.empty()) throw Error(at_line(file, number, "expected a word and its vector", line));
    const size_t first = out.values.size();
    for (size_t k = 0; k < out.dimension; ++k) {
      std::optional<float> x = lexicon::parse_number<float>(next_field(line, pos));
      if (!x) throw Error(at_line(file, number, "expected " + std::to_string(out.dimension) + " numbers after the word", line));
      out.values.push_back(*x);
    }
    if (!next_field(line, pos).empty()) throw Error(at_line(file, number, "more numbers than the dimension", line));
    scale_to_unit(&out.values[first], out.dimension);
    out.words.emplace_back(word);
  }
  return out;
}

std::vector<uint32_t> cluster_words(const WordVectors& v, uint32_t classes, unsigned iterations, uint32_t seed,
                                    size_t seed_words) {
  const size_t n = v.words.size(), d = v.dimension;
  if (classes == 0 || classes > n) {
    throw Error("cannot make " + std::to_string(classes) + " word classes from " + std::to_string(n) + " words");
  }
  std::mt19937 rng(seed);
  std::vector<float> centroids = seed_centroids(v, classes, seed_words, rng);
  std::vector<uint32_t> assigned(n, 0);
  for (unsigned round = 0; round < iterations; ++round) {
    for (size_t w = 0; w < n; ++w) {
      uint32_t best = 0;
      float best_similarity = -2;
      for (uint32_t c = 0; c < classes; ++c) {
        const float s = dot(v.vector(w), &centroids[c * d], d);
        if (s > best_similarity) best_similarity = s, best = c;
      }
      assigned[w] = best;
    }
    // An empty class keeps its centroid.
    std::vector<float> sums(centroids.size(), 0);
    std::vector<size_t> members(classes, 0);
    for (size_t w = 0; w < n; ++w) {
      float* sum = &sums[assigned[w] * d];
      for (size_t k = 0; k < d; ++k) sum[k] += v.vector(w)[k];
      ++members[assigned[w]];
    }
    for (uint32_t c = 0; c < classes; ++c) {
      if (members[c] == 0) continue;
      scale_to_unit(&sums[c * d], d);
      std::copy(&sums[c * d], &sums[c * d] + d, &centroids[c * d]);
    }
  }
  return assigned;
}

}  // namespace rawabit::ner
