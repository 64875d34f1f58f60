// How an experiment reports scaling: the episodes needed to reach a gap ε against 1/ε
// (rates.csv), and the final regret against the size of the game, sqrt(XA) (sizes.csv,
// size_rates.csv), checked on synthetic curves and on a fake learner whose regret is
// known exactly.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <eqlab/sim/experiment.hpp>
#include <eqlab/sim/size_plot.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("eqlab-sizes-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

std::vector<double> power_law(const std::vector<std::int64_t>& t, double c, double power) {
  std::vector<double> metric;
  for (std::int64_t x : t) metric.push_back(c * std::pow(static_cast<double>(x), -power));
  return metric;
}

// A learner whose gap is known in closed form: scale · XA^size_power / sqrt(T), so its
// regret, gap · T, is scale · XA^size_power · sqrt(T). It plays the uniform profile, which
// the runner measures as usual; the gap is its own metric "fake_gap".
class KnownRegretSolver : public eqlab::Solver {
 public:
  KnownRegretSolver(const eqlab::CompiledGame& game, double scale, double size_power)
      : scale_(scale), size_power_(size_power), xa_(static_cast<double>(eqlab::game_size_xa(game))) {
    for (const eqlab::Treeplex& t : game.treeplex) uniform_.push_back(t.uniform_sequence_form());
  }
  void step() override { ++iteration_; }
  std::int64_t iteration() const override { return iteration_; }
  std::string name() const override { return "known-regret"; }
  nlohmann::json params() const override { return {{"scale", scale_}}; }
  eqlab::Profile output_profile() const override { return uniform_; }
  eqlab::Profile current_profile() const override { return uniform_; }
  std::vector<std::pair<std::string, double>> own_metrics() const override {
    return {{"fake_gap", scale_ * std::pow(xa_, size_power_) / std::sqrt(static_cast<double>(iteration_))}};
  }

 private:
  double scale_, size_power_, xa_;
  std::int64_t iteration_ = 0;
  eqlab::Profile uniform_;
};

constexpr std::int64_t kHorizon = 400;

// Two fake learners on Kuhn poker for 2 and 3 players, seeds 0..2 with scale seed + 1:
// "sqrt" has regret growing as sqrt(XA), "linear" as XA.
eqlab::ExperimentReport run_fake(const fs::path& dir, const json& games, bool plots = false) {
  const json doc = {{"name", "sizes"},
                    {"games", games},
                    {"algorithms", json::parse(R"([{"solver": "omd", "label": "sqrt"},
                                                   {"solver": "omd", "label": "linear"}])")},
                    {"seeds", 3},
                    {"iterations", kHorizon},
                    {"checkpoints", 8},
                    {"metric", "fake_gap"}};
  eqlab::ExperimentOptions options;
  options.out_dir = dir.string();
  options.plots = plots;
  options.factory = [](const eqlab::ExperimentAlgorithm& algorithm, const eqlab::CompiledGame& game,
                       std::uint64_t seed, std::int64_t) -> std::unique_ptr<eqlab::Solver> {
    return std::make_unique<KnownRegretSolver>(game, static_cast<double>(seed + 1),
                                               algorithm.label == "sqrt" ? 0.5 : 1.0);
  };
  return eqlab::run_experiment(eqlab::parse_experiment_config(doc, "sizes.json"), "sizes.json", options);
}

}  // namespace

TEST_CASE("experiment: episodes to reach epsilon on synthetic curves") {
  // Sparse checkpoints: a staircase would miss the power law, the log-linear interpolation
  // does not. The first two rows lie before T_max/100 and are left out.
  const std::vector<std::int64_t> t{1, 3, 10, 25, 100, 400, 1000};
  std::vector<double> metric = power_law(t, 3.0, 0.5);
  metric[0] = 1e6;
  const eqlab::EpisodesFit sqrt_fit = eqlab::fit_episodes_to_epsilon(t, metric);
  CHECK(sqrt_fit.points == eqlab::kEpsilonGridPoints);
  CHECK(sqrt_fit.slope == doctest::Approx(2.0).epsilon(1e-9));

  const eqlab::EpisodesFit linear_fit = eqlab::fit_episodes_to_epsilon(t, power_law(t, 0.7, 1.0));
  CHECK(linear_fit.slope == doctest::Approx(1.0).epsilon(1e-9));
  CHECK(eqlab::fit_episodes_to_epsilon(t, power_law(t, 2.0, 0.25)).slope == doctest::Approx(4.0).epsilon(1e-9));

  // A curve that does not fall, or rises, has no ε to reach.
  const eqlab::EpisodesFit flat = eqlab::fit_episodes_to_epsilon(t, std::vector<double>(t.size(), 0.3));
  CHECK(std::isnan(flat.slope));
  CHECK(flat.points == 0);
  CHECK(std::isnan(eqlab::fit_episodes_to_epsilon(t, power_law(t, 1.0, -0.5)).slope));

  // A curve that drops, then stalls: every ε is reached in the first interval. By hand,
  // with T = 10, 100, 1000 and metric 1, 0.1, 0.1, ε_j = 0.1^(j/9) is reached at
  // log T = log 10 + (j/9) log 10 (j = 0: at T = 10 itself), and log(1/ε_j) = (j/9) log 10:
  // slope 1, though the last checkpoint, where nothing changes, is a decade later.
  const eqlab::EpisodesFit stall = eqlab::fit_episodes_to_epsilon({10, 100, 1000}, {1.0, 0.1, 0.1});
  CHECK(stall.slope == doctest::Approx(1.0).epsilon(1e-9));
}

