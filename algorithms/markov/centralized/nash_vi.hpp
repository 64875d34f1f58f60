#pragma once
// Centralized Multi-Nash-VI: optimistic model-based value iteration over JOINT actions,
// the exponential baseline. Keeps, per (h, s, a) with a a joint action, the visit count
// N, the observed reward sums and the next-state counts (dense, S per cell). Planning,
// backward over h:
//   Q̄_i = min{r̂_i + P̂·V̄_{h+1,i} + β, H−h},  Q̲_i = max{r̂_i + P̂·V̲_{h+1,i} − β, 0},
//   β = c·sqrt(H²Sι/N); unvisited cells: Q̄ = H−h, Q̲ = 0;
//   π_h(·|s) = an approximate CCE (or CE) of the stage game with payoffs Q̄_{h,·}(s, ·),
//   by `stage_rounds` rounds of regret-matching self-play (stage_equilibrium.hpp);
//   V̄_{h,i}(s) = E_π Q̄_i, V̲_{h,i}(s) = E_π Q̲_i.
// Every episode plays π (one joint draw per step from the learner's stream) and the
// output is the policy of the plan with the smallest max_i ρ·(V̄ − V̲)_{1,i}.
//
// Memory is H·S·ΠA_i·(S + m + 3)·8 bytes (next-state counts, reward sums, the count, the
// current and the best policy); it is estimated before anything is allocated and the
// solver refuses (UsageError naming the estimate) above max_memory_bytes. Planning costs
// H·S·ΠA_i·(S·m + stage_rounds·m) per plan.
//
// Reference: Liu, Yu, Bai, Jin, "A Sharp Analysis of Model-based Reinforcement Learning with
// Self-Play", ICML 2021, arXiv:2010.01604.
// Cost: see above (planning H·S·ΠA_i·(S·m + stage_rounds·m) per plan).
// See docs/algorithms/markov-learning.md, "nash-vi".
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/markov/centralized/nash_vi_options.hpp>
#include <eqlab/algorithms/markov/stage_equilibrium.hpp>
#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class NashVi final : public MarkovSolver {
 public:
  NashVi(const MarkovModel& model, const nlohmann::json& options, std::uint64_t seed);

  // The bytes the joint tables of `model` would take: H·S·ΠA_i·(S + m + 3)·8.
  static double estimated_bytes(const MarkovModel& model);

  std::string name() const override { return "nash-vi"; }
  Concept solution_concept() const override { return options_.equilibrium == "ce" ? Concept::ce : Concept::cce; }
  bool run_episode() override;
  std::int64_t episodes() const override { return simulator_.episodes(); }
  const CorrelatedPolicy* correlated() const override { return &best_; }
  nlohmann::json params() const override;
  std::size_t memory_bytes() const override;

  const NashViOptions& options() const { return options_; }
  std::int64_t plans() const { return plans_; }
  // The bonus β = c·sqrt(H² S ι / N) of a joint-action cell visited n >= 1 times.
  double bonus(double n) const;
  // max_i ρ·(V̄ − V̲)_{1,i} of the output policy's plan (H at the start).
  double best_certificate() const { return best_score_; }

 private:
  void plan();
  std::size_t cell(int h, int s, std::size_t joint) const {
    return (static_cast<std::size_t>(h) * states_ + s) * joint_ + joint;
  }

  const MarkovModel& model_;
  NashViOptions options_;
  std::uint64_t seed_;
  int horizon_, states_, players_;
  std::size_t joint_;
  MarkovSimulator simulator_;
  RngStream rng_;
  StageSolver stage_;
  std::vector<double> visits_, reward_sums_, next_counts_;
  std::vector<double> upper_, lower_;  // V̄, V̲ at [(h·S + s)·m + i], h = 0..H
  std::vector<double> q_upper_, q_lower_;  // one (h, s): [joint·m + i]
  CorrelatedPolicy policy_, best_;
  std::vector<int> actions_;
  std::vector<double> rewards_;
  double best_score_;
  std::int64_t plans_ = 0;
};

}  // namespace eqlab
