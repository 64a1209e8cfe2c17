// Word classes for the tagger, from word vectors: spherical k-means.
//
// The tagger's corpus statistics (stats.hpp) describe a word by its own company; word
// classes let it generalize from the names it was trained on to words used like them (the
// transliterated surname it never saw falls in the class of the surnames it did). The classes are
// computed once, offline, from vectors that fastText learns on the unlabelled corpus
// (scripts/word-clusters), and kept as data in schema/models/word-clusters.tsv; training reads
// them (train-ner --clusters) and the model carries them, so neither fastText nor this code runs
// when rawabit tags.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rawabit::ner {

// Word vectors in fastText's text format (.vec): a header line "count dimension", then one line
// per word: the word and its `dimension` numbers, separated by spaces. Each vector is scaled to
// unit length (a zero vector stays zero).
struct WordVectors {
  size_t dimension = 0;
  std::vector<std::string> words;
  std::vector<float> values;  // words.size() × dimension
  const float* vector(size_t w) const { return values.data() + w * dimension; }

  // Throws rawabit::Error quoting file:line on a malformed header or line.
  static WordVectors read(const std::filesystem::path& path);
};

// Spherical k-means: `classes` centroids, seeded by k-means++ over the first `seed_words` words
// (fastText writes the most frequent first) with std::mt19937(`seed`), then `iterations` rounds
// of assigning each word to its most similar centroid (cosine) and recomputing the centroids.
// Returns each word's class, 0..classes-1. The same inputs give the same classes.
std::vector<uint32_t> cluster_words(const WordVectors& vectors, uint32_t classes, unsigned iterations = 15,
                                    uint32_t seed = 1, size_t seed_words = 30000);

}  // namespace rawabit::ner
