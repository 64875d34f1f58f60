// eqlab plot: the learning curves of several runs (the CSV files of 'eqlab solve --curve')
// in one figure, so that solvers, parameters or games can be compared at a glance.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <eqlab/lib/error.hpp>
#include <eqlab/sim/curve.hpp>
#include <eqlab/sim/plot.hpp>

#include "cli.hpp"
#include "output_file.hpp"
#include "report.hpp"

namespace eqlab::cli {


const std::string_view kPlotHelp =
    R"help(usage: eqlab plot CURVE.csv[=LABEL] ... --metric NAME [--metric NAME ...]
                  --out FIG.png [--title TEXT] [--x-label TEXT] [--linear-y]

Draws the metrics named by --metric of every curve (the CSV files that
'eqlab solve --curve' writes) in one figure with logarithmic axes, one line per
curve and metric, named "LABEL: metric" in the legend. LABEL follows the last
'=' of the argument (unless the whole argument names a file) and defaults to
the file name without its folder and extension.

Every metric asked for must be in at least one curve, and every curve must have
at least one of them; a curve that lacks some draws the others, so that, say,
the exploitability of a Nash learner and the efce_gap of an EFCE learner share
a figure. On a logarithmic axis zero and negative values are left out. Plots
need gnuplot.

options:
  --metric NAME       a column of the curves to draw, repeatable (required)
  --out FILE          the figure to write (required): PNG, SVG or PDF, as its
                      name ends (.png, .svg, .pdf)
  --mkdir             create the missing folders of output files (else a path
                      into a folder that does not exist is refused)
  --title TEXT        the figure's title (default: none)
  --x-label TEXT      the x axis' name (default: iteration; "episodes" for Markov curves)
  --linear-y          a linear y axis instead of a logarithmic one

example:
  eqlab plot shapley-omd.csv=omd shapley-efce-omd.csv=efce-omd \
      --metric efce_gap --out shapley.png
)help";

namespace {

namespace fs = std::filesystem;

struct CurveArgument {
  std::string path;
  std::string label;
};

// "runs/omd.csv=OMD" is the file runs/omd.csv labelled OMD. A name that holds '=' itself
// ("eta=100.csv") is taken whole when such a file exists.
CurveArgument curve_argument(const std::string& argument) {
  CurveArgument out{argument, {}};
  const std::size_t eq = argument.rfind('=');
  std::error_code ec;
  if (eq != std::string::npos && !fs::is_regular_file(argument, ec)) {
    out.path = argument.substr(0, eq);
    out.label = argument.substr(eq + 1);
    if (out.path.empty()) throw CommandLineError("plot", "'" + argument + "' has no file name before '='");
    if (out.label.empty()) throw CommandLineError("plot", "'" + argument + "' has no label after '='");
  }
  if (out.label.empty()) out.label = fs::path(out.path).stem().string();
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& n : names) text += (text.empty() ? "" : ", ") + n;
  return text.empty() ? "no metrics" : text;
}

// The requested metrics, each once, in the order given.
std::vector<std::string> requested_metrics(const Args& args) {
  std::vector<std::string> metrics;
  for (const std::string& m : args.all("--metric")) {
    if (m.empty()) throw CommandLineError("plot", "--metric needs a metric name");
    if (std::find(metrics.begin(), metrics.end(), m) == metrics.end()) metrics.push_back(m);
  }
  return metrics;
}

// Every curve draws something and every metric is drawn somewhere (a misspelt metric
// would otherwise vanish from the figure without a word).
void check_metrics(const std::vector<CurveArgument>& files, const std::vector<LabelledCurve>& curves,
                   const std::vector<std::string>& metrics) {
  for (std::size_t c = 0; c < curves.size(); ++c) {
    const Curve& curve = curves[c].curve;
    const bool draws = std::any_of(metrics.begin(), metrics.end(),
                                   [&](const std::string& m) { return curve.metric_index(m) >= 0; });
    if (!draws)
      throw InputError(files[c].path, "",
                       "the curve has none of the metrics asked for (" + joined(metrics) + "); it has " +
                           joined(curve.metrics));
  }
  for (const std::string& m : metrics) {
    const bool somewhere = std::any_of(curves.begin(), curves.end(),
                                       [&](const LabelledCurve& c) { return c.curve.metric_index(m) >= 0; });
    if (somewhere) continue;
    std::string listing;
    for (std::size_t c = 0; c < curves.size(); ++c)
      listing += (c == 0 ? "" : "; ") + files[c].path + " has " + joined(curves[c].curve.metrics);
    throw BadInputError("no curve has the metric '" + m + "': " + listing);
  }
}

}  // namespace

int run_plot(std::span<const std::string> argv) {
  // Every argument may be a curve; at least one is required, checked below with a usage
  // line that shows the repetition.
  const std::vector<std::string> names(std::max<std::size_t>(argv.size(), 1), "CURVE.csv[=LABEL]");
  const Args args =
      parse_args("plot", argv, {{"--metric"}, {"--out"}, {"--title"}, {"--x-label"}, {"--linear-y", false}, kMkdirFlag}, names, 0);
  allow_new_folders(args);
  if (args.positional.empty())
    throw CommandLineError("plot", "missing CURVE.csv (usage: eqlab plot CURVE.csv[=LABEL] ... --metric NAME "
                                   "--out FIG.png)");
  const std::string out_path = args.text("--out");
  if (out_path.empty()) throw CommandLineError("plot", "missing --out FIG.png, the figure to write");
  if (out_path == "-")
    throw CommandLineError("plot", "--out needs a file name: a figure does not go to standard output");
  check_figure_name("plot", "--out", out_path);
  const std::vector<std::string> metrics = requested_metrics(args);
  if (metrics.empty())
    throw CommandLineError("plot", "missing --metric NAME, the column to draw (e.g. --metric exploitability)");

  std::vector<CurveArgument> files;
  for (const std::string& a : args.positional) files.push_back(curve_argument(a));
  std::vector<LabelledCurve> curves;
  for (const CurveArgument& f : files) {
    curves.push_back({f.label, read_curve_csv(f.path)});
    if (curves.back().curve.empty()) throw InputError(f.path, "", "the curve has no rows to draw");
  }
  check_metrics(files, curves, metrics);

  if (find_program("gnuplot").empty()) throw PlotError("gnuplot not found: install the gnuplot-nox package");
  prepare_output(out_path);
  PlotOptions options;
  options.title = args.text("--title");
  if (args.has("--x-label")) options.x_label = args.text("--x-label");
  options.metrics = metrics;
  options.y_label = joined(metrics);
  options.log_y = !args.has("--linear-y");
  options.format = plot_format_for(out_path);
  plot_curves(curves, out_path, options);
  std::cout << field("wrote") << out_path << "\n";
  return kExitOk;
}

}  // namespace eqlab::cli
