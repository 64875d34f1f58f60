#include <eqlab/sim/size_plot.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace eqlab {

namespace fs = std::filesystem;

namespace {

// gnuplot's single-quoted text: quotes doubled, line breaks turned into spaces.
std::string gnuplot_text(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "'";
}

bool drawable(double v) { return std::isfinite(v) && v > 0.0; }

std::string data_number(double v) {
  std::ostringstream text;
  text.precision(17);
  text << v;
  return text.str();
}

// Runs gnuplot on `script`, its output in `log`; throws PlotError unless it exits with 0.
void run_gnuplot(const std::string& program, const fs::path& script, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::string name = program, script_path = script.string();
  char* argv[] = {name.data(), script_path.data(), nullptr};
  pid_t child = 0;
  const int failed = posix_spawn(&child, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) throw PlotError("cannot run " + program + ": " + std::strerror(failed));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0)
    if (errno != EINTR) throw PlotError("waiting for " + program + ": " + std::strerror(errno));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t^") != std::string::npos) last = line;
  throw PlotError("gnuplot failed on the size plot" + (last.empty() ? std::string() : ": " + last));
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
      if (!drawable(line.x[i]) || !drawable(line.y[i])) continue;
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

  const std::string gnuplot = find_program(options.gnuplot);
  if (gnuplot.empty()) throw PlotError("gnuplot not found: install the gnuplot-nox package");

  std::string folder = (fs::temp_directory_path() / "eqlab-size-plot-XXXXXX").string();
  if (::mkdtemp(folder.data()) == nullptr)
    throw PlotError("cannot create a temporary folder for gnuplot: " + std::string(std::strerror(errno)));
  struct RemoveFolder {
    fs::path path;
    ~RemoveFolder() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } cleanup{folder};
  const fs::path data_path = cleanup.path / "size.dat", script_path = cleanup.path / "size.gp";
  std::ofstream(data_path) << data.str();

  const std::string size = std::to_string(options.width) + "," + std::to_string(options.height);
  std::ofstream script(script_path);
  if (options.format == PlotFormat::svg)
    script << "set terminal svg noenhanced size " << size << " font 'sans,11' background '#ffffff'\n";
  else
    script << "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n  set terminal pngcairo noenhanced size " << size
           << " font 'sans,11'\n} else {\n  set terminal png noenhanced size " << size << "\n}\n";
  script << "set output " << gnuplot_text(path) << "\n"
         << "set title " << gnuplot_text(options.title) << "\n"
         << "set xlabel " << gnuplot_text(options.x_label) << "\n"
         << "set ylabel " << gnuplot_text(options.y_label) << "\n"
         << "set logscale xy 10\nset grid\nset key top left\nset offsets graph 0.05, graph 0.05, 0, 0\n"
         << "plot ";
  for (std::size_t k = 0; k < drawn.size(); ++k)
    script << (k ? ", \\\n     " : "") << gnuplot_text(data_path.string()) << " index " << k
           << " using 1:2:3:4 with yerrorlines linewidth 2 pointtype 7 title " << gnuplot_text(series[drawn[k]].label);
  script << "\n";
  script.close();
  if (!script) throw PlotError("cannot write gnuplot's script in " + cleanup.path.string());
  run_gnuplot(gnuplot, script_path, cleanup.path / "gnuplot.log");
}

}  // namespace eqlab
