#include <eqlab/sim/markov/markov_experiment.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <eqlab/algorithms/markov/markov_solver_registry.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/number.hpp>
#include <eqlab/lib/progress.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/sim/config_members.hpp>
#include <eqlab/sim/markov/markov_run_memory.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>
#include <eqlab/sim/markov/scaling_fit.hpp>
#include <eqlab/sim/plot.hpp>
#include <eqlab/sim/result_files.hpp>
#include <eqlab/sim/size_plot.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------
// Config.

[[noreturn]] void bad(const std::string& file, const std::string& pointer, const std::string& what) {
  throw InputError(file, pointer, what);
}

std::string text_of(const json& v, const std::string& file, const std::string& pointer) {
  if (!v.is_string() || v.get<std::string>().empty()) bad(file, pointer, "expected a non-empty string");
  return v.get<std::string>();
}

double number_of(const json& v, const std::string& file, const std::string& pointer) {
  if (!v.is_number()) bad(file, pointer, "expected a number");
  const double x = v.get<double>();
  if (!std::isfinite(x)) bad(file, pointer, "expected a finite number");
  return x;
}

std::int64_t whole_of(const json& v, std::int64_t min, std::int64_t max, const std::string& file,
                      const std::string& pointer) {
  if (!v.is_number_integer()) bad(file, pointer, "expected a whole number");
  const std::int64_t x = v.get<std::int64_t>();
  if (x < min || x > max)
    bad(file, pointer, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return x;
}

bool label_ok(const std::string& label) {
  if (label.empty()) return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '+' || c == '-';
  });
}

std::string default_label(const std::string& spec) {
  std::string label;
  for (char c : spec)
    label += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-' ? c : '_';
  return label;
}

}  // namespace

bool is_markov_experiment(const json& document) {
  return document.is_object() && document.contains("type") && document["type"] == "markov";
}

