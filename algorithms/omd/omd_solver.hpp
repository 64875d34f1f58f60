#pragma once
// Vanilla dilated-entropy OMD in self-play (solver "omd"): every player runs a
// DilatedEntropyLearner on its utility, normalised by the game's payoff range, and all
// players update simultaneously. The output is the average sequence-form strategy, a
// Nash equilibrium in two-player zero-sum (and constant-sum) games, where the concept is
// "nash"; in every other game the output is the uniform mixture of the product profiles
// played (concept "nfcce"), whose NFCCE gap is the largest external regret / T, and the
// average strategy is that mixture's marginals.
//
// Step sizes: `theory` is η_t = sqrt(2 ‖Π‖₁ log A / t) (the Φ-Hedge rate for an
// unknown horizon, losses in [0, 1]); `practical` (the default) multiplies it by
// `eta_scale` (default 60), which converges much faster on the standard games while
// keeping the 1/sqrt(t) decay. The OMD form uses the step size of round 1 throughout.
// `preset=paper` is the theorem's constant step for a known horizon T, the same in both
// forms: η = sqrt(2 ‖Π‖₁ log A / (L² T)) (Bai et al. 2022, eq. (2) with log |V| ≤
// ‖Π‖₁ log A, as in the proof of Thm 5), L the bound on a round's loss (`loss_bound`, 1
// for eqlab's losses: terminal payoffs over the payoff range), times eta_scale (default 1).
// (`step=theory` in the OMD form keeps round 1's rate: a rate that decays needs the FTRL
// form. To compare the two forms, use preset=paper, which gives both the same step.)
//
// Two variants share this solver:
//
// "omd-balanced": the balanced dilated entropy, infoset weights w(x) = the root-based
// balanced weights of BalancedPolicy (w(x_h) = μ^{⋆,h}(x_h, a)). Theory step
// η_t = sqrt(N log A / (H t)), N the number of sequences, H the largest own depth. Our
// derivation: the regulariser Σ_x (1/w(x)) x(p(x)) (entropy of μ(·|x)) is at most
// Σ_h Σ_{x ∈ layer h} x(p(x)) log A / w(x) = Σ_h log A Σ_{x ∈ layer h, a} x(x,a)/μ^{⋆,h}(x,a)
// ≤ Σ_h (layer-h sequences) log A = N log A by the balanced identity; the stability
// term Σ_x w(x) Σ_a x(x,a) Q(x,a)² with w ≤ 1 and counterfactual losses Q ∈ [0, 1] is
// at most Σ_x Σ_a x(x,a) Q(x,a) ≤ 1 per layer, H in all. Regret ≤ N log A / η + η H T
// then gives the rate. `practical` multiplies it by eta_scale; `preset=paper` is the
// same bound's constant step for the horizon T, η = sqrt(N log A / (H T)) / L.
//
// "optimistic-omd": optimistic FTRL with the (plain) dilated entropy, the prediction being
// the last utility: the strategy of round t+1 comes from η (G_t + g_t). Constant step
// η = eta_scale · sqrt(2 ‖Π‖₁ log A) in units of the payoff range; FTRL form only.
// `preset=paper`: η = 1/(2 (n-1) L). With unit weights, FTRL on the dilated entropy is
// Hedge over pure plans with the same η, so this is optimistic Hedge, whose regret obeys
// the RVU bound log|Π|/η + η Σ‖u^t - u^{t-1}‖²_∞ - (1/(4η)) Σ‖x^t - x^{t-1}‖²_1; a
// player's plan utilities in [0, 1] move by at most Σ_{j≠i} ‖x_j^t - x_j^{t-1}‖_1, and
// Syrgkanis et al.'s Thm 4 (β ≤ γ/(n-1)², here η (n-1)² ≤ 1/(4η)) then bounds the sum
// of the players' regrets by n log|Π| · 2(n-1), independent of T.
//
// Reference: Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294.
// Balanced dilated entropy: Bai, Jin, Mei, Yu, "Near-Optimal Learning of Extensive-Form
// Games with Imperfect Information", ICML 2022, arXiv:2202.01752.
// Optimistic FTRL: Syrgkanis, Agarwal, Luo, Schapire, "Fast Convergence of Regularized
// Learning in Games", NeurIPS 2015, arXiv:1507.00407.
// Cost per round: one utility gradient per player, O((n-1)·|Z|), plus O(N) per player.
// See docs/algorithms/phi-hedge-omd.md.
#include <cstdint>
#include <vector>

