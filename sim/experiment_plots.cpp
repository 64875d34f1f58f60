// The plots of an extensive-form experiment (plot_experiment, sim/experiment_summary.hpp).
#include <eqlab/sim/experiment_summary.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

// Draws one figure as plots/<name>.png and .svg, each under a temporary name renamed once
// drawn; `draw(path, format)` draws it. A figure with nothing to draw (std::invalid_argument)
// is a note, `what_not_drawn` followed by the reason, and no file.
template <class Draw>
void draw_png_and_svg(const fs::path& out_dir, const std::string& name, const std::string& what_not_drawn,
                      ExperimentReport& report, Draw&& draw) {
  fs::create_directories(out_dir / "plots");
  for (PlotFormat format : {PlotFormat::png, PlotFormat::svg}) {
    const fs::path path = out_dir / "plots" / (name + (format == PlotFormat::png ? ".png" : ".svg"));
    const std::string partial = path.string() + ".partial";
    try {
      draw(partial, format);
    } catch (const std::invalid_argument& e) {
      report.notes.push_back(what_not_drawn + e.what());
      break;
    }
    fs::rename(partial, path);
    report.files.push_back(path.string());
  }
}

// plots/<game>: the chosen metric's mean per algorithm, with its interval as a band.
void plot_game(const ExperimentConfig& config, const fs::path& out_dir, std::size_t g,
               const std::vector<LabelledCurve>& figure, ExperimentReport& report) {
  PlotOptions plot;
  plot.title = config.name + ": " + config.games[g].label + " (mean over " + std::to_string(config.seeds.size()) +
               " seeds, 95% interval)";
  plot.metrics = {config.metric};
  plot.y_label = config.metric;
  plot.bands = true;
  // With bandit feedback an iteration is one sampled episode.
  const bool all_bandit = std::all_of(config.algorithms.begin(), config.algorithms.end(),
                                      [](const ExperimentAlgorithm& a) { return a.feedback == "bandit"; });
  plot.x_label = all_bandit ? "episodes" : "iteration";
  draw_png_and_svg(out_dir, config.games[g].label, "plot of " + config.games[g].label + " not drawn: ", report,
                   [&](const std::string& path, PlotFormat format) {
                     plot.format = format;
                     plot_curves(figure, path, plot);
                   });
}

// plots/size: final regret against sqrt(XA) per algorithm.
void plot_sizes(const ExperimentConfig& config, const fs::path& out_dir, const std::vector<std::int64_t>& checkpoints,
                const std::vector<SizeSeries>& size_figure, ExperimentReport& report) {
  SizePlotOptions plot;
  plot.title = config.name + ": final regret (" + config.metric + " x T at T = " +
               std::to_string(checkpoints.back()) + ") against sqrt(XA), mean over " +
               std::to_string(config.seeds.size()) + " seeds, 95% interval";
  plot.y_label = "final regret, " + config.metric + " x T";
  draw_png_and_svg(out_dir, "size", "size plot not drawn: ", report, [&](const std::string& path, PlotFormat format) {
    plot.format = format;
    plot_size_scaling(size_figure, path, plot);
  });
}

}  // namespace

void plot_experiment(const ExperimentConfig& config, const fs::path& out_dir,
                     const std::vector<std::int64_t>& checkpoints, const ExperimentFigures& figures,
                     ExperimentReport& report) {
  if (find_program("gnuplot").empty()) {
    report.notes.push_back("gnuplot not found: plots not drawn (install the gnuplot-nox package)");
    return;
  }
  for (std::size_t g = 0; g < figures.games.size(); ++g) plot_game(config, out_dir, g, figures.games[g], report);
  if (!figures.sizes.empty()) plot_sizes(config, out_dir, checkpoints, figures.sizes, report);
}

}  // namespace eqlab
