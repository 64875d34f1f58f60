#pragma once
// The behaviour policy behind a preference dataset, estimated by imitation: at every step
// h and state s, the frequency of each joint action among the trajectories of the dataset
// (both trajectories of every pair) that were in s at step h, with `pseudo_count` added
// to every joint action (Laplace smoothing; 0 for the plain frequencies). A pair (h, s)
// no trajectory visits gets the uniform distribution. The pessimism of learning from
// preferences penalises joint actions this policy rarely takes (docs/algorithms/marlhf.md,
// "The behaviour policy").
// Memory: H·S·Π_i A_i counts; refused (UsageError) above 2^24 joint actions a state.
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/games/io/preference_data.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

class BehaviourEstimate {
 public:
  // `model` must outlive the estimate.
  BehaviourEstimate(const MarkovModel& model, const PreferenceDataset& data, double pseudo_count = 0.0);

  // The estimated probability of the joint action (one action per player) at (h, s).
  double probability(int h, int s, std::span<const int> joint_action) const {
    return probability(h, s, model_->encode_joint(joint_action));
  }
  // The same for a joint action by its index (MarkovModel::encode_joint).
  double probability(int h, int s, std::size_t joint) const;
  // How many trajectories of the dataset were in s at step h.
  std::int64_t visits(int h, int s) const { return visits_[static_cast<std::size_t>(h) * states_ + s]; }
  std::int64_t num_joint_actions() const { return joint_; }

 private:
  const MarkovModel* model_;
  int states_ = 0;
  std::int64_t joint_ = 1;
  double pseudo_count_ = 0.0;
  std::vector<std::int64_t> visits_;  // per (h, s)
  std::vector<std::int64_t> counts_;  // per (h, s, joint action)
};

}  // namespace eqlab
