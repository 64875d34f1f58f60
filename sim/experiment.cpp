// The extensive-form experiment engine (run_experiment, sim/experiment.hpp): games are
// prepared and every (game, algorithm) pair probed before any run, the grid runs in
// parallel within the memory budget, and the summary is made from the run files. Its
// pieces: the config (sim/experiment_config.cpp), the fitted rates
// (sim/experiment_rates.cpp), the summary, tables and plots (sim/experiment_summary.hpp),
// and what it shares with the Markov experiments (sim/experiment/: the run grid and its
// schedule, run files, tables; sim/statistics.hpp).
#include <eqlab/sim/experiment.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/sim/experiment/config.hpp>
#include <eqlab/sim/experiment/run_files.hpp>
#include <eqlab/sim/experiment/schedule.hpp>
#include <eqlab/sim/experiment_summary.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/sim/runner.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------
// Files.

fs::path run_path(const fs::path& out_dir, const ExperimentGame& game, const ExperimentAlgorithm& algorithm,
                  std::uint64_t seed) {
  return run_folder(out_dir, game.label, algorithm.label) / (run_file_stem(seed) + ".csv");
}

// What the runs depend on, written to DIR/experiment.json so that --resume can refuse a
// folder made by another config (its runs would be kept and mixed in).
json runs_manifest(const ExperimentConfig& config) {
  json games = json::array(), algorithms = json::array();
  for (const ExperimentGame& g : config.games) games.push_back({{"game", g.spec}, {"label", g.label}});
  for (const ExperimentAlgorithm& a : config.algorithms)
    algorithms.push_back({{"solver", a.solver}, {"feedback", a.feedback}, {"label", a.label}, {"params", a.params}});
  return {{"games", games}, {"algorithms", algorithms}, {"iterations", config.iterations},
          {"checkpoints", config.checkpoints}};
}

void check_resumable(const fs::path& manifest_path, const json& manifest) {
  std::error_code ec;
  if (!fs::is_regular_file(manifest_path, ec)) return;
  std::ifstream in(manifest_path, std::ios::binary);
  const json found = json::parse(in, nullptr, false);
  if (found.is_discarded() || !found.is_object()) return;  // not ours to judge: rewritten below
  for (const char* key : {"games", "algorithms", "iterations", "checkpoints"}) {
    if (found.contains(key) && found.at(key) == manifest.at(key)) continue;
    throw UsageError("--resume: " + manifest_path.parent_path().string() +
                     " holds the runs of another config (its \"" + key +
                     "\" differ); resume with the same config, or use a new folder");
  }
}

