// The observation features of the tagger, hashed into rows of its weight table.
//
// For each word of a sentence (words in their matching form, text::normalize): the word, its
// clitic stems (text::clitic_readings), prefixes and suffixes of 1–4 code points, the words and
// stems of a ±2 window with bigrams and the previous–next word pair, the first letters of the
// neighbours' stems, the shape (character classes, length), nisba endings, cue words
// (cues.hpp: titles before persons, place and organization nouns, club words) around it, the
// distance to the organization noun before it in its clause, and in a sentence with a sports
// word its gazetteer label with the type the corpus tags it with and its word class; whether it stands inside
// quotes or brackets, gazetteer roles of the word and its neighbours and the BIO label of the
// longest gazetteer match it falls in, and the corpus statistics of the word, of its shortest
// stem and of its neighbours with their word classes, and the pairs of fine classes of the word
// and each neighbour (stats.hpp). A feature is a template id and the hashes of
// its pieces (feature_row, words.hpp); each word's hashes are computed once and no
// feature string is built. Changing any feature changes what a stored model means: bump
// kModelFormatVersion (tagger.hpp) with it.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ner/cues.hpp"
#include "ner/names.hpp"
#include "ner/rows.hpp"
#include "ner/stats.hpp"
#include "ner/words.hpp"

namespace rawabit::ner {

// The weight-table rows selected by the features of each word of one sentence.
class SentenceFeatures {
 public:
  static constexpr size_t kRowsPerWordHint = 96;  // more than the features of a typical word

  size_t size() const { return offsets_.size() - 1; }
  std::span<const uint32_t> rows(size_t word) const {
    return {rows_.data() + offsets_[word], rows_.data() + offsets_[word + 1]};
  }

  // Empties the list, with room for `words` words.
  void clear(size_t words) {
    rows_.clear();
    rows_.reserve(words * kRowsPerWordHint);
    offsets_.assign(1, 0);
  }
  void add(uint32_t row) { rows_.push_back(row); }
  void end_word() { offsets_.push_back(static_cast<uint32_t>(rows_.size())); }

 private:
  std::vector<uint32_t> rows_;
  std::vector<uint32_t> offsets_{0};
};

// What the features know beyond the sentence; all parts are stored in the model file, and
// any may be empty (then its features are left out or constant).
struct FeatureResources {
  NameList names;   // gazetteer names
  WordStats stats;  // corpus statistics
  CueWords cues;    // titles, place and organization nouns (schema/models/ner-cues.tsv)
};

// What a word is, independently of its sentence: everything the features of a window need of
// it except its gazetteer label (which depends on its neighbours).
struct WordInfo {
  std::string_view word;
  Stems stems;
  std::array<uint64_t, 4> stem_hash{};           // hash_of() each stem; [0] is the word's
  uint64_t core_hash = 0;                        // of the shortest stem
  uint8_t shape = 0;                             // classes of characters present (ShapeBit)
  uint8_t length = 0;                            // code points, capped
  uint8_t nisba = 0;                             // nisba ending of the shortest stem (0: none)
  uint8_t trigger = 0;                           // trigger classes of any reading (CueBit, cues.hpp)
  uint16_t gaz_roles = 0;                        // NameList::word_roles of any reading
  Tag gaz_tag = kOutside;                        // label from the longest gazetteer matches
  uint8_t enclosure = 0;                         // inside «…» or "…" (1), (…) (2), or not (0)
  const WordStats::Entry* stats = nullptr;       // of the word
  const WordStats::Entry* core_stats = nullptr;  // of its shortest stem, when that differs

