// Training and cross-validation of the tagger (tagger.hpp).
//
// Training is the averaged structured perceptron: each epoch visits the sentences in a seeded
// random order, decodes each with the current weights (Viterbi under BIO constraints) and, on a
// mistake, adds the gold sequence's features and subtracts the predicted one's; the model is
// the average of the weights over all visits. The result depends only on the sentences, the
// feature resources, the corpus and the options: the same inputs give a byte-identical model.
#pragma once
#include <functional>
#include <random>
#include <span>
#include <string_view>

#include "ner/conll.hpp"
#include "ner/tagger.hpp"
#include "ner/eval.hpp"

namespace rawabit::ner {

struct TrainOptions {
  unsigned epochs = 10;
  uint32_t seed = 1;
  unsigned hash_bits = 20;            // 2^20 weight rows of kLabels weights each
  unsigned self_training_rounds = 2;  // with a corpus: models that tag it before the final one
  // Share of a sentence's feature rows left out of each visit (decoding and update alike), so
  // that the weights of a word cannot carry a name alone: 0 to 0.9 (0.4: docs/ner.md, Accuracy).
  double dropout = 0.4;
};

// Progress messages ("epoch 3: 412 sentences mis-tagged").
using TrainLog = std::function<void(std::string_view)>;

// Trains on tagged sentences (ConllColumns::TokensAndTags). With an unlabelled `corpus` (from
// which resources.stats was computed) training is repeated: each round's model tags the corpus,
// and the shares it tags (WordStats::add_tagged_shares) become features of the next model; the
// model trained on the last round's shares is returned.
Tagger train_tagger(std::span<const ConllSentence> sentences, FeatureResources resources, const TrainOptions& options,
                    const TrainLog& log = {}, const Corpus* corpus = nullptr);

struct CrossValidation {
  SpanScores tagger;           // each fold tagged by a model trained on the other folds (tag_document)
  SpanScores sentences_alone;  // the same models, each sentence alone (tag_bio): without consistency
  SpanScores names_alone;      // the same sentences tagged by longest gazetteer matches only
  std::vector<std::vector<Tag>> predicted;  // per sentence, the tags that `tagger` scored
};

// K-fold cross-validation over contiguous blocks of sentences (neighbouring sentences share a
// story, so shuffled folds would overstate the scores).
CrossValidation cross_validate(std::span<const ConllSentence> sentences, const FeatureResources& resources,
                               const TrainOptions& options, unsigned folds, const TrainLog& log = {},
                               const Corpus* corpus = nullptr);

// A uniformly random permutation of [0, n): Fisher–Yates over std::mt19937, whose output the
// standard fixes (std::shuffle's use of it is implementation-defined).
std::vector<uint32_t> seeded_permutation(size_t n, std::mt19937& rng);

// The matching forms of a sentence, as the tagger takes them.
std::vector<std::string_view> forms_of(const ConllSentence& sentence);

}  // namespace rawabit::ner
