#include "ner/document.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "ner/hashmap.hpp"
#include "ner/words.hpp"

namespace rawabit::ner {

namespace {

using Votes = std::array<uint16_t, kNerTypes>;

constexpr size_t kMinSingleWordLetters = 3;

// The key of a run of words: the first one as `first` (a clitic reading), the rest as they are.
uint64_t key_of(const Stem& first, std::span<const std::string_view> rest) {
  Hasher h;
  h.bytes(first);
  for (std::string_view w : rest) h.byte(' ').bytes(w);
  return h.value();
}

uint64_t key_of(std::string_view first, std::span<const std::string_view> rest) {
  return key_of(Stem{false, first}, rest);
}

// The most frequent type of `votes`; ties go to the first in NerType order.
NerType majority(const Votes& votes) {
  size_t top = 0;
  for (size_t t = 1; t < kNerTypes; ++t) {
    if (votes[t] > votes[top]) top = t;
  }
  return static_cast<NerType>(top);
}

void set_span(std::vector<Tag>& tags, size_t first, size_t end, NerType type) {
  tags[first] = begin_tag(type);
  for (size_t j = first + 1; j < end; ++j) tags[j] = inside_tag(type);
}

// The names one sentence contributes: a vote (key, type) for each entity span under each clitic
// reading of its first word, and for a person's surname alone.
struct SentenceVotes {
  std::vector<std::pair<uint64_t, NerType>> votes;
  std::vector<uint64_t> firsts;  // hash_of() the first word (a clitic reading) of each vote's key
  size_t longest = 0;            // words in its longest entity
};

SentenceVotes votes_of(std::span<const std::string_view> words, std::span<const Tag> tags, StemReader& stems) {
  SentenceVotes out;
  for (const TaggedSpan& e : spans_from_tags(tags)) {
    const size_t length = e.end - e.first;
    if (length == 1 && code_points(words[e.first]) < kMinSingleWordLetters) continue;
    std::span<const std::string_view> rest = words.subspan(e.first + 1, length - 1);
    for (const Stem& stem : stems.read(words[e.first])) {
      out.votes.emplace_back(key_of(stem, rest), e.type);
      out.firsts.push_back(hash_of(stem));
    }
    out.longest = std::max(out.longest, length);
    std::string_view last = words[e.end - 1];
    if (e.type == NerType::PER && length > 1 && code_points(last) >= kMinSingleWordLetters) {
      out.votes.emplace_back(key_of(last, {}), NerType::PER);
      out.firsts.push_back(hash_of(last));
    }
  }
  return out;
}

// The entities of the sentences in a sliding window, counted by key: sentences enter and leave
// the window one at a time instead of the window being counted again for every sentence.
class NearbyNames {
 public:
  void add(const SentenceVotes& s) {
    for (const auto& [key, type] : s.votes) ++votes_[key][static_cast<size_t>(type)];
    for (uint64_t first : s.firsts) ++firsts_[first];
  }
  void remove(const SentenceVotes& s) {
    for (const auto& [key, type] : s.votes) --(*votes_.find(key))[static_cast<size_t>(type)];
    for (uint64_t first : s.firsts) --*firsts_.find(first);
  }
  // Whether some key in the window starts with the word of this hash_of(): if none does, no
  // run starting with it can match, and its keys need not be hashed.
  bool may_start(uint64_t first_hash) const {
    const uint32_t* n = firsts_.find(first_hash);
    return n && *n > 0;
  }
  // The votes for `key` in the window; null when it has none (it may have left the window).
  const Votes* find(uint64_t key) const {
    const Votes* v = votes_.find(key);
    if (!v) return nullptr;
    for (uint16_t n : *v)
      if (n) return v;
    return nullptr;
  }
  size_t longest() const { return longest_; }
  void set_longest(size_t n) { longest_ = n; }