MarkovExperimentConfig parse_markov_experiment_config(const json& doc, const std::string& file) {
  if (!doc.is_object()) bad(file, "", "an experiment config must be a JSON object");
  check_config_members(doc, {"type", "name", "games", "x_label", "algorithms", "seeds", "episodes", "checkpoints", "epsilon",
                      "metric"},
                file, "");
  MarkovExperimentConfig config;
  if (!is_markov_experiment(doc)) bad(file, "/type", "a Markov experiment has \"type\": \"markov\"");
  config.name = doc.contains("name") ? text_of(doc["name"], file, "/name") : fs::path(file).stem().string();
  config.folder = fs::path(file).parent_path().string();
  config.file = file;

  if (!doc.contains("games") || !doc["games"].is_array() || doc["games"].empty())
    bad(file, "/games", "expected a non-empty array of games");
  std::set<std::string> game_labels;
  for (std::size_t g = 0; g < doc["games"].size(); ++g) {
    const json& entry = doc["games"][g];
    const std::string at = "/games/" + std::to_string(g);
    MarkovExperimentGame game;
    if (entry.is_string()) {
      game.spec = text_of(entry, file, at);
    } else {
      if (!entry.is_object()) bad(file, at, "expected a game spec or {\"game\": SPEC, \"label\": ..., \"x\": ...}");
      check_config_members(entry, {"game", "label", "x"}, file, at);
      if (!entry.contains("game")) bad(file, at, "missing member 'game'");
      game.spec = text_of(entry["game"], file, at + "/game");
      if (entry.contains("label")) game.label = text_of(entry["label"], file, at + "/label");
      if (entry.contains("x")) game.x = number_of(entry["x"], file, at + "/x");
    }
    if (game.label.empty()) game.label = default_label(game.spec);
    if (!label_ok(game.label)) bad(file, at, "a label is made of letters, digits and ._+- only");
    if (!game_labels.insert(game.label).second) bad(file, at, "duplicate game label '" + game.label + "'");
    config.games.push_back(std::move(game));
  }
  if (doc.contains("x_label")) config.x_label = text_of(doc["x_label"], file, "/x_label");

  if (!doc.contains("algorithms") || !doc["algorithms"].is_array() || doc["algorithms"].empty())
    bad(file, "/algorithms", "expected a non-empty array of algorithms");
  std::set<std::string> labels;
  for (std::size_t a = 0; a < doc["algorithms"].size(); ++a) {
    const json& entry = doc["algorithms"][a];
    const std::string at = "/algorithms/" + std::to_string(a);
    if (!entry.is_object()) bad(file, at, "expected {\"solver\": NAME, ...}");
    check_config_members(entry, {"solver", "label", "params", "episodes", "fit", "theory"}, file, at);
    MarkovExperimentAlgorithm algorithm;
    if (!entry.contains("solver")) bad(file, at, "missing member 'solver'");
    algorithm.solver = text_of(entry["solver"], file, at + "/solver");
    if (!is_markov_solver(algorithm.solver)) {
      std::string names;
      for (const MarkovSolverInfo& s : markov_solver_list()) names += (names.empty() ? "" : ", ") + s.name;
      bad(file, at + "/solver", "unknown Markov solver '" + algorithm.solver + "' (expected one of " + names + ")");
    }
    algorithm.label = entry.contains("label") ? text_of(entry["label"], file, at + "/label") : algorithm.solver;
    if (!label_ok(algorithm.label)) bad(file, at + "/label", "a label is made of letters, digits and ._+- only");
    if (!labels.insert(algorithm.label).second) bad(file, at + "/label", "duplicate label '" + algorithm.label + "'");
    if (entry.contains("params")) {
      if (!entry["params"].is_object()) bad(file, at + "/params", "expected an object");
      algorithm.params = entry["params"];
    }
    if (entry.contains("episodes")) algorithm.episodes = whole_of(entry["episodes"], 1, INT64_C(1) << 40, file, at + "/episodes");
    if (entry.contains("fit")) {
      algorithm.fit = text_of(entry["fit"], file, at + "/fit");
      if (algorithm.fit != "power" && algorithm.fit != "exponential")
        bad(file, at + "/fit", "expected \"power\" or \"exponential\"");
    }
    if (entry.contains("theory")) algorithm.theory = number_of(entry["theory"], file, at + "/theory");
    config.algorithms.push_back(std::move(algorithm));
  }

  if (!doc.contains("seeds")) bad(file, "", "missing member 'seeds'");
  if (doc["seeds"].is_array()) {
    if (doc["seeds"].empty()) bad(file, "/seeds", "expected at least one seed");
    std::set<std::uint64_t> seen;
    for (std::size_t s = 0; s < doc["seeds"].size(); ++s) {
      const std::uint64_t seed = static_cast<std::uint64_t>(
          whole_of(doc["seeds"][s], 0, INT64_MAX, file, "/seeds/" + std::to_string(s)));
      if (!seen.insert(seed).second) bad(file, "/seeds/" + std::to_string(s), "duplicate seed");
      config.seeds.push_back(seed);
    }
  } else {
    const std::int64_t n = whole_of(doc["seeds"], 1, 10000, file, "/seeds");
    for (std::int64_t s = 0; s < n; ++s) config.seeds.push_back(static_cast<std::uint64_t>(s));
  }
  if (!doc.contains("episodes")) bad(file, "", "missing member 'episodes'");
  config.episodes = whole_of(doc["episodes"], 1, INT64_C(1) << 40, file, "/episodes");
  if (doc.contains("checkpoints")) config.checkpoints = static_cast<int>(whole_of(doc["checkpoints"], 2, 1000, file, "/checkpoints"));
  if (doc.contains("epsilon")) {
    config.epsilons.clear();
    const json& e = doc["epsilon"];
    if (e.is_array()) {
      if (e.empty()) bad(file, "/epsilon", "expected at least one ε");
      for (std::size_t k = 0; k < e.size(); ++k) config.epsilons.push_back(number_of(e[k], file, "/epsilon/" + std::to_string(k)));
    } else {
      config.epsilons.push_back(number_of(e, file, "/epsilon"));
    }
    for (double eps : config.epsilons)
      if (!(eps > 0.0)) bad(file, "/epsilon", "every ε must be positive");
  }
  if (doc.contains("metric")) {
    config.metric = text_of(doc["metric"], file, "/metric");
    const std::vector<std::string>& names = markov_curve_metrics();
    if (std::find(names.begin(), names.end(), config.metric) == names.end() || config.metric == "seconds" ||
        config.metric == "memory_mb")
      bad(file, "/metric", "'" + config.metric + "' is not a gap column of a Markov run");
  }
  return config;
}

