#pragma once
// CE-V-learning (Song–Mei–Bai 2022): CCE-V-learning's skeleton
// with a swap-regret learner at each (h, s): A_i sub-experts whose proposals q^{b'} form
// a row-stochastic matrix, the played marginal μ = μQ, and the two-step draw b ~ μ,
// a ~ q^b. Decentralized like CCE-V (states, own action, own reward; own stream per
// player). The certified policy's log holds the marginal μ solved at each visit.
//
// Steps are 0-based here, so the papers' H-h+1 (values still to come at step h) is H-h.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost per episode: O(H·Σ_i A_i³) (A_i proposals of A_i actions and a GTH solve per visit);
// memory O(H·S·Σ_i A_i²) plus the visit log.
// See docs/algorithms/markov-learning.md, "ce-v".
#include <cmath>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <eqlab/algorithms/markov/vlearning/vlearning_solver.hpp>

namespace eqlab {

// What player i computed at a visit of (h, s), before drawing: the proposals (A×A,
// row-major) and their stationary marginal. Lets callers check μ = μQ on a real run.
struct CeVisit {
  int player = 0, h = 0, s = 0;
  std::span<const double> proposals, marginal;
};

// The last iterate product() holds, at each (h, s), the marginal every player solved at
// its latest visit (uniform before the first). The proposals move after each update, so a
// marginal is only defined where one was solved.
class CeVLearning final : public VLearningSolver {
 public:
  // The model must outlive the solver. options.iota == 0 is computed from the model.
  CeVLearning(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed);

  std::string name() const override { return "ce-v"; }
  Concept solution_concept() const override { return Concept::ce; }
  std::size_t memory_bytes() const override;

  // The constants player i uses: the bonus β̄_t = c (H² A_i sqrt(ι/t) + 2 H² ι/t) at its t-th
  // visit of a state, and the sub-expert's step η_τ = lr_scale sqrt(ι/(A_i τ)) and implicit
  // exploration γ_τ = ix_scale sqrt(ι/(A_i τ)) at its τ-th draw (t, τ ≥ 1).
  double bonus(int player, std::int64_t t) const {
    const double td = static_cast<double>(t);
    return beta_linear_[player] / std::sqrt(td) + beta_square_[player] / td;
  }
  double step_size(int player, std::int64_t tau) const {
    return eta_factor_[player] / std::sqrt(static_cast<double>(tau));
  }
  double exploration(int player, std::int64_t tau) const {
    return options_.ix_scale * std::sqrt(options_.iota / (sizes_[player] * static_cast<double>(tau)));
  }

  // Called at every visit of every player, before its draw; empty to stop.
  void set_visit_observer(std::function<void(const CeVisit&)> observer) { observer_ = std::move(observer); }

 private:
  std::span<double> accumulators(int i, int h, int s) {
    return {g_.data() + cell(h, s) * square_total_ + square_offset_[i],
            static_cast<std::size_t>(sizes_[i]) * sizes_[i]};
  }
  std::span<std::int64_t> expert_counts(int i, int h, int s) {
    return {expert_count_.data() + cell(h, s) * model_.total_actions() + model_.action_offset(i),
            static_cast<std::size_t>(sizes_[i])};
  }
  void act(int h, int s, std::span<float> row) override;
  void choose(int i, int h, int s, std::span<float> row);
  void update_player(int i, int h, int s, int next, double reward) override;

  std::vector<int> sizes_;
  std::vector<std::size_t> square_offset_;  // Σ_{j<i} A_j²
  std::size_t square_total_ = 0;            // Σ_j A_j²
  std::vector<double> g_;                   // [cell·Σ A_j² + Σ_{j<i} A_j² + b'·A_i + a]
  std::vector<std::int64_t> expert_count_;  // [cell·Σ A_j + offset_i + b']
  std::vector<double> eta_factor_, beta_linear_, beta_square_;  // η_τ·sqrt(τ); β̄_t's two terms times sqrt(t), t
  std::vector<double> proposals_, scratch_;                     // one player's Q, reused
  std::vector<int> experts_;
  std::vector<double> played_prob_;
  std::function<void(const CeVisit&)> observer_;
};

}  // namespace eqlab
