// Dilated-entropy OMD: equal to Hedge over pure plans (checked by enumeration), the OMD
// and FTRL forms agree for a constant step, and self-play converges to Nash.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/omd/dilated_entropy.hpp>
#include <eqlab/algorithms/omd/omd_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

#include "support/pure_plans.hpp"

using namespace eqlab;

using eqlab::test::pure_plans;

TEST_CASE("dilated-entropy FTRL equals Hedge over the pure plans") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  const Treeplex& tp = g.treeplex[0];
  const auto plans = pure_plans(tp);
  CHECK(plans.size() == 27);  // per card: bet, pass-then-fold or pass-then-call
  DilatedEntropyLearner learner(tp, DilatedEntropyLearner::Form::ftrl);
  RngStream rng(7);
  std::vector<double> cumulative(tp.num_sequences(), 0.0), utility(tp.num_sequences());
  for (int round = 1; round <= 20; ++round) {
    for (int s = 1; s < tp.num_sequences(); ++s) cumulative[s] += (utility[s] = rng.uniform() - 0.5);
    const double eta = 1.5 / std::sqrt(round);
    learner.update(utility, eta);
    // Hedge: p_v ∝ exp(η <v, G>), its sequence form the p-weighted sum of plans.
    std::vector<double> weight;
    double top = -1e300;
    for (const auto& v : plans) {
      double score = 0.0;
      for (int s = 1; s < tp.num_sequences(); ++s) score += v[s] * cumulative[s];
      weight.push_back(eta * score);
      top = std::max(top, weight.back());
    }
    double total = 0.0;
    for (double& w : weight) total += (w = std::exp(w - top));
    for (int s = 0; s < tp.num_sequences(); ++s) {
      double expected = 0.0;
      for (std::size_t k = 0; k < plans.size(); ++k) expected += weight[k] / total * plans[k][s];
      CHECK(learner.sequence_form()[s] == doctest::Approx(expected).epsilon(1e-12));
    }
  }
}

TEST_CASE("dilated-entropy OMD and FTRL give the same iterates for a constant step") {
  // Both start uniform over pure plans, which is not uniform per infoset in Leduc.
  const CompiledGame g = compile(make_builtin("leduc"));
  const Treeplex& tp = g.treeplex[1];
  DilatedEntropyLearner ftrl(tp, DilatedEntropyLearner::Form::ftrl);
  DilatedEntropyLearner omd(tp, DilatedEntropyLearner::Form::omd);
  RngStream rng(3);
  std::vector<double> utility(tp.num_sequences());
  double worst = 0.0;
  for (int round = 0; round < 50; ++round) {
    for (double& u : utility) u = rng.uniform();
    ftrl.update(utility, 0.7);
    omd.update(utility, 0.7);
    for (int s = 0; s < tp.num_sequences(); ++s)
      worst = std::max(worst, std::fabs(ftrl.sequence_form()[s] - omd.sequence_form()[s]));
  }
  CHECK(worst < 1e-10);
  CHECK(tp.plan_violation(omd.sequence_form()) < 1e-12);
}

TEST_CASE("the largest number of infosets one plan reaches") {
  // Kuhn: each of 3 cards has a first-move infoset and, after pass then bet, a second one.
  CHECK(DilatedEntropyLearner::max_reached_infosets(compile(make_builtin("kuhn")).treeplex[0]) == 6);
  CHECK(DilatedEntropyLearner::max_reached_infosets(compile(make_builtin("kuhn")).treeplex[1]) == 6);
}

TEST_CASE("omd self-play: Kuhn's average strategy approaches the value -1/18") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  auto solver = make_solver("omd", g, {});
  double previous = 1e9;
  for (int checkpoint : {100, 1000, 10000}) {
    while (solver->iteration() < checkpoint) solver->step();
    const NashReport r = evaluate_nash(g, solver->output_profile());
    CHECK(r.exploitability < previous);
    previous = r.exploitability;
  }
  CHECK(previous < 5e-3);
  CHECK(std::abs(evaluate_nash(g, solver->output_profile()).values[0] + 1.0 / 18) < 5e-3);
  CHECK(solver->params()["eta_scale"] == 60.0);
  CHECK(solver->solution_concept() == Concept::nash);
  SolverOptions bad;
  bad.extra = {{"eta_scale", "-1"}};
  CHECK_THROWS_AS(make_solver("omd", g, bad), UsageError);
}

TEST_CASE("omd self-play: Leduc's average strategy is within 1e-2 of Nash after 10,000 iterations") {
  const CompiledGame g = compile(make_builtin("leduc"));
  auto solver = make_solver("omd", g, {});
  for (int t = 0; t < 10000; ++t) solver->step();
  const NashReport r = evaluate_nash(g, solver->output_profile());
  MESSAGE("Leduc, omd, 10,000 iterations: exploitability " << r.exploitability << ", value " << r.values[0]);
  CHECK(r.exploitability < 1e-2);  // measured 0.0076
  CHECK(r.values[0] == doctest::Approx(-0.0856).epsilon(0.15));
}

TEST_CASE("omd outside two-player zero-sum games outputs the mixture: concept nfcce") {
  const CompiledGame three = compile(make_builtin("kuhn(players=3)"));
  CHECK(make_solver("omd", three, {})->solution_concept() == Concept::nfcce);
  const CompiledGame sheriff = compile(make_builtin("sheriff(rounds=1)"));
  CHECK(make_solver("omd", sheriff, {})->solution_concept() == Concept::nfcce);
  CHECK(make_solver("optimistic-omd", sheriff, {})->solution_concept() == Concept::nfcce);
}
