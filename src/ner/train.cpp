#include "ner/train.hpp"

#include "common/error.hpp"
#include "ner/decode.hpp"
#include "ner/features.hpp"

namespace rawabit::ner {

namespace {

// A uniform draw from [0, bound) by rejection, so that no value is favoured.
uint32_t uniform_below(uint32_t bound, std::mt19937& rng) {
  const uint32_t limit = UINT32_MAX - UINT32_MAX % bound;
  uint32_t x;
  do x = static_cast<uint32_t>(rng());
  while (x >= limit);
  return x % bound;
}

// Perceptron weights with the running sums that averaging needs: after `step_` updates the
// average of w over all steps is w - sum / step (Daumé's trick), with no per-step copying.
class AveragedWeights {
 public:
  explicit AveragedWeights(unsigned hash_bits)
      : hash_bits_(hash_bits), w_(size_t{kLabels} << hash_bits, 0), sum_(w_.size(), 0) {}

  double emission(uint32_t row, Label t) const { return w_[size_t{row} * kLabels + t]; }
  double transition(size_t i) const { return tw_[i]; }

  void update_emission(uint32_t row, Label t, float delta) {
    size_t i = size_t{row} * kLabels + t;
    w_[i] += delta;
    sum_[i] += step_ * delta;
  }
  void update_transition(size_t i, float delta) {
    tw_[i] += delta;
    tsum_[i] += step_ * delta;
  }
  void next_step() { ++step_; }

  TaggerWeights averaged() const {
    TaggerWeights out;
    out.hash_bits = hash_bits_;
    out.emission.resize(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) out.emission[i] = static_cast<float>(w_[i] - sum_[i] / step_);
    for (size_t i = 0; i < tw_.size(); ++i) out.transition[i] = static_cast<float>(tw_[i] - tsum_[i] / step_);
    return out;
  }

 private:
  unsigned hash_bits_;
  double step_ = 1;
  std::vector<float> w_;
  std::vector<double> sum_;
  std::array<float, (kLabels + 1) * kLabels> tw_{};
  std::array<double, (kLabels + 1) * kLabels> tsum_{};
};

class Trainer {
 public:
  Trainer(std::span<const ConllSentence> sentences, const FeatureResources& resources, const TrainOptions& options)
      : sentences_(sentences), options_(options), weights_(options.hash_bits) {
    FeatureExtractor extractor(resources, options.hash_bits);
    features_.resize(sentences.size());
    gold_.resize(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) {
      extractor.extract(forms_of(sentences[s]), features_[s]);
      labels_from_tags(sentences[s].tags, gold_[s]);
    }
  }

  TaggerWeights run(const TrainLog& log) {
    std::mt19937 rng(options_.seed);
    for (unsigned epoch = 1; epoch <= options_.epochs; ++epoch) {
      size_t mistakes = 0;
      for (uint32_t s : seeded_permutation(sentences_.size(), rng)) mistakes += learn(s);
      if (log) {
        log("epoch " + std::to_string(epoch) + ": " + std::to_string(mistakes) + " of " +
            std::to_string(sentences_.size()) + " sentences mis-tagged");
      }
    }
    return weights_.averaged();
  }

 private:
  // Decodes sentence s and corrects the weights where it is wrong; true on a mistake.
  bool learn(size_t s) {
    const SentenceFeatures& f = features_[s];
    const std::vector<Label>& gold = gold_[s];
    keep_rows(f);
    decode();
    bool wrong = predicted_ != gold;
    if (wrong) {
      for (size_t i = 0; i < gold.size(); ++i) correct_word(i, gold);
    }
    weights_.next_step();
    return wrong;
  }

  // The rows of this visit, per word: all of them, or those that survive dropout. Dropping a
  // random share of them on each visit keeps any one feature (a word's identity, above all)
  // from carrying a name alone, so the weights of context, classes and corpus statistics, all
  // a name the labelled data never saw has, grow stronger (docs/ner.md, Accuracy).
  void keep_rows(const SentenceFeatures& f) {
    rows_.clear();
    offsets_.assign(1, 0);
    const auto threshold = static_cast<uint32_t>(options_.dropout * 4294967296.0);
    const uint64_t salt = dropout_rng_();
    for (size_t i = 0; i < f.size(); ++i) {
      for (uint32_t row : f.rows(i)) {
        if (threshold == 0 || static_cast<uint32_t>(mix64(row ^ salt) >> 32) >= threshold) rows_.push_back(row);
      }
      offsets_.push_back(rows_.size());
    }
  }
  std::span<const uint32_t> rows(size_t i) const { return {rows_.data() + offsets_[i], rows_.data() + offsets_[i + 1]}; }

