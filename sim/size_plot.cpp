#include <eqlab/sim/size_plot.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <eqlab/sim/gnuplot.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

bool drawable(double v) { return std::isfinite(v) && v > 0.0; }

std::string data_number(double v) {
  std::ostringstream text;
  text.precision(17);
  text << v;
  return text.str();
}

}  // namespace

void plot_size_scaling(const std::vector<SizeSeries>& series, const std::string& path,
                       const SizePlotOptions& options) {
  // One data block per series (gnuplot's "index"), rows x y low high; a bar end that a log
  // axis cannot show is replaced by y, which draws the point without that half of its bar.
  std::ostringstream data;
  std::vector<std::size_t> drawn;  // series with at least one point, in order
  for (std::size_t s = 0; s < series.size(); ++s) {
    const SizeSeries& line = series[s];
    std::ostringstream block;
    int points = 0;
    for (std::size_t i = 0; i < line.x.size() && i < line.y.size(); ++i) {
      if (!(options.log_x ? drawable(line.x[i]) : std::isfinite(line.x[i])) || !drawable(line.y[i])) continue;
      const double low = i < line.low.size() && drawable(line.low[i]) ? line.low[i] : line.y[i];
      const double high = i < line.high.size() && drawable(line.high[i]) ? line.high[i] : line.y[i];
      block << data_number(line.x[i]) << ' ' << data_number(line.y[i]) << ' ' << data_number(low) << ' '
            << data_number(high) << '\n';
      ++points;
    }
    if (points == 0) continue;
    if (!drawn.empty()) data << "\n\n";
    data << block.str();
    drawn.push_back(s);
  }
  if (drawn.empty()) throw std::invalid_argument("size plot: no point with a positive size and regret to draw");

  const std::string program = find_program(options.gnuplot);
  if (program.empty()) throw PlotError("gnuplot not found: install the gnuplot-nox package");

  const gnuplot::TempFolder folder;
  const fs::path data_path = folder.path() / "size.dat", script_path = folder.path() / "size.gp";
  std::ofstream(data_path) << data.str();

  std::ofstream script(script_path);
  script << gnuplot::terminal_lines(options.format, options.width, options.height);
  script << "set output " << gnuplot::quoted(path) << "\n"
         << "set title " << gnuplot::quoted(options.title) << "\n"
         << "set xlabel " << gnuplot::quoted(options.x_label) << "\n"
         << "set ylabel " << gnuplot::quoted(options.y_label) << "\n"
         << (options.log_x ? "set logscale xy 10\n" : "set logscale y 10\n") << "set grid\nset key top left\nset offsets graph 0.05, graph 0.05, 0, 0\n"
         << "plot ";
  for (std::size_t k = 0; k < drawn.size(); ++k)
    script << (k ? ", \\\n     " : "") << gnuplot::quoted(data_path.string()) << " index " << k
           << " using 1:2:3:4 with yerrorlines linewidth 2 pointtype 7 title " << gnuplot::quoted(series[drawn[k]].label);
  script << "\n";
  script.close();
  if (!script) throw PlotError("cannot write gnuplot's script in " + folder.path().string());
  gnuplot::run(program, script_path.string(), (folder.path() / "gnuplot.log").string(), path);
}

}  // namespace eqlab