 private:
  HashMap<Votes> votes_;
  HashMap<uint32_t> firsts_;  // how many keys in the window start with each first word
  size_t longest_ = 0;
};

// How much lower the emission scores of the words [first, end) are as an entity of `type` (U-T
// alone; B-T, I-T…, L-T) than with each word's best label: 0 or more; 0 without scores.
int64_t entity_loss(std::span<const int32_t> scores, size_t first, size_t end, NerType type) {
  if (scores.empty()) return 0;
  int64_t loss = 0;
  for (size_t j = first; j < end; ++j) {
    std::span<const int32_t> row = scores.subspan(j * kLabels, kLabels);
    loss += int64_t{*std::max_element(row.begin(), row.end())} - row[entity_label(type, j - first, end - first)];
  }
  return loss;
}

void make_sentence_consistent(std::span<const std::string_view> words, std::span<const Tag> tagged,
                              std::span<const int32_t> scores, const NearbyNames& nearby,
                              const ConsistencyOptions& options, std::vector<Tag>& out) {
  // The first pass: retyping. span_end[j]: for a word j inside a tagged entity, where that
  // entity ends; 0 outside one.
  std::vector<size_t> span_end(words.size(), 0);
  for (const TaggedSpan& e : spans_from_tags(tagged)) {
    std::fill(span_end.begin() + e.first, span_end.begin() + e.end, e.end);
    const Votes* votes = nearby.find(key_of(words[e.first], words.subspan(e.first + 1, e.end - e.first - 1)));
    if (!votes) continue;
    NerType type = majority(*votes);
    if ((*votes)[static_cast<size_t>(type)] > (*votes)[static_cast<size_t>(e.type)]) {
      set_span(out, e.first, e.end, type);
    }
  }
  // Runs equal to a key: they start at an untagged word or at a tagged entity, hold at least
  // one untagged word, and do not cut a tagged entity (they may take whole ones in).
  StemReader stems;
  for (size_t i = 0; i < words.size();) {
    size_t best_end = 0;
    NerType best_type{};
    for (const Stem& stem : stems.read(words[i])) {
      Hasher key;  // key_of(stem, words[i + 1, end)), extended one word at a time
      key.bytes(stem);
      if (!nearby.may_start(key.value())) continue;
      size_t untagged = 0;
      for (size_t end = i + 1; end <= words.size() && end - i <= nearby.longest(); ++end) {
        if (end > i + 1) key.byte(' ').bytes(words[end - 1]);
        if (!span_end[end - 1]) {
          ++untagged;
        } else if (span_end[end - 1] != end) {
          continue;  // [i, end) would end inside a tagged entity
        }
        if (untagged == 0) continue;  // tagged entities only: the first pass's business
        const Votes* votes = nearby.find(key.value());
        if (!votes || end <= best_end) continue;
        const NerType type = majority(*votes);
        if (entity_loss(scores, i, end, type) <= options.fill_max_loss) best_end = end, best_type = type;
      }
    }
    if (best_end == 0) {
      i = span_end[i] ? span_end[i] : i + 1;
      continue;
    }
    set_span(out, i, best_end, best_type);
    i = best_end;
  }
}

}  // namespace

void make_consistent(std::span<const std::vector<std::string_view>> sentences, std::vector<std::vector<Tag>>& tags,
                     const ConsistencyOptions& options, std::span<const std::vector<int32_t>> scores) {
  const ptrdiff_t window = options.window;
  const std::vector<std::vector<Tag>> tagged = tags;  // every sentence reads the others' own tags
  const auto n = static_cast<ptrdiff_t>(sentences.size());
  StemReader stems;
  std::vector<SentenceVotes> votes(sentences.size());
  for (ptrdiff_t s = 0; s < n; ++s) votes[s] = votes_of(sentences[s], tagged[s], stems);
  NearbyNames nearby;
  for (ptrdiff_t o = 0; o <= std::min(n - 1, window); ++o) nearby.add(votes[o]);
  for (ptrdiff_t s = 0; s < n; ++s) {
    const ptrdiff_t from = std::max<ptrdiff_t>(0, s - window), to = std::min(n - 1, s + window);
    size_t longest = 0;
    for (ptrdiff_t o = from; o <= to; ++o) longest = std::max(longest, votes[o].longest);
    nearby.set_longest(longest);
    make_sentence_consistent(sentences[s], tagged[s], scores.empty() ? std::span<const int32_t>{} : scores[s], nearby,
                             options, tags[s]);
    if (s + window + 1 < n) nearby.add(votes[s + window + 1]);  // the window moves on by one sentence
    if (s - window >= 0) nearby.remove(votes[s - window]);
  }
}

}  // namespace rawabit::ner
