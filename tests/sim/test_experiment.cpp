// The experiment runner: config errors name their JSON pointer, a small grid runs fast,
// the files do not depend on the thread count, a stopped experiment resumes to the same
// summary, and the fitted regret rate of EFCE-OMD is near the theory's 1/2.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/experiment/config.hpp>
#include <eqlab/sim/markov/markov_experiment.hpp>
#include <eqlab/sim/marlhf/marlhf_experiment.hpp>
#include <eqlab/sim/marlhf/preference_sampler.hpp>
#include <eqlab/sim/plot.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("eqlab-experiment-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The pointer of the InputError that parsing `doc` throws, or "no error".
std::string error_pointer(const json& doc) {
  try {
    eqlab::parse_experiment_config(doc, "exp.json");
  } catch (const eqlab::InputError& e) {
    CHECK(e.file() == "exp.json");
    return e.pointer();
  }
  return "no error";
}

json grid_config() {
  return json::parse(R"json({
    "name": "grid",
    "games": ["kuhn(players=3)", {"game": "sheriff(max_items=2,max_bribe=2,rounds=2)", "label": "sheriff"}],
    "algorithms": [{"solver": "omd", "feedback": "full"}, {"solver": "efce-omd"}],
    "seeds": 3, "iterations": 100, "checkpoints": 8, "metric": "efce_gap"})json");
}

eqlab::ExperimentReport run_grid(const fs::path& dir, bool resume = false) {
  eqlab::ExperimentOptions options;
  options.out_dir = dir.string();
  options.resume = resume;
  options.plots = false;
  return eqlab::run_experiment(eqlab::parse_experiment_config(grid_config(), "grid.json"), "grid.json", options);
}

