#pragma once
// The game-size figure of an experiment: each algorithm's final regret against sqrt(XA)
// on log-log axes, one line per algorithm with its 95% interval as error bars. Its x values
// are real numbers, not iterations, so it has its own gnuplot script beside plot_curves
// (sim/plot.hpp); both run gnuplot through sim/gnuplot.hpp.
#include <string>
#include <vector>

#include <eqlab/sim/plot.hpp>

namespace eqlab {

// One line of the figure: points (x, y) with the interval [low, high] of each y, and
// points known only from below (a run that did not get there within its budget: the value
// is above above_y at above_x), drawn as triangles in the line's colour.
struct SizeSeries {
  std::string label;
  std::vector<double> x, y, low, high;
  std::vector<double> above_x, above_y;
};

struct SizePlotOptions {
  std::string title;
  std::string x_label = "sqrt(XA)";
  std::string y_label = "final regret";
  bool log_x = true;  // false: a linear x axis (for growth fitted as exponential in x)
  std::string key = "top left";    // where gnuplot puts the legend
  std::vector<std::string> notes;  // lines printed under the figure
  int width = 900;
  int height = 600;
  std::string gnuplot = "gnuplot";
  PlotFormat format = PlotFormat::png;
};

// Draws every series to `path`. Points that log axes cannot show (x or y not positive, or
// not finite) are left out, and so is an interval end that is not positive (the point is
// drawn without its bar). Throws std::invalid_argument when no point is left to draw, and
// PlotError when gnuplot is not found or fails.
void plot_size_scaling(const std::vector<SizeSeries>& series, const std::string& path,
                       const SizePlotOptions& options);

}  // namespace eqlab
