#include <eqlab/sim/plot.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace eqlab {

namespace fs = std::filesystem;

namespace {

bool is_executable_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// A gnuplot single-quoted string: a quote is doubled, line breaks become spaces.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out + "'";
}

// A private temporary folder, removed with everything in it when the plot is done.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "eqlab-plot-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw PlotError("cannot create a temporary folder for gnuplot: " + std::string(std::strerror(errno)));
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs `program script` with stdout and stderr into `log`; returns the exit status, or
// -1 when the program did not exit normally.
int run_child(const std::string& program, const std::string& script, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::string arg0 = program, arg1 = script;
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) throw PlotError("cannot run " + program + ": " + std::strerror(spawn_error));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw PlotError("waiting for " + program + ": " + std::strerror(errno));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The first line of gnuplot's output that reports a problem, else its last line.
std::string first_complaint(const std::string& log_path) {
  std::ifstream in(log_path);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t^") == std::string::npos) continue;
    if (line.find("rror") != std::string::npos) return line;
    last = line;
  }
  return last;
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

// The terminal lines of a format; pngcairo and svg draw smoother lines than plain png.
std::string terminal_lines(const PlotOptions& options) {
  const std::string size = std::to_string(options.width) + "," + std::to_string(options.height);
  if (options.format == PlotFormat::svg)
    return "set terminal svg noenhanced size " + size + " font 'sans,11' background '#ffffff'\n";
  return "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
         "  set terminal pngcairo noenhanced size " + size + " font 'sans,11'\n"
         "} else {\n"
         "  set terminal png noenhanced size " + size + "\n"
         "}\n";
}

}  // namespace

void plot_curves(const std::vector<LabelledCurve>& curves, const std::string& path, const PlotOptions& options) {
  std::vector<Series> series;
  for (std::size_t c = 0; c < curves.size(); ++c) {
    const Curve& curve = curves[c].curve;
    for (const std::string& m : options.metrics) {
      const int k = curve.metric_index(m);
      if (k < 0) continue;
      Series s{c, k, -1, -1, curves[c].label.empty() ? m : curves[c].label + ": " + m};
      const int low = curve.metric_index(m + "_low"), high = curve.metric_index(m + "_high");
      if (options.bands && low >= 0 && high >= 0) {
        s.low = low;
        s.high = high;
      }
      series.push_back(std::move(s));
    }
  }
  if (series.empty()) throw std::invalid_argument("plot: the curves have none of the metrics to draw");

  // A log axis cannot show zero or negative values: they are left out as missing, and an
  // axis with nothing positive to show is drawn linear.
  auto row_shown = [&](const Curve::Row& row) { return !options.log_x || row.iteration > 0; };
  bool any_finite = false;
  double lowest_positive = std::numeric_limits<double>::infinity();
  for (const Series& s : series) {
    for (const Curve::Row& row : curves[s.curve].curve.rows) {
      if (!row_shown(row)) continue;
      std::vector<double> shown{row.values[s.column]};
      if (s.has_band()) shown.insert(shown.end(), {row.values[s.low], row.values[s.high]});
      any_finite |= std::isfinite(shown[0]);
      for (double v : shown)
        if (std::isfinite(v) && v > 0.0) lowest_positive = std::min(lowest_positive, v);
    }
  }
  if (!any_finite) throw std::invalid_argument("plot: the curves have no values to draw");
  const bool log_y = options.log_y && std::isfinite(lowest_positive);

  const std::string gnuplot = find_program(options.gnuplot);
  if (gnuplot.empty()) throw PlotError("gnuplot not found: install the gnuplot-nox package");

  TempDir dir;
  const std::string script_path = (dir.path() / "plot.gp").string();
  const std::string log_path = (dir.path() / "gnuplot.log").string();
  // One data file per curve: curves need not share their iterations. Each series of the
  // curve has its column (data_column), then, with a band, two more for its ends.
  auto shown_value = [&](double v) -> std::string {
    if (!std::isfinite(v) || (log_y && v <= 0.0)) return "NaN";
    std::ostringstream text;
    text.precision(17);
    text << v;
    return text.str();
  };
  std::vector<std::string> data_paths;
  std::vector<int> data_column(series.size());
  for (std::size_t c = 0; c < curves.size(); ++c) {
    std::vector<std::size_t> members;
    int next_column = 2;
    for (std::size_t i = 0; i < series.size(); ++i) {
      if (series[i].curve != c) continue;
      data_column[i] = next_column;
      next_column += series[i].has_band() ? 3 : 1;
      members.push_back(i);
    }
    data_paths.push_back((dir.path() / ("curve-" + std::to_string(c) + ".dat")).string());
    if (members.empty()) continue;
    std::ofstream data(data_paths.back());
    for (const Curve::Row& row : curves[c].curve.rows) {
      if (!row_shown(row)) continue;
      data << row.iteration;
      for (std::size_t i : members) {
        data << ' ' << shown_value(row.values[series[i].column]);
        if (!series[i].has_band()) continue;
        double low = row.values[series[i].low];
        const double high = row.values[series[i].high];
        // The band reaches the bottom of a log axis rather than vanish.
        if (log_y && std::isfinite(low) && low <= 0.0 && std::isfinite(high) && high > 0.0) low = lowest_positive;
        data << ' ' << shown_value(low) << ' ' << shown_value(high);
      }
      data << '\n';
    }
    if (!data) throw PlotError("cannot write gnuplot's data file in " + dir.path().string());
  }
  {
    std::ofstream script(script_path);
    script << terminal_lines(options)
           << "set output " << quoted(path) << "\n"
           << "set title " << quoted(options.title) << "\n"
           << "set xlabel " << quoted(options.x_label) << "\n"
           << "set ylabel " << quoted(options.y_label) << "\n"
           << "set grid\n"
           << "set key top right\n";
    if (options.log_x) script << "set logscale x 10\n";
    if (log_y) script << "set logscale y 10\nset format y '%.0e'\n";
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
      script << quoted(data_paths[series[i].curve]) << " using 1:" << data_column[i] + 1 << ":"
             << data_column[i] + 2 << " with filledcurves fillstyle transparent solid 0.2 noborder linecolor "
             << i + 1 << " notitle";
    }
    for (std::size_t i = 0; i < series.size(); ++i) {
      next();
      const int point_type = kPointTypes[series[i].curve % std::size(kPointTypes)];
      script << quoted(data_paths[series[i].curve]) << " using 1:" << data_column[i]
             << " with linespoints linecolor " << i + 1 << " pointtype " << point_type
             << " pointsize 0.6 linewidth 2 title " << quoted(series[i].title);
    }
    script << "\nset output\n";
    if (!script) throw PlotError("cannot write gnuplot's script in " + dir.path().string());
  }

  const int status = run_child(gnuplot, script_path, log_path);
  if (status != 0) {
    const std::string why = first_complaint(log_path);
    throw PlotError("gnuplot failed to draw " + path + (why.empty() ? std::string() : ": " + why));
  }
  std::error_code ec;
  if (!fs::exists(path, ec) || fs::file_size(path, ec) == 0)
    throw PlotError("gnuplot did not write " + path + ": is its folder writable?");
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
