// PairScorer::load and save: the model file format (schema/models/README.md, relations.bin).
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "extract/pair_scorer.hpp"

namespace rawabit::extract {

namespace {

constexpr char kMagic[8] = {'R', 'W', 'B', 'R', 'E', 'L', '\0', '\0'};
constexpr char kEnd[4] = {'E', 'N', 'D', '\0'};
constexpr uint32_t kMaxHashBits = 24;

template <class T>
void put(std::ostream& out, T v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

class Reader {
 public:
  Reader(std::string bytes, std::string file) : bytes_(std::move(bytes)), file_(std::move(file)) {}
  template <class T>
  T get() {
    T v;
    need(sizeof v);
    std::memcpy(&v, bytes_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string text(size_t n) {
    need(n);
    std::string s = bytes_.substr(at_, n);
    at_ += n;
    return s;
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(file_ + ": not a relation scorer model: " + what + " at byte " + std::to_string(at_));
  }

 private:
  void need(size_t n) const {
    if (bytes_.size() - at_ < n) fail("truncated");
  }
  std::string bytes_, file_;
  size_t at_ = 0;
};

}  // namespace

void PairScorer::save(const std::filesystem::path& file) const {
  write_file_atomically(file, [&](std::ostream& out) {
    out.write(kMagic, sizeof kMagic);
    put<uint32_t>(out, kFormatVersion);
    put<uint32_t>(out, hash_bits_);
    put<uint32_t>(out, static_cast<uint32_t>(classes_.size()));
    for (const PredicateClass& c : classes_) {
      put<uint8_t>(out, static_cast<uint8_t>(c.name.size()));
      out.write(c.name.data(), static_cast<std::streamsize>(c.name.size()));
      put<uint8_t>(out, c.subject_types);
      put<uint8_t>(out, c.object_types);
    }
    put<float>(out, static_cast<float>(threshold_));
    const size_t width = classes_.size(), rows = size_t{1} << hash_bits_;
    auto nonzero = [&](size_t r) {
      for (size_t c = 0; c < width; ++c)
        if (weights_[r * width + c] != 0.0f) return true;
      return false;
    };
    uint32_t count = 0;
    for (size_t r = 0; r < rows; ++r) count += nonzero(r);
    put<uint32_t>(out, count);
    for (size_t r = 0; r < rows; ++r) {
      if (!nonzero(r)) continue;
      put<uint32_t>(out, static_cast<uint32_t>(r));
      out.write(reinterpret_cast<const char*>(&weights_[r * width]), static_cast<std::streamsize>(width * sizeof(float)));
    }
    out.write(kEnd, sizeof kEnd);
  });
}

PairScorer PairScorer::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot open the relation scorer model");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Reader r(bytes.str(), file.string());
  if (r.text(sizeof kMagic) != std::string(kMagic, sizeof kMagic)) r.fail("wrong magic");
  if (uint32_t version = r.get<uint32_t>(); version != kFormatVersion) {
    throw Error(file.string() + ": relation scorer model format version " + std::to_string(version) +
                ", this rawabit reads version " + std::to_string(kFormatVersion) + " (retrain it with rawabit train-relations)");
  }
  uint32_t bits = r.get<uint32_t>();
  if (bits == 0 || bits > kMaxHashBits) r.fail("hash bits " + std::to_string(bits));
  uint32_t n = r.get<uint32_t>();
  if (n < 2 || n > 64) r.fail("class count " + std::to_string(n));
  std::vector<PredicateClass> classes(n);
  for (PredicateClass& c : classes) {
    c.name = r.text(r.get<uint8_t>());
    c.subject_types = r.get<uint8_t>();
    c.object_types = r.get<uint8_t>();
  }
  if (classes[0].name != "NONE") r.fail("first class «" + classes[0].name + "», not NONE");
  PairScorer model(std::move(classes), bits);
  model.threshold_ = r.get<float>();
  const size_t rows = size_t{1} << bits;
  uint32_t count = r.get<uint32_t>();
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t row = r.get<uint32_t>();
    if (row >= rows) r.fail("weight row " + std::to_string(row));
    for (size_t c = 0; c < n; ++c) model.weights_[row * n + c] = r.get<float>();
  }
  if (r.text(sizeof kEnd) != std::string(kEnd, sizeof kEnd)) r.fail("no end marker");
  return model;
}

}  // namespace rawabit::extract
