#pragma once
// The optimistic values V̄_{h,i}(s) of V-learning and the visit counts they are updated
// with, as CCE-V- and CE-V-learning both keep them: every
// value starts at its cap H-h and every update is clipped to it.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost: O(1) per update; memory O(H·S·m).
// See docs/algorithms/markov-learning.md.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace eqlab {

class OptimisticValues {
 public:
  OptimisticValues(int players, int horizon, int states);

  double value(int player, int h, int s) const { return value_[at(player, h, s)]; }
  std::int64_t count(int player, int h, int s) const { return count_[at(player, h, s)]; }
  // Counts one more visit of (h, s) by the player and returns the new count t.
  std::int64_t visit(int player, int h, int s) { return ++count_[at(player, h, s)]; }
  // min(V̄_{h+1}(next), H-h-1), the value to go after step h; 0 after the last step (next < 0).
  double next_value(int player, int h, int next) const;
  // V̄_h(s) ← min(H-h, (1-α)·V̄_h(s) + α·target).
  void update(int player, int h, int s, double alpha, double target);

  std::size_t memory_bytes() const;

 private:
  std::size_t at(int player, int h, int s) const {
    return (static_cast<std::size_t>(h) * states_ + s) * players_ + player;
  }

  int players_, horizon_, states_;
  std::vector<double> value_;          // [(h·S + s)·m + i]
  std::vector<std::int64_t> count_;    // same layout
};

}  // namespace eqlab