#include <eqlab/algorithms/average_strategy.hpp>
#include <eqlab/algorithms/omd/dilated_entropy.hpp>
#include <eqlab/algorithms/paper_preset.hpp>
#include <eqlab/algorithms/solver.hpp>

namespace eqlab {

struct OmdConfig {
  DilatedEntropyLearner::Form form = DilatedEntropyLearner::Form::ftrl;
  bool theory_step = false;
  // Measured on Leduc after 10,000 iterations: exploitability 0.91 (scale 1), 0.050 (10),
  // 0.014 (30), 0.0080 (50), 0.0076 (60), 0.0077 (70), 0.010 (100), 0.013 (200); on Kuhn
  // 0.013 (1), 0.00098 (10), 0.0020 (50), 0.0021 (60 and 100).
  double eta_scale = 60.0;  // used by the practical step size
  bool balanced = false;     // weights of the balanced dilated entropy
  bool optimistic = false;   // optimistic FTRL with a constant step
  // preset=paper: the bound's constant step for `horizon` rounds (the run's), times
  // eta_scale (then 1 unless given).
  PaperPreset paper;
  std::int64_t horizon = 1;
};

// The defaults of "omd-balanced": eta_scale 300. Exploitability of the average, FTRL
// form, practical step, after 1,000 / 10,000 iterations, by eta_scale:
//   eta_scale  Kuhn            Leduc
//   1          0.15/0.043      2.55/2.04
//   3          0.047/0.0099    2.09/1.51
//   10         0.0091/0.0020   1.49/0.66
//   30         0.0039/0.0013   0.70/0.17
//   100        0.0066/0.0020   0.16/0.037
//   300        0.0068/0.0021   0.051/0.011
//   1000       0.0068/0.0021   0.047/0.013
// Kuhn barely moves above 30, Leduc is best at 300-1000. Plain omd at eta_scale 100
// measured 0.0067/0.0021 on Kuhn and 0.038/0.010 on Leduc when 100 was its default; at
// its default 60 it measures 0.0021 on Kuhn and 0.0076 on Leduc after 10,000.
OmdConfig balanced_omd_config();

// The defaults of "optimistic-omd": eta_scale 5. Exploitability of the average (Kuhn,
// Leduc) and NFCCE gap of the mixture of played profiles (3-player Kuhn; on Kuhn in
// brackets), after 1,000 / 10,000 iterations, by eta_scale:
//   eta_scale  Kuhn                                 Leduc           3-player Kuhn
//   0.3        0.013/0.0011                         0.51/0.051      0.040/0.0041
//   1          0.0032/0.00032                       0.15/0.014      0.012/0.0012
//   3          0.0011/0.00011                       0.047/0.0043    0.0038/0.00038
//   5          0.00068/0.000068 (0.00081/0.000081)  0.027/0.0025    0.0023/0.00023
//   10         0.00049/0.000049 (0.0020/0.0017)     0.013/0.0012    0.0013/0.00013
//   30         0.00050/0.000048 (0.014/0.014)       0.013/0.0016    0.0019/0.00047
// Up to 5 every number falls tenfold from 1,000 to 10,000 iterations (the 1/T rate of
// optimistic learning); from 10 on the played mixture's regret on Kuhn stops falling,
// so 5 is the default.
OmdConfig optimistic_omd_config();

class OmdSolver final : public Solver {
 public:
  OmdSolver(const CompiledGame& game, OmdConfig config, std::uint64_t seed = 0);

  void step() override;
  std::int64_t iteration() const override { return iteration_; }
  std::string name() const override;
  Concept solution_concept() const override;
  nlohmann::json params() const override;
  Profile output_profile() const override;
  Profile current_profile() const override { return current_; }
  const Profile* played_profile() const override { return iteration_ > 0 ? &played_ : nullptr; }

  // The step size player p uses in round t (1-based).
  double step_size(int player, std::int64_t t) const;

 private:
  const CompiledGame& game_;
  OmdConfig config_;
  std::uint64_t seed_;
  std::int64_t iteration_ = 0;
  double payoff_range_ = 1.0;
  std::vector<DilatedEntropyLearner> learners_;
  std::vector<double> base_rate_;  // the step size of round 1 at scale 1, per player
  Profile current_;
  Profile played_;  // the profile of the last round
  AverageStrategy average_{Profile{}};  // uniform average of the plans played
  std::vector<std::vector<double>> gradient_;
};

}  // namespace eqlab
