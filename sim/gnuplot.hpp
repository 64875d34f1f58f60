#pragma once
// What every figure shares: gnuplot's quoting, its PNG/SVG terminal lines, a private
// temporary folder for the script and data, and running gnuplot on a script. Used by
// plot_curves (sim/plot.cpp) and plot_size_scaling (sim/size_plot.cpp).
#include <filesystem>
#include <string>

#include <eqlab/sim/plot.hpp>

namespace eqlab::gnuplot {

// A single-quoted gnuplot string: a quote is doubled, line breaks become spaces.
std::string quoted(const std::string& text);

// The "set terminal" lines of a format and size; pngcairo (smoother lines) when this
// gnuplot has it, else plain png.
std::string terminal_lines(PlotFormat format, int width, int height);

// A private temporary folder, removed with everything in it when it goes out of scope.
// Throws PlotError when it cannot be made.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs `program script` (the full path of gnuplot) with its output in `log`, then checks
// that `output` was written. Throws PlotError naming `output` and gnuplot's first
// complaint when it fails.
void run(const std::string& program, const std::string& script, const std::string& log, const std::string& output);

}  // namespace eqlab::gnuplot