// Every file under `dir` by its relative path, with its bytes.
std::vector<std::pair<std::string, std::string>> tree(const fs::path& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.emplace_back(fs::relative(entry.path(), dir).string(), read_text(entry.path()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("experiment config: a valid config and its defaults") {
  const eqlab::ExperimentConfig c = eqlab::parse_experiment_config(grid_config(), "grid.json");
  REQUIRE(c.games.size() == 2);
  CHECK(c.games[0].label == "kuhn_players_3");
  CHECK(c.games[1].label == "sheriff");
  REQUIRE(c.algorithms.size() == 2);
  CHECK(c.algorithms[1].label == "efce-omd");
  CHECK(c.algorithms[1].feedback == "full");
  CHECK(c.seeds == std::vector<std::uint64_t>{0, 1, 2});
  CHECK(c.iterations == 100);
  CHECK(c.checkpoints == 8);

  json list = grid_config();
  list["seeds"] = {7, 3};
  list.erase("checkpoints");
  list.erase("metric");
  const eqlab::ExperimentConfig d = eqlab::parse_experiment_config(list, "grid.json");
  CHECK(d.seeds == std::vector<std::uint64_t>{7, 3});
  CHECK(d.checkpoints == 30);
  CHECK(d.metric == "efce_gap");
}

TEST_CASE("experiment config: the example configs are valid") {
  int configs = 0;
  for (const auto& entry : fs::directory_iterator(EQLAB_SOURCE_DIR "/examples/experiments")) {
    if (entry.path().extension() != ".json") continue;
    if (eqlab::is_markov_experiment_file(entry.path().string())) {
      // Markov experiments: the config and every game it names must load.
      const eqlab::MarkovExperimentConfig config = eqlab::load_markov_experiment_config(entry.path().string());
      CHECK(config.name == entry.path().stem().string());
      for (const eqlab::MarkovExperimentGame& game : config.games) CHECK(eqlab::load_markov_model(game.spec) != nullptr);
      ++configs;
      continue;
    }
    if (eqlab::is_marlhf_experiment_file(entry.path().string())) {
      // Preference experiments: the config, every game (beside the config) and every behaviour.
      const eqlab::MarlhfExperimentConfig config = eqlab::load_marlhf_experiment_config(entry.path().string());
      CHECK(config.name == entry.path().stem().string());
      for (const auto& game : config.games) {
        const auto model = eqlab::load_markov_model(eqlab::game_spec_beside_config(config.folder, game.spec));
        for (const auto& behaviour : config.behaviours) CHECK_NOTHROW(eqlab::PreferenceBehaviour(*model, behaviour.spec));
      }
      ++configs;
      continue;
    }
    const eqlab::ExperimentConfig config = eqlab::load_experiment_config(entry.path().string());
    CHECK(config.name == entry.path().stem().string());
    CHECK(config.games.size() >= 1);
    ++configs;
  }
  CHECK(configs >= 2);
}

TEST_CASE("experiment config: errors name their JSON pointer") {
  auto with = [](const std::string& pointer, const json& value) {
    json doc = grid_config();
    doc[json::json_pointer(pointer)] = value;
    return doc;
  };
  json missing = grid_config();
  missing.erase("iterations");
  CHECK(error_pointer(missing) == "");
  CHECK(error_pointer(json::array()) == "");
  CHECK(error_pointer(with("/colour", "red")) == "/colour");
  CHECK(error_pointer(with("/games", json::array())) == "/games");
  CHECK(error_pointer(with("/games/1", 5)) == "/games/1");
  CHECK(error_pointer(with("/games/1/label", "a b")) == "/games/1/label");
  CHECK(error_pointer(with("/games/1", "kuhn(players=3)")) == "/games/1");  // the same label twice
  CHECK(error_pointer(with("/algorithms/1/solver", "no-such-solver")) == "/algorithms/1/solver");
  CHECK(error_pointer(with("/algorithms/0/feedback", "partial")) == "/algorithms/0/feedback");
  json full_only = grid_config();
  full_only["algorithms"][1] = {{"solver", "cfr+"}, {"feedback", "bandit"}};  // cfr+ needs full feedback
  CHECK(error_pointer(full_only) == "/algorithms/1/solver");
  CHECK(error_pointer(with("/algorithms/1/label", "omd")) == "/algorithms/1/label");
  CHECK(error_pointer(with("/algorithms/1/params", 3)) == "/algorithms/1/params");
  CHECK(error_pointer(with("/algorithms/1/eta", 3)) == "/algorithms/1/eta");
  CHECK(error_pointer(with("/seeds", 0)) == "/seeds");
  CHECK(error_pointer(with("/seeds", json{1, 1})) == "/seeds/1");
  CHECK(error_pointer(with("/seeds", json{1, -2})) == "/seeds/1");
  CHECK(error_pointer(with("/iterations", 0)) == "/iterations");
  CHECK(error_pointer(with("/iterations", 2.5)) == "/iterations");
  CHECK(error_pointer(with("/checkpoints", 1)) == "/checkpoints");
  CHECK(error_pointer(with("/metric", "")) == "/metric");
}

TEST_CASE("experiment: problems found before the first run name the config entry") {
  const fs::path dir = scratch("early");
  auto pointer_of = [&](const json& doc) -> std::string {
    eqlab::ExperimentOptions options;
    options.out_dir = dir.string();
    options.plots = false;
    try {
      eqlab::run_experiment(eqlab::parse_experiment_config(doc, "exp.json"), "exp.json", options);
    } catch (const eqlab::InputError& e) {
      MESSAGE(e.what());
      return e.pointer();
    }
    return "no error";
  };
  json doc = grid_config();
  doc["games"][0] = "no-such-game";
  CHECK(pointer_of(doc) == "/games/0");
  doc = grid_config();
  doc["algorithms"][1]["params"] = {{"step", "sideways"}};
  CHECK(pointer_of(doc) == "/algorithms/1");
  doc = grid_config();
  doc["algorithms"][1] = {{"solver", "ixomd"}, {"feedback", "bandit"}, {"params", {{"eta_scale", -1}}}};
  CHECK(pointer_of(doc) == "/algorithms/1");
  doc = grid_config();
  doc["metric"] = "no_such_metric";
  CHECK(pointer_of(doc) == "/metric");
  // Nothing was run.
  CHECK(!fs::exists(dir / "runs"));
  fs::remove_all(dir);
}

TEST_CASE("experiment: t quantiles and the fitted regret rate") {
  CHECK(eqlab::t_quantile_95(2) == doctest::Approx(12.7062).epsilon(1e-5));
  CHECK(eqlab::t_quantile_95(3) == doctest::Approx(4.30265).epsilon(1e-5));
  CHECK(eqlab::t_quantile_95(31) == doctest::Approx(2.04227).epsilon(1e-5));
  CHECK(std::isnan(eqlab::t_quantile_95(1)));

  // metric = 3/sqrt(T): regret 3 sqrt(T), slope 1/2; the points below T_max/100 are left out.
  const std::vector<std::int64_t> t{1, 5, 10, 100, 1000};
  std::vector<double> metric;
  for (std::int64_t x : t) metric.push_back(3.0 / std::sqrt(static_cast<double>(x)));
  metric[0] = 1e6;  // below T_max/100: would spoil the fit
  const eqlab::RateRow rate = eqlab::fit_regret_rate(t, metric);
  CHECK(rate.points == 3);
  CHECK(rate.first_iteration == 10);
  CHECK(rate.last_iteration == 1000);
  CHECK(rate.slope == doctest::Approx(0.5).epsilon(1e-12));
  metric = {1, 1, 1, 1, 1};  // constant average: regret linear in T
  CHECK(eqlab::fit_regret_rate(t, metric).slope == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("experiment: 2 games x 2 algorithms x 3 seeds") {
  const fs::path dir = scratch("grid");
  const auto start = std::chrono::steady_clock::now();
  const eqlab::ExperimentReport report = run_grid(dir);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("grid of 12 runs: " << seconds << " s");
  CHECK(seconds < 3.0);
  CHECK(report.runs == 12);
  CHECK(report.runs_resumed == 0);
  for (const char* game : {"kuhn_players_3", "sheriff"})
    for (const char* label : {"omd", "efce-omd"})
      for (int s = 0; s < 3; ++s)
        CHECK(fs::is_regular_file(dir / "runs" / game / label / ("seed-" + std::to_string(s) + ".csv")));

  // The final efce_gap of each algorithm: EFCE-OMD's is the smaller, and its interval holds its mean.
  auto final_row = [&](const std::string& game, const std::string& label) {
    const eqlab::SummaryRow* found = nullptr;
    for (const eqlab::SummaryRow& row : report.summary)
      if (row.game == game && row.label == label && row.metric == "efce_gap" && row.iteration == 100) found = &row;
    REQUIRE(found != nullptr);
    return *found;
  };
  for (const char* game : {"kuhn_players_3", "sheriff"}) {
    const eqlab::SummaryRow omd = final_row(game, "omd"), efce = final_row(game, "efce-omd");
    MESSAGE(std::string(game) << ": efce_gap at T=100, omd " << omd.mean << " ± " << omd.high - omd.mean << ", efce-omd "
                 << efce.mean << " ± " << efce.high - efce.mean);
    CHECK(omd.seeds == 3);
    CHECK(efce.mean > 0.0);
    CHECK(efce.low <= efce.mean);
    CHECK(efce.high >= efce.mean);
    CHECK(efce.high - efce.mean == doctest::Approx(eqlab::t_quantile_95(3) * efce.sd / std::sqrt(3.0)));
  }
  REQUIRE(report.rates.size() == 4);
  CHECK(report.rates[0].game == "kuhn_players_3");
  CHECK(report.rates[0].label == "omd");
  CHECK(report.rates[0].metric == "efce_gap");

  const std::string summary = read_text(dir / "summary.csv");
  CHECK(summary.rfind("game,label,metric,iteration,seeds,mean,sd,low,high\n", 0) == 0);
  const std::string rates = read_text(dir / "rates.csv");
  CHECK(rates.rfind("game,label,metric,points,first_iteration,last_iteration,slope,theory,seed_slopes,"
                    "seed_slope_mean,seed_slope_low,seed_slope_high,eps_points,eps_slope,eps_theory,"
                    "eps_seed_slopes,eps_seed_mean,eps_seed_low,eps_seed_high\n",
                    0) == 0);
  // Deterministic learners: every seed's fit is the fit of the mean.
  for (const eqlab::RateRow& rate : report.rates) {
    CHECK(rate.seed_slopes == 3);
    CHECK(rate.seed_slope_mean == doctest::Approx(rate.slope).epsilon(1e-12));
  }
  CHECK(rates.find("sheriff,efce-omd,efce_gap,") != std::string::npos);
  fs::remove_all(dir);
}

// A factory of its own: OMD with a step that depends on the seed, so that seeds differ and
// the intervals of the summary are wide; they are checked against the run files.
TEST_CASE("experiment: a custom factory, and means and intervals over seeds") {
  const fs::path dir = scratch("factory");
  json doc = grid_config();
  doc["games"] = {"kuhn(players=3)"};
  doc["algorithms"] = json::parse(R"json([{"solver": "omd", "label": "omd-seeded"}])json");
  doc["seeds"] = {0, 1, 2, 3};
  eqlab::ExperimentOptions options;
  options.out_dir = dir.string();
  options.plots = false;
  options.factory = [](const eqlab::ExperimentAlgorithm& algorithm, const eqlab::CompiledGame& game,
                       std::uint64_t seed, std::int64_t) {
    eqlab::SolverOptions solver_options;
    solver_options.seed = seed;
    solver_options.extra = {{"eta_scale", 10.0 * static_cast<double>(seed + 1)}};
    return eqlab::make_solver(algorithm.solver, game, solver_options);
  };
  const eqlab::ExperimentReport report =
      eqlab::run_experiment(eqlab::parse_experiment_config(doc, "factory.json"), "factory.json", options);
  std::vector<double> finals;
  for (int s = 0; s < 4; ++s) {
    const eqlab::Curve curve =
        eqlab::read_curve_csv((dir / "runs/kuhn_players_3/omd-seeded" / ("seed-" + std::to_string(s) + ".csv")).string());
    finals.push_back(curve.column("efce_gap").back());
  }
  double mean = 0.0, squares = 0.0;
  for (double v : finals) mean += v / 4.0;
  for (double v : finals) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / 3.0);
  const eqlab::SummaryRow* last = nullptr;
  for (const eqlab::SummaryRow& row : report.summary)
    if (row.metric == "efce_gap" && row.iteration == 100) last = &row;
  REQUIRE(last != nullptr);
  MESSAGE("final efce_gap over 4 step sizes: " << last->mean << " in [" << last->low << ", " << last->high << "]");
  CHECK(last->label == "omd-seeded");
  CHECK(last->seeds == 4);
  CHECK(sd > 1e-6);  // the seeds differ
  CHECK(last->mean == doctest::Approx(mean).epsilon(1e-12));
  CHECK(last->sd == doctest::Approx(sd).epsilon(1e-9));
  CHECK(last->low == doctest::Approx(mean - 3.18245 * sd / 2.0).epsilon(1e-5));
  CHECK(last->high == doctest::Approx(mean + 3.18245 * sd / 2.0).epsilon(1e-5));
  fs::remove_all(dir);
}

TEST_CASE("experiment: the files are the same on one thread and on all") {
  const fs::path one = scratch("threads-1"), all = scratch("threads-all");
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    run_grid(one);
  }
  run_grid(all);
  const auto a = tree(one), b = tree(all);
  REQUIRE(a.size() == 17);  // 12 runs, experiment.json, summary, rates, sizes and size rates
  REQUIRE(b.size() == a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].first == b[i].first);
    CHECK_MESSAGE(a[i].second == b[i].second, a[i].first << " differs");
  }
  fs::remove_all(one);
  fs::remove_all(all);
}

TEST_CASE("experiment: a stopped experiment resumes to the same summary") {
  const fs::path fresh = scratch("fresh"), stopped = scratch("stopped");
  run_grid(fresh);
  run_grid(stopped);
  // As if stopped while writing sheriff/efce-omd/seed-1 (its temporary file half written)
  // and before the summary; a final file cut short is not complete either.
  const fs::path lost = stopped / "runs/sheriff/efce-omd/seed-1.csv";
  const std::string lost_text = read_text(lost);
  fs::remove(lost);
  std::ofstream(lost.string() + ".partial", std::ios::binary) << lost_text.substr(0, lost_text.size() / 2);
  const fs::path cut = stopped / "runs/kuhn_players_3/omd/seed-2.csv";
  const std::string cut_text = read_text(cut);
  std::ofstream(cut, std::ios::binary | std::ios::trunc) << cut_text.substr(0, cut_text.size() - 30);
  fs::remove(stopped / "summary.csv");
  fs::remove(stopped / "rates.csv");

  const eqlab::ExperimentReport resumed = run_grid(stopped, true);
  CHECK(resumed.runs == 12);
  CHECK(resumed.runs_resumed == 10);
  CHECK(read_text(lost) == lost_text);
  CHECK(read_text(cut) == cut_text);
  CHECK(!fs::exists(lost.string() + ".partial"));
  CHECK(read_text(stopped / "summary.csv") == read_text(fresh / "summary.csv"));
  CHECK(read_text(stopped / "rates.csv") == read_text(fresh / "rates.csv"));

  // A folder of another config is not resumed: its runs would be mixed in.
  json longer = grid_config();
  longer["iterations"] = 200;
  eqlab::ExperimentOptions options;
  options.out_dir = stopped.string();
  options.resume = true;
  options.plots = false;
  CHECK_THROWS_WITH_AS(
      eqlab::run_experiment(eqlab::parse_experiment_config(longer, "grid.json"), "grid.json", options),
      doctest::Contains("holds the runs of another config (its \"iterations\" differ)"), eqlab::UsageError);
  CHECK(read_text(stopped / "summary.csv") == read_text(fresh / "summary.csv"));
  fs::remove_all(fresh);
  fs::remove_all(stopped);
}

// With the step size of the regret bound (the practical one learns faster: about T^0.3).
TEST_CASE("experiment: EFCE-OMD's trigger regret grows about as sqrt(T) on 3-player Kuhn") {
  const fs::path dir = scratch("rate");
  const json doc = json::parse(R"json({
    "games": ["kuhn(players=3)"], "algorithms": [{"solver": "efce-omd", "params": {"step": "theory"}}],
    "seeds": 1, "iterations": 5000, "checkpoints": 20, "metric": "trigger_regret"})json");
  eqlab::ExperimentOptions options;
  options.out_dir = dir.string();
  options.plots = false;
  const eqlab::ExperimentReport report =
      eqlab::run_experiment(eqlab::parse_experiment_config(doc, "rate.json"), "rate.json", options);
  REQUIRE(report.rates.size() == 1);
  const eqlab::RateRow& rate = report.rates[0];
  MESSAGE("efce-omd trigger regret on kuhn(players=3): slope " << rate.slope << " over " << rate.points
                                                              << " checkpoints, T = " << rate.first_iteration
                                                              << ".." << rate.last_iteration);
  CHECK(rate.last_iteration == 5000);
  CHECK(rate.points >= 10);
  CHECK(rate.first_iteration >= 50);
  CHECK(rate.slope > 0.3);
  CHECK(rate.slope < 0.7);
  fs::remove_all(dir);
}

