// Tagger::save and Tagger::load: the model file layout described in tagger.hpp.
#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "ner/tagger.hpp"
#include "ner/bytes.hpp"

namespace rawabit::ner {

namespace {

constexpr std::string_view kMagic{"RWBNER\0\0", 8};
constexpr std::string_view kEnd{"END\0", 4};
constexpr unsigned kMinHashBits = 8, kMaxHashBits = 26;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open model file (train one with `rawabit train-ner`)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace

void Tagger::save(const std::filesystem::path& path) const {
  ByteWriter w;
  w.bytes(kMagic);
  w.u32(kModelFormatVersion);
  w.u32(hash_bits_);
  w.u32(kLabels);
  for (Label l = 0; l < kLabels; ++l) {
    w.u8(static_cast<uint8_t>(label_name(l).size()));
    w.bytes(label_name(l));
  }
  w.f32(scale_);
  w.u32(static_cast<uint32_t>(resources_.names.entries().size()));
  for (const NameList::Entry& e : resources_.names.entries()) {
    w.u8(static_cast<uint8_t>(e.type));
    w.u32(static_cast<uint32_t>(e.form.size()));
    w.bytes(e.form);
  }
  resources_.cues.write(w);
  resources_.stats.write(w);
  for (int16_t v : transition_) w.u16(static_cast<uint16_t>(v));
  w.u32(static_cast<uint32_t>(emission_.size()));
  size_t next = 0;  // rows are written as the gap since the row after the previous one
  emission_.for_each([&](uint32_t row, std::span<const int16_t> weights) {
    w.varint(static_cast<uint32_t>(row - next));
    for (int16_t v : weights) w.u16(static_cast<uint16_t>(v));
    next = row + 1;
  });
  w.bytes(kEnd);

  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
  if (!out.flush()) throw Error(path.string() + ": cannot write model file");
}

Tagger Tagger::load(const std::filesystem::path& path) {
  const std::string bytes = read_file(path);
  ByteReader r(path.string(), bytes);
  if (r.bytes(kMagic.size()) != kMagic) r.fail("not a rawabit NER model");
  if (uint32_t version = r.u32(); version != kModelFormatVersion) {
    // Version 3 had the cue words built into the code; they now come from the model itself.
    r.fail("model format version " + std::to_string(version) + ", but this rawabit reads version " +
           std::to_string(kModelFormatVersion) + " (which carries its cue words); retrain it with `rawabit train-ner`");
  }
  Tagger tagger;
  tagger.hash_bits_ = r.u32();
  if (tagger.hash_bits_ < kMinHashBits || tagger.hash_bits_ > kMaxHashBits) r.fail("unsupported feature-hash size");
  if (r.u32() != kLabels) r.fail("label set differs from PER, ORG, LOC, MISC in BILOU");
  for (Label l = 0; l < kLabels; ++l) {
    if (r.bytes(r.u8()) != label_name(l)) r.fail("label set differs from PER, ORG, LOC, MISC in BILOU");
  }
  tagger.scale_ = r.f32();
  for (uint32_t n = r.u32(); n > 0; --n) {
    uint8_t type = r.u8();
    if (type >= kNerTypes) r.fail("malformed model file (name type)");
    tagger.resources_.names.add(r.bytes(r.u32()), static_cast<NerType>(type));
  }
  tagger.resources_.cues = CueWords::read(r);
  tagger.resources_.stats = WordStats::read(r);
  for (int16_t& v : tagger.transition_) v = static_cast<int16_t>(r.u16());
  const size_t rows = size_t{1} << tagger.hash_bits_;
  tagger.emission_ = PackedRows(tagger.hash_bits_);
  std::array<int16_t, kLabels> weights;
  size_t next = 0;
  for (uint32_t n = r.u32(); n > 0; --n) {
    size_t row = next + r.varint();
    if (row >= rows) r.fail("malformed model file (weight row out of range)");
    for (int16_t& v : weights) v = static_cast<int16_t>(r.u16());
    tagger.emission_.append(static_cast<uint32_t>(row), weights);
    next = row + 1;
  }
  tagger.emission_.finish();
  if (r.bytes(kEnd.size()) != kEnd || !r.at_end()) r.fail("malformed model file (trailing data)");
  return tagger;
}

}  // namespace rawabit::ner
