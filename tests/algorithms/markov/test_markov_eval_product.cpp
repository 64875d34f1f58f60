// Exact evaluation of Markov product and correlated policies
// (docs/algorithms/evaluation.md): a two-state game computed by hand, Nash gaps at and
// away from a pure equilibrium, and a product policy written as a joint table.
#include <doctest/doctest.h>

#include <vector>

#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/rng.hpp>

#include "test_markov_eval_games.hpp"

using namespace eqlab;

namespace {

void set_dist(ProductPolicy& pi, int h, int s, int i, std::vector<double> p) {
  std::span<double> out = pi.at(h, s, i);
  for (std::size_t a = 0; a < p.size(); ++a) out[a] = p[a];
}

// Two players with actions {0, 1}, two states, H = 2, rewards in [0, 2] (so game units are
// twice the normalised ones), ρ = (0.75, 0.25). Joint actions in order 00, 01, 10, 11.
//   step 1, s0: row [1, 0, 0, 2], col [2, 0, 0, 1]; equal actions -> s0, else -> s1.
//   step 1, s1: both 0.5 whatever is played; next s0 or s1 with 1/2 each.
//   step 2, s0: matching pennies on {0, 2}: row gets 2 on equal actions, col on unequal.
//   step 2, s1: row gets 2 when it plays 1, col always 1.
TableMarkovModel hand_game() {
  MarkovGame g("hand", {"row", "col"}, 2, {"s0", "s1"}, {{"0", "1"}, {"0", "1"}}, {0.75, 0.25}, 0.0, 2.0);
  const std::vector<StateProb> stay = {{0, 1.0}}, move = {{1, 1.0}}, half = {{0, 0.5}, {1, 0.5}};
  const double s0_row[4] = {1, 0, 0, 2}, s0_col[4] = {2, 0, 0, 1};
  for (std::size_t a = 0; a < 4; ++a) {
    const double r[2] = {s0_row[a], s0_col[a]};
    g.set_cell(0, 0, a, g.add_outcome(r, (a == 0 || a == 3) ? stay : move));
    const double flat[2] = {0.5, 0.5};
    g.set_cell(0, 1, a, g.add_outcome(flat, half));
    const double pennies[2] = {(a == 0 || a == 3) ? 2.0 : 0.0, (a == 0 || a == 3) ? 0.0 : 2.0};
    g.set_cell(1, 0, a, g.add_outcome(pennies, stay));
    const double second[2] = {a >= 2 ? 2.0 : 0.0, 1.0};
    g.set_cell(1, 1, a, g.add_outcome(second, stay));
  }
  return TableMarkovModel(std::move(g));
}

}  // namespace

TEST_CASE("markov eval: product policy values and best responses on a hand-computed game") {
  const TableMarkovModel model = hand_game();
  ProductPolicy pi(model);  // uniform at step 1, s1
  set_dist(pi, 0, 0, 0, {0.25, 0.75});
  set_dist(pi, 0, 0, 1, {0.5, 0.5});
  set_dist(pi, 1, 0, 0, {0.5, 0.5});
  set_dist(pi, 1, 0, 1, {0.25, 0.75});
  set_dist(pi, 1, 1, 0, {1.0, 0.0});
  set_dist(pi, 1, 1, 1, {0.5, 0.5});
  // By hand (game units): step 2 V = row (1, 0), col (1, 1); V† = row (1.5, 2), col (1, 1).
  // Step 1: V(s0) = (1.375, 1.625), V(s1) = (1, 1.5); V†(s0) = (2.75, 1.75), V†(s1) = (2.25, 1.5).
  const ProductEvaluation ev = evaluate_product(model, pi);
  CHECK(ev.value[0] == doctest::Approx(1.28125).epsilon(1e-12));
  CHECK(ev.value[1] == doctest::Approx(1.59375).epsilon(1e-12));
  CHECK(ev.best_response[0] == doctest::Approx(2.625).epsilon(1e-12));
  CHECK(ev.best_response[1] == doctest::Approx(1.6875).epsilon(1e-12));
  CHECK(ev.gap[0] == doctest::Approx(1.34375).epsilon(1e-12));
  CHECK(ev.gap[1] == doctest::Approx(0.09375).epsilon(1e-12));
  CHECK(ev.nash_gap == doctest::Approx(1.34375).epsilon(1e-12));
  const std::vector<double> values = product_values(model, pi);
  CHECK(values[0] == ev.value[0]);
  CHECK(values[1] == ev.value[1]);

  // Row's best response: action 1 wherever it matters; at step 1, s1 both actions tie
  // (its reward and move do not depend on it), so the lowest one.
  const ProductPolicy br = best_response_policy(model, pi, 0);
  CHECK(br.at(1, 0, 0)[1] == 1.0);
  CHECK(br.at(1, 1, 0)[1] == 1.0);
  CHECK(br.at(0, 0, 0)[1] == 1.0);
  CHECK(br.at(0, 1, 0)[0] == 1.0);
  CHECK(br.at(0, 0, 1)[0] == 0.5);  // the other player's entries are untouched
  const ProductEvaluation after = evaluate_product(model, br);
  CHECK(after.value[0] == doctest::Approx(2.625).epsilon(1e-12));
}