  // Its own statistics, else its stem's (null when it has neither).
  const WordStats::Entry* stats_or_stem() const { return stats ? stats : core_stats; }
};

// What the contextual features need of a word.
struct ContextWord {
  uint64_t hash = 0;  // hash_of() the word
  uint8_t shape = 0;
  Tag gaz_tag = kOutside;
  uint8_t enclosure = 0;
  uint16_t cluster = 0;  // the word's fine class (WordStats::Entry::clusters); 0 none
  uint8_t cue = 0;       // the word's cue classes (CueBit)
  uint8_t dominant = 0;  // 1 + the type the corpus tags the word with most (dominant_type), 0 none
  // Set by mark_cue_context: the distance to the nearest organization noun before the word in
  // its clause (1..kOrgHeadReach, 0 none), and whether the sentence has a sports word.
  uint8_t org_head = 0;
  bool sport = false;
};
inline constexpr uint8_t kOrgHeadReach = 6;
// Fills ContextWord::org_head and ::sport of a sentence's words. Punctuation ends a clause.
void mark_cue_context(std::span<ContextWord> words);
// 1 + the entity type the corpus statistics tag a word (or its stem) with most, when they tag it
// so in more than a trace of its occurrences; 0 otherwise.
uint8_t dominant_type(const WordInfo& w);
// The fine word class of a word (or of its stem), 0 when it has none.
inline uint16_t fine_cluster(const WordInfo& w) {
  const WordStats::Entry* e = w.stats_or_stem();
  return e ? e->clusters[WordStats::kClusterLevels - 1] : 0;
}
inline ContextWord context_of(const WordInfo& w) {
  return {w.stem_hash[0], w.shape, w.gaz_tag, w.enclosure, fine_cluster(w), w.trigger, dominant_type(w)};
}

// Which quotes or brackets a token opens: 1 «, ", 2 (, 0 none.
uint8_t enclosure_opened_by(std::string_view token);

// Calls mark(i, enclosure) for the words inside quotes or brackets (not the marks themselves):
// «…» and (…) close with » and ); a second " closes the first. Unclosed ones run to the end.
template <class Mark>
void mark_enclosures(std::span<const std::string_view> words, Mark mark) {
  uint8_t open = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (open == 1 && (w == "\u00bb" || w == "\"")) {
      open = 0;
    } else if (open == 2 && w == ")") {
      open = 0;
    } else if (open == 0 && enclosure_opened_by(w) != 0) {
      open = enclosure_opened_by(w);
    } else if (open) {
      mark(i, open);
    }
  }
}

// The features of a word fall in three groups:
//  - those that depend on one word of the ±2 window only: the word's own (offset 0) and what it
//    contributes as a neighbour at offset −2, −1, +1 or +2 (its hash, core, last letters, nisba,
//    triggers, tagged shares) — neighbour_rows();
//  - the genuinely contextual ones: bigrams, the shape window, gazetteer labels — context_rows().
// A word's rows are the union of its own, its neighbours' and its context rows; the tagger caches
// the summed weights of the first group per word type (cache.hpp).
inline constexpr int kWindow = 2;  // neighbours on each side

// Computes SentenceFeatures. Keeps a reference to `resources` and scratch buffers, so one
// extractor serves one thread.
class FeatureExtractor {
 public:
  FeatureExtractor(const FeatureResources& resources, unsigned hash_bits);

  void extract(std::span<const std::string_view> words, SentenceFeatures& out);

  // Describes one word, without its statistics (lookup_stats) or gazetteer label (kOutside).
  // Valid while `word`'s bytes are.
  void describe_word(std::string_view word, WordInfo& w);
  void lookup_stats(WordInfo& w) const;
  // The pseudo-words before and after a sentence, as neighbours see them.
  static const WordInfo& before_sentence();
  static const WordInfo& after_sentence();
  // Whether some reading of the word may start a gazetteer name (its gaz_roles say so).
  bool may_start_name(const WordInfo& w) const;
  // The gazetteer labels of a sentence's words (longest matches, left to right).
  void mark_name_matches(std::span<const std::string_view> words, std::span<WordInfo> info) const;

  // Rows contributed by word `w` to the word `offset` positions away (−kWindow..kWindow; 0 is
  // the word's own rows). Sink is SentenceFeatures or RowSum.
  template <class Sink>
  void neighbour_rows(const WordInfo& w, int offset, Sink& out) const;
  // Rows of the contextual features of `w` between `prev` and `next`.
  template <class Sink>
  void context_rows(const ContextWord& prev, const ContextWord& w, const ContextWord& next, Sink& out) const;
  // The two parts of context_rows: the gazetteer labels of the window alone (a few hundred
  // combinations, which the tagger tabulates), and the rest.
  template <class Sink>
  void label_rows(Tag prev, Tag tag, Tag next, Sink& out) const;
  template <class Sink>
  void enclosure_rows(uint8_t enclosure, Sink& out) const;
  template <class Sink>
  void word_context_rows(const ContextWord& prev, const ContextWord& w, const ContextWord& next, Sink& out) const;

 private:
  void describe(std::span<const std::string_view> words);
  const WordInfo& at(size_t i, int offset) const;
  template <class Sink>
  void own_rows(const WordInfo& w, Sink& out) const;
  template <class Sink>
  void stats_rows(const WordInfo& w, Sink& out) const;
  // The tagged shares of a neighbouring word (its own, or its stem's).
  template <class Sink>
  void neighbour_shares(const WordInfo& w, uint8_t templ, Sink& out) const;
  // The word classes of a neighbouring word (its own, or its stem's).
  template <class Sink>
  void neighbour_clusters(const WordInfo& w, uint8_t templ, Sink& out) const;

  const NameList& names_;
  const WordStats& stats_;
  const CueWords& cues_;
  unsigned hash_bits_;
  StemReader stem_reader_;
  std::vector<WordInfo> info_;
  std::vector<ContextWord> contexts_;
};

}  // namespace rawabit::ner
