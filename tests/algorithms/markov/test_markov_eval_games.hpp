#pragma once
// Small Markov games and visit logs for the evaluation tests: random table games (rewards
// off [0, 1] so that reward_scale() matters), and logs of play whose distributions are
// known, built by simulating episodes or written directly.
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab::markov_eval_test {

// Rewards uniform in [lo, hi]; next states with random weights, some of them zero, so the
// transitions are sparse but every row is a distribution.
inline TableMarkovModel random_table_game(const std::vector<int>& actions, int horizon, int states,
                                          const std::vector<double>& initial, std::uint64_t seed,
                                          double lo = -1.0, double hi = 2.0) {
  std::vector<std::string> players, state_names;
  std::vector<std::vector<std::string>> action_names;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    players.push_back("p" + std::to_string(i));
    action_names.emplace_back();
    for (int a = 0; a < actions[i]; ++a) action_names.back().push_back("a" + std::to_string(a));
  }
  for (int s = 0; s < states; ++s) state_names.push_back("s" + std::to_string(s));
  MarkovGame game("random", players, horizon, state_names, action_names, initial, lo, hi);
  RngStream rng(seed, 0x7465737467616d65ULL);
  std::vector<double> rewards(actions.size());
  for (int h = 0; h < horizon; ++h)
    for (int s = 0; s < states; ++s)
      for (std::size_t joint = 0; joint < game.num_joint_actions(); ++joint) {
        for (double& r : rewards) r = lo + (hi - lo) * rng.uniform();
        std::vector<StateProb> next;
        double total = 0.0;
        for (int t = 0; t < states; ++t) {
          const double w = rng.uniform() < 0.3 ? 0.0 : rng.uniform();
          next.push_back({t, w});
          total += w;
        }
        if (total == 0.0) {
          next[0].prob = 1.0;
          total = 1.0;
        }
        for (StateProb& e : next) e.prob /= total;
        game.set_cell(h, s, joint, game.add_outcome(rewards, next));
      }
  return TableMarkovModel(std::move(game));
}

// Draws an action from a float distribution by inverting its CDF.
inline int draw_action(std::span<const float> p, double u) {
  double cumulative = 0.0;
  for (std::size_t a = 0; a < p.size(); ++a) {
    cumulative += p[a];
    if (u < cumulative) return static_cast<int>(a);
  }
  return static_cast<int>(p.size()) - 1;
}

// `episodes` simulated episodes in which every player, at every visit, draws its action
// from a fresh random distribution (weights 0.05 + U[0, 1)), which the log records.
// Deterministic in `seed`: the first K episodes do not depend on how many follow.
inline VisitLog random_play_log(const MarkovModel& model, std::int64_t episodes, std::uint64_t seed,
                                int alpha_horizon) {
  VisitLog log(model, alpha_horizon);
  MarkovSimulator sim(model, seed);
  RngStream rng(seed, 0x6c6f67676572ULL);
  const int m = model.num_players();
  std::vector<int> actions(m);
  std::vector<double> rewards(m);
  for (std::int64_t k = 0; k < episodes; ++k) {
    int s = sim.reset();
    for (int h = 0; h < model.horizon(); ++h) {
      std::span<float> row = log.add_visit(h, s, static_cast<std::uint32_t>(k));
      for (int i = 0; i < m; ++i) {
        std::span<float> p = row.subspan(model.action_offset(i), model.num_actions(i));
        double total = 0.0;
        std::vector<double> w(p.size());
        for (double& x : w) total += (x = 0.05 + rng.uniform());
        for (std::size_t a = 0; a < p.size(); ++a) p[a] = static_cast<float>(w[a] / total);
        actions[i] = draw_action(p, rng.uniform());
      }
      s = sim.step(h, s, actions, rewards);
    }
    log.set_episodes(k + 1);
  }
  return log;
}

// A log in which every episode visits every (h, s) and every visit plays `policy`
// (whose probabilities should be exact in float32).
inline VisitLog fixed_policy_log(const MarkovModel& model, const ProductPolicy& policy, std::int64_t episodes,
                                 int alpha_horizon) {
  VisitLog log(model, alpha_horizon);
  for (std::int64_t k = 0; k < episodes; ++k) {
    for (int h = 0; h < model.horizon(); ++h)
      for (int s = 0; s < model.num_states(); ++s) {
        std::span<float> row = log.add_visit(h, s, static_cast<std::uint32_t>(k));
        for (int i = 0; i < model.num_players(); ++i) {
          const std::span<const double> p = policy.at(h, s, i);
          for (std::size_t a = 0; a < p.size(); ++a) row[model.action_offset(i) + a] = static_cast<float>(p[a]);
        }
      }
    log.set_episodes(k + 1);
  }
  return log;
}

// α_t^j = α_j Π_{u=j+1}^{t} (1 - α_u), by the definition's product (t, j 1-based).
inline double alpha_weight(int alpha_horizon, std::int64_t t, std::int64_t j) {
  double w = v_learning_alpha(alpha_horizon, j);
  for (std::int64_t u = j + 1; u <= t; ++u) w *= 1.0 - v_learning_alpha(alpha_horizon, u);
  return w;
}

}  // namespace eqlab::markov_eval_test
