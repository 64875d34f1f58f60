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
  struct Block {
    std::size_t series;
    bool above;  // the series' points known from below
  };
  std::vector<Block> drawn;  // data blocks with at least one point, in order
  auto x_drawable = [&](double x) { return options.log_x ? drawable(x) : std::isfinite(x); };
  auto add_block = [&](const std::ostringstream& block, Block what) {
    if (!drawn.empty()) data << "\n\n";
    data << block.str();
    drawn.push_back(what);
  };
  for (std::size_t s = 0; s < series.size(); ++s) {
    const SizeSeries& line = series[s];
    std::ostringstream block, above;
    int points = 0, lower_bounds = 0;
    for (std::size_t i = 0; i < line.x.size() && i < line.y.size(); ++i) {
      if (!x_drawable(line.x[i]) || !drawable(line.y[i])) continue;
      const double low = i < line.low.size() && drawable(line.low[i]) ? line.low[i] : line.y[i];
      const double high = i < line.high.size() && drawable(line.high[i]) ? line.high[i] : line.y[i];
      block << data_number(line.x[i]) << ' ' << data_number(line.y[i]) << ' ' << data_number(low) << ' '
            << data_number(high) << '\n';
      ++points;
    }
    for (std::size_t i = 0; i < line.above_x.size() && i < line.above_y.size(); ++i) {
      if (!x_drawable(line.above_x[i]) || !drawable(line.above_y[i])) continue;
      above << data_number(line.above_x[i]) << ' ' << data_number(line.above_y[i]) << '\n';
      ++lower_bounds;
    }
    if (points > 0) add_block(block, {s, false});
    if (lower_bounds > 0) add_block(above, {s, true});
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
         << (options.log_x ? "set logscale xy 10\n" : "set logscale y 10\n") << "set grid\nset key "
         << options.key << "\nset offsets graph 0.05, graph 0.05, 0, 0\n";
  // Notes go under the x axis label, one line each, in a bottom margin grown to hold them.
  if (!options.notes.empty()) {
    script << "set bmargin " << 4 + 1.3 * static_cast<double>(options.notes.size()) << "\n";
    for (std::size_t n = 0; n < options.notes.size(); ++n)
      script << "set label " << n + 1 << ' ' << gnuplot::quoted(options.notes[n]) << " at screen 0.02, screen "
             << 0.02 + 0.035 * static_cast<double>(options.notes.size() - 1 - n) << " left\n";
  }
  script << "plot ";
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    const std::string colour = " linecolor " + std::to_string(drawn[k].series + 1);
    script << (k ? ", \\\n     " : "") << gnuplot::quoted(data_path.string()) << " index " << k;
    if (drawn[k].above)
      script << " using 1:2 with points pointtype 8 pointsize 2" << colour << " notitle";
    else
      script << " using 1:2:3:4 with yerrorlines linewidth 2 pointtype 7" << colour << " title "
             << gnuplot::quoted(series[drawn[k].series].label);
  }
  script << "\n";
  script.close();
  if (!script) throw PlotError("cannot write gnuplot's script in " + folder.path().string());
  gnuplot::run(program, script_path.string(), (folder.path() / "gnuplot.log").string(), path);
}

}  // namespace eqlab
