// A map from 64-bit hashes (hash_of(), words.hpp) to small values, for the lookups the
// tagger makes for every word: open addressing with linear probing in one flat array, which is
// several times faster than std::unordered_map here. Keys are mixed before probing, so any
// hash will do; the key 0 is stored like any other.
#pragma once
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "ner/words.hpp"

namespace rawabit::ner {

template <class Value>
class HashMap {
 public:
  // The value of `key`, inserted as Value{} when missing.
  Value& operator[](uint64_t key) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    Slot& s = slots_[probe(key)];
    if (!s.used) {
      s = {key, Value{}, true};
      ++size_;
    }
    return s.value;
  }
  // Inserts unless present; true if inserted.
  bool insert(uint64_t key, const Value& value) {
    if (find(key)) return false;
    (*this)[key] = value;
    return true;
  }
  const Value* find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[probe(key)];
    return s.used ? &s.value : nullptr;
  }
  Value* find(uint64_t key) { return const_cast<Value*>(std::as_const(*this).find(key)); }
  // Starts loading the slot of `key` into the cache, for a find() soon after.
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[mix64(key) & (slots_.size() - 1)]);
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Calls f(key, value) for every entry, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.used) f(s.key, s.value);
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    Value value{};
    bool used = false;
  };

  // The slot holding `key`, or the empty slot where it belongs.
  size_t probe(uint64_t key) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
      if (!slots_[i].used || slots_[i].key == key) return i;
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, 2 * old.size()), Slot{});
    for (const Slot& s : old) {
      if (s.used) slots_[probe(s.key)] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace rawabit::ner
