#pragma once
// K-EFR, one player's learner for K-EFCE with full feedback.
//
// The K-EFCE regret decomposes over the augmented states (x, σ): against any
// modification φ, Σ_t [u(φ⋄π^t) − u(π^t)] = Σ_{(x,σ)} c_φ(x,σ) Σ_t w^t(x,σ) δ^t(x; φ[x,σ]),
// with w^t(x,σ) the own reach weight of the history σ and δ the gain of the swap
// map (observing σ) or of the fixed action (blind σ) on the counterfactual values Q^t(x,·).
// So at every infoset one policy π^t(·|x) must have small swap regret for every observing
// state and small external regret for every blind one, each weighted by its own
// time-selection function w^t(x,σ). Experts: the pairs a → a' of each observing
// state, with regret w·π(a|x)·(Q(x,a') − Q(x,a)), and the actions a' of each blind state,
// with regret w·(Q(x,a') − V(x)). The policy is the fixed point of the Blackwell
// condition, the stationary distribution of
//   M[a][a'] = (Σ_obs y[σ,a→a'] w(x,σ) + Σ_blind y[σ,a'] w(x,σ)) / Z   (a ≠ a'),
// y the potential of each expert's cumulative regret: regret matching y = max(R, 0) or
// Hedge y = exp(η_x (R − max R)) with η_x(t) = c·sqrt(2 ln N_x / (1 + Σ_{s<t} B_x^s²)),
// B_x^s the range of Q^s(x,·) and N_x the number of experts at x.
//
// Utilities are gains on any common scale (the solver divides by the payoff range, so
// that they lie in a unit interval). Everything is on flat arrays indexed by augmented
// state; a round allocates nothing.
//
// Reference: Song, Mei, Bai, "Sample-Efficient Learning of Correlated Equilibria in
// Extensive-Form Games", NeurIPS 2022, arXiv:2205.07223.
// Cost per round: O(N_obs·A² + N_blind·A + X·A³), N_obs and N_blind the numbers of
// observing and blind augmented states.
// See docs/algorithms/kefce.md, "K-EFR with full feedback".
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <eqlab/lib/augmented_states.hpp>
#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

struct KefrOptions {
  int k = 1;  // observed deviations; 0: NFCCE, 1: EFCE
  enum class Potential { regret_matching, hedge };
  Potential potential = Potential::regret_matching;
  double eta_scale = 1.0;  // Hedge only: multiplies η_x(t)
  std::uint64_t max_states = kDefaultMaxAugmentedStates;
  // "paper": Hedge with the analysis's anytime rate (eta_scale 1), the learner whose
  // regret bound docs/algorithms/kefce.md states; "practical": regret matching by default.
  std::string preset = "practical";
};

class KefrLearner {
 public:
  // Keeps a reference to the treeplex. Throws UsageError for k < 0, a nonpositive
  // eta_scale, or more augmented states than options.max_states.
  KefrLearner(const Treeplex& treeplex, KefrOptions options);

  // π^t, the policy of the coming round: behavioural (μ(a|x) by sequence, entry 0 = 1) and
  // sequence form.
  std::span<const double> behavioural() const { return behavioural_; }
  std::span<const double> sequence_form() const { return plan_; }

  // One round: `utility` is the counterfactual utility of every own sequence at the
  // profile played (the utility gradient g^t, indexed by sequence). Updates every expert's
  // regret, then computes π^{t+1}.
  void update(std::span<const double> utility);
  // The same round from the counterfactual values Q^t(x,a) themselves (indexed by
  // sequence, entry 0 ignored), e.g. unbiased estimates from sampled episodes:
  // V(x) = Σ_a π^t(a|x) Q(x,a) at every infoset, then the regret updates and π^{t+1}.
  void update_counterfactual(std::span<const double> counterfactual);

  // Σ over augmented states of the state's local regret, positive part: swap regret
  // Σ_a max(0, max_{a'} R[a→a']) for an observing state, external regret
  // max(0, max_{a'} R[a']) for a blind one. It bounds the learner's K-EFCE regret
  // (T times the K-EFCE gap of its own mixture, against fixed opponents' play), on the
  // scale of the utilities given.
  double regret_bound() const;

  // Hedge's rate at infoset x for the coming round, eta_scale · sqrt(2 ln N_x / (1 + Σ_s
  // (B_x^s)²)), N_x the experts of x's states (A(A-1) per observing state, A per blind one)
  // and B_x^s the range of x's counterfactual values in round s; 0 under regret matching.
  double hedge_rate(int infoset) const;

  const AugmentedStates& states() const { return states_; }
  std::int64_t rounds() const { return rounds_; }

 private:
  // Weights w^t(x,σ) and the local fixed point, top-down.
  void compute_policy();
  void local_policy(int infoset);
  // V, the ranges and the regrets from counterfactual_ (Q), then π^{t+1}.
  void update_regrets();

  const Treeplex& treeplex_;
  KefrOptions options_;
  AugmentedStates states_;
  std::int64_t rounds_ = 0;

  std::vector<std::size_t> row_begin_;  // per state: its regrets (A·A observing, A blind)
  std::vector<double> regret_;
  std::vector<double> weight_;         // w^t per state
  std::vector<double> behavioural_, plan_;
  std::vector<double> counterfactual_;  // Q per sequence
  std::vector<double> infoset_value_;   // V per infoset
  std::vector<double> squared_range_;   // Σ_s (B_x^s)² per infoset (Hedge)
  std::vector<double> log_experts_;     // ln N_x per infoset (Hedge)

  // Scratch of one local solve, sized for the widest infoset.
  std::vector<double> pair_weight_, blind_weight_, chain_, stationary_;
};

}  // namespace eqlab
