#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/potential/nash_ca.hpp>
#include <eqlab/games/markov/generators/congestion.hpp>
#include <eqlab/games/markov/generators/team.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;
using namespace eqlab::markov_gen;

namespace {

// Runs to the end (or a safety cap far above the theorem's bound) and returns the episodes.
std::int64_t run_to_end(NashCa& solver, std::int64_t cap) {
  while (solver.episodes() < cap && solver.run_episode()) {
  }
  return solver.episodes();
}

// The theorem's episode bound for these options: at most 4·Φ_max/ε + 1 rounds, each of
// N base episodes plus, per player, K_i learning and N evaluation episodes.
std::int64_t episode_bound(const NashCa& solver, double phi_max) {
  const NashCaOptions& o = solver.options();
  const std::int64_t per_round =
      o.evaluation_episodes * static_cast<std::int64_t>(o.learner_episodes.size() + 1) +
      std::accumulate(o.learner_episodes.begin(), o.learner_episodes.end(), std::int64_t{0});
  const auto rounds = static_cast<std::int64_t>(std::ceil(4.0 * phi_max / o.epsilon)) + 1;
  return rounds * per_round;
}

bool is_pure(const ProductPolicy& p) {
  for (double x : p.data())
    if (x != 0.0 && x != 1.0) return false;
  return true;
}

}  // namespace

TEST_CASE("markov nash-ca: a random team game ends at a pure epsilon-NE within the bound") {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const TeamMarkov model(TeamParams{{static_cast<int>(1 + seed), 2, 3 - static_cast<int>(seed % 2), 2, 100 + seed}});
    NashCa solver(model, {{"epsilon", 0.1}}, seed);
    const std::int64_t bound = episode_bound(solver, model.horizon());  // team game: Φ = V ≤ H
    const std::int64_t used = run_to_end(solver, bound + 1);
    const double gap = evaluate_product(model, *solver.product()).nash_gap;
    MESSAGE("seed " << seed << ": episodes " << used << " (bound " << bound << "), rounds " << solver.rounds()
                    << ", improvements " << solver.improvements() << ", exact Nash gap " << gap);
    CHECK(solver.finished());
    CHECK(solver.converged());
    CHECK(used <= bound);
    CHECK(used == solver.learner_episodes() + solver.evaluation_episodes());
    CHECK(is_pure(*solver.product()));
    CHECK(gap <= 0.1);
    CHECK_FALSE(solver.run_episode());  // nothing more is played
    CHECK(solver.episodes() == used);
  }
}

TEST_CASE("markov nash-ca: a congestion game with action-independent transitions") {
  const CongestionMarkov model(CongestionParams{{3, 2, 3, 2, 21}});
  NashCa solver(model, {{"epsilon", 0.1}}, 5);
  // Rosenthal's potential per stage is at most m, so Φ_max ≤ m·H.
  const std::int64_t bound = episode_bound(solver, model.num_players() * model.horizon());
  const std::int64_t used = run_to_end(solver, bound + 1);
  const double gap = evaluate_product(model, *solver.product()).nash_gap;
  MESSAGE("congestion: episodes " << used << " (bound " << bound << "), rounds " << solver.rounds()
                                  << ", improvements " << solver.improvements() << ", exact Nash gap " << gap);
  CHECK(solver.converged());
  CHECK(used <= bound);
  CHECK(gap <= 0.1);
}

// A one-state, one-step team game over two players with actions {x, y}.
TableMarkovModel coordination(const double (&payoff)[4]) {
  MarkovGame game("coordination", {"p1", "p2"}, 1, {"s"}, {{"x", "y"}, {"x", "y"}}, {1.0});
  const std::vector<StateProb> stay{{0, 1.0}};
  for (std::size_t joint = 0; joint < 4; ++joint) {
    const std::vector<double> r{payoff[joint], payoff[joint]};
    game.set_cell(0, 0, joint, game.add_outcome(r, stay));
  }
  return TableMarkovModel(std::move(game));
}

TEST_CASE("markov nash-ca: a starting profile that is already a pure NE is returned unchanged") {
  // (x, x) pays 0.2 and no single switch helps (Δ = −0.2), though (y, y) pays 1.
  const double payoff[4] = {0.2, 0.0, 0.0, 1.0};
  const TableMarkovModel model = coordination(payoff);
  NashCa solver(model, {{"epsilon", 0.1}}, 9);
  run_to_end(solver, 10'000'000);
  CHECK(solver.converged());
  CHECK(solver.rounds() == 1);
  CHECK(solver.improvements() == 0);
  CHECK(solver.profile()[0] == 0);
  CHECK(solver.profile()[1] == 0);
}

