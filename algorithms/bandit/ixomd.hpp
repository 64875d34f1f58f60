#pragma once
// Bandit online mirror descent with the dilated entropy and implicit-exploration (IX) loss
// estimates, in two variants that share every line of the update:
//   IXOMD (Kozuno, Ménard, Munos, Valko, NeurIPS 2021): plain dilated entropy (w ≡ 1),
//     estimate ℓ̃ = ℓ / (μ^t(x,a) + γ);
//   Balanced OMD (Bai, Jin, Mei, Yu, ICML 2022): balanced dilated entropy, w_h the balanced
//     sequence weight μ^{⋆,h}(x_h, ·), estimate ℓ̃ = ℓ / (μ^t(x,a) + γ·μ^{⋆,h}(x,a)).
// μ^t(x,a) is the learner's own reach of the sequence (its sequence-form probability).
//
// Losses are terminal-only: the loss 1 − reward is charged to the last own sequence of the
// episode and nothing to the earlier ones, so that trajectories with different numbers of
// own moves are charged the game's real payoffs.
//
// The OMD step touches only the infosets of the episode's own path, bottom-up:
//   μ^{t+1}(·|x_h) ∝ μ^t(·|x_h)·exp( w_h[ −η ℓ̃(x_h,·) + 1{· = a_h}·logZ_{h+1}/w_{h+1} ] ),
// logZ_h the log of that normaliser (logZ_{H+1} = 0). Off the path the loss estimate is 0
// and the strategy does not move, so an episode costs O(H·A) whatever the treeplex size.
// The strategy is kept as log-probabilities (every logZ is computed with max subtraction).
//
// References: Kozuno, Ménard, Munos, Valko, "Model-Free Learning for Two-Player Zero-Sum
// Partially Observable Markov Games with Perfect Recall", NeurIPS 2021, arXiv:2106.06279;
// Bai, Jin, Mei, Yu, "Near-Optimal Learning of Extensive-Form Games with Imperfect
// Information", ICML 2022, arXiv:2202.01752.
// Cost per episode: O(H·A); expected_strategy() O(N).
// See docs/algorithms/bandit.md.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

struct IxomdConfig {
  enum class Variant { ixomd, balanced };
  Variant variant = Variant::ixomd;
  double eta = 0.0;    // step size η
  double gamma = 0.0;  // implicit exploration γ
  // Anytime steps by doubling: η and γ above are those of horizon 1, and in episodes
  // [2^k, 2^{k+1}) the learner uses η/sqrt(2^k) and γ/sqrt(2^k), the values tuned for
  // the horizon 2^k (every constant below scales as 1/sqrt(T)).
  bool doubling = false;
};

// The step size and exploration of a run of `episodes` episodes on `treeplex`, times the
// multipliers. With X infosets, XA sequences (the empty one excluded), A the largest
// action count (at least 2) and H the largest own depth:
//   balanced (Bai et al. 2022): ι = log(10·XA/δ), δ = 0.01,
//       η = sqrt(XA·ι / (H³·T)),  γ = sqrt(XA·ι / (H·T));
//   ixomd: η = sqrt(2·X·log A / (H·A·T)), γ = η/2. This is the IX tuning of the usual
//       analysis (dilated-entropy range at most X·log A, second-order term at most H·A per
//       episode for the one nonzero estimate of a terminal-only loss, γ = η/2 as for
//       Exp3-IX); it has the T^{-1/2} rate of Kozuno et al.'s choice, whose exact constants
//       are not restated here.
// `eta_loss_factor(bound)` scales η for the loss convention (IxScales::eta_loss_factor),
// called with the bound on an episode's loss the tuning assumes: H for balanced (the
// paper's per-step losses), 1 for ixomd (the terminal-only tuning above).
IxomdConfig ixomd_config(const Treeplex& treeplex, IxomdConfig::Variant variant, std::int64_t episodes,
                         double eta_scale = 1.0, double gamma_scale = 1.0,
                         const std::function<double(double)>& eta_loss_factor = [](double) { return 1.0; });

class IxomdLearner final : public BanditLearner {
 public:
  // Keeps a reference to the treeplex, which must outlive the learner. Throws UsageError
  // when η or γ is not positive and finite.
  IxomdLearner(const Treeplex& treeplex, IxomdConfig config);

  void begin_episode() override;
  int act(int infoset, RngStream& rng) override;
  void end_episode(double reward) override;
  std::span<const double> expected_strategy() override;

  const IxomdConfig& config() const { return config_; }
  // The step size and exploration of the next episode.
  double eta() const { return eta_; }
  double gamma() const { return gamma_; }
  // The behavioural strategy of the next episode, per sequence (entry 0 unused).
  std::span<const double> behavioural() const { return behavioural_; }

 private:
  // The OMD step of one episode's terminal loss along the path.
  void update(double loss);
  // μ(·|x) from the stored log-probabilities of infoset x.
  void refresh_infoset(int infoset);

  const Treeplex& treeplex_;
  IxomdConfig config_;
  double eta_ = 0.0, gamma_ = 0.0;  // in effect
  std::int64_t episodes_done_ = 0;
  std::int64_t next_retune_ = 2;  // with doubling: the next episode whose constants change
  std::vector<double> weight_;       // w per infoset (1 for IXOMD)
  std::vector<double> exploration_;  // the γ multiplier per sequence: μ^{⋆,h}(x,a), or 1
  std::vector<double> log_behavioural_;
  std::vector<double> behavioural_;
  std::vector<double> plan_;  // sequence form, filled by expected_strategy()

  // The episode's own path, preallocated to the largest own depth.
  std::vector<int> path_infoset_;
  std::vector<int> path_sequence_;
  std::vector<double> path_reach_;  // μ^t of each path sequence, before the update
  int path_length_ = 0;
};

}  // namespace eqlab
