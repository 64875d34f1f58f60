// The Markov experiment engine (run_markov_experiment, sim/markov/markov_experiment.hpp):
// every game loads before any run, runs over the memory budget are refused, the grid runs
// in parallel, and the summary is made from the runs' curves. Its pieces: the config
// (sim/markov/markov_experiment_config.cpp), the summary, tables and plots
// (sim/markov/markov_experiment_summary.hpp), and what it shares with the extensive-form
// experiments (sim/experiment/: the run grid and its schedule, run files, tables;
// sim/statistics.hpp).
#include <eqlab/sim/markov/markov_experiment.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/experiment/config.hpp>
#include <eqlab/sim/experiment/run_files.hpp>
#include <eqlab/sim/experiment/schedule.hpp>
#include <eqlab/sim/markov/markov_experiment_summary.hpp>
#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>
#include <eqlab/sim/result_files.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

using MarkovModels = std::vector<std::unique_ptr<MarkovModel>>;

// Every game, loaded before any run so that a bad spec fails at once.
MarkovModels load_markov_models(const MarkovExperimentConfig& config) {
  MarkovModels models;
  for (std::size_t g = 0; g < config.games.size(); ++g) {
    try {
      models.push_back(load_markov_model(game_spec_beside_config(config.folder, config.games[g].spec)));
    } catch (const UnknownGameError&) {
      throw InputError(config.file, "/games/" + std::to_string(g),
                       "\"" + config.games[g].spec + "\" is not a Markov game: give a markov game file or a built-in " +
                           "(markov-random, markov-polymatrix, markov-congestion, markov-team, markov-cycle)");
    } catch (const std::runtime_error& e) {  // InputError (a bad game file), UsageError (bad parameters)
      throw InputError(config.file, "/games/" + std::to_string(g), e.what());
    }
  }
  return models;
}

// experiment.json: the config as run, with each game's model name.
json markov_manifest(const MarkovExperimentConfig& config, const MarkovModels& models) {
  json manifest = {{"type", "markov"}, {"name", config.name}, {"episodes", config.episodes},
                   {"checkpoints", config.checkpoints}, {"epsilon", config.epsilons}, {"metric", config.metric},
                   {"seeds", config.seeds}, {"x_label", config.x_label}};
  for (std::size_t g = 0; g < config.games.size(); ++g)
    manifest["games"].push_back({{"game", config.games[g].spec}, {"label", config.games[g].label},
                                 {"x", config.games[g].x}, {"name", models[g]->name()}});
  for (const MarkovExperimentAlgorithm& a : config.algorithms)
    manifest["algorithms"].push_back({{"solver", a.solver}, {"label", a.label}, {"params", a.params},
                                      {"episodes", a.episodes ? a.episodes : config.episodes}, {"fit", a.fit}});
  return manifest;
}

// --resume keeps the runs of the same config only: experiment.json must be the one this
// config writes, but for its seeds (another folder's runs would be mixed in; runs are
// kept by seed, so more seeds are fine).
void check_markov_resumable(const fs::path& manifest_path, json manifest) {
  std::error_code ec;
  if (!fs::is_regular_file(manifest_path, ec)) return;
  std::ifstream in(manifest_path, std::ios::binary);
  json found = json::parse(in, nullptr, false);
  if (found.is_object()) found.erase("seeds");
  manifest.erase("seeds");
  if (found == manifest) return;
  throw UsageError("--resume: " + manifest_path.parent_path().string() +
                   " holds the runs of another config (its experiment.json differs); resume with the same config, "
                   "or use a new folder");
}

// A run a resumed experiment keeps: a curve file with the Markov columns (it is written
// only when the run is over), or the reason the run was refused.
bool read_kept_markov_run(const fs::path& folder, const std::string& stem, MarkovRunRecord& record) {
  std::error_code ec;
  if (fs::is_regular_file(folder / (stem + ".csv"), ec)) {
    try {
      Curve curve = read_curve_csv((folder / (stem + ".csv")).string());
      if (curve.metrics != markov_curve_metrics() || curve.rows.empty()) return false;
      record.curve = std::move(curve);
      return true;
    } catch (const InputError&) {
      return false;
    }
  }
  if (fs::is_regular_file(folder / (stem + ".refused"), ec)) {
    std::ifstream in(folder / (stem + ".refused"), std::ios::binary);
    std::getline(in, record.refused);
    return !record.refused.empty();
  }
  return false;
}

// The memory budget: pairs whose run would not fit alone are refused (their reason, per
// pair), and at most as many runs go at once as the largest of the others allows.
struct MarkovMemoryPlan {
  std::vector<std::string> over_budget;
  std::uint64_t largest_run = 1;
};

