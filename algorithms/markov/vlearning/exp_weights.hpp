#pragma once
// The per-(h, s) bandit arithmetic shared by the Markov learners (CCE-V, CE-V, EXP3-IX):
// exponential weights computed stably, drawing an action from a
// distribution, and the α-weighted implicit-exploration (IX) loss estimate kept as a
// normalised accumulator.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// V-learning: Jin, Liu, Wang, Yu, "V-Learning — A Simple, Efficient, Decentralized Algorithm
// for Multiagent RL", 2021, arXiv:2110.14555.
// Cost: O(A) per call for A actions.
// See docs/algorithms/markov-learning.md, "cce-v".
#include <span>

namespace eqlab {

// out ∝ exp(-scale · g), computed after subtracting the smallest g so that no exp
// overflows and the best action always has weight 1 before normalising.
void negative_softmax(std::span<const double> g, double scale, std::span<double> out);

// The index i with Σ_{j<i} p_j <= u < Σ_{j<=i} p_j, for u ∈ [0, 1). When rounding leaves u
// beyond the total, the last index of positive probability.
int draw_index(std::span<const double> p, double u);

// One visit of CCE-V-learning's G-form FTRL: G ← (1-α)·G, then G[a] += α·loss/(prob + γ),
// where prob is the probability the played action a had. Afterwards G = Σ_τ α_t^τ ℓ̂_τ, the
// α-weighted sum of the importance-weighted loss vectors, which stays bounded where the
// V-learning weights w_t = α_t / Π_{u=2}^t (1-α_u) would grow like t^{H-1}.
void weighted_ix_update(std::span<double> g, int action, double alpha, double loss, double prob, double gamma);

}  // namespace eqlab
