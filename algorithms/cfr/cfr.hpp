#pragma once
// Counterfactual regret minimisation on the compiled game, in sequence form.
//
// One update of player p: the utility gradient against the others' current plans gives,
// at every sequence, the counterfactual value of its last action (chance and the others'
// reach included, p's own reach excluded); a bottom-up pass over p's treeplex adds the
// values of the infosets below each sequence, and regret matching turns the accumulated
// regrets into the next behavioural strategy. The same class serves four baselines:
//   cfr   regret matching,  alternating updates,  uniform averaging
//   cfr+  regret matching+, alternating updates,  linear averaging
//   rm    regret matching,  simultaneous updates, uniform averaging (normal-form games,
//         where each player has one infoset and CFR is plain regret matching)
//   pcfr+ predictive regret matching+ (the last instantaneous regret predicts the next),
//         alternating updates, quadratic averaging (Farina, Kroer, Sandholm 2021)
//
// References: Zinkevich, Johanson, Bowling, Piccione, "Regret Minimization in Games with
// Incomplete Information", NeurIPS 2007 (no arXiv version); Tammelin, "Solving Large
// Imperfect Information Games Using CFR+", 2014, arXiv:1407.5042; Farina, Kroer, Sandholm,
// "Faster Game Solving via Predictive Blackwell Approachability: Connecting Regret Matching
// and Mirror Descent", AAAI 2021, arXiv:2007.14358; Hart, Mas-Colell, "A Simple Adaptive
// Procedure Leading to Correlated Equilibrium", Econometrica 2000.
// Cost per iteration: per player one utility gradient, O((n-1)·|Z|) for |Z| terminals,
// and two passes over its treeplex, O(|Σ_p|).
// See docs/algorithms/cfr.md.
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/algorithms/average_strategy.hpp>
#include <eqlab/algorithms/solver.hpp>

namespace eqlab {

struct CfrConfig {
  enum class Averaging { uniform, linear, quadratic };
  bool regret_matching_plus = false;  // clamp cumulative regrets at 0 after each update
  bool predictive = false;            // play regret matching on regrets + last regrets
  bool alternating = true;            // update players in turn, each seeing the last update
  Averaging averaging = Averaging::uniform;
};

class CfrSolver final : public Solver {
 public:
  CfrSolver(const CompiledGame& game, std::string name, CfrConfig config, std::uint64_t seed = 0);

  void step() override;
  std::int64_t iteration() const override { return iteration_; }
  std::string name() const override { return name_; }
  nlohmann::json params() const override;
  Profile output_profile() const override;
  Profile current_profile() const override { return current_; }

  const CfrConfig& config() const { return config_; }

 private:
  // Accumulates regrets of `player` from its gradient (already in gradient_[player]).
  void update_regrets(int player);
  // Regret matching: cumulative regrets -> behavioural -> sequence form (current_).
  void refresh_strategy(int player);

  const CompiledGame& game_;
  std::string name_;
  CfrConfig config_;
  std::uint64_t seed_;
  std::int64_t iteration_ = 0;

  // Per player, indexed by sequence; sized once, reused every iteration.
  std::vector<std::vector<double>> regret_;
  std::vector<std::vector<double>> last_regret_;  // the prediction, when predictive
  std::vector<std::vector<double>> behavioural_;
  Profile current_;
  AverageStrategy average_;  // of the plans played, weighted by the averaging rule
  std::vector<std::vector<double>> gradient_;  // also the bottom-up scratch
};

}  // namespace eqlab
