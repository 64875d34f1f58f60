#include <eqlab/sim/experiment.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/number.hpp>
#include <eqlab/lib/progress.hpp>
#include <eqlab/sim/bandit_solver.hpp>
#include <eqlab/sim/config_members.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_files.hpp>
#include <eqlab/sim/run_memory.hpp>
#include <eqlab/sim/runner.hpp>
#include <eqlab/sim/size_plot.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------
// The config file.

bool is_label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '+' || c == '-';
}

// A folder name for a game spec: "kuhn(players=3)" is "kuhn_players_3"; a file is its stem.
std::string default_game_label(const std::string& spec) {
  std::string base = spec;
  const bool looks_like_file = spec.find('/') != std::string::npos || spec.ends_with(".json") ||
                               spec.ends_with(".efg") || spec.ends_with(".nfg");
  if (looks_like_file) base = fs::path(spec).stem().string();
  std::string label;
  for (char c : base) {
    const char kept = is_label_char(c) ? c : '_';
    if (kept == '_' && !label.empty() && label.back() == '_') continue;
    label += kept;
  }
  while (!label.empty() && label.back() == '_') label.pop_back();
  return label;
}

void check_label(const std::string& label, const std::string& file, const std::string& pointer) {
  if (label.empty() || label == "." || label == ".." || !std::all_of(label.begin(), label.end(), is_label_char))
    throw InputError(file, pointer,
                     "a label is a folder name: letters, digits and the characters . _ + - only, not \"" + label +
                         "\"");
}

std::string text_member(const json& object, const std::string& key, const std::string& file,
                        const std::string& pointer) {
  const json& v = object.at(key);
  if (!v.is_string() || v.get<std::string>().empty())
    throw InputError(file, pointer + "/" + key, "must be a non-empty string");
  return v.get<std::string>();
}

std::int64_t integer_member(const json& object, const std::string& key, std::int64_t min, std::int64_t max,
                            const std::string& file, const std::string& pointer) {
  const json& v = object.at(key);
  if (!v.is_number_integer())
    throw InputError(file, pointer + "/" + key, "must be a whole number");
  const bool in_range = v.is_number_unsigned()
                            ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
                                  static_cast<std::int64_t>(v.get<std::uint64_t>()) >= min
                            : v.get<std::int64_t>() >= min && v.get<std::int64_t>() <= max;
  if (!in_range)
    throw InputError(file, pointer + "/" + key,
                     "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return v.get<std::int64_t>();
}

std::vector<ExperimentGame> parse_games(const json& doc, const std::string& file) {
  const json& games = doc.at("games");
  if (!games.is_array() || games.empty())
    throw InputError(file, "/games", "must be a non-empty array of game specs or files");
  std::vector<ExperimentGame> out;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < games.size(); ++i) {
    const std::string pointer = "/games/" + std::to_string(i);
    const json& entry = games[i];
    ExperimentGame game;
    bool label_given = false;
    if (entry.is_string()) {
      game.spec = entry.get<std::string>();
      if (game.spec.empty()) throw InputError(file, pointer, "must be a game spec or file, not empty");
    } else if (entry.is_object()) {
      check_config_members(entry, {"game", "label"}, file, pointer);
      if (!entry.contains("game")) throw InputError(file, pointer, "missing member \"game\"");
      game.spec = text_member(entry, "game", file, pointer);
      if (entry.contains("label")) {
        game.label = text_member(entry, "label", file, pointer);
        label_given = true;
      }
    } else {
      throw InputError(file, pointer, "must be a game spec or file, or {\"game\": ..., \"label\": ...}");
    }
    if (!label_given) game.label = default_game_label(game.spec);
    const std::string label_pointer = label_given ? pointer + "/label" : pointer;
    check_label(game.label, file, label_pointer);
    if (auto [it, fresh] = seen.emplace(game.label, i); !fresh)
      throw InputError(file, label_pointer,
                       "the label \"" + game.label + "\" is taken by /games/" + std::to_string(it->second) +
                           " (give each game a distinct \"label\")");
    out.push_back(std::move(game));
  }
  return out;
}

