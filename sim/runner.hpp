#pragma once
// The experiment runner: drives any Solver for a number of iterations, measures it exactly
// at log-spaced checkpoints, and shows progress on long runs.
//
// What is measured depends on the solver's concept:
//   "nash"           the output profile: NashConv, exploitability, each player's value;
//   "nfcce", "efce", "kefce"
//                    the mixture of the product profiles played, (1/T) Σ_t x^t: its NFCCE
//                    and EFCE gaps (and K-EFCE gap for kefce, at the solver's K) and each
//                    player's value. The gaps are of the whole mixture, so their
//                    accumulators take every round, not only checkpoints.
// Both add the learner's own numbers (Solver::own_metrics) to the curve and the metrics.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/eval/mixture_meter.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/sim/curve.hpp>

namespace eqlab {

struct RunOptions {
  std::int64_t iterations = 1000;  // iterations to run (at least 1)
  int checkpoints = 30;            // curve points (see checkpoint_iterations)
  bool progress = false;           // progress bar on stderr (only shown on a terminal)
  std::string progress_label;      // text before the bar, e.g. the solver's name
  // Measure the mixture of the profiles played (nfcce_gap, efce_gap) for a Nash learner
  // too, e.g. when the mixture is written out. Always on for correlated concepts.
  bool measure_mixture = false;
  // Measure the mixture's K-EFCE gap for this K too (curve column and metric kefce_gap,
  // metric k); implies measure_mixture. Unset: only for kefce solvers, at their own k.
  std::optional<int> kefce_k;
  // Called after every round with the profile played in it (Solver::played_profile).
  std::function<void(const Profile& played)> on_round;
  // Called after every iteration with the count done in this run, for a caller's own
  // progress display (the Python package's); it may throw to stop the run.
  std::function<void(std::int64_t done)> on_progress;
  // Asked after every iteration (Ctrl-C on the command line): when it returns true the run
  // stops there, measures that iteration as the curve's last row, and returns with
  // RunResult::interrupted set, so that what it returns describes what was played.
  std::function<bool()> should_stop;
};

// The gaps and values of the mixture of the profiles played so far.
struct RunResult {
  Concept solution_concept = Concept::nash;
  // nash:   iteration, nash_conv, exploitability, value_0.., own metrics.., and nfcce_gap,
  //         efce_gap when the mixture is measured;
  // nfcce, efce, kefce: iteration, nfcce_gap, efce_gap, [kefce_gap], own metrics.., value_0..
  Curve curve;
  NashReport final_report;                // nash: the output profile at the last iteration
  std::optional<MixtureReport> mixture;   // when the mixture is measured: at the last iteration
  std::vector<std::pair<std::string, double>> own_metrics;  // the solver's, at the last iteration
  double seconds = 0.0;        // wall time of the whole run, evaluations included
  double solve_seconds = 0.0;  // wall time spent in Solver::step() only
  bool interrupted = false;    // stopped by RunOptions::should_stop before the last iteration
};

// The curve columns for a Nash run of an n-player game, without the solver's own.
std::vector<std::string> nash_curve_metrics(int num_players);
// One curve row's values, in the order of nash_curve_metrics().
std::vector<double> nash_curve_values(const NashReport& report);
// {"nash_conv", "exploitability", "values"}.
nlohmann::ordered_json nash_metrics_json(const NashReport& report);

// The result file's `metrics` member of a finished run: for nash, nash_metrics_json, the
// solver's own metrics, then nfcce_gap and efce_gap when measured; for correlated
// concepts {"nfcce_gap", "efce_gap", own metrics..., "values"} (the mixture's values).
nlohmann::ordered_json run_metrics_json(const RunResult& result);

// Runs `options.iterations` more iterations of `solver` on `game` (the game the solver was
// made for). Curve rows carry the solver's own iteration count; a mixture is measured over
// the rounds of this call. Throws UsageError when options.iterations < 1, when the
// solver's concept is not one of nash, nfcce, efce, and when the mixture is to be measured
// or handed to on_round but the solver does not play one (played_profile() is null after
// a round).
RunResult run_solver(Solver& solver, const CompiledGame& game, const RunOptions& options);

// The K at which a run measures the mixture's K-EFCE gap: options.kefce_k, else for a
// kefce learner its own parameter "k" (UsageError when it records none), else none.
std::optional<int> measured_kefce_k(const Solver& solver, const RunOptions& options, Concept solution_concept);

}  // namespace eqlab
