#pragma once
// An equilibrium of an episodic Markov game whose rewards are given as a table, by backward
// induction: at every step h, from the last to the first, and every state s, the stage game
// Q_i,h(s, a) = r_i,h(s, a) + Σ_s' P_h(s'|s, a) V_i,h+1(s') is solved and its value
// becomes V_i,h(s).
//   1 player    the best action (ties to the lowest): an optimal policy.
//   2 players   an exact stage Nash equilibrium by support enumeration (stage_nash.hpp);
//               among several, the one of the largest sum of the two values, ties to the
//               first listed. The result is a Markov perfect Nash equilibrium.
//   3 or more   exact Nash equilibria are out of reach of a simple exact method, so each
//               stage gets an approximate coarse correlated equilibrium by regret-matching
//               self-play (stage_equilibrium.hpp), and the result is a Markov correlated
//               policy labelled cce, whose CCE gap is measured exactly by its evaluator.
// The preference learner (marlhf.hpp) solves its pessimistic game with it; the `equilibrium`
// behaviour of the preference datasets plays it on the true game.
//
// Transitions are the model's; rewards come from the table, so the same model serves the
// true game (markov_reward_table) and any estimate of it. Cost: H·S·Π_i A_i transition
// queries, plus the stage solves.
// See docs/algorithms/marlhf.md, "The pessimistic game".
#include <cstddef>
#include <optional>
#include <vector>

#include <eqlab/algorithms/concept.hpp>
#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// r_i,h(s, a) for every step, state, joint action (mixed radix, player 0 slowest, like
// CorrelatedPolicy) and player: at(h, s, joint)[i].
class JointRewardTable {
 public:
  // Zero rewards. UsageError above 2^20 joint actions a state.
  explicit JointRewardTable(const MarkovModel& model);

  double* at(int h, int s, std::size_t joint) { return values_.data() + index(h, s, joint); }
  const double* at(int h, int s, std::size_t joint) const { return values_.data() + index(h, s, joint); }
  std::size_t num_joint_actions() const { return joint_; }
  int num_players() const { return players_; }

 private:
  std::size_t index(int h, int s, std::size_t joint) const {
    return ((static_cast<std::size_t>(h) * states_ + s) * joint_ + joint) * players_;
  }
  int states_ = 0, players_ = 0;
  std::size_t joint_ = 1;
  std::vector<double> values_;
};

// The model's own rewards, normalised to [0, 1] like every MarkovModel output.
JointRewardTable markov_reward_table(const MarkovModel& model);

struct MarkovEquilibriumOptions {
  int cce_rounds = 2000;           // regret-matching rounds per stage, 3 or more players
  double tolerance = 1e-12;        // support enumeration's, relative to the largest payoff
};

struct MarkovEquilibrium {
  Concept target = Concept::nash;              // nash (1 or 2 players) or cce
  std::optional<ProductPolicy> product;        // 1 or 2 players
  std::optional<CorrelatedPolicy> correlated;  // 3 or more
  std::vector<double> value;                   // per player, V_i,0 averaged over the initial states, in the table's units
  int perturbed_stages = 0;  // degenerate stage games solved after a 1e-9 perturbation (2 players)
};

MarkovEquilibrium solve_markov_equilibrium(const MarkovModel& model, const JointRewardTable& rewards,
                                           const MarkovEquilibriumOptions& options = {});

}  // namespace eqlab