std::vector<ExperimentAlgorithm> parse_algorithms(const json& doc, const std::string& file) {
  const json& algorithms = doc.at("algorithms");
  if (!algorithms.is_array() || algorithms.empty())
    throw InputError(file, "/algorithms", "must be a non-empty array of {\"solver\": ...} objects");
  std::vector<ExperimentAlgorithm> out;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < algorithms.size(); ++i) {
    const std::string pointer = "/algorithms/" + std::to_string(i);
    const json& entry = algorithms[i];
    if (!entry.is_object()) throw InputError(file, pointer, "must be an object {\"solver\": NAME, ...}");
    check_config_members(entry, {"solver", "feedback", "label", "params"}, file, pointer);
    if (!entry.contains("solver")) throw InputError(file, pointer, "missing member \"solver\"");
    ExperimentAlgorithm algorithm;
    algorithm.solver = text_member(entry, "solver", file, pointer);
    if (entry.contains("feedback")) {
      algorithm.feedback = text_member(entry, "feedback", file, pointer);
      if (algorithm.feedback != "full" && algorithm.feedback != "bandit")
        throw InputError(file, pointer + "/feedback",
                         "must be \"full\" or \"bandit\", not \"" + algorithm.feedback + "\"");
    }
    std::vector<std::string> names;
    if (algorithm.feedback == "full")
      for (const SolverInfo& s : solver_list()) names.push_back(s.name);
    else
      for (const BanditSolverInfo& s : bandit_solver_list()) names.push_back(s.name);
    if (std::find(names.begin(), names.end(), algorithm.solver) == names.end()) {
      std::string known;
      for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
      throw InputError(file, pointer + "/solver",
                       "unknown " + algorithm.feedback + "-feedback solver \"" + algorithm.solver + "\" (known: " +
                           known + ")");
    }
    const bool label_given = entry.contains("label");
    algorithm.label = label_given ? text_member(entry, "label", file, pointer) : algorithm.solver;
    const std::string label_pointer = pointer + (label_given ? "/label" : "/solver");
    check_label(algorithm.label, file, label_pointer);
    if (auto [it, fresh] = seen.emplace(algorithm.label, i); !fresh)
      throw InputError(file, label_pointer,
                       "the label \"" + algorithm.label + "\" is taken by /algorithms/" + std::to_string(it->second) +
                           " (give each algorithm a distinct \"label\")");
    if (entry.contains("params")) {
      if (!entry.at("params").is_object())
        throw InputError(file, pointer + "/params", "must be an object of solver parameters");
      algorithm.params = entry.at("params");
    }
    out.push_back(std::move(algorithm));
  }
  return out;
}

