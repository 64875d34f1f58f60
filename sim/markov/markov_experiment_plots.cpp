// The plots of a Markov experiment (plot_markov_experiment,
// sim/markov/markov_experiment_summary.hpp).
#include <eqlab/sim/markov/markov_experiment_summary.hpp>

#include <stdexcept>

#include <eqlab/sim/experiment/summary.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_files.hpp>
#include <eqlab/sim/size_plot.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

// Per game: the metric's median over seeds per algorithm, with the quartiles as a band.
void plot_markov_game(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs, std::size_t g,
                      const std::string& game_name, const fs::path& out, MarkovExperimentReport& report) {
  std::vector<LabelledCurve> curves;
  for (std::size_t a = 0; a < runs.grid.algorithms(); ++a) {
    const std::string m = config.metric;
    Curve c = band_curve(m);
    for (std::int64_t k : checkpoint_iterations(markov_episode_budget(config, a), config.checkpoints)) {
      const std::vector<double> values = sorted_values_at(runs.of_pair(g, a), m, k);
      if (values.empty()) continue;
      c.add_row(k, {quantile_sorted(values, 0.5), quantile_sorted(values, 0.25), quantile_sorted(values, 0.75)});
    }
    if (!c.empty()) curves.push_back({config.algorithms[a].label, std::move(c)});
  }
  if (curves.empty()) return;
  PlotOptions plot;
  plot.title = config.name + ": " + game_name;
  plot.metrics = {config.metric};
  plot.y_label = config.metric + " (median over seeds, quartile band)";
  plot.x_label = "episodes";
  plot.bands = runs.grid.seeds() > 1;
  const std::string path = (out / "plots" / (config.games[g].label + ".png")).string();
  try {
    plot_curves_png(curves, path, plot);
    report.files.push_back(path);
  } catch (const std::invalid_argument& e) {
    report.notes.push_back(config.games[g].label + ": no plot (" + e.what() + ")");
  }
}

// What the scaling figure shows of the runs besides its lines.
struct ScalingMarks {
  bool exponential = false;  // some algorithm's fit is exponential in x: a linear x axis
  bool censored = false;     // some median lies above its algorithm's budget
  std::vector<std::string> refusals;
};

// Algorithm a's lines of the scaling figure, one per ε: median episodes to ε against x.
void add_scaling_lines(const MarkovExperimentConfig& config, const MarkovExperimentReport& report, std::size_t a,
                       std::vector<SizeSeries>& series, ScalingMarks& marks) {
  const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
  const double budget = static_cast<double>(markov_episode_budget(config, a));
  std::string refused_at;
  for (double eps : config.epsilons) {
    SizeSeries line;
    line.label = algorithm.label + (config.epsilons.size() > 1 ? " ε=" + exact_number_text(eps) : "");
    for (const MarkovEpisodesRow& r : report.episodes) {
      if (r.label != algorithm.label || r.epsilon != eps) continue;
      if (r.status == "ok") {
        line.x.push_back(r.x);
        line.y.push_back(r.median);
        line.low.push_back(r.low);
        line.high.push_back(r.high);
      } else if (r.status == "not reached") {
        // Drawn at the budget: the median lies above it.
        line.above_x.push_back(r.x);
        line.above_y.push_back(budget);
        marks.censored = true;
      } else if (r.status == "refused" && eps == config.epsilons.front()) {
        refused_at += (refused_at.empty() ? "" : ", ") + exact_number_text(r.x);
      }
    }
    if (!line.x.empty() || !line.above_x.empty()) series.push_back(std::move(line));
  }
  if (algorithm.fit == "exponential") marks.exponential = true;
  if (!refused_at.empty())
    marks.refusals.push_back(algorithm.label + " refused at " + config.x_label + " = " + refused_at +
                             " (runs/<game>/" + algorithm.label + "/*.refused say why)");
}

// The scaling figure: median episodes to ε against x, one line per algorithm and ε.
void plot_markov_scaling(const MarkovExperimentConfig& config, const fs::path& out, MarkovExperimentReport& report) {
  std::vector<SizeSeries> series;
  ScalingMarks marks;
  for (std::size_t a = 0; a < config.algorithms.size(); ++a) add_scaling_lines(config, report, a, series, marks);
  SizePlotOptions plot;
  plot.key = "bottom right";
  if (marks.censored) plot.notes.push_back("triangles: the median run did not reach ε within the algorithm's episode budget");
  plot.notes.insert(plot.notes.end(), marks.refusals.begin(), marks.refusals.end());
  plot.title = config.name + ": episodes to reach ε (median over seeds, 95% bootstrap bars)";
  plot.x_label = config.x_label;
  plot.y_label = "episodes to " + config.metric + " <= ε";
  plot.log_x = !marks.exponential;
  const std::string path = (out / "plots" / "scaling.png").string();
  try {
    plot_size_scaling(series, path, plot);
    report.files.push_back(path);
  } catch (const std::invalid_argument& e) {
    report.notes.push_back(std::string("no scaling plot (") + e.what() + ")");
  }
}

}  // namespace

void plot_markov_experiment(const MarkovExperimentConfig& config, const MarkovExperimentRuns& runs,
                            const std::vector<std::string>& game_names, const fs::path& out,
                            MarkovExperimentReport& report) {
  if (find_program("gnuplot").empty()) {
    report.notes.push_back("plots skipped: gnuplot not found (install the gnuplot-nox package)");
    return;
  }
  fs::create_directories(out / "plots");
  for (std::size_t g = 0; g < runs.grid.games(); ++g) plot_markov_game(config, runs, g, game_names[g], out, report);
  if (runs.grid.games() >= 2) plot_markov_scaling(config, out, report);
}

}  // namespace eqlab
