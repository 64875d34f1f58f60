#pragma once
// The naive decentralized baseline: every player runs EXP3-IX
// at each (h, s) on the Monte Carlo return-to-go loss
//   ℓ = (H-h+1 - Σ_{h'≥h} r_{h'}) / (H-h+1)   (0-based steps here: (H-h - Σ) / (H-h)),
// with η_t = γ_t = sqrt(ln A_i / (A_i t)) (preset=paper: η_t = 2γ_t = sqrt(2 ln A_i /
// (A_i t)), exp3ix_options.hpp). No optimism and no certified output: it is the
// comparison that shows why V-learning certifies. Outputs: the last iterate (product())
// and, in play_log(), the distributions actually played at every visit, from which the
// visit-averaged policy and the uniform episode mixture are evaluated.
//
// Context: Foster, Golowich, Kakade, "Hardness of Independent Learning and Sparse Equilibrium
// Computation in Markov Games", ICML 2023, arXiv:2303.12287.
// Cost per episode: O(H·Σ_i A_i); memory O(H·S·Σ_i A_i) plus the play log.
// See docs/algorithms/markov-learning.md, "exp3-ix".
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/markov/independent/exp3ix_options.hpp>
#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class IndependentExp3Ix final : public MarkovSolver {
 public:
  // The model must outlive the solver.
  IndependentExp3Ix(const MarkovModel& model, const Exp3IxOptions& options, std::uint64_t seed);

  std::string name() const override { return "exp3-ix"; }
  // No-regret play aims at a coarse correlated equilibrium (and, in general, misses it).
  Concept solution_concept() const override { return Concept::cce; }
  bool run_episode() override;
  std::int64_t episodes() const override { return episodes_; }

  // No certified policy: certified() stays nullptr.
  const ProductPolicy* product() const override { return &current_; }
  // The played distributions per visit (empty when options.log is false). Its α-horizon
  // is H and means nothing here: this log is not a certified policy.
  const VisitLog& play_log() const { return log_; }
  const VisitLog* played_log() const override { return options_.log ? &log_ : nullptr; }
  // A distribution changes only when its (h, s) is visited: the current one is the next
  // episode's.
  const ProductPolicy* next_play() const override { return &current_; }

  nlohmann::json params() const override;
  std::size_t memory_bytes() const override;

  // η_t and γ_t of player i at the t-th visit (t >= 1) of any (h, s).
  double learning_rate(int player, std::int64_t visit) const;
  double exploration(int player, std::int64_t visit) const;

 private:
  std::size_t cell(int h, int s) const { return static_cast<std::size_t>(h) * states_ + s; }
  void learn_from_episode(int i);

  const MarkovModel& model_;
  Exp3IxOptions options_;
  int m_, horizon_, states_;
  MarkovSimulator simulator_;
  std::vector<RngStream> rng_;
  ProductPolicy current_;
  std::vector<double> loss_sum_;  // Σ_τ ℓ̂_τ, laid out like μ
  std::vector<std::int64_t> count_;
  std::vector<double> rate_factor_;  // sqrt(ln A_i / A_i)
  // The current episode, for the return-to-go: states, then [h·m + i] actions, rewards
  // and the probability of the action played.
  std::vector<int> path_states_, path_actions_;
  std::vector<double> path_rewards_, path_probs_;
  std::vector<int> actions_;
  std::vector<double> rewards_;
  VisitLog log_;
  std::int64_t episodes_ = 0;
};

}  // namespace eqlab
