#include <eqlab/sim/runner.hpp>

#include <chrono>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/result_file.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/progress.hpp>

namespace eqlab {

std::vector<std::string> nash_curve_metrics(int num_players) {
  std::vector<std::string> names{"nash_conv", "exploitability"};
  for (int p = 0; p < num_players; ++p) names.push_back("value_" + std::to_string(p));
  return names;
}

std::vector<double> nash_curve_values(const NashReport& report) {
  std::vector<double> values{report.nash_conv, report.exploitability};
  values.insert(values.end(), report.values.begin(), report.values.end());
  return values;
}

nlohmann::ordered_json nash_metrics_json(const NashReport& report) {
  return {{"nash_conv", report.nash_conv},
          {"exploitability", report.exploitability},
          {"values", report.values}};
}

nlohmann::ordered_json run_result_json(const Solver& solver, const std::string& game_name, const CompiledGame& game,
                                       bool normal_form, const RunResult& result) {
  ResultHeader header;
  header.game = game_name;
  header.solver = solver.name();
  header.params = solver.params();
  header.concept_name = solver.concept_name();
  header.iterations = solver.iteration();
  return result_to_json(header, game, solver.output_profile(), normal_form, nash_metrics_json(result.final_report),
                        curve_to_json(result.curve));
}

RunResult run_solver(Solver& solver, const CompiledGame& game, const RunOptions& options) {
  if (options.iterations < 1)
    throw UsageError("run_solver: the number of iterations must be at least 1, not " +
                     std::to_string(options.iterations));
  using Clock = std::chrono::steady_clock;
  const auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };

  RunResult result;
  result.curve = Curve(nash_curve_metrics(game.num_players()));
  const std::vector<std::int64_t> checkpoints =
      checkpoint_iterations(options.iterations, std::max(1, options.checkpoints));

  ProgressBar bar(options.progress_label, options.iterations, options.progress);
  const Clock::time_point run_start = Clock::now();
  std::int64_t done = 0;
  for (std::int64_t checkpoint : checkpoints) {
    // Steps are timed per stretch between checkpoints, not one by one: the clock would
    // cost more than a step of a small game.
    const Clock::time_point stretch_start = Clock::now();
    for (; done < checkpoint; ++done) {
      solver.step();
      bar.update(done + 1);
    }
    result.solve_seconds += seconds_since(stretch_start);
    result.final_report = evaluate_nash(game, solver.output_profile());
    result.curve.add_row(solver.iteration(), nash_curve_values(result.final_report));
  }
  bar.finish();
  result.seconds = seconds_since(run_start);
  return result;
}

}  // namespace eqlab
