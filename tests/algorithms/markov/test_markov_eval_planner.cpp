// The exact planners (docs/algorithms/evaluation.md): backward induction with stage
// CCE/CE by regret-matching self-play gives Markov correlated policies whose gaps, as
// evaluate_correlated measures them, vanish as the rounds grow.
#include <doctest/doctest.h>

#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/algorithms/markov/eval/planner.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/stage_equilibrium.hpp>

#include "test_markov_eval_games.hpp"

using namespace eqlab;

TEST_CASE("markov eval: a stage CE of rock-paper-scissors is close to uniform play") {
  // Zero-sum with a unique equilibrium: any CCE has uniform marginals and value 0.
  std::vector<double> rps;
  const double win[3][3] = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b) {
      rps.push_back(win[a][b]);
      rps.push_back(-win[a][b]);
    }
  for (StageEquilibrium kind : {StageEquilibrium::kCoarseCorrelated, StageEquilibrium::kCorrelated}) {
    StageSolver solver({3, 3}, kind);
    std::vector<double> joint(9);
    solver.solve(rps, 20000, joint);
    double total = 0.0;
    for (int a = 0; a < 3; ++a) {
      double marginal = 0.0;
      for (int b = 0; b < 3; ++b) marginal += joint[a * 3 + b];
      CHECK(marginal == doctest::Approx(1.0 / 3).epsilon(0.03));
      total += marginal;
    }
    CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
  }
}

TEST_CASE("markov eval: planned Markov CCE and CE have gaps that vanish with the rounds") {
  for (std::uint64_t seed : {81, 82}) {
    const TableMarkovModel model =
        markov_eval_test::random_table_game({2, 3, 2}, 2, 2, {0.5, 0.5}, seed);
    // Uniform play is far from any equilibrium: the scale the planned gaps are compared with.
    const double uniform_gap = evaluate_product(model, ProductPolicy(model)).nash_gap;
    const CorrelatedEvaluation cce_few = evaluate_correlated(model, plan_cce(model, 50));
    const CorrelatedEvaluation cce_many = evaluate_correlated(model, plan_cce(model, 20000));
    const CorrelatedEvaluation ce_few = evaluate_correlated(model, plan_ce(model, 50));
    const CorrelatedEvaluation ce_many = evaluate_correlated(model, plan_ce(model, 20000));
    MESSAGE("seed " << seed << ": uniform Nash gap " << uniform_gap << "; CCE gap " << cce_few.cce_gap << " -> "
                    << cce_many.cce_gap << "; CE gap " << ce_few.ce_gap << " -> " << ce_many.ce_gap);
    CHECK(uniform_gap > 0.2);
    CHECK(cce_many.cce_gap < 1e-2);
    CHECK(ce_many.ce_gap < 1e-2);
    CHECK(cce_many.cce_gap < cce_few.cce_gap);
    CHECK(ce_many.ce_gap < ce_few.ce_gap);
    // CE ⊂ CCE: the CE planner's policy is also a CCE, and a CE deviation is never weaker.
    CHECK(ce_many.cce_gap <= ce_many.ce_gap + 1e-12);
    CHECK(cce_many.cce_gap <= cce_many.ce_gap + 1e-12);
  }
}
