#pragma once
// The weighted average of the sequence-form strategies a learner played: the output of
// every Nash learner. Averaging happens in sequence form (a convex combination of
// realisation plans is one), never on behavioural probabilities.
//
// Cost: O(|Σ_p|) per add.
// See docs/algorithms/cfr.md and docs/algorithms/phi-hedge-omd.md (the outputs).
#include <cstddef>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

class AverageStrategy {
 public:
  // Zero sums shaped like `shape` (one vector per player).
  explicit AverageStrategy(const Profile& shape) : sum_(shape), weight_(shape.size(), 0.0) {
    for (auto& plan : sum_) plan.assign(plan.size(), 0.0);
  }

  // Adds weight * plan to the player's sum.
  void add(int player, const std::vector<double>& plan, double weight) {
    std::vector<double>& sum = sum_[player];
    const std::size_t m = sum.size();
#pragma omp simd
    for (std::size_t s = 0; s < m; ++s) sum[s] += weight * plan[s];
    weight_[player] += weight;
  }

  // The average; a player with nothing added yet gets its plan from `fallback`.
  Profile value(const Profile& fallback) const {
    Profile out = sum_;
    for (std::size_t p = 0; p < out.size(); ++p) {
      if (weight_[p] == 0.0) out[p] = fallback[p];
      else
        for (double& v : out[p]) v /= weight_[p];
    }
    return out;
  }

 private:
  Profile sum_;
  std::vector<double> weight_;
};

}  // namespace eqlab
