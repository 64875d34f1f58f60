// CFR baselines on the standard games, checked by exact evaluation.
#include <doctest/doctest.h>

#include <cmath>

#include <tbb/global_control.h>
#include <tbb/info.h>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {
NashReport solve(const CompiledGame& g, const std::string& solver, int iterations) {
  auto s = make_solver(solver, g, {});
  for (int t = 0; t < iterations; ++t) s->step();
  CHECK(s->iteration() == iterations);
  return evaluate_nash(g, s->output_profile());
}
}  // namespace

TEST_CASE("CFR+ on Kuhn poker: value -1/18, exploitability under 1e-3 after 10,000 iterations") {
  CompiledGame g = compile(make_builtin("kuhn"));
  NashReport r = solve(g, "cfr+", 10000);
  CHECK(r.exploitability < 1e-3);
  CHECK(std::abs(r.values[0] + 1.0 / 18) < 1e-3);
  CHECK(r.values[0] + r.values[1] == doctest::Approx(0.0).scale(1));
}

TEST_CASE("CFR+ on Leduc poker: value about -0.0856, exploitability under 5e-3 after 2,000 iterations") {
  CompiledGame g = compile(make_builtin("leduc"));
  NashReport r = solve(g, "cfr+", 2000);
  CHECK(r.exploitability < 5e-3);
  CHECK(std::abs(r.values[0] - (-0.0856)) < 2e-3);
}

TEST_CASE("CFR on three-player Kuhn poker drives NashConv down") {
  CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  auto s = make_solver("cfr", g, {});
  const double start = evaluate_nash(g, s->output_profile()).nash_conv;
  for (int t = 0; t < 2000; ++t) s->step();
  const double end = evaluate_nash(g, s->output_profile()).nash_conv;
  CHECK(start == doctest::Approx(2.0625));  // uniform play, as published for OpenSpiel
  CHECK(end < 0.02);
}

TEST_CASE("regret matching solves matching pennies and refuses extensive games") {
  NormalGame pennies;
  pennies.players = {"even", "odd"};
  pennies.actions = {{"heads", "tails"}, {"heads", "tails"}};
  for (int v : {1, -1, -1, 1, -1, 1, 1, -1}) pennies.payoffs.push_back(Number::integer(v));
  CompiledGame g = compile(pennies.to_tree());
  NashReport r = solve(g, "rm", 20000);
  CHECK(r.exploitability < 1e-2);
  CHECK(std::abs(r.values[0]) < 1e-2);
  CHECK_THROWS_AS(make_solver("rm", compile(make_builtin("kuhn")), {}), UsageError);
  CHECK_THROWS_AS(make_solver("no-such-solver", g, {}), UsageError);
}

TEST_CASE("regret matching on a 3x3 game with a unique mixed equilibrium") {
  // Rock-paper-scissors where rock beats scissors by 2 and scissors beats rock... by 2 too:
  // an antisymmetric game, so both players share the equilibrium and its value is 0.
  NormalGame g;
  g.players = {"a", "b"};
  g.actions = {{"r", "p", "s"}, {"r", "p", "s"}};
  const int m[3][3] = {{0, -1, 2}, {1, 0, -1}, {-2, 1, 0}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      g.payoffs.push_back(Number::integer(m[i][j]));
      g.payoffs.push_back(Number::integer(-m[i][j]));
    }
  CompiledGame c = compile(g.to_tree());
  auto s = make_solver("rm", c, {});
  for (int t = 0; t < 50000; ++t) s->step();
  Profile x = s->output_profile();
  // Indifference: 2s - p = r - s = p - 2r = 0 with r + p + s = 1 gives (1/4, 1/2, 1/4).
  CHECK(x[0][1] == doctest::Approx(1.0 / 4).epsilon(0.02));
  CHECK(x[0][2] == doctest::Approx(1.0 / 2).epsilon(0.02));
  CHECK(x[0][3] == doctest::Approx(1.0 / 4).epsilon(0.02));
  CHECK(evaluate_nash(c, x).exploitability < 5e-3);
}

TEST_CASE("solver results do not depend on the number of threads") {
  // With one core TBB runs both on one thread: the comparison below then shows nothing.
  if (tbb::info::default_concurrency() < 2)
    MESSAGE("only " << tbb::info::default_concurrency() << " core: 1 and 2 threads are not really compared");
  CompiledGame g = compile(make_builtin("liars_dice"));
  auto run = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    auto s = make_solver("cfr+", g, {});
    for (int t = 0; t < 3; ++t) s->step();
    return std::make_pair(s->output_profile(), evaluate_nash(g, s->output_profile()).nash_conv);
  };
  auto one = run(1);
  auto two = run(2);
  CHECK(one.first == two.first);  // bit-identical
  CHECK(one.second == two.second);
}

TEST_CASE("predictive CFR+ beats CFR+ on Kuhn and Goofspiel at equal iterations") {
  for (const char* spec : {"kuhn", "goofspiel(cards=4)"}) {
    CAPTURE(spec);
    CompiledGame g = compile(make_builtin(spec));
    const double predictive = solve(g, "pcfr+", 1000).exploitability;
    const double plain = solve(g, "cfr+", 1000).exploitability;
    MESSAGE(std::string(spec) << ": pcfr+ " << predictive << ", cfr+ " << plain);
    CHECK(predictive < 1e-5);
    CHECK(predictive < plain / 10);
  }
  CompiledGame leduc = compile(make_builtin("leduc"));
  CHECK(solve(leduc, "pcfr+", 1000).exploitability < 2e-3);
  auto s = make_solver("pcfr+", leduc, {});
  CHECK(s->params()["averaging"] == "quadratic");
  CHECK(s->params()["prediction"] == "last regret");
}
