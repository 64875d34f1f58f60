#include <eqlab/sim/runner.hpp>

#include <chrono>
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/eval/metric.hpp>
#include <eqlab/algorithms/eval/mixture_meter.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/progress.hpp>

namespace eqlab {

namespace {

using OwnMetrics = std::vector<std::pair<std::string, double>>;

void append_mixture_names(std::vector<std::string>& names, const MixtureReport& mixture) {
  names.insert(names.end(), {metric_name(Metric::nfcce_gap), metric_name(Metric::efce_gap)});
  if (mixture.kefce_gap) names.push_back(metric_name(Metric::kefce_gap));
}
void append_mixture_values(std::vector<double>& values, const MixtureReport& mixture) {
  values.insert(values.end(), {mixture.nfcce_gap, mixture.efce_gap});
  if (mixture.kefce_gap) values.push_back(*mixture.kefce_gap);
}
void add_mixture_metrics(nlohmann::ordered_json& metrics, const MixtureReport& mixture) {
  metrics[metric_name(Metric::nfcce_gap)] = mixture.nfcce_gap;
  metrics[metric_name(Metric::efce_gap)] = mixture.efce_gap;
  if (mixture.kefce_gap) {
    metrics[metric_name(Metric::kefce_gap)] = *mixture.kefce_gap;
    metrics["k"] = mixture.kefce_k;
  }
}

void append_names(std::vector<std::string>& names, const OwnMetrics& own) {
  for (const auto& [name, value] : own) names.push_back(name);
}
void append_values(std::vector<double>& values, const OwnMetrics& own) {
  for (const auto& [name, value] : own) values.push_back(value);
}

std::vector<std::string> value_columns(int num_players) {
  std::vector<std::string> names;
  for (int p = 0; p < num_players; ++p) names.push_back("value_" + std::to_string(p));
  return names;
}

std::vector<std::string> curve_columns(const RunResult& result, int num_players) {
  std::vector<std::string> names;
  if (is_correlated(result.solution_concept)) {
    append_mixture_names(names, *result.mixture);
    append_names(names, result.own_metrics);
    for (std::string& v : value_columns(num_players)) names.push_back(std::move(v));
    return names;
  }
  names = nash_curve_metrics(num_players);
  append_names(names, result.own_metrics);
  if (result.mixture) append_mixture_names(names, *result.mixture);
  return names;
}

std::vector<double> curve_row(const RunResult& result) {
  std::vector<double> values;
  if (is_correlated(result.solution_concept)) {
    append_mixture_values(values, *result.mixture);
    append_values(values, result.own_metrics);
    values.insert(values.end(), result.mixture->values.begin(), result.mixture->values.end());
    return values;
  }
  values = nash_curve_values(result.final_report);
  append_values(values, result.own_metrics);
  if (result.mixture) append_mixture_values(values, *result.mixture);
  return values;
}

// The own metrics keep their names from one checkpoint to the next: they are columns.
void check_same_names(const OwnMetrics& first, const OwnMetrics& now, const std::string& solver) {
  bool same = first.size() == now.size();
  for (std::size_t k = 0; same && k < first.size(); ++k) same = first[k].first == now[k].first;
  if (!same) throw std::logic_error("solver " + solver + ": own_metrics() changed its names during a run");
}

// The learner's proven bound against the measured gap of its concept (only K-EFCE
// learners give one for now, checked when the gap is measured at their own K).
void check_gap_bound(const Solver& solver, const RunResult& result) {
  const std::optional<double> bound = solver.gap_bound();
  if (!bound || result.solution_concept != Concept::kefce || !result.mixture || !result.mixture->kefce_gap) return;
  const nlohmann::json params = solver.params();
  if (!params.contains("k") || params["k"] != result.mixture->kefce_k || !solver.played_behavioural()) return;
  const double gap = *result.mixture->kefce_gap;
  if (gap > *bound * (1 + 1e-9) + 1e-12)
    throw std::logic_error("solver " + solver.name() + ": the measured K-EFCE gap " + std::to_string(gap) +
                           " exceeds the learner's own bound " + std::to_string(*bound) +
                           ": a bug in its weights, fixed points or regret updates");
}

}  // namespace

std::vector<std::string> nash_curve_metrics(int num_players) {
  std::vector<std::string> names{metric_name(Metric::nash_conv), metric_name(Metric::exploitability)};
  for (std::string& v : value_columns(num_players)) names.push_back(std::move(v));
  return names;
}

std::vector<double> nash_curve_values(const NashReport& report) {
  std::vector<double> values{report.nash_conv, report.exploitability};
  values.insert(values.end(), report.values.begin(), report.values.end());
  return values;
}

nlohmann::ordered_json nash_metrics_json(const NashReport& report) {
  return {{metric_name(Metric::nash_conv), report.nash_conv},
          {metric_name(Metric::exploitability), report.exploitability},
          {"values", report.values}};
}

nlohmann::ordered_json run_metrics_json(const RunResult& result) {
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  if (is_correlated(result.solution_concept)) {
    if (!result.mixture) throw std::logic_error("run_metrics_json: a correlated run without its mixture");
    add_mixture_metrics(metrics, *result.mixture);
    for (const auto& [name, value] : result.own_metrics) metrics[name] = value;
    metrics["values"] = result.mixture->values;
    return metrics;
  }
  metrics = nash_metrics_json(result.final_report);
  for (const auto& [name, value] : result.own_metrics) metrics[name] = value;
  if (result.mixture) add_mixture_metrics(metrics, *result.mixture);
  return metrics;
}

namespace {

// Every checkpoint checks the solver's strategies before they are evaluated: a NaN there
// would make every gap below read as 0, a converged run that is not.
void check_finite(const Solver& solver, const Profile& output, std::int64_t iteration) {
  auto finite = [](const Profile& x) {
    for (const auto& player : x)
      for (double v : player)
        if (!std::isfinite(v)) return false;
    return true;
  };
  if (!finite(solver.current_profile()) || !finite(output))
    throw NumericalError(solver.name() + ": the strategy is no longer finite (NaN or infinity) by iteration " +
                         std::to_string(iteration) + "; the solver's step sizes overflowed");
}

}  // namespace

std::optional<int> measured_kefce_k(const Solver& solver, const RunOptions& options, Concept solution_concept) {
  std::optional<int> kefce_k = options.kefce_k;
  if (!kefce_k && solution_concept == Concept::kefce) {
    const nlohmann::json params = solver.params();
    if (!params.contains("k") || !params["k"].is_number_integer())
      throw UsageError("solver " + solver.name() + " outputs a K-EFCE but does not record its k");
    kefce_k = params["k"].get<int>();
  }
  return kefce_k;
}

namespace {

// One run of run_solver: the solver stepped from checkpoint to checkpoint and measured at
// each, into `result`.
class SolverRun {
 public:
  using Clock = std::chrono::steady_clock;

