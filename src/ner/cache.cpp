#include "ner/cache.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "lexicon/word_table.hpp"

namespace rawabit::ner {

WordScoreCache::WordScoreCache(size_t capacity)
    : capacity_(std::max<size_t>(capacity, 1)), slots_(std::bit_ceil(2 * capacity_)) {
  words_.reserve(capacity_);
}

bool WordScoreCache::is_key(const CachedWord& w, std::string_view word) const {
  if (w.key_size != word.size()) return false;
  const size_t head = std::min(word.size(), CachedWord::kKeyHead);
  if (!lexicon::same_word(std::string_view(w.key_head.data(), head), word.substr(0, head))) return false;
  return head == word.size() ||
         lexicon::same_word(std::string_view(tails_).substr(w.key_tail, word.size() - head), word.substr(head));
}

const CachedWord* WordScoreCache::find(std::string_view word) const {
  const uint64_t h = lexicon::word_hash(word);
  const auto check = static_cast<uint32_t>(h >> 32);
  for (size_t i = home(h);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& s = slots_[i];
    if (s.index == 0) return nullptr;
    if (s.check == check && is_key(words_[s.index - 1], word)) return &words_[s.index - 1];
  }
}

void WordScoreCache::find_all(std::span<const std::string_view> words, std::span<const CachedWord*> found) const {
  const size_t n = words.size(), mask = slots_.size() - 1;
  hashes_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    hashes_[i] = lexicon::word_hash(words[i]);
    __builtin_prefetch(&slots_[home(hashes_[i])]);
  }
  // The first slot whose check matches (the likely entry), or null.
  for (size_t i = 0; i < n; ++i) {
    const auto check = static_cast<uint32_t>(hashes_[i] >> 32);
    found[i] = nullptr;
    for (size_t k = home(hashes_[i]); slots_[k].index != 0; k = (k + 1) & mask) {
      if (slots_[k].check == check) {
        found[i] = &words_[slots_[k].index - 1];
        const char* entry = reinterpret_cast<const char*>(found[i]);
        for (size_t line = 0; line < sizeof(CachedWord); line += 64) __builtin_prefetch(entry + line);
        break;
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (found[i] && !is_key(*found[i], words[i])) found[i] = find(words[i]);  // a rare check collision
  }
}

CachedWord& WordScoreCache::insert(std::string_view word) {
  const uint64_t h = lexicon::word_hash(word);
  size_t i = home(h);
  while (slots_[i].index != 0) i = (i + 1) & (slots_.size() - 1);
  words_.emplace_back();
  slots_[i] = {static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(h >> 32)};
  CachedWord& w = words_.back();
  for (LabelScores& s : w.scores) s.fill(0);
  w.key_size = static_cast<uint16_t>(word.size());
  const size_t head = std::min(word.size(), CachedWord::kKeyHead);
  w.key_head.fill(0);
  word.copy(w.key_head.data(), head);
  w.key_tail = static_cast<uint32_t>(tails_.size());
  tails_.append(word.substr(head));
  return w;
}

void WordScoreCache::clear() {
  words_.clear();
  tails_.clear();
  std::fill(slots_.begin(), slots_.end(), Slot{});
}

}  // namespace rawabit::ner
