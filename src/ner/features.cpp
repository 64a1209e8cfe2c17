#include "ner/features.hpp"

#include <algorithm>
#include <optional>
#include <span>

#include "ner/hashmap.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"
#include "text/utf8.hpp"

namespace rawabit::ner {

namespace {

// Feature templates. The numbers are part of the model format: append, never renumber.
// clang-format off
enum Template : uint8_t {
  kBias = 1,
  kWord, kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrevBigram, kNextBigram,
  kStem, kPrevCore, kNextCore, kBareCore,
  kPrefix, kSuffix, kCorePrefix, kPrevSuffix, kNextSuffix,
  kShape, kShapeLength, kShapeWindow,
  kNisba, kPrevNisba, kNextNisba, kHasArticle,
  kTrigger, kPrevTrigger, kPrev2Trigger, kNextTrigger,
  kGazRole, kGazTag, kPrevGazTag, kNextGazTag, kGazTagWord,
  kFrequency, kCoreFrequency, kArticleShare, kCoreArticleShare, kLeftContext, kRightContext, kCoreLeftContext,
  kCoreRightContext, kUnknownWord, kTaggedShare, kCoreTaggedShare, kPrevTaggedShare, kNextTaggedShare,
  kPrevGazRole, kNextGazRole, kPrevPrefix, kNextPrefix, kContextPair, kNext2Trigger, kEnclosure,
  kPrev2Core, kNext2Core, kWordShare, kPrevWordNext,
  kCluster, kCoreCluster, kPrevCluster, kNextCluster, kClusterWindow,
  kOrgHead, kOrgHeadCluster /* tried, unused: docs/ner.md */, kSportLabel, kSportCluster,
};
// clang-format on

enum ShapeBit : uint8_t { kDigit = 1, kLatin = 2, kArabic = 4, kOtherLetter = 8, kSymbol = 16 };

uint8_t shape_of(std::string_view word) {
  uint8_t shape = 0;
  for (size_t i = 0; i < word.size();) {
    char32_t cp = text::next_code_point(word, i);
    if (cp >= '0' && cp <= '9') {
      shape |= kDigit;
    } else if (cp >= 'a' && cp <= 'z') {
      shape |= kLatin;
    } else if (text::is_letter(cp)) {
      shape |= (cp >= 0x0600 && cp <= 0x06FF) ? kArabic : kOtherLetter;
    } else {
      shape |= kSymbol;
    }
  }
  return shape;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The nisba ending of a (normalized) stem: 1 ي, 2 يه (ية), 3 يون, 4 يين, or 0. Stems of three
// letters or fewer are not counted (في، علي).
uint8_t nisba_of(const Stem& stem) {
  constexpr std::string_view kEndings[] = {"\u064a\u064a\u0646", "\u064a\u0648\u0646", "\u064a\u0647", "\u064a"};
  constexpr uint8_t kKinds[] = {4, 3, 2, 1};
  if (code_points(stem.rest) + (stem.article ? 2 : 0) <= 3) return 0;
  for (size_t k = 0; k < std::size(kEndings); ++k) {
    if (ends_with(stem.rest, kEndings[k])) return kKinds[k];
  }
  return 0;
}

constexpr std::string_view kArticle = "\u0627\u0644";  // ال

bool has_article(const Stem& s) { return s.article || s.rest.substr(0, kArticle.size()) == kArticle; }

// The shortest stem without its article, when at least two letters remain (الفرنسي → فرنسي).
std::optional<std::string_view> bare_core(const Stem& s) {
  std::string_view rest;
  if (s.article) {
    rest = s.rest;
  } else if (s.rest.substr(0, kArticle.size()) == kArticle) {
    rest = s.rest.substr(kArticle.size());
  }
  if (code_points(rest) < 2) return std::nullopt;
  return rest;
}

}  // namespace

FeatureExtractor::FeatureExtractor(const FeatureResources& resources, unsigned hash_bits)
    : names_(resources.names), stats_(resources.stats), cues_(resources.cues), hash_bits_(hash_bits) {}

uint8_t enclosure_opened_by(std::string_view token) {
  if (token == "\u00ab" || token == "\"") return 1;  // « or "
  if (token == "(") return 2;
  return 0;
}

void FeatureExtractor::extract(std::span<const std::string_view> words, SentenceFeatures& out) {
  describe(words);
  out.clear(words.size());
  const size_t n = words.size();
  contexts_.resize(n);
  for (size_t i = 0; i < n; ++i) contexts_[i] = context_of(info_[i]);
  mark_cue_context(contexts_);
  static const ContextWord kBefore = context_of(before_sentence()), kAfter = context_of(after_sentence());
  for (size_t i = 0; i < n; ++i) {
    for (int offset = -kWindow; offset <= kWindow; ++offset) neighbour_rows(at(i, offset), -offset, out);
    context_rows(i > 0 ? contexts_[i - 1] : kBefore, contexts_[i], i + 1 < n ? contexts_[i + 1] : kAfter, out);
    out.end_word();
  }
}

void mark_cue_context(std::span<ContextWord> words) {
  const bool sport = std::any_of(words.begin(), words.end(), [](const ContextWord& w) { return w.cue & kSportCue; });
  size_t head = SIZE_MAX;  // the last organization noun of the clause
  for (size_t i = 0; i < words.size(); ++i) {
    ContextWord& w = words[i];
    w.sport = sport;
    w.org_head = head != SIZE_MAX && i - head <= kOrgHeadReach ? static_cast<uint8_t>(i - head) : 0;
    if (w.shape == kSymbol) head = SIZE_MAX;
    if (w.cue & kOrgCue) head = i;
  }
}

uint8_t dominant_type(const WordInfo& w) {
  const WordStats::Entry* e = w.stats_or_stem();
  if (!e) return 0;
  uint8_t best = 1, type = 0;  // a share of 0 or 1 is a trace
  for (uint8_t t = 0; t < kNerTypes; ++t) {
    if (e->tagged[t] > best) best = e->tagged[t], type = t + 1;
  }
  return type;
}

void FeatureExtractor::describe_word(std::string_view word, WordInfo& w) {
  w = WordInfo{};
  w.word = word;
  w.stems = stem_reader_.read(word);
  for (size_t k = 0; k < w.stems.count; ++k) w.stem_hash[k] = hash_of(w.stems.items[k]);
  w.core_hash = w.stem_hash[w.stems.count - 1];
  w.shape = shape_of(word);
  w.length = static_cast<uint8_t>(std::min<size_t>(code_points(word), 10));
  w.nisba = nisba_of(w.stems.shortest());
  for (size_t k = 0; k < w.stems.count; ++k) {
    w.trigger |= cues_.bits(w.stem_hash[k]);
    if (!names_.empty()) w.gaz_roles |= names_.word_roles(w.stem_hash[k]);
  }
}

void FeatureExtractor::describe(std::span<const std::string_view> words) {
  info_.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    describe_word(words[i], info_[i]);
    stats_.prefetch(info_[i].stem_hash[0]);
    stats_.prefetch(info_[i].core_hash);
  }
  // A second pass, so that the table's cache misses overlap.
  for (WordInfo& w : info_) lookup_stats(w);
  if (!names_.empty()) mark_name_matches(words, info_);
  mark_enclosures(words, [this](size_t i, uint8_t e) { info_[i].enclosure = e; });
}

void FeatureExtractor::lookup_stats(WordInfo& w) const {
  if (stats_.empty()) return;
  w.stats = stats_.find(w.stem_hash[0]);
  if (w.stems.count > 1) w.core_stats = stats_.find(w.core_hash);
}

bool FeatureExtractor::may_start_name(const WordInfo& w) const { return (w.gaz_roles & kStartRoles) != 0; }

void FeatureExtractor::mark_name_matches(std::span<const std::string_view> words, std::span<WordInfo> info) const {
  for (size_t i = 0; i < words.size();) {
    std::optional<NameMatch> match = names_.longest_match(words, i, info[i].stems);
    if (!match) {
      ++i;
      continue;
    }
    info[i].gaz_tag = begin_tag(match->type);
    for (size_t j = i + 1; j < match->end; ++j) info[j].gaz_tag = inside_tag(match->type);
    i = match->end;
  }
}

namespace {
WordInfo boundary(std::string_view form) {
  WordInfo w;
  w.word = form;
  w.stems.items[0] = {false, form};
  w.stems.count = 1;
  w.stem_hash[0] = w.core_hash = hash_of(form);
  return w;
}
}  // namespace

const WordInfo& FeatureExtractor::before_sentence() {
  static const WordInfo w = boundary("<s>");
  return w;
}

const WordInfo& FeatureExtractor::after_sentence() {
  static const WordInfo w = boundary("</s>");
  return w;
}

const WordInfo& FeatureExtractor::at(size_t i, int offset) const {
  auto j = static_cast<ptrdiff_t>(i) + offset;
  if (j < 0) return before_sentence();
  if (j >= static_cast<ptrdiff_t>(info_.size())) return after_sentence();
  return info_[static_cast<size_t>(j)];
}

namespace {

// The templates of what a word tells the word next to it: as the previous word (kPrev…) or
// as the next one (kNext…).
struct AdjacentTemplates {
  Template word, core, suffix, nisba, trigger, tagged_share, gaz_role, prefix, cluster;
};
constexpr AdjacentTemplates kAsPrevious{kPrevWord,    kPrevCore,        kPrevSuffix,  kPrevNisba,  kPrevTrigger,
                                        kPrevTaggedShare, kPrevGazRole, kPrevPrefix, kPrevCluster};
constexpr AdjacentTemplates kAsNext{kNextWord,    kNextCore,        kNextSuffix,  kNextNisba,  kNextTrigger,
                                    kNextTaggedShare, kNextGazRole, kNextPrefix, kNextCluster};

// And what it tells the word two places away.
struct DistantTemplates {
  Template word, trigger, core;
};
constexpr DistantTemplates kAsSecondPrevious{kPrev2Word, kPrev2Trigger, kPrev2Core};
constexpr DistantTemplates kAsSecondNext{kNext2Word, kNext2Trigger, kNext2Core};

}  // namespace

template <class Sink>
void FeatureExtractor::neighbour_rows(const WordInfo& w, int offset, Sink& out) const {
  auto emit = [&](uint8_t templ, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
    out.add(feature_row(hash_bits_, templ, a, b, c));
  };
  auto adjacent = [&](const AdjacentTemplates& t) {
    emit(t.word, w.stem_hash[0]);
    emit(t.core, w.core_hash);
    emit(t.suffix, hash_of(last_code_points(w.word, 2)));
    emit(t.nisba, w.nisba);
    emit(t.trigger, w.trigger);
    if (!stats_.empty()) {
      neighbour_shares(w, t.tagged_share, out);
      neighbour_clusters(w, t.cluster, out);
    }
    for (unsigned bit = 0; bit < kRoleBits * kNerTypes; ++bit) {
      if (w.gaz_roles & (1u << bit)) emit(t.gaz_role, bit);
    }
    emit(t.prefix, hash_of(first_code_points(w.stems.shortest().rest, 2)), w.stems.shortest().article);
  };
  auto distant = [&](const DistantTemplates& t) {
    emit(t.word, w.stem_hash[0]);
    emit(t.trigger, w.trigger);
    emit(t.core, w.core_hash);
  };
  switch (offset) {
    case 0: return own_rows(w, out);
    case 1: return adjacent(kAsPrevious);  // w is the previous word
    case -1: return adjacent(kAsNext);     // w is the next word
    case 2: return distant(kAsSecondPrevious);
    case -2: return distant(kAsSecondNext);
    default: return;
  }
}

template <class Sink>
void FeatureExtractor::own_rows(const WordInfo& w, Sink& out) const {
  auto emit = [&](uint8_t templ, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
    out.add(feature_row(hash_bits_, templ, a, b, c));
  };
  const Stem& core = w.stems.shortest();
  emit(kBias);
  emit(kWord, w.stem_hash[0]);
  for (size_t k = 1; k < w.stems.count; ++k) emit(kStem, w.stem_hash[k]);
  if (auto bare = bare_core(core)) emit(kBareCore, hash_of(*bare));
  for (uint8_t n = 1; n <= 4; ++n) {
    if (w.length <= n) break;
    emit(kPrefix, n, hash_of(first_code_points(w.word, n)));
    emit(kSuffix, n, hash_of(last_code_points(w.word, n)));
    if (w.stems.count > 1) emit(kCorePrefix, n, hash_of(first_code_points(core.rest, n)));
  }
  emit(kShape, w.shape);
  emit(kShapeLength, w.shape, w.length);
  emit(kNisba, w.nisba);
  emit(kHasArticle, has_article(core));
  emit(kTrigger, w.trigger);
  if (!stats_.empty()) stats_rows(w, out);
  if (names_.empty()) return;
  for (unsigned bit = 0; bit < kRoleBits * kNerTypes; ++bit) {
    if (w.gaz_roles & (1u << bit)) emit(kGazRole, bit);
  }
}

template <class Sink>
void FeatureExtractor::context_rows(const ContextWord& prev, const ContextWord& w, const ContextWord& next,
                                    Sink& out) const {
  word_context_rows(prev, w, next, out);
  label_rows(prev.gaz_tag, w.gaz_tag, next.gaz_tag, out);
  enclosure_rows(w.enclosure, out);
}

template <class Sink>
void FeatureExtractor::word_context_rows(const ContextWord& prev, const ContextWord& w, const ContextWord& next,
                                         Sink& out) const {
  auto emit = [&](uint8_t templ, uint64_t a = 0, uint64_t b = 0, uint64_t c = 0) {
    out.add(feature_row(hash_bits_, templ, a, b, c));
  };
  emit(kPrevBigram, prev.hash, w.hash);
  emit(kNextBigram, w.hash, next.hash);
  emit(kShapeWindow, prev.shape, w.shape, next.shape);
  if (!names_.empty() && w.gaz_tag != kOutside) emit(kGazTagWord, w.gaz_tag, w.hash);
  emit(kPrevWordNext, prev.hash, next.hash);
  if (w.cluster) {
    emit(kClusterWindow, 0, prev.cluster, w.cluster);
    emit(kClusterWindow, 1, w.cluster, next.cluster);
  }
  // A name a few words after an organization noun is often that organization's («المنظمة
  // العالمية للملكية الفكرية»); in a sports sentence a city or a person's name is often a club's.
  if (w.org_head) emit(kOrgHead, w.org_head);
  if (w.sport) {
    emit(kSportLabel, w.gaz_tag, w.dominant);
    emit(kSportCluster, w.cluster);
  }
}

template <class Sink>
void FeatureExtractor::label_rows(Tag prev, Tag tag, Tag next, Sink& out) const {
  if (names_.empty()) return;
  out.add(feature_row(hash_bits_, kGazTag, tag));
  out.add(feature_row(hash_bits_, kPrevGazTag, prev));
  out.add(feature_row(hash_bits_, kNextGazTag, next));
}

template <class Sink>
void FeatureExtractor::enclosure_rows(uint8_t enclosure, Sink& out) const {
  if (enclosure) out.add(feature_row(hash_bits_, kEnclosure, enclosure));
}

template <class Sink>
void FeatureExtractor::neighbour_shares(const WordInfo& w, uint8_t templ, Sink& out) const {
  const WordStats::Entry* e = w.stats_or_stem();
  if (!e) return;
  for (uint8_t t = 0; t < kNerTypes; ++t) {
    if (e->tagged[t] > 1) out.add(feature_row(hash_bits_, templ, t, e->tagged[t]));
  }
}

template <class Sink>
void FeatureExtractor::neighbour_clusters(const WordInfo& w, uint8_t templ, Sink& out) const {
  const WordStats::Entry* e = w.stats_or_stem();
  if (!e) return;
  for (uint8_t k = 0; k < WordStats::kClusterLevels; ++k) {
    if (e->clusters[k]) out.add(feature_row(hash_bits_, templ, k, e->clusters[k]));
  }
}

template <class Sink>
void FeatureExtractor::stats_rows(const WordInfo& w, Sink& out) const {
  auto emit = [&](uint8_t templ, uint64_t a = 0, uint64_t b = 0) { out.add(feature_row(hash_bits_, templ, a, b)); };
  auto describe = [&](const WordStats::Entry& e, Template frequency, Template article, Template left, Template right,
                      Template tagged, Template cluster) {
    emit(frequency, e.frequency);
    for (uint8_t k = 0; k < WordStats::kClusterLevels; ++k) {
      if (e.clusters[k]) emit(cluster, k, e.clusters[k]);
    }
    for (uint8_t t = 0; t < kNerTypes; ++t) {
      if (e.tagged[t]) emit(tagged, t, e.tagged[t]);
    }
    emit(article, e.article);
    for (size_t k = 0; k < 2 * WordStats::kContextsPerSide; ++k) {
      if (e.contexts[k] == WordStats::kNoContext) continue;
      emit(k < WordStats::kContextsPerSide ? left : right, stats_.context_hash(e.contexts[k]));
    }
  };
  if (w.stats) describe(*w.stats, kFrequency, kArticleShare, kLeftContext, kRightContext, kTaggedShare, kCluster);
  if (w.core_stats) {
    describe(*w.core_stats, kCoreFrequency, kCoreArticleShare, kCoreLeftContext, kCoreRightContext, kCoreTaggedShare,
             kCoreCluster);
  }
  if (!w.stats && !w.core_stats) emit(kUnknownWord);
  const WordStats::Entry* e = w.stats_or_stem();
  if (e && e->contexts[0] != WordStats::kNoContext &&
      e->contexts[WordStats::kContextsPerSide] != WordStats::kNoContext) {
    emit(kContextPair, stats_.context_hash(e->contexts[0]),
         stats_.context_hash(e->contexts[WordStats::kContextsPerSide]));
  }
  if (e) {
    // The type the word is most often tagged with across the corpus, and how often, with its
    // frequency.
    uint8_t best = 0, type = 0;
    for (uint8_t t = 0; t < kNerTypes; ++t) {
      if (e->tagged[t] > best) best = e->tagged[t], type = t;
    }
    emit(kWordShare, type * 8 + best, e->frequency);
  }
}

template void FeatureExtractor::neighbour_rows(const WordInfo&, int, SentenceFeatures&) const;
template void FeatureExtractor::neighbour_rows(const WordInfo&, int, RowSum&) const;
template void FeatureExtractor::context_rows(const ContextWord&, const ContextWord&, const ContextWord&,
                                             SentenceFeatures&) const;
template void FeatureExtractor::context_rows(const ContextWord&, const ContextWord&, const ContextWord&,
                                             RowSum&) const;
template void FeatureExtractor::word_context_rows(const ContextWord&, const ContextWord&, const ContextWord&,
                                                  SentenceFeatures&) const;
template void FeatureExtractor::label_rows(Tag, Tag, Tag, RowSum&) const;
template void FeatureExtractor::enclosure_rows(uint8_t, SentenceFeatures&) const;

}  // namespace rawabit::ner
