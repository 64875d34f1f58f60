#pragma once
// Online mirror descent with the dilated entropy on one player's treeplex, which is
// Hedge over the player's pure plans computed in one bottom-up pass (Bai et al. 2022,
// Theorem 8): p_v ∝ exp(η ⟨v, G⟩) for the cumulative utility G. Two forms:
//   FTRL  recomputes the strategy from the cumulative utility with the current step size
//         (allows step sizes that change over time);
//   OMD   updates the last strategy with the last utility (same iterates for a constant
//         step size).
// Everything is in the log domain (logsumexp with max subtraction), so deep treeplexes do
// not underflow.
//
// Weighted (balanced) dilated entropy: with a weight w(x) > 0 per infoset the regulariser
// is Σ_x (1/w(x)) Σ_a x(x,a) log(x(x,a)/x(p(x))), and the FTRL strategy maximises
// ⟨x, ηG⟩ minus it. Bottom-up,
//   F(x) = (1/w) logsumexp_a( w·[ηG(x,a) + Σ_{x'∈C(x,a)} F(x')] ),   μ(·|x) = that softmax,
// so the local step size at x is η·w(x). The OMD form is the same recursion on the last
// utility, with log μ_t(a|x)/w in place of the cumulative part and the log-partition
// differences D(x') = F_{t+1}(x') − F_t(x') of the children. Without weights (or with all
// weights 1) the arithmetic is exactly the unweighted one. The maximum is subtracted
// before multiplying by w, since 1/w can be large.
//
// Optimistic FTRL: an update with a prediction m computes the next strategy from
// η (G + m), G the cumulative utility including this round's; m is not kept.
//
// Reference: Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294.
// Cost: O(N) per update (one bottom-up and one top-down pass over the N sequences).
// See docs/algorithms/phi-hedge-omd.md.
#include <span>
#include <vector>

#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

class DilatedEntropyLearner {
 public:
  enum class Form { ftrl, omd };

  // `weights`: one positive weight per infoset, or empty for the plain dilated entropy.
  // Throws UsageError for a wrong count or a weight that is not positive and finite.
  DilatedEntropyLearner(const Treeplex& treeplex, Form form, std::vector<double> weights = {});

  // Adds one round's utility vector (indexed by sequence; entry 0 is ignored) and moves
  // to the next strategy with step size `eta`.
  void update(std::span<const double> utility, double eta);
  // The same, then optimistic: the next strategy comes from η (G + prediction). FTRL form
  // only (UsageError otherwise).
  void update(std::span<const double> utility, double eta, std::span<const double> prediction);

  // The current strategy: behavioural (per sequence) and sequence form.
  std::span<const double> behavioural() const { return behavioural_; }
  std::span<const double> sequence_form() const { return plan_; }

  // The largest number of infosets one pure plan reaches (‖Π‖₁ of
  // docs/algorithms/phi-hedge-omd.md), which sets the theory step size.
  static int max_reached_infosets(const Treeplex& treeplex);

 private:
  // From the scores s(a) of every sequence: the bottom-up log-partition pass, the new
  // behavioural strategy and its sequence form.
  void normalise_scores();

  const Treeplex& treeplex_;
  Form form_;
  std::vector<double> weights_;     // per infoset; empty: all 1
  std::vector<double> cumulative_;  // FTRL: sum of utilities
  std::vector<double> log_behavioural_;  // OMD: log of the current strategy (stays finite)
  std::vector<double> score_;       // scratch: scores s(a), then children's log-partitions
  std::vector<double> behavioural_;
  std::vector<double> plan_;
};

}  // namespace eqlab
