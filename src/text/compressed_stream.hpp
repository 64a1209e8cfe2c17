// Byte streams over input files: plain, or decompressed on the fly from gzip (.gz), xz (.xz)
// and Zstandard (.zst), and a line reader on top of them.
//
// Contract: a stream never throws for bad input. read() returns 0 at the end of the data or on
// an error; error() then says why ("truncated xz data", "corrupt gzip data: invalid block
// type"), empty meaning a clean end. Opening never blocks: a path that is not a regular file
// (FIFO, device, socket) is refused without waiting for a writer.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace rawabit::text {

enum class Compression { None, Gzip, Xz, Zstd };

// The compression named by the path's last extension (.gz, .xz, .zst), or None.
Compression compression_of(const std::filesystem::path& path);

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Fills up to n bytes; 0 at the end of the data or on an error (see error()).
  virtual size_t read(char* out, size_t n) = 0;
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

// A regular file opened for reading, or nullptr with `why` set ("Permission denied", "a FIFO").
// `size` receives the file's size in bytes.
std::unique_ptr<ByteStream> open_file(const std::filesystem::path& path, size_t& size, std::string& why);

// The bytes the calling thread has read from files opened by open_file() so far (for a
// compressed file, the compressed bytes): how far it is through its inputs, against the sum of
// their sizes on disk.
uint64_t file_bytes_read_by_this_thread();

// `inner` decompressed; `inner` itself when `c` is None.
std::unique_ptr<ByteStream> decompressing(std::unique_ptr<ByteStream> inner, Compression c);

// Reads the whole stream into `out`, at most `limit` bytes. False when the stream failed (see
// error()) or held more than `limit` bytes (`out` then holds the first `limit + 1` bytes).
// `expected_size` (a plain file's size, or 0) sizes the buffer so that one read suffices.
bool read_all(ByteStream& in, std::string& out, size_t limit, size_t expected_size = 0);

// Splits a stream into lines ending at "\n" (a "\r" before it is dropped). A line longer than
// `max_bytes` is never held whole: only its first few hundred bytes are returned, for a message,
// with `too_long` set. Memory stays within one 1 MiB buffer plus one line of at most `max_bytes`.
class LineReader {
 public:
  struct Line {
    std::string_view text;  // valid until the next call of next()
    size_t number = 0;      // 1-based
    size_t offset = 0;      // byte offset of the line's start in the stream
    bool too_long = false;
    bool ended = true;      // false for a last line without "\n" (perhaps cut by damaged data)
  };

  LineReader(ByteStream& in, size_t max_bytes);
  // The next line, or false at the end of the stream.
  bool next(Line& line);
  // The bytes read ahead and not yet returned as lines (up to 1 MiB; reading ahead if there are
  // none), to judge a file by its start. Valid until the next call of next().
  std::string_view peek();

 private:
  bool fill();
  ByteStream& in_;
  size_t max_bytes_;
  std::unique_ptr<char[]> buf_;
  size_t begin_ = 0, end_ = 0;  // unread bytes in buf_
  std::string long_line_;       // a line that spans buffer refills
  size_t line_no_ = 0, offset_ = 0;
  bool eof_ = false;
};

}  // namespace rawabit::text
