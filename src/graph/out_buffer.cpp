#include "graph/out_buffer.hpp"

#include <charconv>
#include <cmath>

#include "common/error.hpp"

namespace rawabit::graph {

OutBuffer::OutBuffer(std::ostream& out) : out_(out) { buf_.reserve(2 * kBlock); }

OutBuffer& OutBuffer::operator<<(int64_t n) {
  char tmp[24];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
  buf_.append(tmp, r.ptr);
  return *this;
}

OutBuffer& OutBuffer::operator<<(uint64_t n) {
  char tmp[24];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
  buf_.append(tmp, r.ptr);
  return *this;
}

OutBuffer& OutBuffer::operator<<(double x) {
  if (!std::isfinite(x)) x = 0;  // no metric is infinite; never write "inf" into a typed file
  char tmp[32];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, x);
  buf_.append(tmp, r.ptr);
  return *this;
}

void OutBuffer::drain() {
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
  if (!out_) throw Error("cannot write the export: the output stream failed (disk full or closed pipe?)");
}

void OutBuffer::finish() {
  drain();
  out_.flush();
  if (!out_) throw Error("cannot write the export: the output stream failed (disk full or closed pipe?)");
}

}  // namespace rawabit::graph
