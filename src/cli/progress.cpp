#include "cli/progress.hpp"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/huge_pages.hpp"

namespace rawabit::cli {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto secs = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

void Eta::observe(double seconds, uint64_t done) {
  if (done == 0) return;
  if (first_seconds_ < 0) {
    first_seconds_ = seconds;
    first_done_ = done;
  }
  seconds_ = seconds;
  done_ = std::max(done_, done);
}

std::optional<double> Eta::seconds_left() const {
  constexpr double kMeasureFor = 1.0;  // seconds, before the rate means anything
  const double elapsed = seconds_ - first_seconds_;
  if (first_seconds_ < 0 || elapsed < kMeasureFor || done_ <= first_done_ || done_ >= total_) return std::nullopt;
  return elapsed * double(total_ - done_) / double(done_ - first_done_);
}

double Eta::fraction() const { return total_ > 0 ? std::min(1.0, double(done_) / double(total_)) : 0.0; }

Progress::Progress(Mode mode, uint64_t total_input_bytes)
    : mode_(mode),
      eta_(total_input_bytes),
      live_(mode == Mode::Human && isatty(STDERR_FILENO)),
      started_(std::chrono::steady_clock::now()),
      last_draw_(started_) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

void Progress::clear_line() {
  if (line_shown_) std::cerr << "\r\033[K";
  line_shown_ = false;
}

void Progress::warn(const std::string& message) {
  std::lock_guard lock(mutex_);
  if (mode_ == Mode::Json) {
    std::cerr << nlohmann::json{{"event", "warning"}, {"message", terminal_safe(message)}}.dump(-1, ' ', false,
                                                                                  nlohmann::json::error_handler_t::replace)
              << "\n";
    return;
  }
  clear_line();
  std::cerr << "rawabit: warning: " << terminal_safe(message) << "\n";
}

void Progress::advance(const BuildTally& tally, uint64_t input_position) {
  if (!live_) return;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  const double s = seconds();
  eta_.observe(s, input_position);
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const double mbps = s > 0 ? tally.bytes / 1e6 / s : 0;
  char done[64] = "";
  if (const auto left = eta_.seconds_left()) {
    std::snprintf(done, sizeof done, ", %.0f%%, ETA %dm%02ds", 100 * eta_.fraction(), int(*left) / 60,
                  int(*left) % 60);
  }
  std::fprintf(stderr, "\r\033[Krawabit: %zu documents stored, %.1f MB/s of text%s",
               tally.stored + tally.replaced + tally.unchanged, mbps, done);
  line_shown_ = true;
}

void Progress::indexing(const BuildTally& tally) {
  if (!live_) return;
  std::lock_guard lock(mutex_);
  std::fprintf(stderr, "\r\033[Krawabit: %zu documents stored; building the indexes",
               tally.stored + tally.replaced + tally.unchanged);
  line_shown_ = true;
}

void Progress::finish(const BuildTally& t, const std::string& db) {
  std::lock_guard lock(mutex_);
  double s = seconds();
  if (mode_ == Mode::Json) {
    std::cerr << nlohmann::json{{"event", "summary"}, {"database", db}, {"stored", t.stored},
                                {"replaced", t.replaced}, {"unchanged", t.unchanged}, {"duplicates", t.duplicates}, {"removed", t.removed},
                                {"skipped", t.skipped}, {"mentions", t.mentions}, {"evidence", t.evidence},
                                {"megabytes", t.bytes / 1e6}, {"seconds", s},
                                {"cpu_seconds", {{"read", t.cpu_read}, {"extract", t.cpu_extract},
                                                 {"write", t.cpu_write}, {"total", t.cpu_total}}},
                                {"huge_pages", malloc_uses_huge_pages()}}
                     .dump()
              << "\n";
    return;
  }
  clear_line();
  if (mode_ == Mode::Quiet) return;
  std::fprintf(stderr,
               "rawabit: %zu stored, %zu replaced, %zu unchanged, %zu duplicates, %zu removed, %zu skipped; %zu "
               "mentions, %zu pieces of evidence; %.1f MB in %.1f s (%.1f MB/s) → %s\n",
               t.stored, t.replaced, t.unchanged, t.duplicates, t.removed, t.skipped, t.mentions, t.evidence, t.bytes / 1e6, s,
               s > 0 ? t.bytes / 1e6 / s : 0.0, db.c_str());
}

}  // namespace rawabit::cli