  static uint64_t mix64(uint64_t x) {  // splitmix64's finalizer
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  void decode() {
    const size_t n = offsets_.size() - 1;
    emission_.assign(n * kLabels, 0);
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t row : rows(i)) {
        for (Label t = 0; t < kLabels; ++t) emission_[i * kLabels + t] += weights_.emission(row, t);
      }
    }
    for (size_t i = 0; i < transition_.size(); ++i) transition_[i] = weights_.transition(i);
    viterbi(emission_, transition_, scratch_, predicted_);
  }

  void correct_word(size_t i, const std::vector<Label>& gold) {
    Label g = gold[i], p = predicted_[i];
    size_t g_prev = i ? gold[i - 1] : kLabels, p_prev = i ? predicted_[i - 1] : kLabels;
    if (g != p) {
      for (uint32_t row : rows(i)) {
        weights_.update_emission(row, g, +1);
        weights_.update_emission(row, p, -1);
      }
    }
    if (g != p || g_prev != p_prev) {
      weights_.update_transition(g_prev * kLabels + g, +1);
      weights_.update_transition(p_prev * kLabels + p, -1);
    }
  }

  std::span<const ConllSentence> sentences_;
  TrainOptions options_;
  AveragedWeights weights_;
  std::vector<SentenceFeatures> features_;
  std::vector<std::vector<Label>> gold_;  // the sentences' tags as BILOU labels
  std::vector<double> emission_;
  Transitions transition_{};
  ViterbiScratch scratch_;
  std::vector<Label> predicted_;
  std::vector<uint32_t> rows_;  // this visit's rows (keep_rows)
  std::vector<size_t> offsets_;
  std::mt19937_64 dropout_rng_{0x5eed};
};

// Replaces the tagged shares of `resources` by those `model` tags the corpus with.
void add_shares(FeatureResources& resources, const Tagger& model, const Corpus& corpus) {
  resources.stats.add_tagged_shares(
      corpus, [&model](std::span<const std::string_view> words, std::vector<Tag>& tags) { model.tag_bio(words, tags); });
}

}  // namespace

std::vector<uint32_t> seeded_permutation(size_t n, std::mt19937& rng) {
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[uniform_below(static_cast<uint32_t>(i), rng)]);
  return order;
}

std::vector<std::string_view> forms_of(const ConllSentence& sentence) {
  return {sentence.forms.begin(), sentence.forms.end()};
}

Tagger train_tagger(std::span<const ConllSentence> sentences, FeatureResources resources, const TrainOptions& options,
                    const TrainLog& log, const Corpus* corpus) {
  for (const ConllSentence& s : sentences) {
    if (s.tags.size() != s.forms.size()) {
      throw Error("train-ner: the sentence at line " + std::to_string(s.first_line) + " has no tag column");
    }
  }
  for (unsigned round = 1; corpus && round <= options.self_training_rounds; ++round) {
    Tagger model(Trainer(sentences, resources, options).run(log), resources);
    if (log) log("self-training round " + std::to_string(round) + ": tagging the corpus");
    add_shares(resources, model, *corpus);
  }
  TaggerWeights weights = Trainer(sentences, resources, options).run(log);
  return Tagger(weights, std::move(resources));
}

CrossValidation cross_validate(std::span<const ConllSentence> sentences, const FeatureResources& resources,
                               const TrainOptions& options, unsigned folds, const TrainLog& log, const Corpus* corpus) {
  if (folds < 2 || folds > sentences.size()) {
    throw Error("cross-validation needs 2 to " + std::to_string(sentences.size()) + " folds");
  }
  CrossValidation cv;
  for (unsigned k = 0; k < folds; ++k) {
    size_t begin = sentences.size() * k / folds, end = sentences.size() * (k + 1) / folds;
    std::vector<ConllSentence> train(sentences.begin(), sentences.begin() + begin);
    train.insert(train.end(), sentences.begin() + end, sentences.end());
    if (log) {
      log("fold " + std::to_string(k + 1) + " of " + std::to_string(folds) + ": training on " +
          std::to_string(train.size()) + " sentences");
    }
    Tagger tagger = train_tagger(train, resources, options, {}, corpus);
    // The test fold is tagged as one document: ANERcorp marks no story boundaries, but its
    // stories are runs of consecutive sentences, and make_consistent() looks only
    // kDocumentWindow sentences away.
    std::vector<std::vector<std::string_view>> words;
    for (size_t s = begin; s < end; ++s) words.push_back(forms_of(sentences[s]));
    std::vector<std::vector<Tag>> document;
    tagger.tag_document(words, document);
    std::vector<Tag> alone;
    cv.predicted.insert(cv.predicted.end(), document.begin(), document.end());
    for (size_t s = begin; s < end; ++s) {
      std::vector<TaggedSpan> gold = spans_from_tags(sentences[s].tags);
      cv.tagger.add(gold, spans_from_tags(document[s - begin]));
      tagger.tag_bio(words[s - begin], alone);
      cv.sentences_alone.add(gold, spans_from_tags(alone));
      cv.names_alone.add(gold, tag_with_names(resources.names, words[s - begin]));
    }
  }
  return cv;
}

}  // namespace rawabit::ner
