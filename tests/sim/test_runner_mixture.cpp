// The runner on learners whose output is the mixture of the profiles they played: the
// gaps on its curve are those of every round, not only of the checkpoints.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;

namespace {

// OMD self-play declared as a learner of a correlated concept, with one number of its own:
// the mixture it plays is the same, only what the runner measures changes.
class CorrelatedOmd : public Solver {
 public:
  CorrelatedOmd(const CompiledGame& game, Concept solution_concept)
      : omd_(game, OmdConfig{}), concept_(solution_concept) {}

  void step() override { omd_.step(); }
  std::int64_t iteration() const override { return omd_.iteration(); }
  std::string name() const override { return "correlated-omd"; }
  Concept solution_concept() const override { return concept_; }
  nlohmann::json params() const override { return omd_.params(); }
  Profile output_profile() const override { return omd_.output_profile(); }
  Profile current_profile() const override { return omd_.current_profile(); }
  const Profile* played_profile() const override { return omd_.played_profile(); }
  std::vector<std::pair<std::string, double>> own_metrics() const override {
    return {{"rounds_over_1000", static_cast<double>(iteration()) / 1000.0}};
  }

 private:
  OmdSolver omd_;
  Concept concept_;
};

// The rounds an OmdSolver plays, collected straight from a fresh solver.
std::vector<Profile> omd_rounds(const CompiledGame& game, int rounds) {
  OmdSolver omd(game, OmdConfig{});
  std::vector<Profile> played;
  for (int t = 0; t < rounds; ++t) {
    omd.step();
    played.push_back(*omd.played_profile());
  }
  return played;
}

}  // namespace

TEST_CASE("runner, correlated concept: the curve's gaps are those of the mixture of every round") {
  const CompiledGame game = compile(make_builtin("kuhn(players=3)"));
  constexpr int kRounds = 300;
  const std::vector<Profile> rounds = omd_rounds(game, kRounds);

  for (const Concept correlated : {Concept::nfcce, Concept::efce}) {
    const std::string concept_text(concept_name(correlated));
    CAPTURE(concept_text);
    CorrelatedOmd solver(game, correlated);
    RunOptions options;
    options.iterations = kRounds;
    options.checkpoints = 6;
    int seen = 0;
    double largest_step = 0.0;
    options.on_round = [&](const Profile& played) {
      largest_step = std::max(largest_step, std::fabs(played[0][1] - rounds[seen][0][1]));
      ++seen;
    };
    const RunResult result = run_solver(solver, game, options);
    CHECK(seen == kRounds);
    CHECK(largest_step == 0.0);  // the rounds handed out are the ones OMD plays
    CHECK(result.solution_concept == correlated);
    CHECK(result.curve.metrics == std::vector<std::string>{"nfcce_gap", "efce_gap", "rounds_over_1000", "value_0",
                                                           "value_1", "value_2"});
    REQUIRE(result.curve.rows.size() == 6);

    // At every checkpoint, independent evaluators fed the same rounds up to there.
    NfcceGap nfcce(game);
    EfceGap efce(game);
    std::vector<double> value_sum(3, 0.0);
    std::size_t next = 0;
    for (const Curve::Row& row : result.curve.rows) {
      for (; next < static_cast<std::size_t>(row.iteration); ++next) {
        nfcce.add(rounds[next]);
        efce.add(rounds[next]);
        const std::vector<double> v = game.expected_values(rounds[next]);
        for (int p = 0; p < 3; ++p) value_sum[p] += v[p];
      }
      CAPTURE(row.iteration);
      CHECK(row.values[0] == doctest::Approx(nfcce.gap()).epsilon(1e-12));
      CHECK(row.values[1] == doctest::Approx(efce.gap()).epsilon(1e-12));
      CHECK(row.values[2] == static_cast<double>(row.iteration) / 1000.0);
      for (int p = 0; p < 3; ++p)
        CHECK(std::fabs(row.values[3 + p] - value_sum[p] / static_cast<double>(row.iteration)) <= 1e-12);
    }
    const Curve::Row& last = result.curve.rows.back();
    CHECK(last.iteration == kRounds);
    CHECK(std::fabs(last.values[0] - nfcce.gap()) <= 1e-12);
    CHECK(std::fabs(last.values[1] - efce.gap()) <= 1e-12);
    // Kuhn with three players is zero-sum, and so is every mixture of its profiles.
    CHECK(std::fabs(last.values[3] + last.values[4] + last.values[5]) <= 1e-12);
    // The mixture gets closer to an equilibrium: both gaps fall.
    for (const char* gap : {"nfcce_gap", "efce_gap"}) {
      const std::vector<double> column = result.curve.column(gap);
      CHECK(column.back() < column.front() / 5);
      CHECK(column.back() > 0.0);
    }

    // The metrics: the gaps, the learner's own number, then the mixture's values.
    REQUIRE(result.mixture.has_value());
    const nlohmann::ordered_json metrics = run_metrics_json(result);
    std::vector<std::string> keys;
    for (const auto& [key, value] : metrics.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"nfcce_gap", "efce_gap", "rounds_over_1000", "values"});
    CHECK(metrics["nfcce_gap"].get<double>() == last.values[0]);
    CHECK(metrics["rounds_over_1000"].get<double>() == 0.3);
    CHECK(metrics["values"][2].get<double>() == last.values[5]);
    const nlohmann::ordered_json doc = run_result_json(solver, "kuhn(players=3)", game, result);
    CHECK(doc["concept"] == concept_text);
    CHECK(doc["curve"].back()["efce_gap"].get<double>() == last.values[1]);
  }
}

