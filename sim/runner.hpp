#pragma once
// The experiment runner: drives any Solver for a number of iterations, measures the
// output strategy exactly at log-spaced checkpoints, and shows progress on long runs.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/sim/curve.hpp>

namespace eqlab {

struct RunOptions {
  std::int64_t iterations = 1000;  // iterations to run (at least 1)
  int checkpoints = 30;            // curve points (see checkpoint_iterations)
  bool progress = false;           // progress bar on stderr (only shown on a terminal)
  std::string progress_label;      // text before the bar, e.g. the solver's name
};

struct RunResult {
  Curve curve;            // iteration, nash_conv, exploitability, value_0, value_1, ...
  NashReport final_report;      // the evaluation at the last iteration
  double seconds = 0.0;   // wall time of the whole run, evaluations included
  double solve_seconds = 0.0;  // wall time spent in Solver::step() only
};

// The curve columns for a Nash run of an n-player game.
std::vector<std::string> nash_curve_metrics(int num_players);
// One curve row's values, in the order of nash_curve_metrics().
std::vector<double> nash_curve_values(const NashReport& report);
// The result file's `metrics` member: {"nash_conv", "exploitability", "values"}.
nlohmann::ordered_json nash_metrics_json(const NashReport& report);

// The eqlab-result/1 document of a finished run: the solver's name, parameters, concept
// and iterations, its output strategy, the final metrics and the curve.
nlohmann::ordered_json run_result_json(const Solver& solver, const std::string& game_name, const CompiledGame& game,
                                       bool normal_form, const RunResult& result);

// Runs `options.iterations` more iterations of `solver` on `game` (the game the solver was
// made for). Curve rows carry the solver's own iteration count. Throws UsageError when
// options.iterations < 1.
RunResult run_solver(Solver& solver, const CompiledGame& game, const RunOptions& options);

}  // namespace eqlab
