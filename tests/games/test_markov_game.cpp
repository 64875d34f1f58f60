// MarkovGame in table form: joint-action indexing, the table read back cell by cell, and
// the product-expectation oracle against hand computations and brute-force enumeration.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <span>
#include <vector>

#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

// Two players (row: x, y; col: l, r), two states, H = 2, rewards in [-1, 3].
// Step 1 at s0 is the table the oracle tests compute by hand; every other cell gets
// rewards and transitions that differ per (step, state, joint action).
MarkovGame hand_game() {
  MarkovGame g("hand", {"row", "col"}, 2, {"s0", "s1"}, {{"x", "y"}, {"l", "r"}}, {0.25, 0.75}, -1.0, 3.0);
  struct Row {
    double r0, r1;
    std::vector<StateProb> next;
  };
  // Step 1 (h = 0), state s0, joint actions (x,l), (x,r), (y,l), (y,r).
  const std::vector<Row> s0 = {{1, -1, {{0, 1.0}}},
                               {2, 0, {{0, 0.5}, {1, 0.5}}},
                               {0, 1, {{1, 1.0}}},
                               {3, 2, {{0, 0.2}, {1, 0.8}}}};
  for (std::size_t a = 0; a < s0.size(); ++a) {
    const double r[2] = {s0[a].r0, s0[a].r1};
    g.set_cell(0, 0, a, g.add_outcome(r, s0[a].next));
  }
  // Remaining cells: reward of row = h + s/2 + a/4 - 1, of col = its negation (+1),
  // next state s' = (s + a) % 2 with probability 1.
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (std::size_t a = 0; a < 4; ++a) {
        if (h == 0 && s == 0) continue;
        const double row = h + 0.5 * s + 0.25 * static_cast<double>(a) - 1.0;
        const double r[2] = {row, 1.0 - row};
        const StateProb next[1] = {{static_cast<int>((s + a) % 2), 1.0}};
        g.set_cell(h, s, a, g.add_outcome(r, next));
      }
  return g;
}

}  // namespace

TEST_CASE("MarkovGame: joint actions are mixed radix with player 0 the slowest digit") {
  MarkovGame g("radix", {"a", "b", "c"}, 1, {"s"}, {{"0", "1"}, {"0", "1", "2"}, {"0", "1", "2", "3"}}, {1.0});
  CHECK(g.num_joint_actions() == 24);
  CHECK(g.stride(0) == 12);
  CHECK(g.stride(1) == 4);
  CHECK(g.stride(2) == 1);
  const int profile[3] = {1, 2, 3};
  CHECK(g.joint_action(profile) == 23);
  const int other[3] = {0, 1, 2};
  CHECK(g.joint_action(other) == 6);
  for (std::size_t a = 0; a < 24; ++a) {
    const std::vector<int> p = g.player_actions(a);
    CHECK(g.joint_action(p) == a);
    for (int i = 0; i < 3; ++i) CHECK(g.action_of(a, i) == p[i]);
  }
  const int bad[3] = {2, 0, 0};
  CHECK_THROWS_AS(g.joint_action(bad), UsageError);
  CHECK_THROWS_AS(g.player_actions(24), UsageError);
}

TEST_CASE("MarkovGame: a hand-written 2-player 2-state H = 2 table reads back entry by entry") {
  const MarkovGame g = hand_game();
  CHECK(g.complete());
  CHECK(g.horizon() == 2);
  CHECK(g.num_states() == 2);
  CHECK(g.initial()[1] == doctest::Approx(0.75));
  // Step 1, s0: the explicit rows.
  CHECK(g.reward(0, 0, 0, 0) == 1.0);
  CHECK(g.reward(0, 0, 0, 1) == -1.0);
  CHECK(g.reward(0, 0, 3, 0) == 3.0);
  CHECK(g.reward(0, 0, 3, 1) == 2.0);
  auto n = g.next(0, 0, 1);
  REQUIRE(n.size() == 2);
  CHECK(n[0].state == 0);
  CHECK(n[0].prob == 0.5);
  CHECK(n[1].state == 1);
  CHECK(n[1].prob == 0.5);
  // The rest follows the formula of hand_game().
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (std::size_t a = 0; a < 4; ++a) {
        if (h == 0 && s == 0) continue;
        const double row = h + 0.5 * s + 0.25 * static_cast<double>(a) - 1.0;
        CHECK(g.reward(h, s, a, 0) == doctest::Approx(row));
        CHECK(g.reward(h, s, a, 1) == doctest::Approx(1.0 - row));
        auto next = g.next(h, s, a);
        if (h == 1) {
          CHECK(next.empty());  // the episode ends after the last step
        } else {
          REQUIRE(next.size() == 1);
          CHECK(next[0].state == static_cast<int>((s + a) % 2));
        }
      }
  // Normalised rewards: (r - lo) / (hi - lo) with [lo, hi] = [-1, 3].
  CHECK(g.normalised_reward(0, 0, 3, 0) == doctest::Approx(1.0));
  CHECK(g.normalised_reward(0, 0, 0, 1) == doctest::Approx(0.0));
  CHECK(g.normalised_reward(0, 0, 0, 0) == doctest::Approx(0.5));
  CHECK(g.normalise(0.0) == doctest::Approx(0.25));
}

