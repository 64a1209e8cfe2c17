#include "ner/tagger.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <cmath>
#include <limits>

#include "ner/cache.hpp"
#include "ner/decode.hpp"
#include "ner/document.hpp"

namespace rawabit::ner {

namespace {

constexpr float kInt16Max = 32767.0f;

float max_magnitude(std::span<const float> values, float start) {
  float m = start;
  for (float v : values) m = std::max(m, std::fabs(v));
  return m;
}

int16_t quantize(float value, float scale) { return static_cast<int16_t>(std::lround(value / scale)); }

}  // namespace

Tagger::Tagger(const TaggerWeights& weights, FeatureResources resources)
    : hash_bits_(weights.hash_bits), emission_(weights.hash_bits), resources_(std::move(resources)) {
  float largest = max_magnitude(weights.transition, max_magnitude(weights.emission, 0));
  scale_ = largest > 0 ? largest / kInt16Max : 1;
  std::array<int16_t, kLabels> row;
  for (size_t r = 0; r < weights.emission.size() / kLabels; ++r) {
    for (size_t t = 0; t < kLabels; ++t) row[t] = quantize(weights.emission[r * kLabels + t], scale_);
    bool zero = std::all_of(row.begin(), row.end(), [](int16_t v) { return v == 0; });
    if (!zero) emission_.append(static_cast<uint32_t>(r), row);
  }
  emission_.finish();
  for (size_t i = 0; i < transition_.size(); ++i) transition_[i] = quantize(weights.transition[i], scale_);
}

uint64_t Tagger::next_id() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

namespace {

// What tagging keeps between sentences on one thread: the word cache of the tagger used last
// and buffers that would otherwise be allocated per sentence.
struct ThreadState {
  uint64_t owner = 0;  // Tagger::id_ of the cache's tagger; 0 none
  WordScoreCache cache;
  // What the pseudo-words beyond the sentence contribute, d = 1..kWindow places away.
  std::array<LabelScores, kWindow + 1> before{}, after{};
  // The label rows (FeatureExtractor::label_rows) of every (previous, own, next) gazetteer label.
  std::vector<LabelScores> gazetteer_labels;
  IntTransitions transition{};
  std::vector<const CachedWord*> words;
  std::vector<ContextWord> context;
  SentenceFeatures context_rows;                 // of the contextual features, by word
  std::vector<const int16_t*> context_weights;  // their weights (null for a row of zeros)
  // The words of a sentence missing from the cache: their new entries, descriptions, and the
  // rows and weights of their features toward each offset.
  std::vector<std::pair<CachedWord*, std::string_view>> missing;
  std::vector<WordInfo> missing_info;
  SentenceFeatures missing_rows;
  std::vector<const int16_t*> missing_weights;
  std::vector<int32_t> scores;
  std::vector<Tag> tags;
  std::vector<Label> labels_of_words;
  IntViterbiScratch viterbi;
  StemReader stems;
};

// Gazetteer labels are BIO tags.
size_t gazetteer_index(Tag prev, Tag tag, Tag next) { return (size_t{prev} * kTags + tag) * kTags + next; }

ThreadState& thread_state() {
  thread_local ThreadState state;
  return state;
}

// The weights of the rows of `rows`, in order (null for a row of zeros), prefetched as they are
// found: adding them afterwards, their cache misses overlap instead of stalling one by one.
void find_weights(const PackedRows& emission, const SentenceFeatures& rows, std::vector<const int16_t*>& out) {
  out.clear();
  for (size_t i = 0; i < rows.size(); ++i) {
    for (uint32_t row : rows.rows(i)) {
      const int16_t* w = emission.find(row);
      if (w) {
        __builtin_prefetch(w);
        __builtin_prefetch(w + kLabels - 1);  // a row may straddle two cache lines
      }
      out.push_back(w);
    }
  }
}

// Fills the cache entries of the words missing from it (ThreadState::missing). In stages, each
// over all of them, so that the cache misses of a stage overlap: their descriptions (corpus
// statistics prefetched), their statistics, the rows of their features toward each offset, the
// weights of those rows (prefetched), and the sums.
void fill_missing(const PackedRows& emission, const FeatureResources& resources, FeatureExtractor& extractor,
                  ThreadState& state) {
  constexpr size_t kOffsets = 2 * kWindow + 1;
  const size_t m = state.missing.size();
  state.missing_info.resize(m);
  for (size_t k = 0; k < m; ++k) {
    WordInfo& info = state.missing_info[k];
    extractor.describe_word(state.missing[k].second, info);
    resources.stats.prefetch(info.stem_hash[0]);
    resources.stats.prefetch(info.core_hash);
  }
  for (WordInfo& info : state.missing_info) extractor.lookup_stats(info);
  SentenceFeatures& rows = state.missing_rows;
  rows.clear(m * kOffsets);
  for (const WordInfo& info : state.missing_info) {
    for (int d = -kWindow; d <= kWindow; ++d) {
      extractor.neighbour_rows(info, d, rows);
      rows.end_word();
    }
  }
  find_weights(emission, rows, state.missing_weights);
  const int16_t* const* w = state.missing_weights.data();
  for (size_t k = 0; k < m; ++k) {
    CachedWord& entry = *state.missing[k].first;
    for (int d = -kWindow; d <= kWindow; ++d) {
      LabelScores& sum = entry.toward(d);
      for (size_t r = rows.rows(k * kOffsets + static_cast<size_t>(d + kWindow)).size(); r > 0; --r, ++w) {
        if (*w) add_label_scores(sum, *w);
      }
    }
    const WordInfo& info = state.missing_info[k];
    entry.hash = info.stem_hash[0];
    entry.shape = info.shape;
    entry.cluster = fine_cluster(info);
    entry.cue = info.trigger;
    entry.dominant = dominant_type(info);
    entry.may_start_name = !resources.names.empty() && extractor.may_start_name(info);
  }
}

}  // namespace

std::vector<TaggedSpan> Tagger::tag(std::span<const std::string_view> words) const {
  std::vector<Tag>& tags = thread_state().tags;
  tag_bio(words, tags);
  return spans_from_tags(tags);
}

void Tagger::tag_bio(std::span<const std::string_view> words, std::vector<Tag>& tags) const {
  ThreadState& state = thread_state();
  scores(words, state.scores);  // sets up state for this tagger
  // Scores stay in int16 units: the common scale does not change the best sequence.
  viterbi(state.scores, state.transition, state.viterbi, state.labels_of_words);
  tags_from_labels(state.labels_of_words, tags);
}

namespace {

// Whether the span is exactly a match of the model's gazetteer names (ContextWord::gaz_tag).
bool gazetteer_match(std::span<const ContextWord> context, const TaggedSpan& sp) {
  if (context[sp.first].gaz_tag == kOutside || is_inside(context[sp.first].gaz_tag)) return false;
  for (size_t i = sp.first + 1; i < sp.end; ++i)
    if (!is_inside(context[i].gaz_tag)) return false;
  return sp.end == context.size() || !is_inside(context[sp.end].gaz_tag);
}

// The margins of the names the tagger read in a sentence, but of those the gazetteer names:
// they are the gazetteer's to decide, and sentences with no other name need no path scores.
void add_margins(std::span<const int32_t> emission, const IntTransitions& transition, std::span<const Label> labels,
                 std::span<const Tag> tags, std::span<const ContextWord> context, PathScores& paths,
                 std::vector<SpanMargin>& out) {
  out.clear();
  std::vector<TaggedSpan> spans = spans_from_tags(tags);
  std::erase_if(spans, [&](const TaggedSpan& sp) { return gazetteer_match(context, sp); });
  if (spans.empty()) return;
  path_scores(emission, transition, paths);
  const int64_t best = paths.best();
  const size_t n = labels.size();
  for (const TaggedSpan& sp : spans) {
    SpanMargin m{sp, best - paths.best_outside(emission, transition, sp.first, sp.end), 0};
    int64_t runner_up = std::numeric_limits<int64_t>::min();
    for (size_t i = sp.first > 0 ? sp.first - 1 : 0; i < std::min<size_t>(n, sp.end + 1); ++i) {
      for (Label l = 0; l < kLabels; ++l) {
        if (l != labels[i]) runner_up = std::max(runner_up, paths.through(i, l));
      }
    }
    m.labels = best - runner_up;
    out.push_back(m);
  }
}

}  // namespace

void Tagger::tag_document(std::span<const std::vector<std::string_view>> sentences,
                          std::vector<std::vector<Tag>>& tags, std::vector<std::vector<SpanMargin>>* margins) const {
  ThreadState& state = thread_state();
  tags.resize(sentences.size());
  if (margins) margins->resize(sentences.size());
  std::vector<std::vector<int32_t>> scores(sentences.size());
  PathScores paths;
  for (size_t s = 0; s < sentences.size(); ++s) {
    this->scores(sentences[s], scores[s]);  // as tag_bio(), keeping the scores for make_consistent()
    viterbi(scores[s], state.transition, state.viterbi, state.labels_of_words);
    tags_from_labels(state.labels_of_words, tags[s]);
    if (margins)
      add_margins(scores[s], state.transition, state.labels_of_words, tags[s],
                  std::span<const ContextWord>(state.context).first(tags[s].size()), paths, (*margins)[s]);
  }
  make_consistent(sentences, tags, {}, scores);
}

void Tagger::scores_uncached(std::span<const std::string_view> words, std::vector<int32_t>& out) const {
  FeatureExtractor extractor(resources_, hash_bits_);
  SentenceFeatures features;
  extractor.extract(words, features);
  out.assign(words.size() * kLabels, 0);
  for (size_t i = 0; i < words.size(); ++i) {
    LabelScores sum{};
    RowSum add{emission_, sum};
    for (uint32_t row : features.rows(i)) add.add(row);
    std::copy(sum.begin(), sum.end(), out.begin() + static_cast<ptrdiff_t>(i * kLabels));
  }
}

void Tagger::scores(std::span<const std::string_view> words, std::vector<int32_t>& out) const {
  ThreadState& state = thread_state();
  WordScoreCache& cache = state.cache;
  FeatureExtractor extractor(resources_, hash_bits_);
  if (state.owner != id_) {
    state.owner = id_;
    cache.clear();
    for (int d = 1; d <= kWindow; ++d) {
      state.before[d].fill(0);
      state.after[d].fill(0);
      RowSum before{emission_, state.before[d]}, after{emission_, state.after[d]};
      extractor.neighbour_rows(FeatureExtractor::before_sentence(), d, before);
      extractor.neighbour_rows(FeatureExtractor::after_sentence(), -d, after);
    }
    state.gazetteer_labels.assign(kTags * kTags * kTags, LabelScores{});
    for (Tag p = 0; p < kTags; ++p) {
      for (Tag t = 0; t < kTags; ++t) {
        for (Tag x = 0; x < kTags; ++x) {
          RowSum sum{emission_, state.gazetteer_labels[gazetteer_index(p, t, x)]};
          extractor.label_rows(p, t, x, sum);
        }
      }
    }
    for (size_t i = 0; i < transition_.size(); ++i) state.transition[i] = transition_[i];
  }
  const bool cacheable = words.size() <= cache.capacity() && std::all_of(words.begin(), words.end(), [](auto w) {
                           return w.size() <= UINT16_MAX;
                         });
  if (!cacheable) return scores_uncached(words, out);
  if (cache.size() + words.size() > cache.capacity()) cache.clear();

  // Each word's cached part, computed on a miss.
  const size_t n = words.size();
  state.words.resize(n);
  state.context.resize(n);
  cache.find_all(words, state.words);
  state.missing.clear();
  for (size_t i = 0; i < n; ++i) {
    // A word met twice in the sentence may have been added since find_all().
    const CachedWord* c = state.words[i] ? state.words[i] : cache.find(words[i]);
    if (!c) {
      state.missing.emplace_back(&cache.insert(words[i]), words[i]);
      c = state.missing.back().first;
    }
    state.words[i] = c;
  }
  if (!state.missing.empty()) fill_missing(emission_, resources_, extractor, state);
  for (size_t i = 0; i < n; ++i) {
    const CachedWord* c = state.words[i];
    state.context[i] = {c->hash, c->shape, kOutside, 0, c->cluster, c->cue, c->dominant};
  }
  mark_cue_context(state.context);

  // Gazetteer labels: longest matches, tried only where a name may start.
  for (size_t i = 0; i < n;) {
    std::optional<NameMatch> match;
    if (state.words[i]->may_start_name) match = resources_.names.longest_match(words, i, state.stems.read(words[i]));
    if (!match) {
      ++i;
      continue;
    }
    state.context[i].gaz_tag = begin_tag(match->type);
    for (size_t j = i + 1; j < match->end; ++j) state.context[j].gaz_tag = inside_tag(match->type);
    i = match->end;
  }

  mark_enclosures(words, [&state](size_t i, uint8_t e) { state.context[i].enclosure = e; });
  static const ContextWord kBefore = context_of(FeatureExtractor::before_sentence()),
                           kAfter = context_of(FeatureExtractor::after_sentence());
  // The rows of the contextual features, of all the words first: their weights, scattered over
  // the table, are then fetched with their cache misses overlapping, before they are added.
  SentenceFeatures& rows = state.context_rows;
  rows.clear(n);
  for (size_t i = 0; i < n; ++i) {
    const ContextWord& prev = i > 0 ? state.context[i - 1] : kBefore;
    const ContextWord& next = i + 1 < n ? state.context[i + 1] : kAfter;
    if (state.context[i].enclosure) extractor.enclosure_rows(state.context[i].enclosure, rows);
    extractor.word_context_rows(prev, state.context[i], next, rows);
    rows.end_word();
  }
  std::vector<const int16_t*>& weights = state.context_weights;
  find_weights(emission_, rows, weights);

  out.resize(n * kLabels);
  const int16_t* const* w = weights.data();
  for (size_t i = 0; i < n; ++i) {
    LabelScores sum = state.words[i]->toward(0);
    for (int d = 1; d <= kWindow; ++d) {
      const LabelScores& from_before = i >= static_cast<size_t>(d) ? state.words[i - d]->toward(d) : state.before[d];
      const LabelScores& from_after = i + d < n ? state.words[i + d]->toward(-d) : state.after[d];
      add_label_scores(sum, from_before.data());
      add_label_scores(sum, from_after.data());
    }
    const Tag prev = i > 0 ? state.context[i - 1].gaz_tag : kBefore.gaz_tag;
    const Tag next = i + 1 < n ? state.context[i + 1].gaz_tag : kAfter.gaz_tag;
    add_label_scores(sum, state.gazetteer_labels[gazetteer_index(prev, state.context[i].gaz_tag, next)].data());
    for (size_t k = rows.rows(i).size(); k > 0; --k, ++w) {
      if (*w) add_label_scores(sum, *w);
    }
    std::copy(sum.begin(), sum.end(), out.begin() + static_cast<ptrdiff_t>(i * kLabels));
  }
}

}  // namespace rawabit::ner
