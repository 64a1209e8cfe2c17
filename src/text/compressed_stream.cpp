#include "text/compressed_stream.hpp"

#include <fcntl.h>
#include <lzma.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rawabit::text {

namespace {

constexpr size_t kChunk = 1 << 20;
// The compressed input is read in smaller steps, so that the position in the file (what
// file_bytes_read_by_this_thread() reports, a build's progress) advances smoothly: a 16 MB .xz
// file in 256 steps rather than 16. The extra read calls cost nothing measurable.
constexpr size_t kCompressedChunk = 64 << 10;

thread_local uint64_t file_bytes_read = 0;

class FileStream final : public ByteStream {
 public:
  explicit FileStream(int fd) : fd_(fd) {}
  ~FileStream() override { ::close(fd_); }
  size_t read(char* out, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, out, n);
      if (got >= 0) {
        file_bytes_read += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return 0;
    }
  }

 private:
  int fd_;
};

}  // namespace

uint64_t file_bytes_read_by_this_thread() { return file_bytes_read; }

namespace {

const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

// Input side shared by the decompressors: refills a buffer from the compressed stream.
class Decompressor : public ByteStream {
 protected:
  explicit Decompressor(std::unique_ptr<ByteStream> inner) : inner_(std::move(inner)), buf_(new char[kCompressedChunk]) {}
  // Reads the next compressed chunk; false at its end (in_eof_) or on an error (done_).
  bool refill(size_t& got) {
    got = inner_->read(buf_.get(), kCompressedChunk);
    if (got > 0) {
      any_input_ = true;
      return true;
    }
    if (!inner_->error().empty()) fail(inner_->error());
    in_eof_ = true;
    return false;
  }
  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    done_ = true;
  }
  const char* data() const { return buf_.get(); }

  std::unique_ptr<ByteStream> inner_;
  std::unique_ptr<char[]> buf_;
  bool in_eof_ = false, any_input_ = false, done_ = false;
};

class GzipStream final : public Decompressor {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> inner) : Decompressor(std::move(inner)) {
    if (inflateInit2(&z_, 15 + 16) != Z_OK) fail("cannot start the gzip decoder");
  }
  ~GzipStream() override { inflateEnd(&z_); }

  size_t read(char* out, size_t n) override {
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(n, kChunk));
    const uInt room = z_.avail_out;
    while (z_.avail_out == room && !done_) {
      size_t got;
      if (z_.avail_in == 0 && !in_eof_ && refill(got)) {
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data()));
        z_.avail_in = static_cast<uInt>(got);
      }
      if (done_) break;
      if (z_.avail_in == 0 && in_eof_ && !in_member_) {
        done_ = true;  // a clean end between members (or an empty file)
        break;
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      in_member_ = true;
      if (rc == Z_STREAM_END) {
        in_member_ = false;  // another member may follow
        inflateReset(&z_);
      } else if (rc == Z_BUF_ERROR && in_eof_) {
        fail("truncated gzip data");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        fail(std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "error " + std::to_string(rc)));
      }
    }
    return room - z_.avail_out;
  }

 private:
  z_stream z_{};
  bool in_member_ = false;
};

class XzStream final : public Decompressor {
 public:
  explicit XzStream(std::unique_ptr<ByteStream> inner) : Decompressor(std::move(inner)) {
    if (lzma_stream_decoder(&s_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) fail("cannot start the xz decoder");
  }
  ~XzStream() override { lzma_end(&s_); }

  size_t read(char* out, size_t n) override {
    s_.next_out = reinterpret_cast<uint8_t*>(out);
    s_.avail_out = n;
    while (s_.avail_out == n && !done_) {
      size_t got;
      if (s_.avail_in == 0 && !in_eof_ && refill(got)) {
        s_.next_in = reinterpret_cast<const uint8_t*>(data());
        s_.avail_in = got;
      }
      if (done_) break;
      if (in_eof_ && !any_input_) {
        done_ = true;  // an empty file
        break;
      }
      lzma_ret rc = lzma_code(&s_, in_eof_ ? LZMA_FINISH : LZMA_RUN);
      if (rc == LZMA_STREAM_END) {
        done_ = true;
      } else if (rc == LZMA_BUF_ERROR && in_eof_) {
        fail("truncated xz data");
      } else if (rc != LZMA_OK) {
        fail(rc == LZMA_FORMAT_ERROR ? "not xz data" : rc == LZMA_MEM_ERROR ? "out of memory in the xz decoder"
                                                                             : "corrupt xz data");
      }
    }
    return n - s_.avail_out;
  }

 private:
  lzma_stream s_ = LZMA_STREAM_INIT;
};

class ZstdStream final : public Decompressor {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> inner) : Decompressor(std::move(inner)), ctx_(ZSTD_createDCtx()) {
    if (!ctx_) fail("cannot start the zstd decoder");
  }
  ~ZstdStream() override { ZSTD_freeDCtx(ctx_); }

