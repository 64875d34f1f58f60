#pragma once
// PNG, SVG and PDF plots of learning curves, drawn by gnuplot run as a child process on a
// temporary script and data file (no plotting library is linked).
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

enum class PlotFormat { png, svg, pdf };

// The format a figure's file name asks for: .png, .svg or .pdf (any case). Throws
// std::invalid_argument for anything else, saying which endings are drawn.
PlotFormat plot_format_for(const std::string& path);

struct PlotOptions {
  std::string title;  // e.g. "kuhn, cfr+"
  // The metrics drawn, those each curve has; gaps such as these suit log-log axes.
  std::vector<std::string> metrics{"exploitability", "nash_conv"};
  std::string y_label = "gap";
  std::string x_label = "iteration";
  bool log_x = true;  // rows at iteration 0 are then left out
  bool log_y = true;  // falls back to a linear axis when no value is positive
  int width = 900;
  int height = 600;
  std::string gnuplot = "gnuplot";  // program name, looked up in PATH
  PlotFormat format = PlotFormat::png;  // used by plot_curves; plot_curves_png is always PNG
  // Interval bands: a metric M drawn from a curve that also has the columns "M_low" and
  // "M_high" gets a shaded band between them, in the colour of its line. On a log axis a
  // lower end that is not positive is drawn at the lowest positive value of the figure.
  bool bands = false;
};

// The full path of an executable `program` found in PATH, or "" when there is none.
std::string find_program(const std::string& program);

// One curve of a figure with several: its label starts the legend entry of each of its
// metrics ("omd: efce_gap"); an empty label leaves the metric name alone.
struct LabelledCurve {
  std::string label;
  Curve curve;
};

// Draws, curve by curve, each metric of options.metrics that the curve has, as one line
// of one figure written to `png_path`; curves may have different iterations. Values that
// a log axis cannot show (zero, negative) and non-finite ones are left out. Throws
// std::invalid_argument when no curve has any of the metrics or nothing is left to draw,
// and PlotError when gnuplot is not found ("gnuplot not found: install the gnuplot-nox
// package") or fails.
void plot_curves_png(const std::vector<LabelledCurve>& curves, const std::string& png_path,
                     const PlotOptions& options);

// The same figure in options.format (PNG, SVG or PDF), written to `path`, with the same
// errors. The figure is drawn under "<path>.partial" and renamed: `path` only ever names a
// complete figure.
void plot_curves(const std::vector<LabelledCurve>& curves, const std::string& path, const PlotOptions& options);

// One curve, its metrics named alone in the legend: plot_curves_png of {"", curve}, with
// the same errors.
void plot_curve_png(const Curve& curve, const std::string& png_path, const PlotOptions& options);

}  // namespace eqlab