bool is_markov_experiment_file(const std::string& path) {
  try {
    return is_markov_experiment(json_reading::parse_document(read_input_file(path), path, {}));
  } catch (const InputError&) {
    return false;  // not for this reader to judge: the other config reader reports it
  }
}

MarkovExperimentConfig load_markov_experiment_config(const std::string& path) {
  // The same size and nesting limits as game files, checked before parsing.
  return parse_markov_experiment_config(json_reading::parse_document(read_input_file(path), path, {}), path);
}

namespace {

struct RunRecord {
  Curve curve;
  std::string refused;  // the solver's reason, when it would not run
};

// Each run's metric at `episodes`: its last checkpoint at or before it (runs that stop
// early, or jump past checkpoints, keep their last value), sorted; refused runs left out.
std::vector<double> sorted_values_at(const std::vector<const RunRecord*>& runs, const std::string& metric,
                                     std::int64_t episodes) {
  std::vector<double> values;
  for (const RunRecord* record : runs) {
    if (!record->refused.empty() || record->curve.empty()) continue;
    const int column = record->curve.metric_index(metric);
    double v = kNaN;
    for (const Curve::Row& row : record->curve.rows)
      if (row.iteration <= episodes) v = row.values[column];
    if (std::isfinite(v)) values.push_back(v);
  }
  std::sort(values.begin(), values.end());
  return values;
}

std::string game_path(const MarkovExperimentConfig& config, const std::string& spec) {
  if (!config.folder.empty()) {
    const fs::path beside = fs::path(config.folder) / spec;
    std::error_code ec;
    if (fs::is_regular_file(beside, ec)) return beside.string();
  }
  return spec;
}

}  // namespace

