// Optimistic FTRL with the dilated entropy (solver optimistic-omd): the optimistic update
// is FTRL on the cumulative utility plus the prediction, and self-play with the last
// utility as prediction converges much faster than plain omd.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/algorithms/omd/dilated_entropy.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

double exploitability_after(const CompiledGame& g, const std::string& solver, std::int64_t iterations) {
  auto s = make_solver(solver, g, {});
  while (s->iteration() < iterations) s->step();
  return evaluate_nash(g, s->output_profile()).exploitability;
}

}  // namespace

TEST_CASE("optimistic update: the strategy is FTRL on the cumulative utility plus the prediction") {
  const CompiledGame g = compile(make_builtin("leduc"));
  const Treeplex& tp = g.treeplex[0];
  DilatedEntropyLearner optimistic(tp, DilatedEntropyLearner::Form::ftrl);
  RngStream rng(31);
  std::vector<double> utility(tp.num_sequences()), prediction(tp.num_sequences()),
      cumulative(tp.num_sequences(), 0.0), target(tp.num_sequences());
  double worst = 0.0, moved = 0.0;
  for (int round = 0; round < 20; ++round) {
    for (int s = 1; s < tp.num_sequences(); ++s) {
      cumulative[s] += (utility[s] = rng.uniform() - 0.5);
      prediction[s] = rng.uniform() - 0.5;
      target[s] = cumulative[s] + prediction[s];
    }
    optimistic.update(utility, 0.9, prediction);
    // A fresh learner given G + m in one round has the strategy FTRL assigns to it.
    DilatedEntropyLearner reference(tp, DilatedEntropyLearner::Form::ftrl);
    reference.update(target, 0.9);
    DilatedEntropyLearner plain(tp, DilatedEntropyLearner::Form::ftrl);
    plain.update(cumulative, 0.9);
    for (int s = 0; s < tp.num_sequences(); ++s) {
      worst = std::max(worst, std::fabs(optimistic.sequence_form()[s] - reference.sequence_form()[s]));
      moved = std::max(moved, std::fabs(optimistic.sequence_form()[s] - plain.sequence_form()[s]));
    }
  }
  CHECK(worst < 1e-12);
  CHECK(moved > 1e-2);  // the prediction matters
  DilatedEntropyLearner omd_form(tp, DilatedEntropyLearner::Form::omd);
  CHECK_THROWS_AS(omd_form.update(utility, 0.9, prediction), UsageError);
}

TEST_CASE("optimistic-omd beats omd on Kuhn, and converges at about 1/T") {
  const CompiledGame kuhn = compile(make_builtin("kuhn"));
  // Measured: optimistic 0.00068 after 1,000 and 0.000068 after 10,000; omd 0.0067 after 1,000.
  const double optimistic = exploitability_after(kuhn, "optimistic-omd", 1000);
  const double vanilla = exploitability_after(kuhn, "omd", 1000);
  MESSAGE("Kuhn after 1000 iterations: optimistic-omd " << optimistic << ", omd " << vanilla);
  CHECK(optimistic < 0.001);
  CHECK(optimistic * 5 < vanilla);
  const double later = exploitability_after(kuhn, "optimistic-omd", 10000);
  MESSAGE("optimistic-omd on Kuhn after 10000: " << later);
  CHECK(later < 1e-4);
  CHECK(later < optimistic / 5);

  // Leduc: measured 0.027 after 1,000 iterations (omd: 0.038).
  const CompiledGame leduc = compile(make_builtin("leduc"));
  const double leduc_value = exploitability_after(leduc, "optimistic-omd", 1000);
  MESSAGE("optimistic-omd on Leduc after 1000: " << leduc_value);
  CHECK(leduc_value < 0.035);
}

TEST_CASE("optimistic-omd on 3-player Kuhn: the NFCCE gap of the played mixture") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  auto solver = make_solver("optimistic-omd", g, {});
  NfcceGap gap(g);
  double at_100 = 0.0;
  while (solver->iteration() < 1000) {
    solver->step();
    REQUIRE(solver->played_profile() != nullptr);
    gap.add(*solver->played_profile());
    if (solver->iteration() == 100) at_100 = gap.gap();
  }
  // Measured: 0.0023 after 1,000 rounds.
  MESSAGE("optimistic-omd on 3-player Kuhn: NFCCE gap " << at_100 << " after 100, " << gap.gap() << " after 1000");
  CHECK(gap.gap() < 0.003);
  CHECK(gap.gap() < at_100 / 5);
}

TEST_CASE("optimistic-omd: parameters") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  auto solver = make_solver("optimistic-omd", g, {});
  CHECK(solver->name() == "optimistic-omd");
  const nlohmann::json params = solver->params();
  CHECK(params["step"] == "constant");
  CHECK(params["eta_scale"] == 5.0);
  CHECK(params["prediction"] == "last utility");
  CHECK(params["form"] == "ftrl");

  // Constant step: eta_scale · sqrt(2 ‖Π‖₁ log A), ‖Π‖₁ = 6 on Kuhn.
  OmdSolver direct(g, optimistic_omd_config());
  CHECK(direct.step_size(0, 1) == doctest::Approx(5.0 * std::sqrt(12 * std::log(2.0))));
  CHECK(direct.step_size(0, 1000) == direct.step_size(0, 1));

  SolverOptions scaled;
  scaled.extra = {{"eta_scale", "2.5"}};
  CHECK(make_solver("optimistic-omd", g, scaled)->params()["eta_scale"] == 2.5);

  for (const char* key : {"form", "step"}) {
    SolverOptions bad;
    bad.extra = {{key, key == std::string("form") ? "ftrl" : "theory"}};
    try {
      make_solver("optimistic-omd", g, bad);
      FAIL("a parameter of the other OMD solvers was accepted");
    } catch (const UsageError& e) {
      const std::string message = e.what();
      CHECK(message == "solver optimistic-omd: unknown parameter " + std::string(key) + " (preset, loss_bound, eta_scale)");
    }
  }
  OmdConfig omd_form = optimistic_omd_config();
  omd_form.form = DilatedEntropyLearner::Form::omd;
  CHECK_THROWS_AS(OmdSolver(g, omd_form), UsageError);
}
