#pragma once
// Nash equilibria from preference-only offline data (MARLHF; Zhang, Wang, Cui, Zhou, Kakade,
// Du, arXiv:2409.00717). The learner sees the game's states, actions and transitions and a
// dataset of trajectory pairs labelled with every player's preference; never a reward.
//   1. Per player, the reward θ̂_i·φ_h(s, a) by regularised maximum likelihood under the
//      Bradley-Terry model (preference_mle.hpp), with the optional time-axis MSE term.
//   2. The pessimistic game: every reward lowered by its confidence width,
//        r̃_i,h(s, a) = θ̂_i·φ_h(s, a) − c·‖φ_h(s, a)‖_{Σ⁻¹} + η·log π̂_h(a | s),
//      Σ the Gram matrix of the pairs' feature differences, c the pessimism, η the weight of
//      the imitation penalty against the behaviour policy π̂ estimated from the data
//      (behaviour_estimate.hpp).
//   3. An equilibrium of the pessimistic game by backward induction
//      (markov_equilibrium.hpp): exact stage Nash equilibria for two players, a CCE for more.
// Everything is deterministic: the same dataset gives the same policy.
// See docs/algorithms/marlhf.md.
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/marlhf/markov_equilibrium.hpp>
#include <eqlab/algorithms/markov/marlhf/preference_mle.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// The feature map φ_h(s, a) of the reward model, one sparse vector per (step, state, joint
// action) (joint in mixed radix, player 0 slowest).
class RewardFeatures {
 public:
  // One-hot by (h, s, a): θ is the reward table itself.
  static RewardFeatures tabular(const MarkovModel& model);
  // A linear map: rows[(h·S + s)·J + a] is φ_h(s, a), indices in [0, dimension).
  static RewardFeatures linear(const MarkovModel& model, int dimension, std::vector<std::vector<FeatureEntry>> rows);
  // A game file's map (games/markov/reward_features_json.hpp).
  static RewardFeatures from_map(const MarkovModel& model, const struct RewardFeatureMap& map);
  // What options.features asks for: the table, or the map of the game file `game_source`
  // (UsageError when the game is not a file; InputError when the file has no map).
  static RewardFeatures for_options(const MarkovModel& model, const std::string& game_source,
                                    const struct MarlhfOptions& options, const LoadLimits& limits = {});

  int dimension() const { return dimension_; }
  bool is_tabular() const { return tabular_; }
  std::span<const FeatureEntry> at(int h, int s, std::size_t joint) const {
    const std::size_t row = (static_cast<std::size_t>(h) * states_ + s) * joint_ + joint;
    return {entries_.data() + row_begin_[row], entries_.data() + row_begin_[row + 1]};
  }

 private:
  int dimension_ = 0, states_ = 0;
  std::size_t joint_ = 1;
  bool tabular_ = false;
  std::vector<std::size_t> row_begin_;
  std::vector<FeatureEntry> entries_;
};

struct MarlhfOptions {
  double ridge = 1e-6;        // λ of the estimate (it only makes the minimiser unique)
  double mse_weight = 0.0;    // α, the time-axis MSE regulariser
  double pessimism = 1.0;     // c, the multiple of the width subtracted
  // The width of a feature direction no pair compares, in the game's reward units (the
  // confidence set's prior scale: Σ = I/w² + Σ_k d_k d_kᵀ); 0 means the game's reward range.
  double unknown_width = 0.0;
  double imitation = 0.0;     // η, the weight of log π̂ (0: no imitation penalty)
  double pseudo_count = 1.0;  // of the behaviour estimate, so that log π̂ is finite
  int cce_rounds = 2000;      // stage CCEs, 3 or more players
  // "tabular" (one-hot by step, state and joint action) or "game" (the game file's
  // "reward_features", games/markov/reward_features_json.hpp).
  std::string features = "tabular";
  int max_newton_iterations = 100;

  // From solver params {"mse": α, "pessimism": c, "imitation": η, ...}; UsageError for
  // unknown keys or values out of range.
  static MarlhfOptions from_params(const nlohmann::json& params);
  nlohmann::json params() const;
};

struct MarlhfResult {
  explicit MarlhfResult(const MarkovModel& model) : estimate(model), pessimistic(model) {}
  std::vector<PreferenceMleResult> fits;  // per player: θ̂_i, Newton's iterations
  JointRewardTable estimate;              // θ̂_i·φ, game units
  JointRewardTable pessimistic;           // r̃_i, game units
  MarkovEquilibrium equilibrium;          // of the pessimistic game
  double mean_width = 0.0;                // ‖φ‖_{Σ⁻¹} averaged over every (h, s, a)
};

// UsageError when the data is not of the model's shape or the options are out of range.
MarlhfResult learn_from_preferences(const MarkovModel& model, const PreferenceDataset& data,
                                    const RewardFeatures& features, const MarlhfOptions& options);

// Evaluator (it reads the true rewards): how far the estimate is from them, per player, in
// game units. Preferences reveal a reward only through return differences: a constant added
// to every reward of a step, or (under deterministic transitions) a potential-based shaping
// r_h(s, a) + Φ_h+1(s') − Φ_h(s), moves no difference and no equilibrium. So the error is
// measured there: the root mean square, over the dataset's pairs, of the estimated return
// difference R̂(τ) − R̂(τ') minus the true one.
std::vector<double> reward_estimation_error(const MarkovModel& model, const PreferenceDataset& data,
                                            const JointRewardTable& estimate);

}  // namespace eqlab