TEST_CASE("runner, Nash learner: the mixture is measured on request, next to the Nash columns") {
  // OMD is a Nash learner in two-player zero-sum games.
  const CompiledGame game = compile(make_builtin("kuhn"));
  constexpr int kRounds = 120;
  OmdSolver omd(game, OmdConfig{});
  REQUIRE(omd.solution_concept() == Concept::nash);
  RunOptions options;
  options.iterations = kRounds;
  options.checkpoints = 4;
  options.measure_mixture = true;
  const RunResult result = run_solver(omd, game, options);
  CHECK(result.curve.metrics ==
        std::vector<std::string>{"nash_conv", "exploitability", "value_0", "value_1", "nfcce_gap", "efce_gap"});
  NfcceGap nfcce(game);
  EfceGap efce(game);
  for (const Profile& x : omd_rounds(game, kRounds)) {
    nfcce.add(x);
    efce.add(x);
  }
  const std::vector<double>& last = result.curve.rows.back().values;
  CHECK(std::fabs(last[4] - nfcce.gap()) <= 1e-12);
  CHECK(std::fabs(last[5] - efce.gap()) <= 1e-12);
  CHECK(last[4] > 0.0);
  CHECK(result.final_report.nash_conv == last[0]);
  const nlohmann::ordered_json metrics = run_metrics_json(result);
  std::vector<std::string> keys;
  for (const auto& [key, value] : metrics.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"nash_conv", "exploitability", "values", "nfcce_gap", "efce_gap"});
  CHECK(metrics["nfcce_gap"].get<double>() == last[4]);

  // Without the request, today's columns only.
  OmdSolver plain(game, OmdConfig{});
  options.measure_mixture = false;
  const RunResult nash = run_solver(plain, game, options);
  CHECK(nash.curve.metrics == std::vector<std::string>{"nash_conv", "exploitability", "value_0", "value_1"});
  CHECK(!nash.mixture.has_value());
  // Measuring the mixture changes nothing in the Nash columns.
  CHECK(nash.curve.rows.back().values == std::vector<double>(last.begin(), last.begin() + 4));
}

TEST_CASE("runner: a learner that plays no mixture cannot have one measured or written") {
  const CompiledGame game = compile(make_builtin("kuhn"));
  std::unique_ptr<Solver> cfr = make_solver("cfr+", game, SolverOptions{});
  RunOptions options;
  options.iterations = 10;
  options.measure_mixture = true;
  CHECK_THROWS_WITH_AS(run_solver(*cfr, game, options),
                       "solver cfr+ does not play a mixture of product profiles (played_profile() is empty), so "
                       "there is no mixture to measure or write",
                       UsageError);
  options.measure_mixture = false;
  options.on_round = [](const Profile&) {};
  CHECK_THROWS_AS(run_solver(*cfr, game, options), UsageError);

  CorrelatedOmd kefce(game, Concept::kefce);
  options.on_round = nullptr;
  CHECK_THROWS_AS(run_solver(kefce, game, options), UsageError);
  CHECK(kefce.iteration() == 0);
}
