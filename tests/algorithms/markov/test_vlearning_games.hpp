#pragma once
// Small table games for the tests of the decentralized Markov learners.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/games/markov/table_model.hpp>

namespace vlearning_test {

inline std::vector<std::string> labels(const std::string& stem, int n) {
  std::vector<std::string> out;
  for (int k = 0; k < n; ++k) out.push_back(stem + std::to_string(k));
  return out;
}

// Every cell draws its rewards from U[0, 1] (r_1 = 1 - r_0 when constant_sum, two players
// only) and its next-state law from normalised U[0, 1] weights; s_1 is state 0.
inline eqlab::MarkovGame random_table(int players, int horizon, int states, int actions, std::uint64_t seed,
                                      bool constant_sum = false) {
  std::vector<double> initial(states, 0.0);
  initial[0] = 1.0;
  eqlab::MarkovGame g("random", labels("p", players), horizon, labels("s", states),
                      std::vector<std::vector<std::string>>(players, labels("a", actions)), initial);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int h = 0; h < horizon; ++h)
    for (int s = 0; s < states; ++s)
      for (std::size_t a = 0; a < g.num_joint_actions(); ++a) {
        std::vector<double> r(players);
        for (double& x : r) x = u(rng);
        if (constant_sum) r[1] = 1.0 - r[0];
        std::vector<eqlab::StateProb> next;
        // The table wants a next-state law even at the last step, where it is never read.
        {
          double total = 0.0;
          for (int t = 0; t < states; ++t) {
            next.push_back({t, u(rng) + 0.05});
            total += next.back().prob;
          }
          for (eqlab::StateProb& e : next) e.prob /= total;
        }
        g.set_cell(h, s, a, g.add_outcome(r, next));
      }
  return g;
}

// A game where player 0 cannot tell whether others exist: its reward depends on (h, s)
// and its own action only, and the next state on (h, s) alone. Other players get rewards
// that depend on everything.
inline eqlab::MarkovGame separable_table(int players, int horizon, int states, int actions) {
  std::vector<double> initial(states, 1.0 / states);
  eqlab::MarkovGame g("separable", labels("p", players), horizon, labels("s", states),
                      std::vector<std::vector<std::string>>(players, labels("a", actions)), initial);
  for (int h = 0; h < horizon; ++h)
    for (int s = 0; s < states; ++s)
      for (std::size_t a = 0; a < g.num_joint_actions(); ++a) {
        const std::vector<int> each = g.player_actions(a);
        std::vector<double> r(players);
        r[0] = 0.1 + 0.8 * static_cast<double>((each[0] * 3 + h + 2 * s) % actions) / actions;
        for (int i = 1; i < players; ++i) r[i] = static_cast<double>((a + i + h) % 7) / 6.0;
        std::vector<eqlab::StateProb> next;
        for (int t = 0; t < states; ++t) next.push_back({t, (t == s ? 2.0 : 1.0) / (states + 1.0)});
        g.set_cell(h, s, a, g.add_outcome(r, next));
      }
  return g;
}

// One player, one state, H = 1: action k pays rewards[k]; the learners must find the best.
inline eqlab::MarkovGame bandit_table(const std::vector<double>& rewards) {
  const int n = static_cast<int>(rewards.size());
  eqlab::MarkovGame g("bandit", {"p0"}, 1, {"s0"}, {labels("a", n)}, {1.0});
  for (int k = 0; k < n; ++k) {
    const double r[1] = {rewards[k]};
    const eqlab::StateProb stay[1] = {{0, 1.0}};
    g.set_cell(0, 0, static_cast<std::size_t>(k), g.add_outcome(r, stay));
  }
  return g;
}

}  // namespace vlearning_test