TEST_CASE("markov eval: Nash gap is zero at a pure equilibrium and positive away from it") {
  // Three players, H = 2, two states with random moves: everybody gets 1 when all play 0,
  // 0.5 when all play 1, else 0. "All play 0 everywhere" is a Nash equilibrium, and so is
  // "all play 1"; a lone deviator from either loses its reward now and cannot gain later.
  MarkovGame g("coordination", {"a", "b", "c"}, 2, {"x", "y"}, {{"0", "1"}, {"0", "1"}, {"0", "1"}}, {0.5, 0.5});
  RngStream rng(7);
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (std::size_t a = 0; a < 8; ++a) {
        const double r = a == 0 ? 1.0 : (a == 7 ? 0.5 : 0.0);
        const double rs[3] = {r, r, r};
        const double p = 0.1 + 0.8 * rng.uniform();
        const std::vector<StateProb> next = {{0, p}, {1, 1.0 - p}};
        g.set_cell(h, s, a, g.add_outcome(rs, next));
      }
  const TableMarkovModel model(std::move(g));
  for (int action : {0, 1}) {
    ProductPolicy pure(model);
    for (int h = 0; h < 2; ++h)
      for (int s = 0; s < 2; ++s)
        for (int i = 0; i < 3; ++i) pure.set_pure(h, s, i, action);
    const ProductEvaluation ev = evaluate_product(model, pure);
    CHECK(ev.nash_gap == doctest::Approx(0.0).epsilon(1e-14));
    CHECK(ev.value[0] == doctest::Approx(action == 0 ? 2.0 : 1.0).epsilon(1e-14));
  }
  // Uniform play: all-0 happens 1/8 of the time, so a best response (play 0, hoping)
  // earns 2·(1/4) against the value 2·(1/8 + 0.5/8).
  const ProductEvaluation uniform = evaluate_product(model, ProductPolicy(model));
  CHECK(uniform.value[1] == doctest::Approx(2 * 1.5 / 8).epsilon(1e-12));
  CHECK(uniform.nash_gap == doctest::Approx(2 * 0.25 - 2 * 1.5 / 8).epsilon(1e-12));
  // Player 0 alone plays 1 at step 2 in state y: it should switch back to 0 there.
  ProductPolicy off(model);
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (int i = 0; i < 3; ++i) off.set_pure(h, s, i, 0);
  off.set_pure(1, 1, 0, 1);
  const ProductEvaluation ev = evaluate_product(model, off);
  CHECK(ev.gap[0] > 0.1);
  CHECK(best_response_policy(model, off, 0).at(1, 1, 0)[0] == 1.0);
}

TEST_CASE("markov eval: a product policy as a joint table gets the product policy's values and gaps") {
  const TableMarkovModel model =
      markov_eval_test::random_table_game({2, 3, 2}, 3, 3, {0.2, 0.5, 0.3}, 11);
  ProductPolicy pi(model);
  RngStream rng(99);
  for (int h = 0; h < 3; ++h)
    for (int s = 0; s < 3; ++s)
      for (int i = 0; i < 3; ++i) {
        std::span<double> p = pi.at(h, s, i);
        double total = 0.0;
        for (double& x : p) total += (x = rng.uniform());
        for (double& x : p) x /= total;
      }
  CorrelatedPolicy joint(model);
  std::vector<int> acts(3);
  for (int h = 0; h < 3; ++h)
    for (int s = 0; s < 3; ++s)
      for (std::size_t a = 0; a < joint.num_joint_actions(); ++a) {
        joint.decode(a, acts);
        double w = 1.0;
        for (int i = 0; i < 3; ++i) w *= pi.at(h, s, i)[acts[i]];
        joint.at(h, s)[a] = w;
      }
  const ProductEvaluation product = evaluate_product(model, pi);
  const CorrelatedEvaluation correlated = evaluate_correlated(model, joint);
  REQUIRE(product.nash_gap > 0.05);
  for (int i = 0; i < 3; ++i) {
    CHECK(correlated.value[i] == doctest::Approx(product.value[i]).epsilon(1e-12));
    // For a product policy the recommendation says nothing about the others, so neither
    // deviation beats the Markov best response, and both reach it.
    CHECK(correlated.cce_best[i] == doctest::Approx(product.best_response[i]).epsilon(1e-12));
    CHECK(correlated.ce_best[i] == doctest::Approx(product.best_response[i]).epsilon(1e-12));
  }
  CHECK(correlated.cce_gap == doctest::Approx(product.nash_gap).epsilon(1e-12));
  CHECK(correlated.ce_gap == doctest::Approx(product.nash_gap).epsilon(1e-12));
}