TEST_CASE("experiment: the episodes-to-epsilon columns of rates.csv") {
  const fs::path dir = scratch("eps");
  const eqlab::ExperimentReport report = run_fake(dir, json{"kuhn"});
  REQUIRE(report.rates.size() == 2);
  for (const eqlab::RateRow& rate : report.rates) {
    CHECK(rate.slope == doctest::Approx(0.5).epsilon(1e-9));
    CHECK(rate.eps_points == eqlab::kEpsilonGridPoints);
    CHECK(rate.eps_slope == doctest::Approx(2.0).epsilon(1e-9));
    CHECK(rate.eps_theory == 2.0);
    CHECK(rate.eps_seed_slopes == 3);
    CHECK(rate.eps_seed_mean == doctest::Approx(2.0).epsilon(1e-9));
  }
  const auto rows = read_csv(dir / "rates.csv");
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[0].size() == 19);
  CHECK(rows[0][12] == "eps_points");
  CHECK(rows[0][13] == "eps_slope");
  CHECK(rows[0][18] == "eps_seed_high");
  REQUIRE(rows[1].size() == 19);
  CHECK(rows[1][12] == "10");
  CHECK(std::stod(rows[1][13]) == doctest::Approx(2.0).epsilon(1e-9));
  CHECK(rows[1][14] == "2");
  // One game: no size files.
  CHECK(!fs::exists(dir / "sizes.csv"));
  CHECK(!fs::exists(dir / "size_rates.csv"));
  CHECK(report.sizes.empty());
  fs::remove_all(dir);
}

TEST_CASE("experiment: final regret against sqrt(XA) in sizes.csv and size_rates.csv") {
  const fs::path dir = scratch("sizes");
  const eqlab::ExperimentReport report =
      run_fake(dir, json{{{"game", "kuhn"}, {"label", "kuhn2"}}, {{"game", "kuhn(players=3)"}, {"label", "kuhn3"}}});

  // XA by hand. Kuhn, 2 players, 3 cards: player 0 acts at the start and after
  // pass-bet, player 1 after a pass or a bet; 3 cards x 2 histories x 2 actions = 12 each.
  // 3 players, 4 cards: player 0 at "", "ppb", "pbp", "pbb"; player 1 at "p", "b", "ppbp",
  // "ppbb"; player 2 at "pp", "pb", "bp", "bb": 4 cards x 4 histories x 2 actions = 32.
  const std::vector<std::pair<std::string, std::int64_t>> games{{"kuhn2", 12}, {"kuhn3", 32}};
  const double t95 = eqlab::t_quantile_95(3);
  const auto rows = read_csv(dir / "sizes.csv");
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == std::vector<std::string>{"game", "label", "metric", "xa", "sqrt_xa", "final_iteration",
                                            "final_regret_mean", "final_regret_low", "final_regret_high"});
  REQUIRE(report.sizes.size() == 4);
  std::size_t r = 0;
  for (const std::string label : {"sqrt", "linear"}) {
    const double power = label == "sqrt" ? 0.5 : 1.0;
    for (const auto& [game, xa] : games) {
      const std::vector<std::string>& row = rows[r + 1];
      const eqlab::SizeRow& size = report.sizes[r++];
      REQUIRE(row.size() == 9);
      CHECK(row[0] == game);
      CHECK(row[1] == label);
      CHECK(row[2] == "fake_gap");
      CHECK(row[3] == std::to_string(xa));
      CHECK(std::stod(row[4]) == doctest::Approx(std::sqrt(xa)).epsilon(1e-12));
      CHECK(row[5] == "400");
      // Scales 1, 2, 3 over the seeds: mean 2, sd 1, in units of XA^power sqrt(T).
      const double unit = std::pow(static_cast<double>(xa), power) * std::sqrt(static_cast<double>(kHorizon));
      CHECK(std::stod(row[6]) == doctest::Approx(2.0 * unit).epsilon(1e-9));
      CHECK(std::stod(row[7]) == doctest::Approx((2.0 - t95 / std::sqrt(3.0)) * unit).epsilon(1e-9));
      CHECK(std::stod(row[8]) == doctest::Approx((2.0 + t95 / std::sqrt(3.0)) * unit).epsilon(1e-9));
      CHECK(size.final_regret_mean == doctest::Approx(2.0 * unit).epsilon(1e-12));
    }
  }

  // Regret as sqrt(XA) has slope 1 against sqrt(XA); regret as XA has slope 2.
  const auto fits = read_csv(dir / "size_rates.csv");
  REQUIRE(fits.size() == 3);
  CHECK(fits[0] == std::vector<std::string>{"label", "metric", "games", "slope", "theory"});
  CHECK(fits[1][0] == "sqrt");
  CHECK(fits[1][2] == "2");
  CHECK(std::stod(fits[1][3]) == doctest::Approx(1.0).epsilon(1e-9));
  CHECK(fits[1][4] == "1");
  CHECK(fits[2][0] == "linear");
  CHECK(std::stod(fits[2][3]) == doctest::Approx(2.0).epsilon(1e-9));
  REQUIRE(report.size_rates.size() == 2);
  CHECK(report.size_rates[0].slope == doctest::Approx(1.0).epsilon(1e-9));
  CHECK(report.files.size() == 4);  // summary, rates, sizes, size rates (no plots)
  fs::remove_all(dir);
}

