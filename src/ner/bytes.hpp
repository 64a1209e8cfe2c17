// Little-endian byte streams for the model file (file.cpp): what one part writes with
// ByteWriter, it reads back with ByteReader. A read past the end throws rawabit::Error naming
// the file ("truncated model file").
#pragma once
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace rawabit::ner {

class ByteWriter {
 public:
  void bytes(std::string_view s) { out_.append(s); }
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u16(uint16_t v) {
    u8(v & 0xFF);
    u8(v >> 8);
  }
  void u32(uint32_t v) {
    u16(v & 0xFFFF);
    u16(v >> 16);
  }
  void u64(uint64_t v) {
    u32(static_cast<uint32_t>(v));
    u32(static_cast<uint32_t>(v >> 32));
  }
  void f32(float v) { u32(std::bit_cast<uint32_t>(v)); }
  void varint(uint32_t v) {
    for (; v >= 0x80; v >>= 7) u8(static_cast<uint8_t>(v | 0x80));
    u8(static_cast<uint8_t>(v));
  }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

// Reads the file's bytes; every read past the end is reported as a truncated model.
class ByteReader {
 public:
  ByteReader(std::string path, std::string_view data) : path_(std::move(path)), data_(data) {}

  std::string_view bytes(size_t n) {
    if (data_.size() - pos_ < n) fail("truncated model file");
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  uint8_t u8() { return static_cast<uint8_t>(bytes(1)[0]); }
  uint16_t u16() {
    uint16_t low = u8();
    return static_cast<uint16_t>(low | (u8() << 8));
  }
  uint32_t u32() {
    uint32_t low = u16();
    return low | (static_cast<uint32_t>(u16()) << 16);
  }
  uint64_t u64() {
    uint64_t low = u32();
    return low | (static_cast<uint64_t>(u32()) << 32);
  }
  float f32() { return std::bit_cast<float>(u32()); }
  uint32_t varint() {
    uint32_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
      uint8_t b = u8();
      v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    fail("malformed model file (varint)");
  }
  bool at_end() const { return pos_ == data_.size(); }
  [[noreturn]] void fail(const std::string& what) const { throw Error(path_ + ": " + what); }

 private:
  std::string path_;
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace rawabit::ner
