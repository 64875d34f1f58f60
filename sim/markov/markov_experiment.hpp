#pragma once
// Sample-complexity experiments on Markov games (docs/algorithms/markov-learning.md): a list of
// games, each placed at a value x of the parameter being varied (players, actions, ...),
// × algorithms × seeds. Every run is measured exactly at log-spaced checkpoints; from its
// curve come the episodes it needs to reach each ε; the medians over seeds are fitted
// against x, log-log (power) or log-linear (exponential), with bootstrap intervals.
//
// Config (JSON, "type": "markov"):
//   {"type": "markov", "name": TEXT?,
//    "games": [{"game": SPEC, "label": TEXT?, "x": NUMBER}, ...],
//    "x_label": TEXT?                    (the axis of the scaling plot, default "x")
//    "algorithms": [{"solver": NAME, "label": TEXT?, "params": {...}?,
//                    "episodes": N?,      (this algorithm's budget; default the top level's)
//                    "fit": "power"|"exponential"?,  (default power)
//                    "theory": NUMBER?}], (the exponent theory bounds the slope by; printed)
//    "seeds": N | [S, ...], "episodes": N, "checkpoints": K?,
//    "epsilon": E | [E, ...],            (the gap levels; default 0.1)
//    "metric": NAME?}                    (a curve column of sim/markov/markov_runner.hpp,
//                                         default "gap")
//
// Output folder DIR:
//   experiment.json                     the config as run (with --resume, it must be
//                                       the same config's)
//   runs/<game>/<label>/seed-<s>.csv    every run's curve (markov_curve_metrics columns);
//                                       a run the solver refused (e.g. Nash-VI's memory
//                                       guard) writes seed-<s>.refused with the reason
//   summary.csv   game,label,metric,episodes,runs,median,q25,q75
//   episodes.csv  game,label,x,epsilon,seeds,reached,median,low,high,status
//                 (median episodes to ε over seeds; low/high a 95% bootstrap interval;
//                 status "ok", "not reached" (median above the budget), "at start" (median
//                 at the first checkpoint: the gap started below ε; left out of the fits)
//                 or "refused")
//   fits.csv      label,epsilon,model,points,slope,low,high,theory
//   eps_fits.csv  game,label,points,slope,low,high   (with two ε or more: the slope of
//                 log median episodes against log(1/ε); theory 2 for ε^-2 algorithms)
//   plots/<game>.png        the metric's median per algorithm against episodes
//   plots/scaling.png       median episodes to ε against x, per algorithm (and ε)
// Runs go in parallel; every number is the same for any thread count, except the wall-clock
// columns (seconds) of the run curves.
//
// The engine's pieces: the config reader (sim/markov/markov_experiment_config.cpp), the
// summary, its tables and plots (sim/markov/markov_experiment_summary.hpp), and what it
// shares with the extensive-form experiments (sim/experiment/, sim/statistics.hpp).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/lib/memory_budget.hpp>

namespace eqlab {

struct MarkovExperimentGame {
  std::string spec, label;
  double x = 0.0;
};

struct MarkovExperimentAlgorithm {
  std::string solver, label;
  nlohmann::json params = nlohmann::json::object();
  std::int64_t episodes = 0;  // 0: the config's
  std::string fit = "power";  // or "exponential"
  double theory = std::numeric_limits<double>::quiet_NaN();
};

struct MarkovExperimentConfig {
  std::string name;
  std::vector<MarkovExperimentGame> games;
  std::string x_label = "x";
  std::vector<MarkovExperimentAlgorithm> algorithms;
  std::vector<std::uint64_t> seeds;
  std::int64_t episodes = 0;
  int checkpoints = 20;
  std::vector<double> epsilons{0.1};
  std::string metric = "gap";
  std::string folder;  // where relative game files are looked up
  std::string file;    // the config file, named in errors found after parsing
};

// Whether a parsed experiment document is a Markov one ("type": "markov").
bool is_markov_experiment(const nlohmann::json& document);
// Throws InputError(file, pointer, what) for anything wrong.
MarkovExperimentConfig parse_markov_experiment_config(const nlohmann::json& document, const std::string& file);
// Whether the JSON file at `path` is a Markov experiment (false when it is not readable
// JSON: the general loader then says what is wrong with it).
bool is_markov_experiment_file(const std::string& path);
MarkovExperimentConfig load_markov_experiment_config(const std::string& path);

struct MarkovExperimentOptions {
  std::string out_dir;
  bool plots = true;
  bool progress = false;
  // Called after each run with the runs finished and the runs to make, one call at a
  // time (from the thread that made the run), for a caller's own progress display.
  std::function<void(std::int64_t done, std::int64_t total)> on_run_done;
  // Each (game, algorithm) pair's run is estimated before any run
  // (algorithms/markov/markov_run_memory.hpp): runs that would not fit alone are refused (their
  // .refused file gives the estimate), and fewer runs go at a time when the others would
  // not fit together. bytes 0: no limit.
  MemoryBudget memory_budget;
  // Keep the runs whose files are already in out_dir (a curve that reads back, or a
  // .refused file), when out_dir/experiment.json is this config's; refuse (UsageError) a
  // folder of another config.
  bool resume = false;
  // Polled before each run and between episodes: when it returns true the runs in flight
  // stop, leave no file, and no summary is made (report.interrupted).
  std::function<bool()> should_stop;
};

struct MarkovEpisodesRow {
  std::string game, label;
  double x = 0.0, epsilon = 0.0;
  int seeds = 0, reached = 0;
  double median = 0.0, low = 0.0, high = 0.0;
  std::string status;
};

struct MarkovFitRow {
  std::string label;
  double epsilon = 0.0;
  std::string model;
  int points = 0;
  double slope = 0.0, low = 0.0, high = 0.0, theory = 0.0;
};

struct MarkovEpsilonFitRow {
  std::string game, label;
  int points = 0;
  double slope = 0.0, low = 0.0, high = 0.0;
};

struct MarkovExperimentReport {
  int runs = 0, refused = 0;
  int runs_resumed = 0;      // kept from out_dir (resume)
  bool interrupted = false;  // stopped by should_stop: no summary
  std::vector<MarkovEpisodesRow> episodes;
  std::vector<MarkovFitRow> fits;
  std::vector<MarkovEpsilonFitRow> epsilon_fits;
  std::vector<std::string> files, notes;
};

MarkovExperimentReport run_markov_experiment(const MarkovExperimentConfig& config,
                                             const MarkovExperimentOptions& options);

}  // namespace eqlab