std::vector<std::uint64_t> parse_seeds(const json& doc, const std::string& file) {
  const json& seeds = doc.at("seeds");
  std::vector<std::uint64_t> out;
  if (seeds.is_number_integer()) {
    const std::int64_t n = integer_member(doc, "seeds", 1, 100000, file, "");
    for (std::int64_t s = 0; s < n; ++s) out.push_back(static_cast<std::uint64_t>(s));
    return out;
  }
  if (!seeds.is_array() || seeds.empty())
    throw InputError(file, "/seeds", "must be a number of seeds N (0..N-1) or a non-empty array of seeds");
  std::set<std::uint64_t> seen;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    const json& s = seeds[i];
    const std::string pointer = "/seeds/" + std::to_string(i);
    if (!s.is_number_unsigned() && !(s.is_number_integer() && s.get<std::int64_t>() >= 0))
      throw InputError(file, pointer, "a seed must be a non-negative whole number");
    const std::uint64_t seed = s.get<std::uint64_t>();
    if (!seen.insert(seed).second) throw InputError(file, pointer, "the seed " + std::to_string(seed) + " is repeated");
    out.push_back(seed);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Files.


fs::path run_path(const fs::path& out_dir, const ExperimentGame& game, const ExperimentAlgorithm& algorithm,
                  std::uint64_t seed) {
  return out_dir / "runs" / game.label / algorithm.label / ("seed-" + std::to_string(seed) + ".csv");
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

// ---------------------------------------------------------------------------------------
// Games and runs.

struct PreparedGame {
  CompiledGame compiled;
  bool normal_form = false;
};

PreparedGame prepare_game(const ExperimentConfig& config, std::size_t index, const std::string& file) {
  const ExperimentGame& game = config.games[index];
  const std::string pointer = "/games/" + std::to_string(index);
  std::string spec = game.spec;
  // A relative file is looked up beside the config first, so configs travel with their games.
  if (!config.folder.empty() && fs::path(spec).is_relative()) {
    std::error_code ec;
    const fs::path beside = fs::path(config.folder) / spec;
    if (fs::is_regular_file(beside, ec)) spec = beside.string();
  }
  try {
    LoadedGame loaded = load_game(spec);
    PreparedGame prepared{compile(loaded.tree), loaded.normal.has_value()};
    return prepared;
  } catch (const std::exception& e) {
    throw InputError(file, pointer, std::string("cannot load the game: ") + e.what());
  }
}

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
    std::unique_ptr<Solver> solver = options.factory(algorithm, game.compiled, game.normal_form, config.seeds.front(), config.iterations);
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

// How many runs fit in the memory budget at once beside the games, from the largest
// estimate of any (game, algorithm) pair; throws ResourceError when not even one does.
std::size_t runs_that_fit(const ExperimentConfig& config, const std::vector<PreparedGame>& games,
                          const MemoryBudget& budget) {
  if (budget.bytes == 0) return std::numeric_limits<std::size_t>::max();
  std::uint64_t games_bytes = 0;
  for (const PreparedGame& game : games) games_bytes = saturating_add(games_bytes, compiled_game_bytes(game.compiled));
  std::uint64_t largest_run = 1;
  for (std::size_t g = 0; g < games.size(); ++g)
    for (const ExperimentAlgorithm& algorithm : config.algorithms) {
      RunMemoryRequest request;
      request.solver = algorithm.solver;
      request.bandit = algorithm.feedback == "bandit";
      request.measure_mixture = true;  // whenever the learner plays one, which the probe finds later
      if (algorithm.params.contains("k") && algorithm.params["k"].is_number_integer())
        request.k = algorithm.params["k"].get<int>();
      MemoryEstimate estimate = estimate_run_memory(games[g].compiled, request);
      // Every game is held for the whole experiment, not only this run's.
      MemoryEstimate whole;
      whole.add("the experiment's games", games_bytes);
      std::uint64_t run = 0;
      for (const auto& part : estimate.parts())
        if (part.what != "game") {
          whole.add(part.what, part.bytes);
          run = saturating_add(run, part.bytes);
        }
      check_memory_budget(whole, budget, "a run of " + algorithm.label + " on " + config.games[g].label);
      largest_run = std::max(largest_run, run);
    }
  return std::max<std::size_t>(1, static_cast<std::size_t>((budget.bytes - games_bytes) / largest_run));
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
// Summary.

// A cell of the summary: the mean of `values` over seeds and its 95% interval.
SummaryRow summarise(const std::vector<double>& values) {
  const MeanInterval m = mean_interval_95(values);
  SummaryRow row;
  row.seeds = m.samples;
  row.mean = m.mean;
  row.sd = m.sd;
  row.low = m.low;
  row.high = m.high;
  return row;
}

// ---------------------------------------------------------------------------------------
// Fits.

// The rows that the rates are fitted on: the last two decades of checkpoints
// (T >= last T / 100), where the metric is positive and finite.
std::vector<std::size_t> fit_window(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric) {
  std::vector<std::size_t> rows;
  if (iterations.empty() || iterations.size() != metric.size()) return rows;
  const double last = static_cast<double>(iterations.back());
  for (std::size_t r = 0; r < iterations.size(); ++r) {
    const double t = static_cast<double>(iterations[r]);
    if (t * 100.0 < last || !(metric[r] > 0.0) || !std::isfinite(metric[r])) continue;
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

// ---------------------------------------------------------------------------------------

ExperimentConfig parse_experiment_config(const json& doc, const std::string& file) {
  if (!doc.is_object()) throw InputError(file, "", "an experiment config must be a JSON object");
  check_config_members(doc, {"name", "games", "algorithms", "seeds", "iterations", "checkpoints", "metric"}, file, "");
  for (const char* required : {"games", "algorithms", "seeds", "iterations"})
    if (!doc.contains(required)) throw InputError(file, "", std::string("missing member \"") + required + "\"");
  ExperimentConfig config;
  if (doc.contains("name")) config.name = text_member(doc, "name", file, "");
  config.games = parse_games(doc, file);
  config.algorithms = parse_algorithms(doc, file);
  config.seeds = parse_seeds(doc, file);
  config.iterations = integer_member(doc, "iterations", 1, std::int64_t{1} << 40, file, "");
  if (doc.contains("checkpoints"))
    config.checkpoints = static_cast<int>(integer_member(doc, "checkpoints", 2, 10000, file, ""));
  if (doc.contains("metric")) config.metric = text_member(doc, "metric", file, "");
  return config;
}

ExperimentConfig load_experiment_config(const std::string& path) {
  // The same size and nesting limits as game files, checked before parsing; a number too
  // large for a double is invalid JSON like any other.
  ExperimentConfig config = parse_experiment_config(json_reading::parse_document(read_input_file(path), path, {}), path);
  config.folder = fs::path(path).parent_path().string();
  if (config.name.empty()) config.name = fs::path(path).stem().string();
  return config;
}

std::unique_ptr<Solver> make_experiment_solver(const ExperimentAlgorithm& algorithm, const CompiledGame& game,
                                               bool normal_form, std::uint64_t seed, std::int64_t iterations) {
  SolverOptions options;
  options.seed = seed;
  options.extra = algorithm.params;
  if (algorithm.feedback == "bandit") return make_bandit_solver(algorithm.solver, game, options, iterations);
  if (algorithm.feedback != "full") throw UsageError("unknown feedback \"" + algorithm.feedback + "\"");
  return make_solver(algorithm.solver, game, options, normal_form);
}

std::int64_t game_size_xa(const CompiledGame& game) {
  std::int64_t most = 0;
  for (const Treeplex& t : game.treeplex) most = std::max<std::int64_t>(most, t.num_sequences() - 1);
  return most;
}

RateRow fit_regret_rate(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric) {
  RateRow rate;
  rate.slope = kNaN;
  std::vector<double> xs, ys;
  for (std::size_t r : fit_window(iterations, metric)) {
    const double t = static_cast<double>(iterations[r]);
    if (xs.empty()) rate.first_iteration = iterations[r];
    rate.last_iteration = iterations[r];
    xs.push_back(std::log(t));
    ys.push_back(std::log(metric[r] * t));
  }
  rate.points = static_cast<int>(xs.size());
  rate.slope = least_squares_slope(xs, ys);
  return rate;
}

EpisodesFit fit_episodes_to_epsilon(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric) {
  EpisodesFit fit;
  fit.slope = kNaN;
  const std::vector<std::size_t> window = fit_window(iterations, metric);
  if (window.size() < 2) return fit;
  // Logs of the window's checkpoints and values, where the interpolation is linear.
  std::vector<double> log_t, log_m;
  for (std::size_t r : window) {
    log_t.push_back(std::log(static_cast<double>(iterations[r])));
    log_m.push_back(std::log(metric[r]));
  }
  const double start = log_m.front(), end = log_m.back();
  if (!(end < start)) return fit;
  std::vector<double> xs, ys;
  for (int j = 0; j < kEpsilonGridPoints; ++j) {
    // The ends exactly, so that the last ε is reached at the last checkpoint at the latest.
    const double log_eps = j == 0                          ? start
                           : j == kEpsilonGridPoints - 1 ? end
                                                         : start + (end - start) * j / (kEpsilonGridPoints - 1);
    std::size_t i = 0;
    while (i + 1 < log_m.size() && log_m[i] > log_eps) ++i;  // the last value is <= every ε
    double log_reached = log_t[i];
    if (i > 0) {
      // log_m[i - 1] > log_eps >= log_m[i]: the straight line between them on log-log axes.
      const double share = (log_eps - log_m[i - 1]) / (log_m[i] - log_m[i - 1]);
      log_reached = log_t[i - 1] + share * (log_t[i] - log_t[i - 1]);
    }
    xs.push_back(-log_eps);
    ys.push_back(log_reached);
  }
  fit.points = static_cast<int>(xs.size());
  fit.slope = least_squares_slope(xs, ys);
  return fit;
}

ExperimentReport run_experiment(const ExperimentConfig& config, const std::string& config_file,
                                const ExperimentOptions& options) {
  if (options.out_dir.empty()) throw UsageError("run_experiment: no output folder");
  if (!options.factory) throw UsageError("run_experiment: no solver factory");
  if (config.games.empty() || config.algorithms.empty() || config.seeds.empty() || config.iterations < 1)
    throw UsageError("run_experiment: the config has an empty grid");
  if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count)
    throw UsageError("run_experiment: shard " + std::to_string(options.shard_index) + " of " +
                     std::to_string(options.shard_count) + " does not exist");
  const fs::path out_dir = options.out_dir;

  // Everything that can fail on bad input fails here, before the first run.
  std::vector<PreparedGame> games;
  for (std::size_t g = 0; g < config.games.size(); ++g) games.push_back(prepare_game(config, g, config_file));
  const std::size_t runs_at_a_time = runs_that_fit(config, games, options.memory_budget);
  std::vector<std::vector<PairShape>> shapes(games.size());
  for (std::size_t g = 0; g < games.size(); ++g) {
    bool measured = false;
    std::set<std::string> all_metrics;
    for (std::size_t a = 0; a < config.algorithms.size(); ++a) {
      shapes[g].push_back(probe_pair(config, options, games[g], g, a, config_file));
      const auto& m = shapes[g].back().metrics;
      measured |= std::find(m.begin(), m.end(), config.metric) != m.end();
      all_metrics.insert(m.begin(), m.end());
    }
    if (!measured) {
      std::string list;
      for (const std::string& m : all_metrics) list += (list.empty() ? "" : ", ") + m;
      throw InputError(config_file, "/metric",
                       "no algorithm measures \"" + config.metric + "\" on game " + config.games[g].label +
                           " (they measure " + list + ")");
    }
  }
  const std::vector<std::int64_t> checkpoints = checkpoint_iterations(config.iterations, config.checkpoints);

  // The grid in a fixed order: game, algorithm, seed.
  struct Task {
    std::size_t game, algorithm, seed;
    fs::path path;
  };
  std::vector<Task> tasks, to_run;
  for (std::size_t g = 0; g < games.size(); ++g)
    for (std::size_t a = 0; a < config.algorithms.size(); ++a)
      for (std::size_t s = 0; s < config.seeds.size(); ++s)
        tasks.push_back({g, a, s, run_path(out_dir, config.games[g], config.algorithms[a], config.seeds[s])});
  const json manifest = runs_manifest(config);
  if (options.resume) check_resumable(out_dir / "experiment.json", manifest);
  fs::create_directories(out_dir);
  if (options.shard_index == 0)
    write_file_atomically(out_dir / "experiment.json", [&](std::ostream& out) { out << manifest.dump(2) << '\n'; });

  const bool sharded = options.shard_count > 1;
  ExperimentReport report;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(options.shard_count)) != options.shard_index) continue;
    const Task& task = tasks[i];
    ++report.runs;
    fs::create_directories(task.path.parent_path());
    if (options.resume && run_file_complete(task.path, shapes[task.game][task.algorithm].metrics, checkpoints))
      ++report.runs_resumed;
    else
      to_run.push_back(task);
  }

  ProgressBar bar("experiment " + config.name, static_cast<std::int64_t>(to_run.size()), options.progress);
  std::mutex bar_mutex;
  std::atomic<std::int64_t> finished{0};
  // One run per task; a run's own loops may use TBB as well. A run depends on its seed
  // alone, so the files do not depend on the thread count or the order runs finish in.
  // The arena holds at most the runs the memory budget allows at once.
  const int concurrency = static_cast<int>(std::min<std::size_t>(
      runs_at_a_time, static_cast<std::size_t>(tbb::this_task_arena::max_concurrency())));
  if (concurrency < tbb::this_task_arena::max_concurrency() && to_run.size() > static_cast<std::size_t>(concurrency))
    report.notes.push_back("the memory budget (" + options.memory_budget.origin + ") allows " +
                           std::to_string(concurrency) + " run(s) at a time");
  tbb::task_arena arena(std::max(1, concurrency));
  arena.execute([&] { tbb::parallel_for(std::size_t{0}, to_run.size(), [&](std::size_t i) {
    const Task& task = to_run[i];
    const PreparedGame& game = games[task.game];
    const ExperimentAlgorithm& algorithm = config.algorithms[task.algorithm];
    std::unique_ptr<Solver> solver =
        options.factory(algorithm, game.compiled, game.normal_form, config.seeds[task.seed], config.iterations);
    const RunResult result = run_solver(
        *solver, game.compiled, run_options(config, shapes[task.game][task.algorithm].plays_mixture));
    write_file_atomically(task.path, [&](std::ostream& out) { write_curve_csv(result.curve, out); });
    const std::int64_t done = ++finished;
    std::lock_guard lock(bar_mutex);
    bar.update(done);
  }); });
  bar.finish();
  if (sharded) return report;

  // The summary reads the run files back, so that a resumed experiment and a fresh one
  // summarise the same numbers (the files hold every double exactly).
  std::vector<LabelledCurve> figure;
  std::vector<std::pair<std::size_t, SizeRow>> size_cells;  // with the algorithm's index
  for (std::size_t g = 0; g < games.size(); ++g) {
    figure.clear();
    for (std::size_t a = 0; a < config.algorithms.size(); ++a) {
      std::vector<Curve> runs;
      for (std::size_t s = 0; s < config.seeds.size(); ++s)
        runs.push_back(read_curve_csv(run_path(out_dir, config.games[g], config.algorithms[a], config.seeds[s]).string()));
      const std::vector<std::string>& metrics = runs.front().metrics;
      Curve band({config.metric, config.metric + "_low", config.metric + "_high"});
      std::vector<double> fitted_mean;
      for (std::size_t k = 0; k < metrics.size(); ++k) {
        for (std::size_t r = 0; r < checkpoints.size(); ++r) {
          std::vector<double> values;
          for (const Curve& run : runs) values.push_back(run.rows[r].values[k]);
          SummaryRow row = summarise(values);
          row.game = config.games[g].label;
          row.label = config.algorithms[a].label;
          row.metric = metrics[k];
          row.iteration = checkpoints[r];
          if (row.metric == config.metric) {
            band.add_row(row.iteration, {row.mean, row.low, row.high});
            fitted_mean.push_back(row.mean);
          }
          report.summary.push_back(std::move(row));
        }
      }
      if (fitted_mean.empty()) continue;
      RateRow rate = fit_regret_rate(checkpoints, fitted_mean);
      // The spread of the rate: one fit per seed, summarised like the metrics.
      const EpisodesFit episodes = fit_episodes_to_epsilon(checkpoints, fitted_mean);
      rate.eps_points = episodes.points;
      rate.eps_slope = episodes.slope;
      std::vector<double> seed_slopes, seed_eps_slopes;
      const int k = runs.front().metric_index(config.metric);
      for (const Curve& run : runs) {
        std::vector<double> column;
        for (const Curve::Row& row : run.rows) column.push_back(row.values[k]);
        seed_slopes.push_back(fit_regret_rate(checkpoints, column).slope);
        seed_eps_slopes.push_back(fit_episodes_to_epsilon(checkpoints, column).slope);
      }
      const SummaryRow spread = summarise(seed_slopes);
      rate.seed_slopes = spread.seeds;
      rate.seed_slope_mean = spread.mean;
      rate.seed_slope_low = spread.low;
      rate.seed_slope_high = spread.high;
      const SummaryRow eps_spread = summarise(seed_eps_slopes);
      rate.eps_seed_slopes = eps_spread.seeds;
      rate.eps_seed_mean = eps_spread.mean;
      rate.eps_seed_low = eps_spread.low;
      rate.eps_seed_high = eps_spread.high;
      if (games.size() >= 2) {
        // The regret at the last checkpoint, seed by seed, then over seeds.
        std::vector<double> final_regrets;
        const double horizon = static_cast<double>(checkpoints.back());
        for (const Curve& run : runs) final_regrets.push_back(run.rows.back().values[k] * horizon);
        const SummaryRow finals = summarise(final_regrets);
        SizeRow size;
        size.game = config.games[g].label;
        size.label = config.algorithms[a].label;
        size.metric = config.metric;
        size.xa = game_size_xa(games[g].compiled);
        size.sqrt_xa = std::sqrt(static_cast<double>(size.xa));
        size.final_iteration = checkpoints.back();
        size.final_regret_mean = finals.mean;
        size.final_regret_low = finals.low;
        size.final_regret_high = finals.high;
        size_cells.emplace_back(a, std::move(size));
      }
      rate.game = config.games[g].label;
      rate.label = config.algorithms[a].label;
      rate.metric = config.metric;
      report.rates.push_back(std::move(rate));
      figure.push_back({config.algorithms[a].label, std::move(band)});
    }
    if (!options.plots) continue;
    if (find_program("gnuplot").empty()) {
      if (g == 0) report.notes.push_back("gnuplot not found: plots not drawn (install the gnuplot-nox package)");
      continue;
    }
    fs::create_directories(out_dir / "plots");
    PlotOptions plot;
    plot.title = config.name + ": " + config.games[g].label + " (mean over " + std::to_string(config.seeds.size()) +
                 " seeds, 95% interval)";
    plot.metrics = {config.metric};
    plot.y_label = config.metric;
    plot.bands = true;
    // With bandit feedback an iteration is one sampled episode.
    const bool all_bandit = std::all_of(config.algorithms.begin(), config.algorithms.end(),
                                        [](const ExperimentAlgorithm& a) { return a.feedback == "bandit"; });
    plot.x_label = all_bandit ? "episodes" : "iteration";
    for (PlotFormat format : {PlotFormat::png, PlotFormat::svg}) {
      plot.format = format;
      const fs::path path = out_dir / "plots" / (config.games[g].label + (format == PlotFormat::png ? ".png" : ".svg"));
      const std::string partial = path.string() + ".partial";
      try {
        plot_curves(figure, partial, plot);
      } catch (const std::invalid_argument& e) {
        report.notes.push_back("plot of " + config.games[g].label + " not drawn: " + e.what());
        break;
      }
      fs::rename(partial, path);
      report.files.push_back(path.string());
    }
  }

  // Regret against game size, per algorithm: its games in config order, then the fit.
  std::stable_sort(size_cells.begin(), size_cells.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [a, row] : size_cells) report.sizes.push_back(std::move(row));
  std::vector<SizeSeries> size_figure;
  for (std::size_t a = 0; a < config.algorithms.size() && games.size() >= 2; ++a) {
    SizeRateRow fit;
    fit.label = config.algorithms[a].label;
    fit.metric = config.metric;
    SizeSeries line;
    line.label = fit.label;
    std::vector<double> xs, ys;
    for (const SizeRow& row : report.sizes) {
      if (row.label != fit.label) continue;
      line.x.push_back(row.sqrt_xa);
      line.y.push_back(row.final_regret_mean);
      line.low.push_back(row.final_regret_low);
      line.high.push_back(row.final_regret_high);
      if (!(row.final_regret_mean > 0.0) || !std::isfinite(row.final_regret_mean) || row.xa < 1) continue;
      xs.push_back(std::log(row.sqrt_xa));
      ys.push_back(std::log(row.final_regret_mean));
    }
    if (line.x.empty()) continue;  // the algorithm does not measure the metric
    fit.games = static_cast<int>(xs.size());
    fit.slope = least_squares_slope(xs, ys);
    report.size_rates.push_back(std::move(fit));
    size_figure.push_back(std::move(line));
  }
  if (options.plots && !size_figure.empty() && !find_program("gnuplot").empty()) {
    fs::create_directories(out_dir / "plots");
    SizePlotOptions plot;
    plot.title = config.name + ": final regret (" + config.metric + " x T at T = " +
                 std::to_string(checkpoints.back()) + ") against sqrt(XA), mean over " +
                 std::to_string(config.seeds.size()) + " seeds, 95% interval";
    plot.y_label = "final regret, " + config.metric + " x T";
    for (PlotFormat format : {PlotFormat::png, PlotFormat::svg}) {
      plot.format = format;
      const fs::path path = out_dir / "plots" / (format == PlotFormat::png ? "size.png" : "size.svg");
      const std::string partial = path.string() + ".partial";
      try {
        plot_size_scaling(size_figure, partial, plot);
      } catch (const std::invalid_argument& e) {
        report.notes.push_back(std::string("size plot not drawn: ") + e.what());
        break;
      }
      fs::rename(partial, path);
      report.files.push_back(path.string());
    }
  }

  const fs::path summary_path = out_dir / "summary.csv";
  write_file_atomically(summary_path, [&](std::ostream& out) {
    out << "game,label,metric,iteration,seeds,mean,sd,low,high\n";
    for (const SummaryRow& row : report.summary)
      out << row.game << ',' << row.label << ',' << row.metric << ',' << row.iteration << ',' << row.seeds << ','
          << exact_number_text(row.mean) << ',' << exact_number_text(row.sd) << ',' << exact_number_text(row.low) << ','
          << exact_number_text(row.high) << '\n';
  });
  const fs::path rates_path = out_dir / "rates.csv";
  write_file_atomically(rates_path, [&](std::ostream& out) {
    out << "game,label,metric,points,first_iteration,last_iteration,slope,theory,seed_slopes,seed_slope_mean,"
           "seed_slope_low,seed_slope_high,eps_points,eps_slope,eps_theory,eps_seed_slopes,eps_seed_mean,"
           "eps_seed_low,eps_seed_high\n";
    for (const RateRow& rate : report.rates)
      out << rate.game << ',' << rate.label << ',' << rate.metric << ',' << rate.points << ',' << rate.first_iteration
          << ',' << rate.last_iteration << ',' << exact_number_text(rate.slope) << ',' << exact_number_text(rate.theory) << ','
          << rate.seed_slopes << ',' << exact_number_text(rate.seed_slope_mean) << ',' << exact_number_text(rate.seed_slope_low)
          << ',' << exact_number_text(rate.seed_slope_high) << ',' << rate.eps_points << ','
          << exact_number_text(rate.eps_slope) << ',' << exact_number_text(rate.eps_theory) << ',' << rate.eps_seed_slopes << ','
          << exact_number_text(rate.eps_seed_mean) << ',' << exact_number_text(rate.eps_seed_low) << ','
          << exact_number_text(rate.eps_seed_high) << '\n';
  });
  std::vector<std::string> tables{summary_path.string(), rates_path.string()};
  if (games.size() >= 2) {
    const fs::path sizes_path = out_dir / "sizes.csv", size_rates_path = out_dir / "size_rates.csv";
    write_file_atomically(sizes_path, [&](std::ostream& out) {
      out << "game,label,metric,xa,sqrt_xa,final_iteration,final_regret_mean,final_regret_low,final_regret_high\n";
      for (const SizeRow& row : report.sizes)
        out << row.game << ',' << row.label << ',' << row.metric << ',' << row.xa << ',' << exact_number_text(row.sqrt_xa)
            << ',' << row.final_iteration << ',' << exact_number_text(row.final_regret_mean) << ','
            << exact_number_text(row.final_regret_low) << ',' << exact_number_text(row.final_regret_high) << '\n';
    });
    write_file_atomically(size_rates_path, [&](std::ostream& out) {
      out << "label,metric,games,slope,theory\n";
      for (const SizeRateRow& row : report.size_rates)
        out << row.label << ',' << row.metric << ',' << row.games << ',' << exact_number_text(row.slope) << ','
            << exact_number_text(row.theory) << '\n';
    });
    tables.push_back(sizes_path.string());
    tables.push_back(size_rates_path.string());
  }
  report.files.insert(report.files.begin(), tables.begin(), tables.end());
  return report;
}

}  // namespace eqlab
