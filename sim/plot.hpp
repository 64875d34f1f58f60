#pragma once
// PNG plots of learning curves, drawn by gnuplot run as a child process on a temporary
// script and data file (no plotting library is linked).
#include <stdexcept>
#include <string>
#include <vector>

#include <eqlab/sim/curve.hpp>

namespace eqlab {

// gnuplot is missing or failed; the message says why and what to do.
class PlotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PlotOptions {
  std::string title;  // e.g. "kuhn, cfr+"
  // The metrics drawn, those the curve has; gaps such as these suit log-log axes.
  std::vector<std::string> metrics{"exploitability", "nash_conv"};
  bool log_x = true;
  bool log_y = true;  // falls back to a linear axis when no value is positive
  int width = 900;
  int height = 600;
  std::string gnuplot = "gnuplot";  // program name, looked up in PATH
};

// The full path of an executable `program` found in PATH, or "" when there is none.
std::string find_program(const std::string& program);

// Writes the plot to `png_path`. Throws PlotError when gnuplot is not found ("gnuplot not
// found: install the gnuplot-nox package") or fails, and std::invalid_argument when the
// curve has none of the metrics asked for.
void plot_curve_png(const Curve& curve, const std::string& png_path, const PlotOptions& options);

}  // namespace eqlab
