#pragma once
// K-EFR in self-play (solver "kefr"): every player runs a KefrLearner on its counterfactual
// utility divided by the game's payoff range, all players update simultaneously, and the
// output is the uniform mixture of the product profiles played, an approximate K-EFCE
// (docs/algorithms/kefce.md). K = 1 learns an EFCE, K = 0 an NFCCE; larger K is
// stricter.
//
// Reference: Song, Mei, Bai, "Sample-Efficient Learning of Correlated Equilibria in
// Extensive-Form Games", NeurIPS 2022, arXiv:2205.07223.
// Cost per iteration: one pass over the game for every player's gradient, plus
// Σ_i O(N_obs,i·A² + N_blind,i·A + X_i·A³) for the learners.
// See docs/algorithms/kefce.md.
#include <cstdint>
#include <memory>
#include <vector>

#include <eqlab/algorithms/average_strategy.hpp>
#include <eqlab/algorithms/kefce/kefr_learner.hpp>
#include <eqlab/algorithms/solver.hpp>

namespace eqlab {

class KefrSolver final : public Solver {
 public:
  // Throws as KefrLearner (for each player).
  KefrSolver(const CompiledGame& game, KefrOptions options, std::uint64_t seed = 0);

  void step() override;
  std::int64_t iteration() const override { return iteration_; }
  std::string name() const override { return "kefr"; }
  Concept solution_concept() const override { return Concept::kefce; }
  nlohmann::json params() const override;
  // The marginals of the mixture: every player's average sequence-form strategy.
  Profile output_profile() const override { return average_.value(current_); }
  Profile current_profile() const override { return current_; }
  const Profile* played_profile() const override { return iteration_ > 0 ? &played_ : nullptr; }
  const Profile* played_behavioural() const override { return iteration_ > 0 ? &played_behavioural_ : nullptr; }
  // "kefr_regret_bound": the largest player's regret bound (KefrLearner::regret_bound)
  // divided by the rounds, in utility units. The K-EFCE gap of the mixture never exceeds it.
  std::vector<std::pair<std::string, double>> own_metrics() const override;
  // The same bound: the mixture's K-EFCE gap at this solver's K never exceeds it.
  std::optional<double> gap_bound() const override;

  int k() const { return options_.k; }
  const KefrLearner& learner(int player) const { return *learners_[player]; }

 private:
  const CompiledGame& game_;
  KefrOptions options_;
  std::uint64_t seed_;
  std::int64_t iteration_ = 0;
  double payoff_range_ = 1.0;
  std::vector<std::unique_ptr<KefrLearner>> learners_;
  Profile current_, played_, played_behavioural_;
  AverageStrategy average_{Profile{}};
  std::vector<std::vector<double>> gradient_;
  std::size_t work_ = 0;
};

}  // namespace eqlab
