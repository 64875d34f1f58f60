#include <eqlab/sim/plot.hpp>

#include <eqlab/sim/gnuplot.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

bool is_executable_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string find_program(const std::string& program) {
  if (program.empty()) return {};
  if (program.find('/') != std::string::npos) return is_executable_file(program) ? program : std::string();
  const char* path_env = std::getenv("PATH");
  std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
  std::size_t begin = 0;
  while (begin <= path.size()) {
    std::size_t end = path.find(':', begin);
    if (end == std::string::npos) end = path.size();
    // An empty PATH entry means the current folder.
    const std::string candidate = (end > begin ? path.substr(begin, end - begin) : std::string(".")) + "/" + program;
    if (is_executable_file(candidate)) return candidate;
    begin = end + 1;
  }
  return {};
}

namespace {

// One line of the figure: a metric of one curve, with the columns of its band if it has one.
struct Series {
  std::size_t curve = 0;
  int column = 0;
  int low = -1, high = -1;  // band columns, or -1
  std::string title;
  bool has_band() const { return low >= 0; }
};

// Marker shapes (filled circle, square, triangles, diamond, pentagon), one per curve, so
// that curves stay apart when gnuplot's colours come round again.
constexpr int kPointTypes[] = {7, 5, 9, 11, 13, 15};


// The lines of the figure: each metric of options.metrics that a curve has a value of.
// Throws std::invalid_argument when there is none.
std::vector<Series> figure_series(const std::vector<LabelledCurve>& curves, const PlotOptions& options) {
  std::vector<Series> series;
  bool any_column = false;
  for (std::size_t c = 0; c < curves.size(); ++c) {
    const Curve& curve = curves[c].curve;
    for (const std::string& m : options.metrics) {
      const int k = curve.metric_index(m);
      if (k < 0) continue;
      any_column = true;
      // A column without a single value (an output this learner does not have) stays out
      // of the legend.
      if (std::none_of(curve.rows.begin(), curve.rows.end(),
                       [k](const Curve::Row& row) { return std::isfinite(row.values[k]); }))
        continue;
      Series s{c, k, -1, -1, curves[c].label.empty() ? m : curves[c].label + ": " + m};
      const int low = curve.metric_index(m + "_low"), high = curve.metric_index(m + "_high");
      if (options.bands && low >= 0 && high >= 0) {
        s.low = low;
        s.high = high;
      }
      series.push_back(std::move(s));
    }
  }
  if (series.empty())
    throw std::invalid_argument(any_column ? "plot: the curves have no values to draw"
                                           : "plot: the curves have none of the metrics to draw");
  return series;
}

// A log axis cannot show zero or negative values: they are left out as missing, and an
// axis with nothing positive to show is drawn linear.
bool row_shown(const Curve::Row& row, const PlotOptions& options) { return !options.log_x || row.iteration > 0; }

// The y axis of the figure: whether it is logarithmic, and its lowest positive value (where
// a band's lower end that a log axis cannot show is drawn). Throws std::invalid_argument
// when no line has a finite value.
struct YAxis {
  bool log_y = false;
  double lowest_positive = std::numeric_limits<double>::infinity();
};

YAxis figure_y_axis(const std::vector<LabelledCurve>& curves, const std::vector<Series>& series,
                    const PlotOptions& options) {
  YAxis axis;
  bool any_finite = false;
  for (const Series& s : series) {
    for (const Curve::Row& row : curves[s.curve].curve.rows) {
      if (!row_shown(row, options)) continue;
      std::vector<double> shown{row.values[s.column]};
      if (s.has_band()) shown.insert(shown.end(), {row.values[s.low], row.values[s.high]});
      any_finite |= std::isfinite(shown[0]);
      for (double v : shown)
        if (std::isfinite(v) && v > 0.0) axis.lowest_positive = std::min(axis.lowest_positive, v);
    }
  }
  if (!any_finite) throw std::invalid_argument("plot: the curves have no values to draw");
  axis.log_y = options.log_y && std::isfinite(axis.lowest_positive);
  return axis;
}

std::string shown_value(double v, const YAxis& axis) {
  if (!std::isfinite(v) || (axis.log_y && v <= 0.0)) return "NaN";
  std::ostringstream text;
  text.precision(17);
  text << v;
  return text.str();
}

// gnuplot's data: one file per curve, as curves need not share their iterations. Each
// series of the curve has its column (data_column), then, with a band, two more for its ends.
struct FigureData {
  std::vector<std::string> paths;  // per curve
  std::vector<int> column;         // per series
};

void write_curve_data(const std::string& data_path, const Curve& curve, const std::vector<Series>& series,
                      const std::vector<std::size_t>& members, const YAxis& axis, const PlotOptions& options,
                      const std::string& folder) {
  std::ofstream data(data_path);
  for (const Curve::Row& row : curve.rows) {
    if (!row_shown(row, options)) continue;
    data << row.iteration;
    for (std::size_t i : members) {
      data << ' ' << shown_value(row.values[series[i].column], axis);
      if (!series[i].has_band()) continue;
      double low = row.values[series[i].low];
      const double high = row.values[series[i].high];
      // The band reaches the bottom of a log axis rather than vanish.
      if (axis.log_y && std::isfinite(low) && low <= 0.0 && std::isfinite(high) && high > 0.0)
        low = axis.lowest_positive;
      data << ' ' << shown_value(low, axis) << ' ' << shown_value(high, axis);
    }
    data << '\n';
  }
  if (!data) throw PlotError("cannot write gnuplot's data file in " + folder);
}

FigureData write_figure_data(const std::vector<LabelledCurve>& curves, const std::vector<Series>& series,
                             const YAxis& axis, const PlotOptions& options, const fs::path& dir) {
  FigureData out;
  out.column.resize(series.size());
  for (std::size_t c = 0; c < curves.size(); ++c) {
    std::vector<std::size_t> members;
    int next_column = 2;
    for (std::size_t i = 0; i < series.size(); ++i) {
      if (series[i].curve != c) continue;
      out.column[i] = next_column;
      next_column += series[i].has_band() ? 3 : 1;
      members.push_back(i);
    }
    out.paths.push_back((dir / ("curve-" + std::to_string(c) + ".dat")).string());
    if (members.empty()) continue;
    write_curve_data(out.paths.back(), curves[c].curve, series, members, axis, options, dir.string());
  }
  return out;
}

void write_figure_script(const std::string& script_path, const std::string& path, const std::vector<Series>& series,
                         const FigureData& data, const YAxis& axis, const PlotOptions& options,
                         const std::string& folder) {
  std::ofstream script(script_path);
  script << gnuplot::terminal_lines(options.format, options.width, options.height)
         << "set output " << gnuplot::quoted(path) << "\n"
         << "set title " << gnuplot::quoted(options.title) << "\n"
         << "set xlabel " << gnuplot::quoted(options.x_label) << "\n"
         << "set ylabel " << gnuplot::quoted(options.y_label) << "\n"
         << "set grid\n"
         << "set key top right\n";
  if (options.log_x) script << "set logscale x 10\n";
  if (axis.log_y) script << "set logscale y 10\nset format y '%.0e'\n";
  script << "plot ";
  bool first = true;
  auto next = [&] {
    if (!first) script << ", \\\n     ";
    first = false;
  };
  // Bands first, so that every line is drawn over them; a band shares its line's colour.
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (!series[i].has_band()) continue;
    next();
    script << gnuplot::quoted(data.paths[series[i].curve]) << " using 1:" << data.column[i] + 1 << ":"
           << data.column[i] + 2 << " with filledcurves fillstyle transparent solid 0.2 noborder linecolor "
           << i + 1 << " notitle";
  }
  for (std::size_t i = 0; i < series.size(); ++i) {
    next();
    const int point_type = kPointTypes[series[i].curve % std::size(kPointTypes)];
    script << gnuplot::quoted(data.paths[series[i].curve]) << " using 1:" << data.column[i]
           << " with linespoints linecolor " << i + 1 << " pointtype " << point_type
           << " pointsize 0.6 linewidth 2 title " << gnuplot::quoted(series[i].title);
  }
  script << "\nset output\n";
  if (!script) throw PlotError("cannot write gnuplot's script in " + folder);
}

}  // namespace

