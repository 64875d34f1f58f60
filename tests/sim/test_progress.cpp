#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include <eqlab/lib/progress.hpp>

using namespace eqlab;

namespace {

std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string text;
  char buffer[512];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, f)) text.append(buffer, n);
  return text;
}

}  // namespace

TEST_CASE("progress line: count, percent, rate and time left") {
  const std::string line = ProgressBar::format_line("cfr+", 50, 100, 2.0, 120);
  CHECK(line == "cfr+ [============>           ] 50/100  50%  25 it/s  ETA 0:02");
  // A narrow terminal loses the bar but keeps the numbers.
  CHECK(ProgressBar::format_line("cfr+", 50, 100, 2.0, 40) == "cfr+ 50/100  50%  25 it/s  ETA 0:02");
  CHECK(ProgressBar::format_line("", 3000, 3000, 1.5, 120).find("3000/3000 100%  2k it/s") != std::string::npos);
  CHECK(ProgressBar::format_line("", 1, 7200, 1.0, 120).find("ETA 1:59:59") != std::string::npos);
}

TEST_CASE("progress bar draws on a terminal and erases itself at the end") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  {
    ProgressBar bar("run", 10, f, /*is_terminal=*/true, /*delay_seconds=*/0.0);
    bar.update(5);
    CHECK(bar.drawn());
    bar.update(6);  // within 100 ms of the last draw: not redrawn
  }
  const std::string text = contents(f);
  CHECK(text.find("5/10") != std::string::npos);
  CHECK(text.find("6/10") == std::string::npos);
  CHECK(text.size() >= 4);
  CHECK(text.substr(text.size() - 4) == "\r\x1b[K");
  std::fclose(f);
}

TEST_CASE("progress bar stays silent off a terminal and before its delay") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  {
    ProgressBar off("run", 10, f, /*is_terminal=*/false, 0.0);
    CHECK_FALSE(off.enabled());
    off.update(5);
    ProgressBar early("run", 10, f, /*is_terminal=*/true, 60.0);
    early.update(5);
    CHECK_FALSE(early.drawn());
  }
  CHECK(contents(f).empty());
  std::fclose(f);
}
