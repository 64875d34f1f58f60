#pragma once
// Runs a Markov-game learner for a number of episodes and measures its outputs exactly at
// log-spaced checkpoints (docs/algorithms/evaluation.md): the certified policy's gap bounds,
// the last iterate's and the visit-averaged policy's Nash gaps, or the gaps of a
// correlated output, whichever the solver has. Evaluation time is not counted as solving
// time; episodes are counted by the solver (evaluation episodes included).
//
// Curve columns (every value in the game's reward units):
//   gap              the headline gap of the solver's concept: cce_gap_upper (cce-v),
//                    ce_gap_upper (ce-v), nash_gap (nash-ca), cce_gap or ce_gap (nash-vi),
//                    last_iterate_gap (exp3-ix)
//   cce_gap_upper, ce_gap_upper, cce_gap_lower   the certified policy π̂
//   cce_gap_exact    π̂'s true CCE gap where it has a closed form (H = 1), else nan
//   last_iterate_gap the Nash (= CCE) gap of the current Markov product policy
//   average_gap      the Nash gap of the visit-averaged Markov product policy
//   mixture_cce_gap, mixture_cce_gap_upper, mixture_cce_gap_lower
//                    the episode-uniform mixture of the policies played: its exact CCE gap
//                    (small games) and bounds (episode_mixture_eval.hpp)
//   cce_gap, ce_gap  a Markov correlated output
//   nash_gap         a product output when the solver targets Nash
//   seconds          wall-clock time of learning so far
//   memory_mb        the solver's state and logs, in MiB
// A column a solver has no output for holds nan.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/sim/curve.hpp>

namespace eqlab {

// Which solvers' episode-uniform mixture is evaluated (it costs K·H·S·(1 + 2m) oracle
// calls per checkpoint): the baselines without a certified output (EXP3-IX), every solver
// that can rebuild it (also CCE-V), or none.
enum class MixtureEvaluation { baselines, always, never };

struct MarkovRunOptions {
  std::int64_t episodes = 100000;
  int checkpoints = 20;
  bool progress = false;
  std::string progress_label;
  bool ce_bound = true;      // compute the certified CE bound (A_i x A_i per player and visit)
  bool lower_bound = true;   // and the certified CCE lower bound
  MixtureEvaluation mixture = MixtureEvaluation::baselines;
  double mixture_exact_work = 4e8;  // the exact mixture gap's budget (EpisodeMixtureOptions)
  // Stop early once the headline gap is at most this (0: never); the curve then ends there.
  double stop_at_gap = 0.0;
  // Called after every episode with the episodes done, for a caller's own progress
  // display (the Python package's); it may throw to stop the run.
  std::function<void(std::int64_t episodes)> on_progress;
  // Asked after every episode (Ctrl-C on the command line): true stops the run there; the
  // outputs are evaluated at that episode as the curve's last row.
  std::function<bool()> should_stop;
};

struct MarkovRunResult {
  Curve curve;
  std::int64_t episodes = 0;
  double seconds = 0.0, solve_seconds = 0.0;
  std::size_t memory_bytes = 0;
  bool converged = false;  // the solver stopped by itself (Nash-CA's certified output)
  bool interrupted = false;  // stopped by MarkovRunOptions::should_stop
  // The last checkpoint's evaluation as JSON: per-player values and every gap measured.
  nlohmann::ordered_json final_evaluation;
};

// The columns of a run's curve, in order.
const std::vector<std::string>& markov_curve_metrics();

MarkovRunResult run_markov_solver(MarkovSolver& solver, const MarkovModel& model, const MarkovRunOptions& options);

// Measures the solver's outputs now (the evaluation of one checkpoint): one value per
// markov_curve_metrics() column except seconds and memory_mb, which it leaves nan, and the
// evaluation as JSON in `detail` when it is not null.
std::vector<double> evaluate_markov_outputs(const MarkovSolver& solver, const MarkovModel& model,
                                            const MarkovRunOptions& options, nlohmann::ordered_json* detail);

}  // namespace eqlab