// Bandit feedback: one sampled episode per step, so seeds give different runs; the files
// still do not depend on the thread count.
TEST_CASE("experiment: bandit-feedback learners beside full-feedback ones") {
  const fs::path one = scratch("bandit-1"), all = scratch("bandit-all");
  const json doc = json::parse(R"json({
    "games": [{"game": "kuhn(players=3)", "label": "kuhn3"}],
    "algorithms": [{"solver": "ixomd", "feedback": "bandit"}, {"solver": "efce-omd", "feedback": "full"}],
    "seeds": 3, "iterations": 400, "checkpoints": 6, "metric": "nfcce_gap"})json");
  const eqlab::ExperimentConfig config = eqlab::parse_experiment_config(doc, "bandit.json");
  eqlab::ExperimentOptions options;
  options.plots = false;
  options.out_dir = one.string();
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    eqlab::run_experiment(config, "bandit.json", options);
  }
  options.out_dir = all.string();
  const eqlab::ExperimentReport report = eqlab::run_experiment(config, "bandit.json", options);
  const auto a = tree(one), b = tree(all);
  REQUIRE(a.size() == 9);  // 6 runs, experiment.json, summary and rates
  for (std::size_t i = 0; i < a.size(); ++i) CHECK_MESSAGE(a[i] == b[i], a[i].first << " differs");
  CHECK(read_text(all / "runs/kuhn3/ixomd/seed-0.csv") != read_text(all / "runs/kuhn3/ixomd/seed-1.csv"));
  for (const eqlab::SummaryRow& row : report.summary) {
    if (row.metric != "nfcce_gap" || row.iteration != 400) continue;
    MESSAGE(row.label << ": nfcce_gap at T=400 " << row.mean << " in [" << row.low << ", " << row.high << "]");
    CHECK(row.seeds == 3);
    if (row.label == "ixomd") CHECK(row.sd > 0.0);
    if (row.label == "efce-omd") CHECK(row.sd == 0.0);
  }
  REQUIRE(report.rates.size() == 2);
  const eqlab::RateRow& ix = report.rates[0];
  MESSAGE("ixomd rate " << ix.slope << " (seeds: " << ix.seed_slope_mean << " in [" << ix.seed_slope_low << ", "
                        << ix.seed_slope_high << "]), efce-omd rate " << report.rates[1].slope);
  CHECK(ix.seed_slopes == 3);
  CHECK(ix.seed_slope_low < ix.seed_slope_mean);
  CHECK(ix.seed_slope_mean < ix.seed_slope_high);
  fs::remove_all(one);
  fs::remove_all(all);
}

