#include <eqlab/lib/progress.hpp>

#include <algorithm>
#include <cmath>

#include <sys/ioctl.h>
#include <unistd.h>

namespace eqlab {

namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);  // at most 10 draws a second
constexpr int kBarWidth = 24;

// "950", "12.3k", "4.56M": the rate in a few characters.
std::string short_count(double v) {
  char text[32];
  if (v >= 1e9) std::snprintf(text, sizeof text, "%.3gG", v / 1e9);
  else if (v >= 1e6) std::snprintf(text, sizeof text, "%.3gM", v / 1e6);
  else if (v >= 1e3) std::snprintf(text, sizeof text, "%.3gk", v / 1e3);
  else std::snprintf(text, sizeof text, "%.3g", v);
  return text;
}

// "0:07", "12:34", "3:02:09".
std::string clock_text(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char text[32];
  if (s >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

int terminal_width(std::FILE* out) {
  winsize size{};
  if (ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

ProgressBar::ProgressBar(std::string label, std::int64_t total, bool requested)
    : ProgressBar(std::move(label), total, stderr, requested && isatty(STDERR_FILENO) == 1, 1.0) {}

ProgressBar::ProgressBar(std::string label, std::int64_t total, std::FILE* out, bool is_terminal,
                         double delay_seconds)
    : label_(std::move(label)), total_(total), out_(out), enabled_(is_terminal && out != nullptr) {
  start_ = Clock::now();
  next_draw_ = start_ + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(delay_seconds));
}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::tick(std::int64_t done) {
  const Clock::time_point now = Clock::now();
  if (now < next_draw_) return;
  next_draw_ = now + kRedrawInterval;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::string line = format_line(label_, done, total_, elapsed, terminal_width(out_) - 1);
  // Carriage return, the line, then erase whatever a longer earlier line left behind.
  std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) {
    std::fputs("\r\x1b[K", out_);
    std::fflush(out_);
  }
  drawn_ = false;
  enabled_ = false;
}

std::string ProgressBar::format_line(const std::string& label, std::int64_t done,
                                     std::int64_t total, double elapsed_seconds, int width) {
  const double fraction =
      total > 0 ? std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0) : 0.0;
  const double rate = elapsed_seconds > 0.0 ? static_cast<double>(done) / elapsed_seconds : 0.0;

  std::string numbers = std::to_string(done) + "/" + std::to_string(total);
  char percent[16];
  std::snprintf(percent, sizeof percent, " %3d%%", static_cast<int>(fraction * 100.0));
  numbers += percent;
  numbers += "  " + short_count(rate) + " it/s";
  if (rate > 0.0 && done < total)
    numbers += "  ETA " + clock_text(static_cast<double>(total - done) / rate);

  std::string bar(kBarWidth, ' ');
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::fill(bar.begin(), bar.begin() + filled, '=');
  if (filled < kBarWidth) bar[filled] = '>';

  std::string line = label.empty() ? std::string() : label + " ";
  const std::string with_bar = line + "[" + bar + "] " + numbers;
  // Narrow terminals lose the bar first, then the tail of the numbers.
  if (static_cast<int>(with_bar.size()) <= width) return with_bar;
  line += numbers;
  if (width >= 0 && static_cast<int>(line.size()) > width) line.resize(width);
  return line;
}

}  // namespace eqlab