// A run file that a resumed experiment keeps: it reads back with the expected metrics and
// every checkpoint.
bool run_file_complete(const fs::path& path, const std::vector<std::string>& metrics,
                       const std::vector<std::int64_t>& checkpoints) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  try {
    const Curve curve = read_curve_csv(path.string());
    if (curve.metrics != metrics || curve.rows.size() != checkpoints.size()) return false;
    for (std::size_t r = 0; r < checkpoints.size(); ++r)
      if (curve.rows[r].iteration != checkpoints[r]) return false;
    return true;
  } catch (const InputError&) {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Games and their memory.

struct PreparedGame {
  CompiledGame compiled;
};

PreparedGame prepare_game(const ExperimentConfig& config, std::size_t index, const std::string& file) {
  const ExperimentGame& game = config.games[index];
  const std::string pointer = "/games/" + std::to_string(index);
  const std::string spec = game_spec_beside_config(config.folder, game.spec);
  try {
    LoadedGame loaded = load_game(spec);
    PreparedGame prepared{compile(loaded.tree)};
    return prepared;
  } catch (const std::exception& e) {
    throw InputError(file, pointer, std::string("cannot load the game: ") + e.what());
  }
}

// The estimate of one run of `algorithm` on `game` (algorithms/run_memory.hpp).
MemoryEstimate estimate_experiment_run(const CompiledGame& game, const ExperimentAlgorithm& algorithm) {
  RunMemoryRequest request;
  request.solver = algorithm.solver;
  request.feedback = algorithm.feedback == "bandit" ? Feedback::bandit : Feedback::full;
  request.measure_mixture = true;  // whenever the learner plays one, which the probe finds later
  if (algorithm.params.contains("k") && algorithm.params["k"].is_number_integer())
    request.k = algorithm.params["k"].get<int>();
  return estimate_run_memory(game, request);
}

// The memory every run needs beside the games, which are held for the whole experiment.
struct ExperimentMemory {
  std::uint64_t games_bytes = 0;
  std::uint64_t largest_run = 1;
};

// Checks that a run of each (game, algorithm) pair fits in the budget beside every game;
// throws ResourceError when one does not.
ExperimentMemory check_experiment_memory(const ExperimentConfig& config, const std::vector<PreparedGame>& games,
                                         const MemoryBudget& budget) {
  ExperimentMemory memory;
  if (budget.bytes == 0) return memory;
  for (const PreparedGame& game : games)
    memory.games_bytes = saturating_add(memory.games_bytes, compiled_game_bytes(game.compiled));
  for (std::size_t g = 0; g < games.size(); ++g)
    for (const ExperimentAlgorithm& algorithm : config.algorithms) {
      const MemoryEstimate estimate = estimate_experiment_run(games[g].compiled, algorithm);
      MemoryEstimate whole;
      whole.add("the experiment's games", memory.games_bytes);
      std::uint64_t run = 0;
      for (const auto& part : estimate.parts())
        if (part.what != "game") {
          whole.add(part.what, part.bytes);
          run = saturating_add(run, part.bytes);
        }
      check_memory_budget(whole, budget, "a run of " + algorithm.label + " on " + config.games[g].label);
      memory.largest_run = std::max(memory.largest_run, run);
    }
  return memory;
}

// ---------------------------------------------------------------------------------------
// Probes.

RunOptions run_options(const ExperimentConfig& config, bool plays_mixture) {
  RunOptions options;
  options.iterations = config.iterations;
  options.checkpoints = config.checkpoints;
  // Nash learners that play a mixture have its gaps measured too, so that every learner of
  // a figure can be compared on the same gap.
  options.measure_mixture = plays_mixture;
  return options;
}

// What one (game, algorithm) pair's runs measure, found by a one-iteration probe.
struct PairShape {
  bool plays_mixture = false;
  std::vector<std::string> metrics;
};

PairShape probe_pair(const ExperimentConfig& config, const ExperimentOptions& options, const PreparedGame& game,
                     std::size_t g, std::size_t a, const std::string& file) {
  const ExperimentAlgorithm& algorithm = config.algorithms[a];
  try {
    std::unique_ptr<Solver> solver = options.factory(algorithm, game.compiled, config.seeds.front(), config.iterations);
    solver->step();
    PairShape shape;
    shape.plays_mixture = solver->played_profile() != nullptr;
    RunOptions probe = run_options(config, shape.plays_mixture);
    probe.iterations = 1;
    probe.checkpoints = 1;
    shape.metrics = run_solver(*solver, game.compiled, probe).curve.metrics;
    return shape;
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(file, "/algorithms/" + std::to_string(a),
                     "on game " + config.games[g].label + ": " + e.what());
  }
}

// Probes every algorithm on game g; throws InputError when none measures the config's metric.
std::vector<PairShape> probe_game(const ExperimentConfig& config, const ExperimentOptions& options,
                                  const PreparedGame& game, std::size_t g, const std::string& file) {
  std::vector<PairShape> shapes;
  bool measured = false;
  std::set<std::string> all_metrics;
  for (std::size_t a = 0; a < config.algorithms.size(); ++a) {
    shapes.push_back(probe_pair(config, options, game, g, a, file));
    const auto& m = shapes.back().metrics;
    measured |= std::find(m.begin(), m.end(), config.metric) != m.end();
    all_metrics.insert(m.begin(), m.end());
  }
  if (!measured) {
    std::string list;
    for (const std::string& m : all_metrics) list += (list.empty() ? "" : ", ") + m;
    throw InputError(file, "/metric",
                     "no algorithm measures \"" + config.metric + "\" on game " + config.games[g].label +
                         " (they measure " + list + ")");
  }
  return shapes;
}

// ---------------------------------------------------------------------------------------
// Runs.

void check_experiment_arguments(const ExperimentConfig& config, const ExperimentOptions& options) {
  if (options.out_dir.empty()) throw UsageError("run_experiment: no output folder");
  if (!options.factory) throw UsageError("run_experiment: no solver factory");
  if (config.games.empty() || config.algorithms.empty() || config.seeds.empty() || config.iterations < 1)
    throw UsageError("run_experiment: the config has an empty grid");
  if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count)
    throw UsageError("run_experiment: shard " + std::to_string(options.shard_index) + " of " +
                     std::to_string(options.shard_count) + " does not exist");
}

// Everything an experiment's runs need, checked before the first: a bad game, solver,
// parameter or metric, or a run over the memory budget, fails here.
struct PreparedExperiment {
  std::vector<PreparedGame> games;
  ExperimentMemory memory;
  std::vector<std::vector<PairShape>> shapes;  // per game, per algorithm
  std::vector<std::int64_t> checkpoints;
};

PreparedExperiment prepare_experiment(const ExperimentConfig& config, const std::string& config_file,
                                      const ExperimentOptions& options) {
  PreparedExperiment prepared;
  for (std::size_t g = 0; g < config.games.size(); ++g) prepared.games.push_back(prepare_game(config, g, config_file));
  prepared.memory = check_experiment_memory(config, prepared.games, options.memory_budget);
  for (std::size_t g = 0; g < prepared.games.size(); ++g)
    prepared.shapes.push_back(probe_game(config, options, prepared.games[g], g, config_file));
  prepared.checkpoints = checkpoint_iterations(config.iterations, config.checkpoints);
  return prepared;
}

