#pragma once
// Experiments: a grid of games × algorithms × seeds, every run measured on the same
// checkpoint grid, then summarised over seeds (means, 95% intervals, fitted rates) and
// plotted per game. Runs execute in parallel, and every file written is the same for any
// thread count: each run depends on its seed alone and files are written in a fixed order.
//
// Layout of the output folder DIR:
//   DIR/experiment.json                    what the runs depend on: games, algorithms,
//                                          iterations, checkpoints (checked by resume)
//   DIR/runs/<game>/<label>/seed-<s>.csv   the curve of one run (write_curve_csv)
//   DIR/summary.csv                        game,label,metric,iteration,seeds,mean,sd,low,high
//   DIR/rates.csv                          game,label,metric,points,first_iteration,
//                                          last_iteration,slope,theory,seed_slopes,
//                                          seed_slope_mean,seed_slope_low,seed_slope_high,
//                                          eps_points,eps_slope,eps_theory,eps_seed_slopes,
//                                          eps_seed_mean,eps_seed_low,eps_seed_high
//                                          (slope: regret rate; eps_slope: episodes to
//                                          reach ε against 1/ε, fit_episodes_to_epsilon)
//   DIR/sizes.csv                          game,label,metric,xa,sqrt_xa,final_iteration,
//                                          final_regret_mean,final_regret_low,
//                                          final_regret_high (with two games or more)
//   DIR/size_rates.csv                     label,metric,games,slope,theory (the same)
//   DIR/plots/<game>.png, <game>.svg       the chosen metric's mean per algorithm, with bands
//   DIR/plots/size.png, size.svg           final regret against sqrt(XA) per algorithm
// Every file is written under a temporary name and renamed, so a file under its final name
// is always complete; a resumed experiment keeps the run files it finds.
//
// The engine's pieces (docs/ARCHITECTURE.md, Experiments): the config reader
// (sim/experiment_config.cpp), the fitted rates (sim/experiment_rates.cpp), the summary,
// its tables and plots (sim/experiment_summary.hpp), and what it shares with the Markov
// experiments (sim/experiment/, sim/statistics.hpp).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/solver.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/memory_budget.hpp>
#include <eqlab/sim/curve.hpp>
#include <eqlab/sim/statistics.hpp>  // t_quantile_95 and the other statistics of the summary

