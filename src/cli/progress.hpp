// What `build` tells the user while it runs and when it ends: a live progress line on a
// terminal (documents, MB/s, ETA), warnings, and a summary; or, with --log-json, one JSON object
// per line for each warning and for the summary; or, with --quiet, warnings only.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace rawabit::cli {

struct BuildTally {
  size_t stored = 0, replaced = 0, unchanged = 0, duplicates = 0, removed = 0, skipped = 0;
  size_t mentions = 0, facts = 0;
  uint64_t bytes = 0;  // article text read
  // CPU seconds by stage: the reader thread, the extraction workers, the writer thread and the
  // whole process (which adds loading the lexicon and model).
  double cpu_read = 0, cpu_extract = 0, cpu_write = 0, cpu_total = 0;
};

// CPU seconds used so far by the calling thread, and by the whole process.
double thread_cpu_seconds();
double process_cpu_seconds();

class Progress {
 public:
  enum class Mode { Human, Quiet, Json };
  Progress(Mode mode, uint64_t total_input_bytes);

  void warn(const std::string& message);                // thread-safe
  void advance(const BuildTally& tally, uint64_t input_bytes_read);  // at most a few redraws a second
  void finish(const BuildTally& tally, const std::string& db);

 private:
  Mode mode_;
  uint64_t total_;
  bool live_;  // a terminal: redraw the line in place
  std::chrono::steady_clock::time_point started_, last_draw_;
  std::mutex mutex_;
  bool line_shown_ = false;

  void clear_line();
  double seconds() const;
};

}  // namespace rawabit::cli
