// Distributional facts about words, gathered from unlabelled news text and kept in the model, so
// that the tagger can tell a name it never saw in training by the company it keeps:
//  - frequency: how common the word is (a log2 bucket);
//  - article: how often its bare form takes the article ال — common nouns and adjectives do,
//    names rarely (ماكرون, never الماكرون);
//  - contexts: its most salient left and right neighbours among the frequent words, ranked by
//    local mutual information, count(w,c) × log(P(c|w) / P(c)) («الرئيس» before a president,
//    «الفرنسي» after him);
//  - tagged shares: how often a model trained on the labelled data tags the word as an entity
//    of each type across the corpus (self-training: a name the labelled data lacks is
//    often met in an easy context somewhere in the corpus).
// Words are matched by the 64-bit hash of their normalized form (words.hpp).
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/bytes.hpp"
#include "ner/hashmap.hpp"
#include "ner/tags.hpp"
#include "ner/words.hpp"

namespace rawabit::ner {

// Unlabelled sentences of normalized tokens, kept as token ids: what WordStats is computed from.
class Corpus {
 public:
  static constexpr uint32_t kBoundary = 0;  // the id between sentences; its form is "<s>"

  // The sentences of every document of `inputs`, read as `rawabit build` reads them (text
  // files, JSON Lines, folders). `log` receives progress and ingest warnings.
  static Corpus read(const std::vector<std::filesystem::path>& inputs,
                     const std::function<void(const std::string&)>& log);
  // The same sentences, one at a time and kept nowhere: `visit` gets the words of each (their
  // matching forms, as Document::word() gives them). Returns the number of documents.
  static size_t for_each_input_sentence(const std::vector<std::filesystem::path>& inputs,
                                        const std::function<void(const std::string&)>& log,
                                        const std::function<void(std::span<const std::string_view>)>& visit);

  void add_sentence(std::span<const std::string_view> tokens);
  // Calls `visit` with the tokens of each sentence and their ids.
  void for_each_sentence(
      const std::function<void(std::span<const std::string_view>, std::span<const uint32_t>)>& visit) const;

  const std::vector<uint32_t>& stream() const { return stream_; }  // ids, kBoundary around sentences
  size_t distinct() const { return forms_.size(); }
  std::string_view form(uint32_t id) const { return forms_[id]; }
  uint32_t count(uint32_t id) const { return counts_[id]; }
  uint32_t count(const std::string& form) const;

 private:
  uint32_t id_of(std::string_view form);

  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string_view> forms_;  // by id; views of ids_'s keys
  std::vector<uint32_t> counts_;
  std::vector<uint32_t> stream_;
};

class WordStats {
 public:
  static constexpr size_t kContextsPerSide = 3;
  static constexpr uint16_t kNoContext = 0xFFFF;
  static constexpr size_t kClusterLevels = 2;  // coarse and fine word classes

  struct Entry {
    uint8_t frequency = 0;  // 1 + floor(log2(count))
    uint8_t article = 0;    // share of the bare form's uses with ال: 0 unknown, 1 <2%, 2 <10%, 3 <50%, 4 more
    std::array<uint16_t, 2 * kContextsPerSide> contexts;  // left ones, then right ones; kNoContext pads
    // Share of the word's uses tagged as each type: 0 not computed, 1 never, 2 <10%, 3 <50%, 4 more.
    std::array<uint8_t, kNerTypes> tagged{};
    // The word's class at each granularity of the word clusters (add_clusters): 0 none, else class + 1.
    std::array<uint16_t, kClusterLevels> clusters{};
  };

  // Frequencies, article shares and contexts; no tagged shares yet.
  static WordStats from_corpus(const Corpus& corpus);

  // Fills the tagged shares from `tag`'s BIO tags for every corpus sentence.
  using SentenceTagger = std::function<void(std::span<const std::string_view>, std::vector<Tag>&)>;
  void add_tagged_shares(const Corpus& corpus, const SentenceTagger& tag);

  // Reads word classes from a TSV file of `word<TAB>coarse class<TAB>fine class` lines (the
  // word in its matching form; scripts/word-clusters makes the file) and gives them to the
  // words that have an entry. Returns how many did. Throws rawabit::Error quoting a bad line.
  size_t add_clusters(const std::filesystem::path& tsv);

  // The entry of a word, by its hash_of(), or null.
  const Entry* find(uint64_t word_hash) const;
  void prefetch(uint64_t word_hash) const { entries_.prefetch(word_hash); }
  std::string_view context_word(uint16_t id) const { return context_words_[id]; }
  uint64_t context_hash(uint16_t id) const { return context_hashes_[id]; }
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

  void write(ByteWriter& out) const;
  static WordStats read(ByteReader& in);

 private:
  void add_context_word(std::string_view form);

  std::vector<std::string> context_words_;
  std::vector<uint64_t> context_hashes_;  // hash_of() each context word
  HashMap<Entry> entries_;                // by hash of the form
};

}  // namespace rawabit::ner