  size_t read(char* out, size_t n) override {
    ZSTD_outBuffer o{out, n, 0};
    while (o.pos == 0 && !done_) {
      size_t got;
      if (in_.pos == in_.size && !in_eof_ && refill(got)) in_ = {data(), got, 0};
      if (done_) break;
      bool draining = in_.pos == in_.size && in_eof_;
      if (draining && pending_ == 0) {
        done_ = true;  // the last frame is complete (or the file is empty)
        break;
      }
      size_t rc = ZSTD_decompressStream(ctx_, &o, &in_);
      if (ZSTD_isError(rc)) {
        fail(std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc));
      } else {
        pending_ = rc;
        if (draining && o.pos == 0) fail("truncated zstd data");
      }
    }
    return o.pos;
  }

 private:
  ZSTD_DCtx* ctx_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  size_t pending_ = 0;  // ZSTD_decompressStream's hint: 0 once a frame is complete
};

}  // namespace

Compression compression_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".gz") return Compression::Gzip;
  if (ext == ".xz") return Compression::Xz;
  if (ext == ".zst") return Compression::Zstd;
  return Compression::None;
}

std::unique_ptr<ByteStream> open_file(const std::filesystem::path& path, size_t& size, std::string& why) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused after fstat().
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    why = std::strerror(errno);
    return nullptr;
  }
  struct stat st;
  bool stated = ::fstat(fd, &st) == 0;
  if (!stated || !S_ISREG(st.st_mode)) {
    why = stated ? file_kind(st.st_mode) : std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  size = static_cast<size_t>(st.st_size);
  return std::make_unique<FileStream>(fd);
}

std::unique_ptr<ByteStream> decompressing(std::unique_ptr<ByteStream> inner, Compression c) {
  switch (c) {
    case Compression::Gzip: return std::make_unique<GzipStream>(std::move(inner));
    case Compression::Xz: return std::make_unique<XzStream>(std::move(inner));
    case Compression::Zstd: return std::make_unique<ZstdStream>(std::move(inner));
    case Compression::None: break;
  }
  return inner;
}

bool read_all(ByteStream& in, std::string& out, size_t limit, size_t expected_size) {
  // One byte more than expected, to see the end at once; then doubling, up to limit + 1.
  size_t capacity = std::min(limit + 1, expected_size ? expected_size + 1 : size_t{64} << 10);
  size_t filled = 0;
  out.resize(capacity);
  for (;;) {
    if (filled == capacity) {
      if (capacity > limit) break;
      capacity = std::min(limit + 1, capacity * 2);
      out.resize(capacity);
    }
    size_t got = in.read(out.data() + filled, capacity - filled);
    if (got == 0) break;
    filled += got;
  }
  out.resize(filled);
  return filled <= limit && in.error().empty();
}

LineReader::LineReader(ByteStream& in, size_t max_bytes) : in_(in), max_bytes_(max_bytes), buf_(new char[kChunk]) {}

bool LineReader::fill() {
  if (eof_) return false;
  begin_ = 0;
  end_ = in_.read(buf_.get(), kChunk);
  eof_ = end_ == 0;
  return !eof_;
}

std::string_view LineReader::peek() {
  if (begin_ == end_) fill();
  return {buf_.get() + begin_, end_ - begin_};
}

bool LineReader::next(Line& line) {
  // The prefix of an overlong line kept for the message that quotes it.
  constexpr size_t kKeptOfLongLine = 512;
  line = Line{{}, ++line_no_, offset_, false, true};
  long_line_.clear();
  bool spans_refills = false;
  for (;;) {
    if (begin_ == end_ && !fill()) {
      if (!spans_refills) return false;
      line.ended = false;
      break;
    }
    const char* b = buf_.get() + begin_;
    size_t avail = end_ - begin_;
    const char* nl = static_cast<const char*>(std::memchr(b, '\n', avail));
    size_t take = nl ? static_cast<size_t>(nl - b) : avail;
    size_t eaten = take + (nl ? 1 : 0);
    begin_ += eaten;
    offset_ += eaten;
    if (nl && !spans_refills && take <= max_bytes_) {
      line.text = std::string_view(b, take);  // the common case: the line lies in the buffer
      break;
    }
    spans_refills = true;
    if (!line.too_long) long_line_.append(b, take);
    if (long_line_.size() > max_bytes_) {
      line.too_long = true;
      long_line_.resize(std::min(long_line_.size(), kKeptOfLongLine));
    }
    if (nl) break;
  }
  if (spans_refills) line.text = long_line_;
  if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
  return true;
}

}  // namespace rawabit::text