  SolverRun(Solver& solver, const CompiledGame& game, const RunOptions& options, RunResult& result,
            bool correlated, std::optional<int> kefce_k)
      : solver_(solver), game_(game), options_(options), result_(result), correlated_(correlated),
        mixture_([&]() -> std::optional<MixtureMeter> {
          if (correlated || options.measure_mixture || kefce_k) return std::optional<MixtureMeter>(std::in_place, game, kefce_k);
          return std::nullopt;
        }()),
        per_round_(mixture_.has_value() || static_cast<bool>(options.on_round)),
        checkpoints_(checkpoint_iterations(options.iterations, std::max(1, options.checkpoints))),
        bar_(options.progress_label, options.iterations, options.progress) {}

  const std::vector<std::int64_t>& checkpoints() const { return checkpoints_; }

  static double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

  // Steps up to `checkpoint`, timing the steps alone; false when stopped before it.
  bool step_to(std::int64_t checkpoint) {
    if (per_round_) {
      // The round's evaluation costs about as much as the step, so timing each step
      // costs little in comparison.
      for (; done_ < checkpoint; ++done_) {
        const Clock::time_point step_start = Clock::now();
        solver_.step();
        result_.solve_seconds += seconds_since(step_start);
        take_round();
        bar_.update(done_ + 1);
        if (options_.on_progress) options_.on_progress(done_ + 1);
        if (stop_asked()) {
          ++done_;
          return false;
        }
      }
    } else {
      // Steps are timed per stretch between checkpoints, not one by one: the clock would
      // cost more than a step of a small game.
      const Clock::time_point stretch_start = Clock::now();
      for (; done_ < checkpoint; ++done_) {
        solver_.step();
        bar_.update(done_ + 1);
        if (options_.on_progress) options_.on_progress(done_ + 1);
        if (stop_asked()) {
          ++done_;
          result_.solve_seconds += seconds_since(stretch_start);
          return false;
        }
      }
      result_.solve_seconds += seconds_since(stretch_start);
    }
    return true;
  }