// The runs of this shard still to make, in grid order; those kept by resume are counted.
std::vector<RunCell> runs_to_make(const ExperimentConfig& config, const ExperimentOptions& options,
                                  const PreparedExperiment& prepared, ExperimentReport& report) {
  const fs::path out_dir = options.out_dir;
  const RunGrid grid(config.games.size(), config.algorithms.size(), config.seeds.size());
  std::vector<RunCell> to_run;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if (!run_in_shard(i, options.shard_index, options.shard_count)) continue;
    const RunCell run = grid.cell(i);
    const fs::path path = run_path(out_dir, config.games[run.game], config.algorithms[run.algorithm], config.seeds[run.seed]);
    ++report.runs;
    fs::create_directories(path.parent_path());
    if (options.resume && run_file_complete(path, prepared.shapes[run.game][run.algorithm].metrics, prepared.checkpoints))
      ++report.runs_resumed;
    else
      to_run.push_back(run);
  }
  return to_run;
}

void make_runs(const ExperimentConfig& config, const ExperimentOptions& options, const PreparedExperiment& prepared,
               const std::vector<RunCell>& to_run, ExperimentReport& report) {
  const int concurrency =
      runs_at_a_time(options.memory_budget, prepared.memory.games_bytes, prepared.memory.largest_run);
  if (concurrency < tbb::this_task_arena::max_concurrency() && to_run.size() > static_cast<std::size_t>(concurrency))
    report.notes.push_back("the memory budget (" + options.memory_budget.origin + ") allows " +
                           std::to_string(concurrency) + " run(s) at a time");
  run_in_parallel(to_run.size(), concurrency, "experiment " + config.name, options.progress, options.on_run_done,
                  [&](std::size_t i) {
    if (options.should_stop && options.should_stop()) return;
    const RunCell& run = to_run[i];
    const PreparedGame& game = prepared.games[run.game];
    const ExperimentAlgorithm& algorithm = config.algorithms[run.algorithm];
    std::unique_ptr<Solver> solver =
        options.factory(algorithm, game.compiled, config.seeds[run.seed], config.iterations);
    RunOptions run_opts = run_options(config, prepared.shapes[run.game][run.algorithm].plays_mixture);
    run_opts.should_stop = options.should_stop;
    const RunResult result = run_solver(*solver, game.compiled, run_opts);
    if (result.interrupted) return;  // an unfinished run leaves no file
    write_run_curve(run_path(options.out_dir, config.games[run.game], algorithm, config.seeds[run.seed]), result.curve);
  });
}

}  // namespace

// ---------------------------------------------------------------------------------------

std::unique_ptr<Solver> make_experiment_solver(const ExperimentAlgorithm& algorithm, const CompiledGame& game, std::uint64_t seed, std::int64_t iterations) {
  if (algorithm.feedback != "full" && algorithm.feedback != "bandit")
    throw UsageError("unknown feedback \"" + algorithm.feedback + "\"");
  const Feedback feedback = algorithm.feedback == "bandit" ? Feedback::bandit : Feedback::full;
  return make_solver(solver_entry(algorithm.solver, GameKind::extensive, feedback), game, algorithm.params, seed,
                     iterations);
}

ExperimentReport run_experiment(const ExperimentConfig& config, const std::string& config_file,
                                const ExperimentOptions& options) {
  check_experiment_arguments(config, options);
  const fs::path out_dir = options.out_dir;
  const PreparedExperiment prepared = prepare_experiment(config, config_file, options);

  const json manifest = runs_manifest(config);
  if (options.resume) check_resumable(out_dir / "experiment.json", manifest);
  fs::create_directories(out_dir);
  if (options.shard_index == 0) write_experiment_manifest(out_dir, manifest);

  ExperimentReport report;
  const std::vector<RunCell> to_run = runs_to_make(config, options, prepared, report);
  make_runs(config, options, prepared, to_run, report);
  if (options.should_stop && options.should_stop()) {
    report.interrupted = true;
    return report;
  }
  if (options.shard_count > 1) return report;  // the summary comes from a final resumed run

  std::vector<std::int64_t> game_xa;
  for (const PreparedGame& game : prepared.games) game_xa.push_back(game_size_xa(game.compiled));
  const ExperimentFigures figures = summarise_experiment(config, out_dir, prepared.checkpoints, game_xa, report);
  if (options.plots) plot_experiment(config, out_dir, prepared.checkpoints, figures, report);
  write_experiment_tables(out_dir, config.games.size() >= 2, report);
  return report;
}

}  // namespace eqlab
