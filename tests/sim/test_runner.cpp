#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/runner.hpp>

using namespace eqlab;

namespace {

// Matching pennies: the row player wins 1 on a match, loses 1 otherwise.
CompiledGame matching_pennies() {
  NormalGame g;
  g.players = {"row", "col"};
  g.actions = {{"h", "t"}, {"h", "t"}};
  for (int v : {1, -1, -1, 1, -1, 1, 1, -1}) g.payoffs.push_back(Number::integer(v));
  return compile(g.to_tree());
}

// Plays heads with probability 1/(t+1) at iteration t, for both players: the curve
// values are known in closed form.
class ScriptedSolver : public Solver {
 public:
  void step() override { ++t_; }
  std::int64_t iteration() const override { return t_; }
  std::string name() const override { return "scripted"; }
  nlohmann::json params() const override { return nlohmann::json::object(); }
  Profile output_profile() const override {
    const double h = 1.0 / static_cast<double>(t_ + 1);
    return {{1.0, h, 1.0 - h}, {1.0, h, 1.0 - h}};
  }
  Profile current_profile() const override { return output_profile(); }

 private:
  std::int64_t t_ = 0;
};

}  // namespace

TEST_CASE("the runner evaluates the output strategy at every checkpoint") {
  const CompiledGame game = matching_pennies();
  ScriptedSolver solver;
  RunOptions options;
  options.iterations = 100;
  options.checkpoints = 5;
  const RunResult result = run_solver(solver, game, options);
  CHECK(solver.iteration() == 100);
  CHECK(result.curve.metrics ==
        std::vector<std::string>{"nash_conv", "exploitability", "value_0", "value_1"});
  REQUIRE(result.curve.rows.size() == 5);
  CHECK(result.curve.rows.front().iteration == 1);
  CHECK(result.curve.rows.back().iteration == 100);
  for (const Curve::Row& row : result.curve.rows) {
    // Both play heads with probability h: the row player's value is (2h-1)^2, and each
    // best response gains |2h-1| - value for the row player, |2h-1| + value for the column.
    const double h = 1.0 / static_cast<double>(row.iteration + 1);
    const double bias = std::abs(2 * h - 1);
    CHECK(row.values[2] == doctest::Approx(bias * bias));
    CHECK(row.values[3] == doctest::Approx(-bias * bias));
    CHECK(row.values[0] == doctest::Approx(2 * bias));
    CHECK(row.values[1] == doctest::Approx(bias));
  }
  CHECK(result.final_report.exploitability == doctest::Approx(1.0 - 2.0 / 101.0));
  CHECK(result.seconds >= result.solve_seconds);
  CHECK(nash_metrics_json(result.final_report)["values"].size() == 2);

  options.iterations = 0;
  CHECK_THROWS_AS(run_solver(solver, game, options), UsageError);
}

TEST_CASE("CFR+ on Kuhn poker through the runner approaches the value -1/18") {
  const CompiledGame game = compile(make_builtin("kuhn"));
  std::unique_ptr<Solver> solver = make_solver("cfr+", game, SolverOptions{});
  RunOptions options;
  options.iterations = 300;
  options.checkpoints = 8;
  const RunResult result = run_solver(*solver, game, options);
  REQUIRE(result.curve.rows.size() == 8);
  const std::vector<double> gap = result.curve.column("exploitability");
  CHECK(gap.front() > 0.05);
  CHECK(gap.back() < 2e-3);
  CHECK(gap.back() < gap.front() / 20);
  CHECK(std::abs(result.final_report.values[0] + 1.0 / 18.0) < 5e-3);
}