void plot_curves(const std::vector<LabelledCurve>& curves, const std::string& path, const PlotOptions& options) {
  const std::vector<Series> series = figure_series(curves, options);
  const YAxis axis = figure_y_axis(curves, series, options);
  const std::string program = find_program(options.gnuplot);
  if (program.empty()) throw PlotError("gnuplot not found: install the gnuplot-nox package");

  gnuplot::TempFolder dir;
  const std::string script_path = (dir.path() / "plot.gp").string();
  const std::string log_path = (dir.path() / "gnuplot.log").string();
  const FigureData data = write_figure_data(curves, series, axis, options, dir.path());
  const std::string partial = path + ".partial";
  write_figure_script(script_path, partial, series, data, axis, options, dir.path().string());
  try {
    gnuplot::run(program, script_path, log_path, partial);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::filesystem::rename(partial, path);
}

PlotFormat plot_format_for(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".png") return PlotFormat::png;
  if (ext == ".svg") return PlotFormat::svg;
  if (ext == ".pdf") return PlotFormat::pdf;
  throw std::invalid_argument("'" + path + "': a figure's name must end in .png, .svg or .pdf, the formats drawn");
}

void plot_curves_png(const std::vector<LabelledCurve>& curves, const std::string& png_path,
                     const PlotOptions& options) {
  PlotOptions png = options;
  png.format = PlotFormat::png;
  plot_curves(curves, png_path, png);
}

void plot_curve_png(const Curve& curve, const std::string& png_path, const PlotOptions& options) {
  plot_curves_png({{"", curve}}, png_path, options);
}

}  // namespace eqlab