// The bands of the plots: one shaded polygon per curve with a band, in SVG and PNG.
TEST_CASE("plot: interval bands in SVG and PNG") {
  if (eqlab::find_program("gnuplot").empty()) {
    MESSAGE("gnuplot is not installed: bands not drawn");
    return;
  }
  const fs::path dir = scratch("bands");
  std::vector<eqlab::LabelledCurve> curves;
  for (int c = 0; c < 2; ++c) {
    eqlab::Curve curve({"efce_gap", "efce_gap_low", "efce_gap_high"});
    for (std::int64_t t : {1, 10, 100, 1000}) {
      const double mean = (c + 1) / std::sqrt(static_cast<double>(t));
      curve.add_row(t, {mean, t == 10 ? -mean : mean / 2, 2 * mean});  // a lower end below zero
    }
    curves.push_back({c == 0 ? "first" : "second", curve});
  }
  curves.push_back({"no-band", eqlab::Curve({"efce_gap"})});
  curves.back().curve.add_row(1, {0.5});
  curves.back().curve.add_row(1000, {0.01});
  eqlab::PlotOptions options;
  options.metrics = {"efce_gap"};
  options.bands = true;
  options.format = eqlab::PlotFormat::svg;
  eqlab::plot_curves(curves, (dir / "bands.svg").string(), options);
  const std::string svg = read_text(dir / "bands.svg");
  std::size_t polygons = 0;
  for (std::size_t at = svg.find("fill-opacity = '0.2"); at != std::string::npos; at = svg.find("fill-opacity = '0.2", at + 1))
    ++polygons;
  CHECK(polygons == 2);
  CHECK(svg.find("second: efce_gap") != std::string::npos);
  CHECK(svg.find("no-band: efce_gap") != std::string::npos);
  options.bands = false;
  eqlab::plot_curves(curves, (dir / "plain.svg").string(), options);
  CHECK(read_text(dir / "plain.svg").find("fill-opacity = '0.2") == std::string::npos);
  options.format = eqlab::PlotFormat::png;
  eqlab::plot_curves(curves, (dir / "bands.png").string(), options);
  CHECK(read_text(dir / "bands.png").substr(1, 3) == "PNG");
  fs::remove_all(dir);
}
