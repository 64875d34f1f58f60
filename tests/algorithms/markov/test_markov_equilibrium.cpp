// Equilibria of tabular Markov games by backward induction (markov_equilibrium.hpp),
// confirmed by the independent exact evaluators: the product evaluator's Nash gap for two
// players, the correlated evaluator's CCE gap for three.
#include <doctest/doctest.h>

#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/marlhf/markov_equilibrium.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/markov_source.hpp>

using namespace eqlab;

namespace {

std::unique_ptr<MarkovModel> trap_game() {
  return load_markov_model(std::string(EQLAB_SOURCE_DIR) + "/examples/marlhf/coverage-trap.json");
}

}  // namespace

TEST_CASE("markov equilibrium: the coverage trap's subgame-perfect equilibrium") {
  const auto model = trap_game();
  const MarkovEquilibrium e = solve_markov_equilibrium(*model, markov_reward_table(*model));
  REQUIRE(e.product);
  CHECK(e.target == Concept::nash);
  // Outside, the incumbent punishes (1 against 0); so the entrant stays for 0.2.
  const int start = 0, outside = 2, stay = 0, punish = 1;
  CHECK(e.product->at(1, outside, 1)[punish] == 1.0);
  CHECK(e.product->at(0, start, 0)[stay] == 1.0);
  CHECK(e.value[0] == doctest::Approx(0.2).epsilon(1e-12));
  CHECK(e.value[1] == doctest::Approx(0.2).epsilon(1e-12));
  const ProductEvaluation check = evaluate_product(*model, *e.product);
  CHECK(check.nash_gap < 1e-12);
  CHECK(check.value[0] == doctest::Approx(0.2));
}

TEST_CASE("markov equilibrium: two-player games without pure equilibria") {
  for (const char* spec : {"markov-cycle(players=2,states=2,horizon=2,perturb=0.3,seed=1)",
                           "markov-cycle(players=2,states=3,horizon=3)",
                           "markov-random(players=2,states=3,actions=3,horizon=3,seed=7)"}) {
    CAPTURE(spec);
    const auto model = make_markov_builtin(spec);
    const MarkovEquilibrium e = solve_markov_equilibrium(*model, markov_reward_table(*model));
    REQUIRE(e.product);
    const ProductEvaluation check = evaluate_product(*model, *e.product);
    CHECK(check.nash_gap < 1e-10);
    // Its own values agree with the evaluator's (the evaluator reports game units).
    for (int i = 0; i < 2; ++i) CHECK(e.value[i] * model->reward_scale() == doctest::Approx(check.value[i] - model->shape().reward_lo * model->horizon()).epsilon(1e-9));
  }
}

TEST_CASE("markov equilibrium: constant rewards give the first pure profile, unperturbed") {
  const auto model = make_markov_builtin("markov-random(players=2,states=2,actions=3,horizon=2,seed=1)");
  const JointRewardTable zero(*model);
  const MarkovEquilibrium e = solve_markov_equilibrium(*model, zero);
  CHECK(e.perturbed_stages == 0);
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (int i = 0; i < 2; ++i) CHECK(e.product->at(h, s, i)[0] == 1.0);
}

TEST_CASE("markov equilibrium: three players get a CCE whose gap falls with the rounds") {
  const auto model = make_markov_builtin("markov-random(players=3,states=2,actions=2,horizon=2,seed=3)");
  const JointRewardTable rewards = markov_reward_table(*model);
  MarkovEquilibriumOptions few, many;
  few.cce_rounds = 50;
  many.cce_rounds = 5000;
  const MarkovEquilibrium a = solve_markov_equilibrium(*model, rewards, few);
  const MarkovEquilibrium b = solve_markov_equilibrium(*model, rewards, many);
  REQUIRE(a.correlated);
  REQUIRE(b.correlated);
  CHECK(b.target == Concept::cce);
  const double gap_few = evaluate_correlated(*model, *a.correlated).cce_gap;
  const double gap_many = evaluate_correlated(*model, *b.correlated).cce_gap;
  CHECK(gap_many < gap_few);
  CHECK(gap_many < 0.02 * model->reward_scale() * model->horizon());
}