TEST_CASE("MarkovGame: product expectation matches a hand computation") {
  const MarkovGame g = hand_game();
  const std::vector<double> row = {0.4, 0.6}, col = {0.25, 0.75};
  const std::vector<std::span<const double>> p = {row, col};
  // Player 0 against col = (1/4, 3/4): R(x) = 1/4*1 + 3/4*2, R(y) = 3/4*3.
  const PlayerExpectation e0 = g.product_expectation(0, 0, 0, p);
  REQUIRE(e0.rewards.size() == 2);
  CHECK(e0.rewards[0] == doctest::Approx(1.75));
  CHECK(e0.rewards[1] == doctest::Approx(2.25));
  REQUIRE(e0.next.size() == 4);
  CHECK(e0.next[0] == doctest::Approx(0.625));  // T(x, s0) = 1/4 + 3/4 * 1/2
  CHECK(e0.next[1] == doctest::Approx(0.375));
  CHECK(e0.next[2] == doctest::Approx(0.15));  // T(y, s0) = 3/4 * 0.2
  CHECK(e0.next[3] == doctest::Approx(0.85));
  // Player 1 against row = (0.4, 0.6): R(l) = 0.4*(-1) + 0.6*1, R(r) = 0.4*0 + 0.6*2.
  const PlayerExpectation e1 = g.product_expectation(0, 0, 1, p);
  CHECK(e1.rewards[0] == doctest::Approx(0.2));
  CHECK(e1.rewards[1] == doctest::Approx(1.2));
  CHECK(e1.next[0] == doctest::Approx(0.4));  // T(l, s0) = 0.4 * 1 + 0.6 * 0
  CHECK(e1.next[2] == doctest::Approx(0.4 * 0.5 + 0.6 * 0.2));
  // All players: E[r_0] = 0.4*1.75 + 0.6*2.25, E[P(s0)] = 0.4*0.625 + 0.6*0.15.
  const JointExpectation all = g.joint_expectation(0, 0, p);
  CHECK(all.rewards[0] == doctest::Approx(2.05));
  CHECK(all.rewards[1] == doctest::Approx(0.25 * 0.2 + 0.75 * 1.2));
  CHECK(all.next[0] == doctest::Approx(0.34));
  CHECK(all.next[1] == doctest::Approx(0.66));
  // Normalised: (2.05 + 1) / 4.
  ExpectationOptions normalised;
  normalised.normalised = true;
  CHECK(g.joint_expectation(0, 0, p, normalised).rewards[0] == doctest::Approx(3.05 / 4));
  // At the last step there is no next state.
  const JointExpectation last = g.joint_expectation(1, 0, p);
  CHECK(last.next[0] == 0.0);
  CHECK(last.next[1] == 0.0);
  // Row's reward there is 0.25 * a with a = 2 * row + col: 0.25 * (2 * 0.6 + 0.75).
  CHECK(last.rewards[0] == doctest::Approx(0.4875));
}

TEST_CASE("MarkovGame: product expectation equals brute-force enumeration on a random 3-player table") {
  std::mt19937 rng(20261123);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int S = 3;
  MarkovGame g("random", {"a", "b", "c"}, 2, {"s0", "s1", "s2"}, {{"0", "1"}, {"0", "1", "2"}, {"0", "1"}},
               {0.5, 0.25, 0.25});
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < S; ++s)
      for (std::size_t a = 0; a < g.num_joint_actions(); ++a) {
        const double r[3] = {unit(rng), unit(rng), unit(rng)};
        double w[S], total = 0;
        for (double& x : w) total += (x = unit(rng));
        std::vector<StateProb> next;
        for (int t = 0; t < S; ++t) next.push_back({t, w[t] / total});
        g.set_cell(h, s, a, g.add_outcome(r, next));
      }
  std::vector<std::vector<double>> dist(3);
  for (int i = 0; i < 3; ++i) {
    double total = 0;
    for (int k = 0; k < g.num_actions(i); ++k) total += dist[i].emplace_back(unit(rng));
    for (double& x : dist[i]) x /= total;
  }
  const std::vector<std::span<const double>> p = {dist[0], dist[1], dist[2]};
  const int h = 0, s = 1;
  for (int i = 0; i < 3; ++i) {
    std::vector<double> R(g.num_actions(i), 0.0), T(g.num_actions(i) * S, 0.0);
    for (std::size_t a = 0; a < g.num_joint_actions(); ++a) {
      const std::vector<int> act = g.player_actions(a);
      double w = 1.0;
      for (int j = 0; j < 3; ++j)
        if (j != i) w *= dist[j][act[j]];
      R[act[i]] += w * g.reward(h, s, a, i);
      for (const StateProb& e : g.next(h, s, a)) T[act[i] * S + e.state] += w * e.prob;
    }
    const PlayerExpectation e = g.product_expectation(h, s, i, p);
    for (std::size_t k = 0; k < R.size(); ++k) CHECK(e.rewards[k] == doctest::Approx(R[k]).epsilon(1e-12));
    for (std::size_t k = 0; k < T.size(); ++k) CHECK(e.next[k] == doctest::Approx(T[k]).epsilon(1e-12));
    // The all-player version is the p_i-average of the per-player one.
    const JointExpectation all = g.joint_expectation(h, s, p);
    double mean = 0;
    for (std::size_t k = 0; k < R.size(); ++k) mean += dist[i][k] * R[k];
    CHECK(all.rewards[i] == doctest::Approx(mean).epsilon(1e-12));
  }
}

