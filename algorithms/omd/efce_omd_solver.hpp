#pragma once
// EFCE-OMD in self-play (solvers "efce-omd" and "efce-omd-balanced"): every player runs a
// TriggerRegretLearner on its utility divided by the game's payoff range, all players
// update simultaneously, and the output is the uniform mixture of the product profiles
// played, an approximate extensive-form correlated equilibrium whose gap is the largest
// trigger regret divided by the number of rounds.
//
// Step sizes, for losses in [0, 1] and an unknown horizon (FTRL form, round t):
//   theory     η_t = sqrt(2 (‖Π‖₁ log A + log N) / t)   (Bai et al., eq. (2) and Thm 5:
//              the Φ-Hedge bound with log |Φ₀| ≤ ‖Π‖₁ log A + log N, N = number of triggers);
//   practical  η_t = eta_scale · sqrt(2 (‖Π‖₁ log A + log N) / Σ_{s≤t} δ_s²), the default,
//              where δ_s is the range of round s's utility over the player's pure plans
//              (one best response up, one down). The theory step is this rule with every
//              δ_s = 1, the worst case of losses in [0, 1]; the actual ranges are far
//              smaller in games with chance or long plays (Leduc, Sheriff), and the same
//              scale then suits every game. It is the adaptive rate of Hedge with
//              per-round loss ranges; iterates do not change when payoffs are rescaled.
//   paper      (`preset=paper`) the theorem's constant step for a known horizon T,
//              η = sqrt(2 (‖Π‖₁ log A + log N) / (L² T)) (eq. (2), Thm 5), L the bound on
//              a round's loss (`loss_bound`, 1 for eqlab's losses), times eta_scale
//              (default 1).
// The balanced variant weights every trigger learner's dilated entropy by the balanced
// exploration policy and tempers the Hedge over triggers by 1/N (Bai et al., eqs. 20-21);
// its practical and theory steps are N times larger (eqlab's choice, so that the Hedge over
// triggers moves as fast as in EFCE-OMD). The paper states the balanced learner for bandit
// feedback only (Thm 7); with full feedback, preset=paper gives it Thm 5's step above,
// the same as EFCE-OMD's, without the factor N.
//
// Reference: Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294.
// Cost per round and player: the gradient, O((n-1)·|Z|), the trigger learners,
// O(H·A·N), and the fixed point, O(X·H·A² + X·A³).
// See docs/algorithms/phi-hedge-omd.md.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <eqlab/algorithms/average_strategy.hpp>
#include <eqlab/algorithms/omd/trigger_learner.hpp>
#include <eqlab/algorithms/paper_preset.hpp>
#include <eqlab/algorithms/solver.hpp>

namespace eqlab {

struct EfceOmdConfig {
  bool balanced = false;
  bool theory_step = false;
  // The practical step's multiple; unset: the variant's default. EFCE gap (trigger regret
  // / T, utility units) after 1,000 rounds of efce-omd, by scale, with the adaptive
  // practical step:       kuhn(players=3)  sheriff(2 items, bribe 2, 2 rounds)  leduc  sheriff
  //   0.3                 0.033             0.15                                  0.34   -
  //   1                   0.0053            0.035                                 0.096  -
  //   3 (default)         0.0023            0.038                                 0.026  0.042
  //   10                  0.0022            0.045                                 0.0065 0.046
  // and after 20,000 rounds on that Sheriff: 0.0069 (2), 0.0078 (3), 0.011 (5). The
  // earlier rule, scale × theory step, needed 10-30 on Kuhn, 3-5 on the small Sheriff
  // and 100 on Leduc (scale 5: 0.0088, 0.033, about 0.1, 0.091 on the four games).
  // efce-omd-balanced, 1,000 rounds: kuhn(players=3) 0.0018 (0.3), 0.0025 (1, default);
  // the small Sheriff 0.063 (0.3), 0.053 (1), 0.043 (3); Leduc 0 (negative trigger
  // regret) at every scale.
  std::optional<double> eta_scale;
  // preset=paper: the theorem's constant step for `horizon` rounds (the run's).
  PaperPreset paper;
  std::int64_t horizon = 1;
  static constexpr double kDefaultScale = 3.0;
  static constexpr double kDefaultBalancedScale = 1.0;
};

class EfceOmdSolver final : public Solver {
 public:
  EfceOmdSolver(const CompiledGame& game, EfceOmdConfig config, std::uint64_t seed = 0);

  void step() override;
  std::int64_t iteration() const override { return iteration_; }
  std::string name() const override { return config_.balanced ? "efce-omd-balanced" : "efce-omd"; }
  Concept solution_concept() const override { return Concept::efce; }
  nlohmann::json params() const override;
  // The marginals of the mixture: every player's average sequence-form strategy.
  Profile output_profile() const override { return average_.value(current_); }
  Profile current_profile() const override { return current_; }
  const Profile* played_profile() const override { return iteration_ > 0 ? &played_ : nullptr; }
  // "trigger_regret": the largest trigger regret of a player divided by the rounds, in
  // utility units, from the learners' own sums (equal to the mixture's EFCE gap).
  std::vector<std::pair<std::string, double>> own_metrics() const override;

  double step_size(int player, std::int64_t t) const;
  double eta_scale() const { return eta_scale_; }
  const TriggerRegretLearner& learner(int player) const { return *learners_[player]; }

 private:
  const CompiledGame& game_;
  EfceOmdConfig config_;
  std::uint64_t seed_;
  std::int64_t iteration_ = 0;
  double eta_scale_ = 1.0;  // in effect: 1 for the theory step
  double payoff_range_ = 1.0;
  std::vector<std::unique_ptr<TriggerRegretLearner>> learners_;
  std::vector<double> base_rate_;  // η_1 per player
  Profile current_, played_;
  AverageStrategy average_{Profile{}};
  std::vector<std::vector<double>> gradient_;
  std::size_t work_ = 0;
  std::vector<double> squared_ranges_;  // Σ_s δ_s² per player
  std::vector<std::vector<double>> scratch_;  // per round: terminals x players + trigger entries
};

}  // namespace eqlab
