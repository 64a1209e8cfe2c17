// The non-zero rows of the tagger's emission weight table, packed. Of the 2^hash_bits rows most
// are zero (features never seen in training); a bitmap says which rows are present and a rank
// table turns a present row into its index among the packed ones. The weights of a model then
// fit in a core's L2 cache, where the dense table (2^20 × kLabels int16, 36 MB) would not.
#pragma once
#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "ner/tags.hpp"

namespace rawabit::ner {

class PackedRows {
 public:
  PackedRows() = default;
  explicit PackedRows(unsigned hash_bits)
      : present_(((size_t{1} << hash_bits) + 63) / 64, 0), rank_(present_.size(), 0) {}

  // Adds a row; rows come in increasing order.
  void append(uint32_t row, std::span<const int16_t> weights) {
    present_[row >> 6] |= uint64_t{1} << (row & 63);
    weights_.insert(weights_.end(), weights.begin(), weights.begin() + kLabels);
    ++count_;
  }

  // The kLabels weights of `row`, or null for a row of zeros. Valid after finish().
  const int16_t* find(uint32_t row) const {
    uint64_t block = present_[row >> 6], bit = uint64_t{1} << (row & 63);
    if (!(block & bit)) return nullptr;
    return &weights_[(rank_[row >> 6] + bits_set(block & (bit - 1))) * kLabels];
  }

  // Computes the rank table; needed once the rows are all in.
  void finish() {
    uint32_t before = 0;
    for (size_t b = 0; b < present_.size(); ++b) {
      rank_[b] = before;
      before += bits_set(present_[b]);
    }
  }

  // Calls f(row, weights) for every row in increasing order.
  template <class F>
  void for_each(F&& f) const {
    size_t index = 0;
    for (size_t b = 0; b < present_.size(); ++b) {
      for (uint64_t bits = present_[b]; bits; bits &= bits - 1) {
        auto row = static_cast<uint32_t>(b * 64 + std::countr_zero(bits));
        f(row, std::span<const int16_t>(&weights_[index++ * kLabels], kLabels));
      }
    }
  }

  size_t size() const { return count_; }

 private:
  // std::popcount compiles to a library call unless the build targets a CPU with POPCNT; this
  // inline count is faster than that call.
  static uint32_t bits_set(uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return static_cast<uint32_t>((x * 0x0101010101010101ULL) >> 56);
  }

  std::vector<uint64_t> present_;  // bit r: row r is stored
  std::vector<uint32_t> rank_;     // rank_[b]: stored rows before block b
  std::vector<int16_t> weights_;   // the stored rows, kLabels each, in row order
  size_t count_ = 0;
};

// sum[t] += add[t] for every label. The first kVectorLabels go in a loop that the compiler turns
// into whole vector operations (at -O2 it vectorizes only counts that need no scalar remainder).
template <class T>
inline void add_label_scores(std::array<int32_t, kLabels>& sum, const T* add) {
  constexpr size_t kVectorLabels = kLabels / 8 * 8;
  for (size_t t = 0; t < kVectorLabels; ++t) sum[t] += add[t];
  for (size_t t = kVectorLabels; t < kLabels; ++t) sum[t] += add[t];
}

// Adds the weights of rows into per-label scores, as a feature sink (features.hpp).
struct RowSum {
  const PackedRows& weights;
  std::array<int32_t, kLabels>& sum;

  void add(uint32_t row) {
    const int16_t* w = weights.find(row);
    if (!w) return;
    add_label_scores(sum, w);
  }
};

}  // namespace rawabit::ner