  // Measures the solver at `checkpoint` and adds the curve's row.
  void measure(std::int64_t checkpoint) {
    // The output profile can be costly (an average over the run): computed once, checked,
    // then evaluated.
    const Profile output = solver_.output_profile();
    check_finite(solver_, output, checkpoint);
    if (!correlated_) result_.final_report = evaluate_nash(game_, output);
    if (mixture_) result_.mixture = mixture_->report();
    result_.own_metrics = solver_.own_metrics();
    check_gap_bound(solver_, result_);
    if (result_.curve.metrics.empty()) {
      first_own_ = result_.own_metrics;
      result_.curve = Curve(curve_columns(result_, game_.num_players()));
    } else {
      check_same_names(first_own_, result_.own_metrics, solver_.name());
    }
    result_.curve.add_row(solver_.iteration(), curve_row(result_));
  }

  void finish() { bar_.finish(); }

 private:
  // Asked after iteration done_ + 1; never after the last one, which ends the run anyway.
  bool stop_asked() const {
    return done_ + 1 < options_.iterations && options_.should_stop && options_.should_stop();
  }

  // Called after each step when something needs the round's profile; allocates nothing
  // beyond what the evaluators and on_round do.
  void take_round() {
    const Profile* played = solver_.played_profile();
    if (played == nullptr)
      throw UsageError("solver " + solver_.name() +
                       " does not play a mixture of product profiles (played_profile() is empty), so there is "
                       "no mixture to measure or write");
    if (mixture_) mixture_->add(*played, solver_.played_behavioural());
    if (options_.on_round) options_.on_round(*played);
  }

  Solver& solver_;
  const CompiledGame& game_;
  const RunOptions& options_;
  RunResult& result_;
  bool correlated_ = false;
  std::optional<MixtureMeter> mixture_;
  bool per_round_ = false;
  std::vector<std::int64_t> checkpoints_;
  ProgressBar bar_;
  OwnMetrics first_own_;
  std::int64_t done_ = 0;
};

}  // namespace

RunResult run_solver(Solver& solver, const CompiledGame& game, const RunOptions& options) {
  if (options.iterations < 1)
    throw UsageError("run_solver: the number of iterations must be at least 1, not " +
                     std::to_string(options.iterations));
  RunResult result;
  result.solution_concept = solver.solution_concept();
  const bool correlated = is_correlated(result.solution_concept);
  if (!correlated && result.solution_concept != Concept::nash)
    throw UsageError("solver " + solver.name() + " outputs the concept \"" +
                     std::string(concept_name(result.solution_concept)) +
                     "\", which the runner cannot measure (it measures nash, nfcce, efce and kefce)");
  // A kefce learner is measured at its own K (its parameter "k") unless the caller says.
  const std::optional<int> kefce_k = measured_kefce_k(solver, options, result.solution_concept);

  SolverRun run(solver, game, options, result, correlated, kefce_k);
  const SolverRun::Clock::time_point run_start = SolverRun::Clock::now();
  for (std::int64_t checkpoint : run.checkpoints()) {
    const bool reached = run.step_to(checkpoint);
    run.measure(checkpoint);
    if (!reached) {
      result.interrupted = true;
      break;
    }
  }
  run.finish();
  result.seconds = SolverRun::seconds_since(run_start);
  return result;
}

}  // namespace eqlab
