#include "extract/tagger_document.hpp"

#include <algorithm>
#include <array>

#include "extract/tagger_hashmap.hpp"
#include "extract/tagger_words.hpp"

namespace rawabit::extract::ner {

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

// The entities of the sentences in a window, counted by key.
class NearbyNames {
 public:
  void add_sentence(std::span<const std::string_view> words, std::span<const Tag> tags) {
    for (const TaggedSpan& e : spans_from_tags(tags)) {
      const size_t length = e.end - e.first;
      if (length == 1 && code_points(words[e.first]) < kMinSingleWordLetters) continue;
      std::span<const std::string_view> rest = words.subspan(e.first + 1, length - 1);
      for (const Stem& stem : stems_.read(words[e.first])) ++votes_[key_of(stem, rest)][static_cast<size_t>(e.type)];
      longest_ = std::max(longest_, length);
      std::string_view last = words[e.end - 1];
      if (e.type == NerType::PER && length > 1 && code_points(last) >= kMinSingleWordLetters) {
        ++votes_[key_of(last, {})][static_cast<size_t>(NerType::PER)];
      }
    }
  }
  const Votes* find(uint64_t key) const { return votes_.find(key); }
  size_t longest() const { return longest_; }

 private:
  StemReader stems_;
  HashMap<Votes> votes_;
  size_t longest_ = 0;
};

void make_sentence_consistent(std::span<const std::string_view> words, std::span<const Tag> tagged,
                              const NearbyNames& nearby, std::vector<Tag>& out) {
  std::vector<bool> covered(words.size(), false);
  for (const TaggedSpan& e : spans_from_tags(tagged)) {
    std::fill(covered.begin() + e.first, covered.begin() + e.end, true);
    const Votes* votes = nearby.find(key_of(words[e.first], words.subspan(e.first + 1, e.end - e.first - 1)));
    if (!votes) continue;
    NerType type = majority(*votes);
    if ((*votes)[static_cast<size_t>(type)] > (*votes)[static_cast<size_t>(e.type)]) {
      set_span(out, e.first, e.end, type);
    }
  }
  StemReader stems;
  for (size_t i = 0; i < words.size();) {
    size_t best_end = 0;
    NerType best_type{};
    if (!covered[i]) {
      for (const Stem& stem : stems.read(words[i])) {
        for (size_t end = i + 1; end <= words.size() && end - i <= nearby.longest() && !covered[end - 1]; ++end) {
          const Votes* votes = nearby.find(key_of(stem, words.subspan(i + 1, end - i - 1)));
          if (votes && end > best_end) best_end = end, best_type = majority(*votes);
        }
      }
    }
    if (best_end == 0) {
      ++i;
      continue;
    }
    set_span(out, i, best_end, best_type);
    i = best_end;
  }
}

}  // namespace

void make_consistent(std::span<const std::vector<std::string_view>> sentences, std::vector<std::vector<Tag>>& tags,
                     int window) {
  const std::vector<std::vector<Tag>> tagged = tags;  // every sentence reads the others' own tags
  const auto n = static_cast<ptrdiff_t>(sentences.size());
  for (ptrdiff_t s = 0; s < n; ++s) {
    NearbyNames nearby;
    for (ptrdiff_t o = std::max<ptrdiff_t>(0, s - window); o <= std::min(n - 1, s + window); ++o) {
      nearby.add_sentence(sentences[o], tagged[o]);
    }
    make_sentence_consistent(sentences[s], tagged[s], nearby, tags[s]);
  }
}

}  // namespace rawabit::extract::ner
