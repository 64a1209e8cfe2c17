// A write buffer for the exporters. They produce millions of small pieces (tags, numbers, escaped
// names); appending them to one std::string and handing it to the stream in large blocks keeps the
// per-piece cost at a memcpy. Contract: commit() after each element lets the buffer drain; finish()
// must be called at the end and throws rawabit::Error if the stream failed (disk full, closed pipe).
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace rawabit::graph {

class OutBuffer {
 public:
  explicit OutBuffer(std::ostream& out);

  OutBuffer& operator<<(std::string_view s) { buf_.append(s); return *this; }
  OutBuffer& operator<<(char c) { buf_.push_back(c); return *this; }
  OutBuffer& operator<<(int64_t n);
  OutBuffer& operator<<(uint64_t n);
  OutBuffer& operator<<(int n) { return *this << static_cast<int64_t>(n); }
  OutBuffer& operator<<(double x);  // shortest representation that reads back exactly

  // The underlying text, for escaping functions that append to a std::string.
  std::string& text() { return buf_; }

  void commit() { if (buf_.size() >= kBlock) drain(); }
  void finish();

 private:
  static constexpr size_t kBlock = 1 << 16;
  void drain();
  std::ostream& out_;
  std::string buf_;
};

}  // namespace rawabit::graph
