#pragma once
// CCE-V-learning (Song–Mei–Bai 2022): every player runs, at each
// (h, s), an α-weighted FTRL bandit with implicit exploration whose loss comes from the
// optimistic value V̄ of the next state, plus an incremental optimistic update of V̄.
// Players are decentralized: each reads only the states, its own action and its own
// reward, and draws from its own stream RngStream(seed, kLearner, i). The output is the
// certified policy π̂, i.e. the visit log of the distributions actually played.
//
// Steps are 0-based here, so the papers' H-h+1 (values still to come at step h) is H-h.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// V-learning: Jin, Liu, Wang, Yu, "V-Learning — A Simple, Efficient, Decentralized Algorithm
// for Multiagent RL", 2021, arXiv:2110.14555.
// Cost per episode: O(H·Σ_i A_i); memory O(H·S·Σ_i A_i) plus the visit log.
// See docs/algorithms/markov-learning.md, "cce-v".
#include <cmath>
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/markov/vlearning/vlearning_solver.hpp>

namespace eqlab {

// The last iterate product() is every player's current μ_{h,i}(·|s), kept up to date in place.
class CceVLearning final : public VLearningSolver {
 public:
  // The model must outlive the solver. options.iota == 0 is computed from the model.
  CceVLearning(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed);

  std::string name() const override { return "cce-v"; }
  Concept solution_concept() const override { return Concept::cce; }
  std::size_t memory_bytes() const override;
  // μ changes only at a visit of its (h, s): the current μ is what the next episode draws from.
  const ProductPolicy* next_play() const override { return product(); }

  // The constants player i uses at its t-th visit of a state (t ≥ 1): the bonus
  // β_t = c·sqrt(H³ A_i ι / t) and the FTRL step η_t = lr_scale·sqrt(H log A_i / (A_i t)).
  double bonus(int player, std::int64_t t) const { return beta_factor_[player] / std::sqrt(static_cast<double>(t)); }
  double step_size(int player, std::int64_t t) const {
    return options_.lr_scale * eta_factor_[player] / std::sqrt(static_cast<double>(t));
  }

 private:
  void act(int h, int s, std::span<float> row) override;
  void update_player(int i, int h, int s, int next, double reward) override;

  std::vector<double> g_;                         // normalised accumulators, same layout as μ
  std::vector<double> eta_factor_, beta_factor_;  // per player: η_t·sqrt(t) and β_t·sqrt(t)
};

}  // namespace eqlab
