#pragma once
// A one-line progress bar on stderr for long runs. It appears only when stderr is a
// terminal and the run has lasted more than a second, redraws at most ten times a second,
// and erases itself at the end, so short runs and redirected output never see it.
// When off, update() is a single branch.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace eqlab {

class ProgressBar {
 public:
  // `total` is the iteration count the run will reach; `requested` lets callers turn the
  // bar off (it is also off when stderr is not a terminal).
  ProgressBar(std::string label, std::int64_t total, bool requested = true);
  // For tests and other sinks: draws to `out` when `is_terminal`, after `delay_seconds`.
  ProgressBar(std::string label, std::int64_t total, std::FILE* out, bool is_terminal,
              double delay_seconds);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // `done` iterations of `total` are finished.
  void update(std::int64_t done) {
    if (enabled_) tick(done);
  }
  // Erases the bar if it was drawn; later updates draw nothing.
  void finish();

  bool enabled() const { return enabled_; }
  bool drawn() const { return drawn_; }

  // The text of one line, cut to `width` columns: label, bar, done/total, percent, rate
  // and time left.
  static std::string format_line(const std::string& label, std::int64_t done, std::int64_t total,
                                 double elapsed_seconds, int width);

 private:
  using Clock = std::chrono::steady_clock;
  void tick(std::int64_t done);

  std::string label_;
  std::int64_t total_ = 0;
  std::FILE* out_ = nullptr;
  bool enabled_ = false;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point next_draw_;
};

}  // namespace eqlab
