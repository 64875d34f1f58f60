#pragma once
// Markov policies of an episodic Markov game, as flat arrays.
//   ProductPolicy     π_{h,i}(·|s): one distribution per (step, state, player); every
//                     player acts independently. The learners' last iterates, Nash-CA's
//                     output.
//   CorrelatedPolicy  π_h(·|s) over JOINT actions (mixed radix, player 0 slowest, like
//                     MarkovGame): Nash-VI's output; small games only, it holds
//                     H·S·Π_i A_i numbers.
//
// See docs/algorithms/markov-learning.md, "Model and feedback".
#include <cstddef>
#include <span>
#include <vector>

#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

class ProductPolicy {
 public:
  // Every distribution uniform.
  explicit ProductPolicy(const MarkovModel& model);

  std::span<double> at(int h, int s, int player) {
    return {prob_.data() + block(h, s) + offsets_[player], sizes_[player]};
  }
  std::span<const double> at(int h, int s, int player) const {
    return {prob_.data() + block(h, s) + offsets_[player], sizes_[player]};
  }
  // Every player's distribution at (h, s), for the oracle. `views` is resized to m.
  void view(int h, int s, std::vector<std::span<const double>>& views) const;
  // Makes player i play action a with probability 1 at (h, s).
  void set_pure(int h, int s, int player, int action);

  int horizon() const { return horizon_; }
  int num_states() const { return states_; }
  int num_players() const { return static_cast<int>(sizes_.size()); }
  std::span<const double> data() const { return prob_; }

 private:
  std::size_t block(int h, int s) const {
    return (static_cast<std::size_t>(h) * states_ + s) * block_size_;
  }
  int horizon_ = 0, states_ = 0;
  std::size_t block_size_ = 0;
  std::vector<std::size_t> offsets_, sizes_;
  std::vector<double> prob_;
};

class CorrelatedPolicy {
 public:
  // Every joint distribution uniform. UsageError above max_joint joint actions.
  explicit CorrelatedPolicy(const MarkovModel& model, double max_joint = 1 << 20);

  std::span<double> at(int h, int s) { return {prob_.data() + block(h, s), joint_}; }
  std::span<const double> at(int h, int s) const { return {prob_.data() + block(h, s), joint_}; }

  int horizon() const { return horizon_; }
  int num_states() const { return states_; }
  std::size_t num_joint_actions() const { return joint_; }
  // Player i's digit of a joint index and the step of that digit.
  int action_of(std::size_t joint, int player) const {
    return static_cast<int>((joint / strides_[player]) % sizes_[player]);
  }
  std::size_t stride(int player) const { return strides_[player]; }
  // Decodes a joint index into one action per player (out has m entries).
  void decode(std::size_t joint, std::span<int> out) const;

 private:
  std::size_t block(int h, int s) const { return (static_cast<std::size_t>(h) * states_ + s) * joint_; }
  int horizon_ = 0, states_ = 0;
  std::size_t joint_ = 1;
  std::vector<std::size_t> strides_, sizes_;
  std::vector<double> prob_;
};

}  // namespace eqlab