MarkovExperimentReport run_markov_experiment(const MarkovExperimentConfig& config,
                                             const MarkovExperimentOptions& options) {
  MarkovExperimentReport report;
  const fs::path out(options.out_dir);
  fs::create_directories(out);

  // Every game loads before any run, so that a bad spec fails at once.
  std::vector<std::unique_ptr<MarkovModel>> models;
  for (std::size_t g = 0; g < config.games.size(); ++g) {
    try {
      models.push_back(load_markov_model(game_path(config, config.games[g].spec)));
    } catch (const UnknownGameError&) {
      throw InputError(config.file, "/games/" + std::to_string(g),
                       "\"" + config.games[g].spec + "\" is not a Markov game: give a markov game file or a built-in " +
                           "(markov-random, markov-polymatrix, markov-congestion, markov-team, markov-cycle)");
    } catch (const std::runtime_error& e) {  // InputError (a bad game file), UsageError (bad parameters)
      throw InputError(config.file, "/games/" + std::to_string(g), e.what());
    }
  }
  json manifest = {{"type", "markov"}, {"name", config.name}, {"episodes", config.episodes},
                   {"checkpoints", config.checkpoints}, {"epsilon", config.epsilons}, {"metric", config.metric},
                   {"seeds", config.seeds}, {"x_label", config.x_label}};
  for (std::size_t g = 0; g < config.games.size(); ++g)
    manifest["games"].push_back({{"game", config.games[g].spec}, {"label", config.games[g].label},
                                 {"x", config.games[g].x}, {"name", models[g]->name()}});
  for (const MarkovExperimentAlgorithm& a : config.algorithms)
    manifest["algorithms"].push_back({{"solver", a.solver}, {"label", a.label}, {"params", a.params},
                                      {"episodes", a.episodes ? a.episodes : config.episodes}, {"fit", a.fit}});
  write_file_atomically(out / "experiment.json", [&](std::ostream& o) { o << manifest.dump(2) << "\n"; });

  const std::size_t G = config.games.size(), A = config.algorithms.size(), S = config.seeds.size();
  const std::size_t total = G * A * S;
  report.runs = static_cast<int>(total);
  std::vector<RunRecord> runs(total);
  std::atomic<std::int64_t> done{0};
  ProgressBar progress("markov experiment: runs", static_cast<std::int64_t>(total), options.progress);
  std::mutex progress_mutex;
  auto index = [&](std::size_t g, std::size_t a, std::size_t s) { return (g * A + a) * S + s; };
  auto runs_of = [&](std::size_t g, std::size_t a) {
    std::vector<const RunRecord*> list;
    for (std::size_t s = 0; s < S; ++s) list.push_back(&runs[index(g, a, s)]);
    return list;
  };
  // The memory budget: pairs whose run would not fit alone are refused, and at most as
  // many runs go at once as the largest of the others allows.
  std::vector<std::string> over_budget(G * A);
  std::uint64_t largest_run = 1;
  for (std::size_t g = 0; g < G && options.memory_budget.bytes > 0; ++g)
    for (std::size_t a = 0; a < A; ++a) {
      const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
      const MemoryEstimate estimate = estimate_markov_run_memory(
          *models[g], algorithm.solver, algorithm.episodes ? algorithm.episodes : config.episodes);
      try {
        check_memory_budget(estimate, options.memory_budget, "a run of " + algorithm.label + " on " + config.games[g].label);
        largest_run = std::max(largest_run, estimate.total());
      } catch (const ResourceError& e) {
        over_budget[g * A + a] = e.what();
      }
    }
  int concurrency = tbb::this_task_arena::max_concurrency();
  if (options.memory_budget.bytes > 0)
    concurrency = static_cast<int>(std::clamp<std::uint64_t>(options.memory_budget.bytes / largest_run, 1,
                                                             static_cast<std::uint64_t>(concurrency)));
  tbb::task_arena arena(concurrency);
  arena.execute([&] { tbb::parallel_for(std::size_t{0}, total, [&](std::size_t r) {
    const std::size_t g = r / (A * S), a = (r / S) % A, s = r % S;
    const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
    const std::int64_t episodes = algorithm.episodes ? algorithm.episodes : config.episodes;
    const fs::path folder = out / "runs" / config.games[g].label / algorithm.label;
    fs::create_directories(folder);
    const std::string stem = "seed-" + std::to_string(config.seeds[s]);
    RunRecord& record = runs[r];
    std::unique_ptr<MarkovSolver> solver;
    if (!over_budget[g * A + a].empty()) {
      record.refused = over_budget[g * A + a];
    } else {
      try {
        solver = make_markov_solver(algorithm.solver, *models[g], algorithm.params, config.seeds[s], episodes);
      } catch (const UsageError& e) {
        record.refused = e.what();
      }
    }
    if (solver) {
      MarkovRunOptions run;
      run.episodes = episodes;
      run.checkpoints = config.checkpoints;
      run.ce_bound = solver->concept_name() == "ce" || config.metric == "ce_gap_upper";
      run.lower_bound = config.metric == "cce_gap_lower";
      record.curve = run_markov_solver(*solver, *models[g], run).curve;
      write_file_atomically(folder / (stem + ".csv"), [&](std::ostream& o) { write_curve_csv(record.curve, o); });
    } else {
      write_file_atomically(folder / (stem + ".refused"), [&](std::ostream& o) { o << record.refused << "\n"; });
    }
    const std::int64_t finished = ++done;
    std::lock_guard lock(progress_mutex);
    progress.update(finished);
  }); });
  progress.finish();

  // Summary: per checkpoint of the budget's grid, each run's last value at or before it.
  {
    std::ostringstream text;
    text << "game,label,metric,episodes,runs,median,q25,q75\n";
    for (std::size_t g = 0; g < G; ++g)
      for (std::size_t a = 0; a < A; ++a) {
        const std::int64_t budget = config.algorithms[a].episodes ? config.algorithms[a].episodes : config.episodes;
        for (std::int64_t k : checkpoint_iterations(budget, config.checkpoints)) {
          const std::vector<double> values = sorted_values_at(runs_of(g, a), config.metric, k);
          if (values.empty()) continue;
          auto q = [&](double p) { return quantile_sorted(values, p); };
          text << config.games[g].label << ',' << config.algorithms[a].label << ',' << config.metric << ',' << k << ','
               << values.size() << ',' << exact_number_text(q(0.5)) << ',' << exact_number_text(q(0.25)) << ','
               << exact_number_text(q(0.75)) << '\n';
        }
      }
    write_file_atomically(out / "summary.csv", [&](std::ostream& o) { o << text.str(); });
    report.files.push_back((out / "summary.csv").string());
  }

  // Episodes to each ε of every run that ran, per (game, algorithm, ε), in seed order.
  const std::size_t E = config.epsilons.size();
  std::vector<std::vector<double>> reach(G * A * E);
  // The first checkpoint of each game and algorithm: an ε reached there is reached "at the
  // start", a value known only from above, which no fit can use.
  std::vector<double> first_checkpoint(G * A, kNaN);
  auto reach_of = [&](std::size_t g, std::size_t a, std::size_t e) -> std::vector<double>& {
    return reach[(g * A + a) * E + e];
  };
  for (std::size_t g = 0; g < G; ++g)
    for (std::size_t a = 0; a < A; ++a)
      for (std::size_t s = 0; s < S; ++s) {
        const RunRecord& record = runs[index(g, a, s)];
        if (!record.refused.empty()) continue;
        if (!record.curve.rows.empty()) first_checkpoint[g * A + a] = static_cast<double>(record.curve.rows.front().iteration);
        std::vector<std::int64_t> ks;
        for (const Curve::Row& r : record.curve.rows) ks.push_back(r.iteration);
        const std::vector<double> gaps = record.curve.column(config.metric);
        for (std::size_t e = 0; e < E; ++e) reach_of(g, a, e).push_back(episodes_to_epsilon(ks, gaps, config.epsilons[e]));
      }

  for (std::size_t g = 0; g < G; ++g)
    for (std::size_t a = 0; a < A; ++a)
      for (std::size_t e = 0; e < E; ++e) {
        const std::vector<double>& seeds = reach_of(g, a, e);
        MarkovEpisodesRow row;
        row.game = config.games[g].label;
        row.label = config.algorithms[a].label;
        row.x = config.games[g].x;
        row.epsilon = config.epsilons[e];
        row.seeds = static_cast<int>(seeds.size());
        row.reached = static_cast<int>(std::count_if(seeds.begin(), seeds.end(), [](double k) { return std::isfinite(k); }));
        row.median = censored_median(seeds);
        // The median's 95% bootstrap interval over seeds: a fit over one point.
        row.low = row.high = kNaN;
        if (seeds.size() >= 2 && std::isfinite(row.median)) {
          const auto [low, high] = median_interval(seeds, config.seeds.front() + (g * A + a) * E + e);
          row.low = low;
          row.high = high;
        }
        row.status = seeds.empty()                                   ? "refused"
                     : !std::isfinite(row.median)                    ? "not reached"
                     : row.median <= first_checkpoint[g * A + a]     ? "at start"
                                                                     : "ok";
        if (seeds.empty()) ++report.refused;
        report.episodes.push_back(row);
      }
  auto at_start = [&](std::size_t g, std::size_t a, std::size_t e) {
    return report.episodes[(g * A + a) * E + e].status == "at start";
  };
  for (std::size_t a = 0; a < A; ++a)
    for (std::size_t e = 0; e < E; ++e) {
      std::vector<ScalingPoint> points;
      for (std::size_t g = 0; g < G; ++g)
        if (!reach_of(g, a, e).empty() && !at_start(g, a, e)) points.push_back({config.games[g].x, reach_of(g, a, e)});
      // With fewer than two usable points the row stays, with no slope, so that the
      // summary says why there is no fit.
      if (G < 2) continue;
      const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
      const ScalingModel model = algorithm.fit == "exponential" ? ScalingModel::exponential : ScalingModel::power;
      const ScalingFit fit = fit_scaling(points, model, 1000, config.seeds.front() + a * E + e);
      report.fits.push_back({algorithm.label, config.epsilons[e], algorithm.fit, fit.points, fit.slope, fit.low,
                             fit.high, algorithm.theory});
    }
  if (E >= 2)
    for (std::size_t g = 0; g < G; ++g)
      for (std::size_t a = 0; a < A; ++a) {
        std::vector<ScalingPoint> points;
        for (std::size_t e = 0; e < E; ++e)
          if (!reach_of(g, a, e).empty() && !at_start(g, a, e))
            points.push_back({1.0 / config.epsilons[e], reach_of(g, a, e)});
        const ScalingFit fit = fit_scaling(points, ScalingModel::power, 1000, config.seeds.front() + g * A + a);
        report.epsilon_fits.push_back(
            {config.games[g].label, config.algorithms[a].label, fit.points, fit.slope, fit.low, fit.high});
      }

  write_file_atomically(out / "episodes.csv", [&](std::ostream& o) {
    o << "game,label,x,epsilon,seeds,reached,median,low,high,status\n";
    for (const MarkovEpisodesRow& r : report.episodes)
      o << r.game << ',' << r.label << ',' << exact_number_text(r.x) << ',' << exact_number_text(r.epsilon) << ',' << r.seeds << ','
        << r.reached << ',' << exact_number_text(r.median) << ',' << exact_number_text(r.low) << ',' << exact_number_text(r.high) << ','
        << r.status << '\n';
  });
  report.files.push_back((out / "episodes.csv").string());
  write_file_atomically(out / "fits.csv", [&](std::ostream& o) {
    o << "label,epsilon,model,points,slope,low,high,theory\n";
    for (const MarkovFitRow& r : report.fits)
      o << r.label << ',' << exact_number_text(r.epsilon) << ',' << r.model << ',' << r.points << ',' << exact_number_text(r.slope)
        << ',' << exact_number_text(r.low) << ',' << exact_number_text(r.high) << ',' << exact_number_text(r.theory) << '\n';
  });
  report.files.push_back((out / "fits.csv").string());
  if (!report.epsilon_fits.empty()) {
    write_file_atomically(out / "eps_fits.csv", [&](std::ostream& o) {
      o << "game,label,points,slope,low,high\n";
      for (const MarkovEpsilonFitRow& r : report.epsilon_fits)
        o << r.game << ',' << r.label << ',' << r.points << ',' << exact_number_text(r.slope) << ',' << exact_number_text(r.low)
          << ',' << exact_number_text(r.high) << '\n';
    });
    report.files.push_back((out / "eps_fits.csv").string());
  }

  if (!options.plots) return report;
  if (find_program("gnuplot").empty()) {
    report.notes.push_back("plots skipped: gnuplot not found (install the gnuplot-nox package)");
    return report;
  }
  fs::create_directories(out / "plots");
  // Per game: the metric's median over seeds per algorithm, with the quartiles as a band.
  for (std::size_t g = 0; g < G; ++g) {
    std::vector<LabelledCurve> curves;
    for (std::size_t a = 0; a < A; ++a) {
      const std::int64_t budget = config.algorithms[a].episodes ? config.algorithms[a].episodes : config.episodes;
      const std::string m = config.metric;
      Curve c({m, m + "_low", m + "_high"});
      for (std::int64_t k : checkpoint_iterations(budget, config.checkpoints)) {
        const std::vector<double> values = sorted_values_at(runs_of(g, a), m, k);
        if (values.empty()) continue;
        c.add_row(k, {quantile_sorted(values, 0.5), quantile_sorted(values, 0.25), quantile_sorted(values, 0.75)});
      }
      if (!c.empty()) curves.push_back({config.algorithms[a].label, std::move(c)});
    }
    if (curves.empty()) continue;
    PlotOptions plot;
    plot.title = config.name + ": " + models[g]->name();
    plot.metrics = {config.metric};
    plot.y_label = config.metric + " (median over seeds, quartile band)";
    plot.x_label = "episodes";
    plot.bands = S > 1;
    const std::string path = (out / "plots" / (config.games[g].label + ".png")).string();
    try {
      plot_curves_png(curves, path, plot);
      report.files.push_back(path);
    } catch (const std::invalid_argument& e) {
      report.notes.push_back(config.games[g].label + ": no plot (" + e.what() + ")");
    }
  }
  // The scaling figure: median episodes to ε against x, one line per algorithm and ε.
  if (G >= 2) {
    std::vector<SizeSeries> series;
    bool exponential = false, censored = false;
    std::vector<std::string> refusals;
    for (std::size_t a = 0; a < A; ++a) {
      const MarkovExperimentAlgorithm& algorithm = config.algorithms[a];
      const double budget = static_cast<double>(algorithm.episodes ? algorithm.episodes : config.episodes);
      std::string refused_at;
      for (double eps : config.epsilons) {
        SizeSeries line;
        line.label = algorithm.label + (config.epsilons.size() > 1 ? " ε=" + exact_number_text(eps) : "");
        for (const MarkovEpisodesRow& r : report.episodes) {
          if (r.label != algorithm.label || r.epsilon != eps) continue;
          if (r.status == "ok") {
            line.x.push_back(r.x);
            line.y.push_back(r.median);
            line.low.push_back(r.low);
            line.high.push_back(r.high);
          } else if (r.status == "not reached") {
            // Drawn at the budget: the median lies above it.
            line.above_x.push_back(r.x);
            line.above_y.push_back(budget);
            censored = true;
          } else if (r.status == "refused" && eps == config.epsilons.front()) {
            refused_at += (refused_at.empty() ? "" : ", ") + exact_number_text(r.x);
          }
        }
        if (!line.x.empty() || !line.above_x.empty()) series.push_back(std::move(line));
      }
      if (algorithm.fit == "exponential") exponential = true;
      if (!refused_at.empty())
        refusals.push_back(algorithm.label + " refused at " + config.x_label + " = " + refused_at +
                           " (runs/<game>/" + algorithm.label + "/*.refused say why)");
    }
    SizePlotOptions plot;
    plot.key = "bottom right";
    if (censored) plot.notes.push_back("triangles: the median run did not reach ε within the algorithm's episode budget");
    plot.notes.insert(plot.notes.end(), refusals.begin(), refusals.end());
    plot.title = config.name + ": episodes to reach ε (median over seeds, 95% bootstrap bars)";
    plot.x_label = config.x_label;
    plot.y_label = "episodes to " + config.metric + " <= ε";
    plot.log_x = !exponential;
    const std::string path = (out / "plots" / "scaling.png").string();
    try {
      plot_size_scaling(series, path, plot);
      report.files.push_back(path);
    } catch (const std::invalid_argument& e) {
      report.notes.push_back(std::string("no scaling plot (") + e.what() + ")");
    }
  }
  return report;
}

}  // namespace eqlab