TEST_CASE("experiment: the size plot") {
  // Nothing a log-log figure can show: refused before gnuplot is looked for.
  eqlab::SizeSeries empty;
  empty.label = "a";
  empty.x = {0.0, 2.0};
  empty.y = {1.0, -1.0};
  CHECK_THROWS_AS(eqlab::plot_size_scaling({empty}, "unused.svg", {}), std::invalid_argument);
  if (eqlab::find_program("gnuplot").empty()) {
    MESSAGE("gnuplot is not installed: the size plot is not drawn");
    return;
  }
  const fs::path dir = scratch("size-plot");
  const eqlab::ExperimentReport report =
      run_fake(dir, json{{{"game", "kuhn"}, {"label", "kuhn2"}}, {{"game", "kuhn(players=3)"}, {"label", "kuhn3"}}}, true);
  REQUIRE(fs::is_regular_file(dir / "plots/size.svg"));
  CHECK(fs::file_size(dir / "plots/size.png") > 1000);
  std::ifstream in(dir / "plots/size.svg");
  const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Both algorithms in the legend, and the axis of sizes.
  CHECK(svg.find(">sqrt<") != std::string::npos);
  CHECK(svg.find(">linear<") != std::string::npos);
  CHECK(svg.find("sqrt(XA)") != std::string::npos);
  CHECK(std::find(report.files.begin(), report.files.end(), (dir / "plots/size.svg").string()) != report.files.end());

  // Points known only from below and notes under the figure: only the measured points
  // have a legend entry, the notes are printed.
  eqlab::SizeSeries line;
  line.label = "measured";
  line.x = {2.0, 4.0};
  line.y = {10.0, 100.0};
  line.above_x = {8.0};
  line.above_y = {1000.0};
  eqlab::SizePlotOptions options;
  options.format = eqlab::PlotFormat::svg;
  options.log_x = false;
  options.key = "bottom right";
  options.notes = {"triangles: not reached", "other refused at m = 16"};
  eqlab::plot_size_scaling({line}, (dir / "censored.svg").string(), options);
  std::ifstream censored_in(dir / "censored.svg");
  const std::string censored((std::istreambuf_iterator<char>(censored_in)), std::istreambuf_iterator<char>());
  CHECK(censored.find(">measured<") != std::string::npos);
  CHECK(censored.find(">triangles: not reached<") != std::string::npos);
  CHECK(censored.find(">other refused at m = 16<") != std::string::npos);
  // Only the lower bound alone is still something to draw.
  eqlab::SizeSeries only_above;
  only_above.label = "above";
  only_above.above_x = {3.0};
  only_above.above_y = {50.0};
  CHECK_NOTHROW(eqlab::plot_size_scaling({only_above}, (dir / "above.svg").string(), options));
  fs::remove_all(dir);
}