TEST_CASE("MarkovGame: misuse is refused with UsageError") {
  MarkovGame g = hand_game();
  const std::vector<double> two = {0.5, 0.5}, three = {0.2, 0.3, 0.5};
  ExpectationOptions tight;
  tight.max_joint_actions = 3;  // the game has 4 joint actions
  CHECK_THROWS_AS(g.product_expectation(0, 0, 0, {two, two}, tight), UsageError);
  CHECK_THROWS_AS(g.joint_expectation(0, 0, {two, two}, tight), UsageError);
  CHECK_THROWS_AS(g.product_expectation(0, 0, 0, {two, three}), UsageError);  // wrong size for col
  CHECK_NOTHROW(g.product_expectation(0, 0, 0, {{}, two}));                     // p_i itself is not read
  CHECK_THROWS_AS(g.reward(2, 0, 0, 0), UsageError);                             // step out of range
  const double r[2] = {5.0, 0.0};
  const StateProb stay[1] = {{0, 1.0}};
  CHECK_THROWS_AS(g.add_outcome(r, stay), UsageError);  // reward outside [-1, 3]
  const double ok[2] = {0.0, 0.0};
  const StateProb half[1] = {{0, 0.5}};
  CHECK_THROWS_AS(g.add_outcome(ok, half), UsageError);  // does not sum to 1
  CHECK_THROWS_AS(MarkovGame("bad", {"a"}, 1, {"s"}, {{"x"}}, {1.0}, 1.0, 1.0), UsageError);  // lo >= hi
  CHECK_THROWS_AS(MarkovGame("bad", {"a"}, 1, {"s"}, {{"x"}}, {0.9}), UsageError);            // initial
  CHECK_THROWS_AS(MarkovGame("bad", {"a"}, 0, {"s"}, {{"x"}}, {1.0}), UsageError);            // horizon

  MarkovGame partial("partial", {"a"}, 2, {"s"}, {{"x", "y"}}, {1.0});
  const double zero[1] = {0.0};
  partial.set_cell(0, 0, 0, partial.add_outcome(zero, stay));
  CHECK_FALSE(partial.complete());
  const MarkovGame::Cell c = partial.first_unset();
  CHECK(c.h == 0);
  CHECK(c.s == 0);
  CHECK(c.joint == 1);
  CHECK_THROWS_AS(partial.reward(0, 0, 1, 0), UsageError);
}

TEST_CASE("MarkovGame: a big state set costs one cell index per cell when outcomes are shared") {
  const int S = 200'000;
  std::vector<std::string> states;
  for (int s = 0; s < S; ++s) states.push_back("s" + std::to_string(s));
  std::vector<double> initial(S, 0.0);
  initial[0] = 1.0;
  MarkovGame g("chain", {"solo"}, 3, states, {{"stay", "move"}}, initial);
  const double zero[1] = {0.0}, one[1] = {1.0};
  const StateProb to_start[1] = {{0, 1.0}};
  const std::uint32_t stay = g.add_outcome(zero, to_start);
  for (int h = 0; h < 3; ++h)
    for (int s = 0; s < S; ++s) g.set_cell(h, s, 0, stay);
  const StateProb far[2] = {{S - 1, 0.5}, {S / 2, 0.5}};
  const std::uint32_t move = g.add_outcome(one, far);
  for (int h = 0; h < 3; ++h)
    for (int s = 0; s < S; ++s) g.set_cell(h, s, 1, move);
  CHECK(g.complete());
  CHECK(g.num_outcomes() == 2);
  auto n = g.next(1, 12345, 1);
  REQUIRE(n.size() == 2);
  CHECK(n[0].state == S - 1);
  CHECK(n[1].state == S / 2);
  const std::vector<double> half = {0.5, 0.5};
  const JointExpectation e = g.joint_expectation(0, 7, {half});
  CHECK(e.rewards[0] == doctest::Approx(0.5));
  CHECK(e.next[0] == doctest::Approx(0.5));
  CHECK(e.next[S - 1] == doctest::Approx(0.25));
  CHECK(e.next[S / 2] == doctest::Approx(0.25));
}