namespace eqlab {

struct ExperimentGame {
  std::string spec;   // a game file (relative paths are taken from the config's folder) or a built-in spec
  std::string label;  // its folder name under runs/ and its name in the summary
};

struct ExperimentAlgorithm {
  std::string solver;             // a registered solver of this feedback (algorithms/solver_registry.hpp)
  std::string feedback = "full";  // "full" or "bandit"
  std::string label;              // its folder name and legend entry; defaults to the solver name
  nlohmann::json params = nlohmann::json::object();  // SolverOptions::extra
};

struct ExperimentConfig {
  std::string name;
  std::vector<ExperimentGame> games;
  std::vector<ExperimentAlgorithm> algorithms;
  std::vector<std::uint64_t> seeds;
  std::int64_t iterations = 0;
  int checkpoints = 30;
  std::string metric = "efce_gap";  // the metric plotted and fitted
  std::string folder;               // the config's folder, where relative game files are looked up
};

// Reads a config document:
//   {"name": TEXT?, "games": [SPEC | {"game": SPEC, "label": TEXT?}, ...],
//    "algorithms": [{"solver": NAME, "feedback": "full"|"bandit"?, "label": TEXT?,
//                    "params": {...}?}, ...],
//    "seeds": N | [S, ...], "iterations": T, "checkpoints": K?, "metric": NAME?}
// N seeds are 0..N-1. Labels are made of letters, digits and "._+-" and are unique; a game's
// label defaults to its spec with every other character turned into '_'. Unknown members
// are refused (they are usually misspelt). Throws InputError(file, pointer, what).
ExperimentConfig parse_experiment_config(const nlohmann::json& document, const std::string& file);
// The same from a JSON file; its folder becomes config.folder, its stem the default name.
ExperimentConfig load_experiment_config(const std::string& path);

// Makes the solver of one run of `iterations` steps (bandit learners tune their step sizes
// to the horizon). The default factory maps full feedback to make_solver and bandit
// feedback to make_bandit_solver, one sampled episode per step.
using ExperimentSolverFactory =
    std::function<std::unique_ptr<Solver>(const ExperimentAlgorithm& algorithm, const CompiledGame& game,
                                          std::uint64_t seed, std::int64_t iterations)>;
std::unique_ptr<Solver> make_experiment_solver(const ExperimentAlgorithm& algorithm, const CompiledGame& game, std::uint64_t seed, std::int64_t iterations);

struct ExperimentOptions {
  std::string out_dir;
  bool resume = false;    // keep the complete run files already in out_dir
  bool plots = true;      // draw the plots (skipped with a note when gnuplot is missing)
  bool progress = false;  // a progress bar over runs on stderr (only on a terminal)
  // Called after each run with the runs finished and the runs to make, one call at a
  // time (from the thread that made the run), for a caller's own progress display.
  std::function<void(std::int64_t done, std::int64_t total)> on_run_done;
  ExperimentSolverFactory factory = make_experiment_solver;
  // Asked before each run and after every iteration of a run (Ctrl-C on the command line):
  // true stops the experiment. Runs in progress are dropped, not written, so every run
  // file on disk stays complete; no summary is written, and --resume finishes the grid.
  std::function<bool()> should_stop;
  // One shard of the grid, for spreading it over processes (MPI ranks, batch jobs): only
  // the runs whose index in the grid order (game, algorithm, seed) is shard_index modulo
  // shard_count are made. A shard writes its run files and no summary; the summary comes
  // from a final run with resume over the whole grid, which finds every run complete.
  // Only shard 0 writes experiment.json, so that shards never write one file at once.
  int shard_index = 0;
  int shard_count = 1;
  // Before any run, each (game, algorithm) pair's memory is estimated (algorithms/run_memory.hpp):
  // a pair whose run would not fit beside the games is refused (ResourceError), and fewer
  // runs go at a time when that many would not fit (a note says so). bytes 0: no limit.
  MemoryBudget memory_budget;
};

// One cell of the summary: a metric at a checkpoint over the seeds of a game and label.
struct SummaryRow {
  std::string game, label, metric;
  std::int64_t iteration = 0;
  int seeds = 0;     // the runs with a finite value
  double mean = 0.0;
  double sd = 0.0;   // sample standard deviation (n - 1); nan for one seed
  double low = 0.0;  // mean ∓ t(0.975, n - 1) · sd / sqrt(n); nan for one seed
  double high = 0.0;
};

// The fitted growth rate of regret, metric · T, on a log-log scale.
struct RateRow {
  std::string game, label, metric;
  int points = 0;  // checkpoints in the fit
  std::int64_t first_iteration = 0, last_iteration = 0;
  double slope = 0.0;  // of the mean over seeds; nan with fewer than two points
  double theory = 0.5;
  // The same fit on each seed's curve: the seeds with a slope, their mean and its 95%
  // interval (as in the summary; nan for one seed).
  int seed_slopes = 0;
  double seed_slope_mean = 0.0, seed_slope_low = 0.0, seed_slope_high = 0.0;
  // How the episodes needed to bring the metric down to ε grow as ε shrinks
  // (fit_episodes_to_epsilon): the slope of the mean curve, beside the theory value 2 of a
  // metric falling as T^{-1/2}; then the same per seed, summarised as above.
  int eps_points = 0;
  double eps_slope = 0.0;
  double eps_theory = 2.0;
  int eps_seed_slopes = 0;
  double eps_seed_mean = 0.0, eps_seed_low = 0.0, eps_seed_high = 0.0;
};

// How regret scales with the size of the game. XA is a game's largest strategy space:
// the most sequences of any player, the empty one left out (the number of (infoset,
// action) pairs), and the regret bounds of these learners grow as sqrt(XA).
struct SizeRow {
  std::string game, label, metric;
  std::int64_t xa = 0;
  double sqrt_xa = 0.0;
  std::int64_t final_iteration = 0;
  // The regret metric · T at the last checkpoint: its mean over seeds and 95% interval
  // (nan for one seed), as in the summary.
  double final_regret_mean = 0.0, final_regret_low = 0.0, final_regret_high = 0.0;
};

// Per algorithm: the least-squares slope of log(final regret mean) against log(sqrt(XA))
// over the games with a positive mean (nan unless two of them differ in size).
struct SizeRateRow {
  std::string label, metric;
  int games = 0;
  double slope = 0.0;
  double theory = 1.0;
};

// The largest number of sequences of any player of `game`, the empty sequence left out.
std::int64_t game_size_xa(const CompiledGame& game);

struct ExperimentReport {
  int runs = 0;          // runs in the grid (in the shard, for one shard of several)
  int runs_resumed = 0;  // complete run files kept
  std::vector<SummaryRow> summary;
  std::vector<RateRow> rates;
  // With two games or more: per algorithm (in config order), its games in config order.
  std::vector<SizeRow> sizes;
  std::vector<SizeRateRow> size_rates;
  std::vector<std::string> files;  // summary, rates, sizes, size rates and plots written, in order
  std::vector<std::string> notes;  // things left out, e.g. plots without gnuplot
  bool interrupted = false;        // stopped by ExperimentOptions::should_stop: no summary
};

// The least-squares slope of log(metric · T) against log(T) over the rows with
// T >= last T / 100 and a positive finite metric; fills points, iterations and slope.
RateRow fit_regret_rate(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric);

// Episodes to reach ε: over the rows of the regret fit's window (T >= last T / 100, the
// metric positive and finite), `points` values of ε log-spaced from the metric at the
// window's first row down to its value at the last row; T(ε) is the first checkpoint where
// the metric is <= ε, interpolated log-linearly from the checkpoint before it (exact for a
// power law). The slope is that of log T(ε) against log(1/ε): 2 for a metric c/sqrt(T), 1
// for c/T. It is nan, with no points, when the metric does not end below where it starts.
struct EpisodesFit {
  int points = 0;
  double slope = 0.0;
};
inline constexpr int kEpsilonGridPoints = 10;
EpisodesFit fit_episodes_to_epsilon(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric);

// Runs the grid and writes the files above. Before any run, every game is loaded and every
// (game, algorithm) pair is tried for one iteration, so that a bad game, solver, parameter
// or metric fails at once as an InputError naming the config entry. With options.resume,
// a folder whose experiment.json records other games, algorithms, iterations or
// checkpoints is refused (UsageError); seeds may be added.
ExperimentReport run_experiment(const ExperimentConfig& config, const std::string& config_file,
                                const ExperimentOptions& options);

}  // namespace eqlab