MarkovMemoryPlan plan_markov_memory(const MarkovExperimentConfig& config, const MarkovModels& models,
                                    const RunGrid& grid, const MemoryBudget& budget) {
  MarkovMemoryPlan plan;
  plan.over_budget.resize(grid.pairs());
  for (std::size_t g = 0; g < grid.games() && budget.bytes > 0; ++g)
    for (std::size_t a = 0; a < grid.algorithms(); ++a) {
      const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
      const MemoryEstimate estimate =
          estimate_markov_run_memory(*models[g], algorithm.solver, markov_episode_budget(config, a));
      try {
        check_memory_budget(estimate, budget, "a run of " + algorithm.label + " on " + config.games[g].label);
        plan.largest_run = std::max(plan.largest_run, estimate.total());
      } catch (const ResourceError& e) {
        plan.over_budget[grid.pair_index(g, a)] = e.what();
      }
    }
  return plan;
}

// The solver of run (g, s) of `algorithm`, or none with the reason in `refused`.
std::unique_ptr<MarkovSolver> make_markov_run_solver(const MarkovExperimentConfig& config, const MarkovModels& models,
                                                     const MarkovExperimentAlgorithm& algorithm, std::size_t g,
                                                     std::size_t s, std::int64_t episodes, std::string& refused) {
  std::unique_ptr<MarkovSolver> solver;
  try {
    solver = make_markov_solver(algorithm.solver, *models[g], algorithm.params, config.seeds[s], episodes);
  } catch (const UsageError& e) {
    refused = e.what();
  }
  return solver;
}

// One run: its curve written as runs/<game>/<label>/seed-<s>.csv, or the reason it was
// refused as seed-<s>.refused. Returns whether the run was kept from before (resume).
bool make_markov_run(const MarkovExperimentConfig& config, const MarkovModels& models, const MarkovMemoryPlan& memory,
                     const fs::path& out, const RunGrid& grid, std::size_t r, const MarkovExperimentOptions& options,
                     MarkovRunRecord& record) {
  const auto [g, a, s] = grid.cell(r);
  const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
  const std::int64_t episodes = markov_episode_budget(config, a);
  const fs::path folder = run_folder(out, config.games[g].label, algorithm.label);
  fs::create_directories(folder);
  const std::string stem = run_file_stem(config.seeds[s]);
  if (options.resume && read_kept_markov_run(folder, stem, record)) return true;
  if (options.should_stop && options.should_stop()) return false;
  std::unique_ptr<MarkovSolver> solver;
  if (!memory.over_budget[grid.pair_index(g, a)].empty())
    record.refused = memory.over_budget[grid.pair_index(g, a)];
  else
    solver = make_markov_run_solver(config, models, algorithm, g, s, episodes, record.refused);
  if (!solver) {
    write_file_atomically(folder / (stem + ".refused"), [&](std::ostream& o) { o << record.refused << "\n"; });
    return false;
  }
  MarkovRunOptions run;
  run.episodes = episodes;
  run.checkpoints = config.checkpoints;
  run.ce_bound = solver->solution_concept() == Concept::ce || config.metric == "ce_gap_upper";
  run.lower_bound = config.metric == "cce_gap_lower";
  run.should_stop = options.should_stop;
  MarkovRunResult result = run_markov_solver(*solver, *models[g], run);
  if (result.interrupted) return false;  // an unfinished run leaves no file
  record.curve = std::move(result.curve);
  write_run_curve(folder / (stem + ".csv"), record.curve);
  return false;
}

}  // namespace

MarkovExperimentReport run_markov_experiment(const MarkovExperimentConfig& config,
                                             const MarkovExperimentOptions& options) {
  MarkovExperimentReport report;
  const fs::path out(options.out_dir);
  fs::create_directories(out);
  const MarkovModels models = load_markov_models(config);
  const json manifest = markov_manifest(config, models);
  if (options.resume) check_markov_resumable(out / "experiment.json", manifest);
  write_experiment_manifest(out, manifest);

  MarkovExperimentRuns runs{RunGrid(config.games.size(), config.algorithms.size(), config.seeds.size()), {}};
  const RunGrid& grid = runs.grid;
  report.runs = static_cast<int>(grid.size());
  runs.records.resize(grid.size());
  const MarkovMemoryPlan memory = plan_markov_memory(config, models, grid, options.memory_budget);
  std::atomic<int> kept{0};
  run_in_parallel(grid.size(), runs_at_a_time(options.memory_budget, 0, memory.largest_run),
                  "markov experiment: runs", options.progress, options.on_run_done, [&](std::size_t r) {
                    if (make_markov_run(config, models, memory, out, grid, r, options, runs.records[r])) ++kept;
                  });
  report.runs_resumed = kept.load();
  if (options.should_stop && options.should_stop()) {
    report.interrupted = true;
    return report;
  }

  write_markov_summary_table(config, runs, out, report);
  summarise_markov_episodes(config, runs, report);
  write_markov_tables(out, report);
  if (!options.plots) return report;
  std::vector<std::string> game_names;
  for (const std::unique_ptr<MarkovModel>& model : models) game_names.push_back(model->name());
  plot_markov_experiment(config, runs, game_names, out, report);
  return report;
}

}  // namespace eqlab
