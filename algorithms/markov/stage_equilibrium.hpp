#pragma once
// An approximate correlated equilibrium of one stage game (an m-player normal-form game
// given by a payoff table over joint actions), by regret-matching self-play: each round
// every player plays the distribution its regrets suggest, all at once; the average of the
// rounds' product distributions is the answer. With external regrets (regret matching+,
// Hart–Mas-Colell / Tammelin) that average is an ε-CCE with ε = O(max regret / rounds);
// with swap regrets (Blum–Mansour: one regret-matching sub-learner per recommended action,
// played through the stationary distribution of their proposals) it is an ε-CE.
// Deterministic; buffers are sized once, solves allocate nothing. Nash-VI solves one stage
// game per visited (h, s) and plan; the exact planners of eval/planner.hpp use it too.
//
// References: Hart, Mas-Colell, "A Simple Adaptive Procedure Leading to Correlated
// Equilibrium", Econometrica 2000; Tammelin, "Solving Large Imperfect Information Games
// Using CFR+", 2014, arXiv:1407.5042; Blum, Mansour, "From External to Internal Regret",
// JMLR 2007.
// Cost per round: O(m·Π_i A_i) for the payoffs of every action, plus O(Σ_i A_i³) for the
// stationary distributions of the CE sub-learners.
// See docs/algorithms/markov-learning.md, "nash-vi", and docs/algorithms/evaluation.md,
// "Exact planners".
#include <cstddef>
#include <span>
#include <vector>

namespace eqlab {

enum class StageEquilibrium { kCoarseCorrelated, kCorrelated };

class StageSolver {
 public:
  // actions[i] = A_i; joint actions in mixed radix with player 0 the slowest digit.
  StageSolver(std::vector<int> actions, StageEquilibrium kind);

  // payoffs[joint·m + i]: player i's payoff at that joint action. Writes the average joint
  // play of `rounds` rounds into out (Π A_i entries, sums to 1).
  void solve(std::span<const double> payoffs, int rounds, std::span<double> out);

  std::size_t num_joint() const { return joint_; }
  std::size_t memory_bytes() const;

 private:
  void strategies();                          // σ_i from the regrets
  void payoffs_per_action(std::span<const double> payoffs, std::span<double> out_avg);  // u_i(a_i), accumulates play
  void update_regrets();

  std::vector<int> actions_;
  StageEquilibrium kind_;
  std::size_t joint_ = 1;
  std::vector<std::size_t> offsets_;  // player i's actions in the flat per-player arrays
  std::vector<double> sigma_, utility_, regret_;  // regret_: A_i entries (CCE) or A_i² (CE) per player
  std::vector<std::size_t> regret_offsets_;
  std::vector<double> proposal_, prefix_, scratch_;
  std::vector<int> digits_;
};

}  // namespace eqlab
