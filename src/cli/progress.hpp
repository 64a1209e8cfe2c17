// What `build` tells the user while it runs and when it ends: a live progress line on a
// terminal (documents stored, MB/s of text, share of the input done, ETA), warnings, and a
// summary; or, with --log-json, one JSON object per line for each warning and for the summary;
// or, with --quiet, warnings only. The words are those of `rawabit stats`: a piece of evidence is
// one sentence stating a fact; a fact (subject, predicate, object) is backed by one or more.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace rawabit::cli {

struct BuildTally {
  size_t stored = 0, replaced = 0, unchanged = 0, duplicates = 0, removed = 0, skipped = 0;
  size_t mentions = 0, evidence = 0;
  uint64_t bytes = 0;  // article text read
  // CPU seconds by stage: the reader thread, the extraction workers, the writer thread and the
  // whole process (which adds loading the lexicon and model).
  double cpu_read = 0, cpu_extract = 0, cpu_write = 0, cpu_total = 0;
};

// CPU seconds used so far by the calling thread, and by the whole process.
double thread_cpu_seconds();
double process_cpu_seconds();

// The time a build has left, from how far the writer is through the inputs: the input position of
// the last document stored (bytes of the input files on disk, compressed bytes for a compressed
// file) against their total size. Both are on disk, whatever the compression, and the position is
// the writer's, not the reader's, which runs ahead. The rate is measured from the first
// observation on, so that the start-up (loading the lexicon) does not count.
class Eta {
 public:
  explicit Eta(uint64_t total_bytes) : total_(total_bytes) {}
  // At `seconds` since the start, the documents up to input byte `done` are stored.
  void observe(double seconds, uint64_t done);
  // Seconds left; nullopt until a second of progress has been measured, and once all is done.
  std::optional<double> seconds_left() const;
  // The share of the input done, 0 to 1 (0 when the total is unknown).
  double fraction() const;

 private:
  uint64_t total_, first_done_ = 0, done_ = 0;
  double first_seconds_ = -1, seconds_ = 0;
};

class Progress {
 public:
  enum class Mode { Human, Quiet, Json };
  Progress(Mode mode, uint64_t total_input_bytes);

  void warn(const std::string& message);                // thread-safe
  // The writer stored a document whose input ends at byte `input_position` of the inputs (on
  // disk; 0 when unknown, as for documents re-extracted from the database). At most a few
  // redraws a second.
  void advance(const BuildTally& tally, uint64_t input_position);
  // Every document is stored; the indexes are being built (seconds on a large corpus), which the
  // ETA did not count.
  void indexing(const BuildTally& tally);
  void finish(const BuildTally& tally, const std::string& db);

 private:
  Mode mode_;
  Eta eta_;
  bool live_;  // a terminal: redraw the line in place
  std::chrono::steady_clock::time_point started_, last_draw_;
  std::mutex mutex_;
  bool line_shown_ = false;

  void clear_line();
  double seconds() const;
};

}  // namespace rawabit::cli
