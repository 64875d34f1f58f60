#include <eqlab/sim/markov/markov_runner.hpp>

#include <chrono>
#include <cmath>
#include <limits>

#include <eqlab/algorithms/eval/metric.hpp>
#include <eqlab/algorithms/markov/eval/certified_eval.hpp>
#include <eqlab/algorithms/markov/eval/certified_sampler.hpp>
#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/algorithms/markov/eval/episode_mixture_eval.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/lib/number.hpp>
#include <eqlab/lib/progress.hpp>

namespace eqlab {

namespace {

enum Column {
  kGap,
  kCceUpper,
  kCeUpper,
  kCceLower,
  kCceExact,
  kLastIterate,
  kAverage,
  kMixture,
  kMixtureUpper,
  kMixtureLower,
  kCce,
  kCe,
  kNash,
  kSeconds,
  kMemory,
  kColumns
};

nlohmann::ordered_json per_player(const std::vector<double>& values) { return nlohmann::ordered_json(values); }

bool evaluates_mixture(const MarkovSolver& solver, const MarkovRunOptions& options) {
  switch (options.mixture) {
    case MixtureEvaluation::baselines: return solver.certified() == nullptr;
    case MixtureEvaluation::always: return true;
    case MixtureEvaluation::never: return false;
  }
  return false;
}

}  // namespace

const std::vector<std::string>& markov_curve_metrics() {
  static const std::vector<std::string> names = {
      metric_name(Metric::gap),           metric_name(Metric::cce_gap_upper), metric_name(Metric::ce_gap_upper),
      metric_name(Metric::cce_gap_lower), metric_name(Metric::cce_gap_exact), metric_name(Metric::last_iterate_gap),
      metric_name(Metric::average_gap),   metric_name(Metric::mixture_cce_gap), metric_name(Metric::mixture_cce_gap_upper),
      metric_name(Metric::mixture_cce_gap_lower), metric_name(Metric::cce_gap), metric_name(Metric::ce_gap),
      metric_name(Metric::nash_gap),      "seconds",                          "memory_mb"};
  return names;
}

std::vector<double> evaluate_markov_outputs(const MarkovSolver& solver, const MarkovModel& model,
                                            const MarkovRunOptions& options, nlohmann::ordered_json* detail) {
  std::vector<double> row(kColumns, kNaN);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (const VisitLog* log = solver.certified()) {
    CertifiedEvalOptions eval;
    eval.ce = options.ce_bound || solver.solution_concept() == Concept::ce;
    eval.lower = options.lower_bound;
    const CertifiedEvaluation c = evaluate_certified(model, *log, eval);
    row[kCceUpper] = c.cce_gap_upper;
    if (eval.ce) row[kCeUpper] = c.ce_gap_upper;
    if (eval.lower) row[kCceLower] = c.cce_gap_lower;
    if (c.cce_gap_exact) row[kCceExact] = *c.cce_gap_exact;
    nlohmann::ordered_json j;
    j["episodes"] = c.episodes;
    j["value"] = per_player(c.value);
    j[metric_name(Metric::cce_gap_upper)] = c.cce_gap_upper;
    if (eval.ce) j[metric_name(Metric::ce_gap_upper)] = c.ce_gap_upper;
    if (eval.lower) j[metric_name(Metric::cce_gap_lower)] = c.cce_gap_lower;
    if (c.cce_gap_exact) j[metric_name(Metric::cce_gap_exact)] = *c.cce_gap_exact;
    out["certified"] = std::move(j);
  }
  if (const ProductPolicy* policy = solver.product()) {
    const ProductEvaluation p = evaluate_product(model, *policy);
    row[kLastIterate] = p.nash_gap;
    if (solver.solution_concept() == Concept::nash) row[kNash] = p.nash_gap;
    out[solver.certified() || solver.played_log() ? "last_iterate" : "product"] = {
        {"value", per_player(p.value)}, {metric_name(Metric::nash_gap), p.nash_gap}};
  }
  if (const VisitLog* played = solver.played_log()) {
    const ProductEvaluation p = evaluate_product(model, average_policy(model, *played, played->episodes()));
    row[kAverage] = p.nash_gap;
    out["average"] = {{"value", per_player(p.value)}, {metric_name(Metric::nash_gap), p.nash_gap}};
  }
  const ProductPolicy* next = solver.next_play();
  if (const VisitLog* played = solver.played_log(); played && next && evaluates_mixture(solver, options)) {
    EpisodeMixtureOptions eval;
    eval.max_exact_work = options.mixture_exact_work;
    const EpisodeMixtureEvaluation e = evaluate_episode_mixture(model, *played, *next, eval);
    row[kMixtureUpper] = e.cce_gap_upper;
    row[kMixtureLower] = e.cce_gap_lower;
    nlohmann::ordered_json j;
    j["episodes"] = e.episodes;
    j["value"] = per_player(e.value);
    if (e.cce_gap) {
      row[kMixture] = *e.cce_gap;
      j[metric_name(Metric::cce_gap)] = *e.cce_gap;
    }
    j[metric_name(Metric::cce_gap_upper)] = e.cce_gap_upper;
    j[metric_name(Metric::cce_gap_lower)] = e.cce_gap_lower;
    out["mixture"] = std::move(j);
  }
  if (const CorrelatedPolicy* policy = solver.correlated()) {
    const CorrelatedEvaluation c = evaluate_correlated(model, *policy);
    row[kCce] = c.cce_gap;
    row[kCe] = c.ce_gap;
    out["correlated"] = {{"value", per_player(c.value)},
                         {metric_name(Metric::cce_gap), c.cce_gap},
                         {metric_name(Metric::ce_gap), c.ce_gap}};
  }
  // The headline: the output the solver stands behind, for the concept it targets.
  const Concept target = solver.solution_concept();
  if (solver.certified())
    row[kGap] = target == Concept::ce ? row[kCeUpper] : row[kCceUpper];
  else if (solver.correlated())
    row[kGap] = target == Concept::ce ? row[kCe] : row[kCce];
  else
    row[kGap] = row[kLastIterate];
  out[metric_name(Metric::gap)] = row[kGap];
  if (detail) *detail = std::move(out);
  return row;
}

MarkovRunResult run_markov_solver(MarkovSolver& solver, const MarkovModel& model, const MarkovRunOptions& options) {
  using Clock = std::chrono::steady_clock;
  MarkovRunResult result;
  result.curve = Curve(markov_curve_metrics());
  const std::vector<std::int64_t> checkpoints = checkpoint_iterations(options.episodes, options.checkpoints);
  ProgressBar progress(options.progress_label.empty() ? solver.name() : options.progress_label, options.episodes,
                       options.progress);
  const Clock::time_point start = Clock::now();
  double solve_seconds = 0.0;
  std::size_t next = 0;
  while (next < checkpoints.size()) {
    const Clock::time_point before = Clock::now();
    bool playing = true;
    // Some solvers count several episodes per call; stop at the first call that reaches
    // the checkpoint.
    bool stopped = false;
    while (solver.episodes() < checkpoints[next]) {
      if (!solver.run_episode()) {
        playing = false;
        break;
      }
      progress.update(solver.episodes());
      if (options.on_progress) options.on_progress(solver.episodes());
      if (solver.episodes() < options.episodes && options.should_stop && options.should_stop()) {
        stopped = true;
        break;
      }
    }
    solve_seconds += std::chrono::duration<double>(Clock::now() - before).count();
    // One row per checkpoint passed (a solver may jump over several at once).
    while (next < checkpoints.size() && checkpoints[next] <= solver.episodes()) ++next;
    nlohmann::ordered_json detail;
    std::vector<double> row = evaluate_markov_outputs(solver, model, options, &detail);
    row[kSeconds] = solve_seconds;
    row[kMemory] = static_cast<double>(solver.memory_bytes()) / (1024.0 * 1024.0);
    result.curve.add_row(solver.episodes(), row);
    result.final_evaluation = std::move(detail);
    if (!playing) {
      result.converged = true;
      break;
    }
    if (stopped) {
      result.interrupted = true;
      break;
    }
    if (options.stop_at_gap > 0.0 && row[kGap] <= options.stop_at_gap) break;
  }
  progress.finish();
  result.episodes = solver.episodes();
  result.solve_seconds = solve_seconds;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.memory_bytes = solver.memory_bytes();
  return result;
}

}  // namespace eqlab