TEST_CASE("markov nash-ca: coordinate ascent climbs the potential one player at a time") {
  // From (x, x) = 0: player 2 gains 0.5 by y, player 1 gains nothing; then from (x, y)
  // player 1 gains 0.5 by y; (y, y) = 1 is the end. Exactly two improvements, three rounds.
  const double payoff[4] = {0.0, 0.5, 0.0, 1.0};
  const TableMarkovModel model = coordination(payoff);
  NashCa solver(model, {{"epsilon", 0.1}}, 10);
  run_to_end(solver, 10'000'000);
  CHECK(solver.converged());
  CHECK(solver.improvements() == 2);
  CHECK(solver.rounds() == 3);
  CHECK(solver.profile()[0] == 1);
  CHECK(solver.profile()[1] == 1);
  CHECK(evaluate_product(model, *solver.product()).nash_gap == doctest::Approx(0.0));
}

TEST_CASE("markov nash-ca: deterministic by seed and the knobs are recorded") {
  const TeamMarkov model(TeamParams{{2, 2, 2, 2, 77}});
  const nlohmann::json options{{"epsilon", 0.2}, {"preset", "practical"}, {"learner_episodes", 300}};
  NashCa a(model, options, 4), b(model, options, 4);
  run_to_end(a, 10'000'000);
  run_to_end(b, 10'000'000);
  CHECK(a.episodes() == b.episodes());
  CHECK(std::equal(a.profile().begin(), a.profile().end(), b.profile().begin()));
  const nlohmann::json p = a.params();
  for (const char* key : {"preset", "epsilon", "delta", "iota", "evaluation_scale", "evaluation_episodes",
                          "learner_scale", "learner_episodes", "bonus_scale", "learner_target", "max_rounds", "seed"})
    CHECK_MESSAGE(p.contains(key), key);
  CHECK(p["learner_episodes"] == nlohmann::json::array({300, 300}));
  CHECK(p["epsilon"] == 0.2);
  CHECK(a.memory_bytes() > 0);
}

TEST_CASE("markov nash-ca: options are checked and presets differ") {
  const TeamMarkov model(TeamParams{{2, 2, 2, 2, 78}});
  CHECK_THROWS_WITH_AS(NashCa(model, {{"epsilonn", 0.1}}, 1), doctest::Contains("epsilonn"), UsageError);
  CHECK_THROWS_WITH_AS(NashCa(model, {{"epsilon", -1}}, 1), doctest::Contains("epsilon"), UsageError);
  CHECK_THROWS_WITH_AS(NashCa(model, {{"preset", "fast"}}, 1), doctest::Contains("preset"), UsageError);
  CHECK_THROWS_WITH_AS(NashCa(model, {{"learner_episodes", 0}}, 1), doctest::Contains("learner_episodes"),
                       UsageError);
  CHECK_THROWS_WITH_AS(NashCa(model, {{"evaluation_episodes", 2.5}}, 1), doctest::Contains("evaluation_episodes"),
                       UsageError);
  CHECK_THROWS_WITH_AS(NashCa(model, {{"bonus_scale", "big"}}, 1), doctest::Contains("bonus_scale"), UsageError);
  CHECK_THROWS_AS(NashCa(model, nlohmann::json::array(), 1), UsageError);
  const NashCa theory(model, {{"preset", "theory"}, {"epsilon", 0.1}}, 1);
  const NashCa practical(model, {{"preset", "practical"}, {"epsilon", 0.1}}, 1);
  CHECK(theory.options().evaluation_episodes > practical.options().evaluation_episodes);
  CHECK(theory.options().bonus_scale == 1.0);
  // N = ⌈32·H²ι/ε²⌉ under the theory preset.
  const double iota = theory.options().iota;
  CHECK(theory.options().evaluation_episodes == static_cast<std::int64_t>(std::ceil(32.0 * 4.0 * iota / 0.01)));
  const NashCa zero_bonus(model, {{"bonus_scale", 0}}, 1);
  CHECK(zero_bonus.options().bonus_scale == 0.0);
}
