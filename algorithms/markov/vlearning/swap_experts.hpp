#pragma once
// The swap-regret layer of CE-V-learning at one (h, s): A sub-experts, one per
// recommended action b', each an α-weighted exponential-weights learner over the A
// actions. Their proposals form the row-stochastic matrix Q (row b' = q^{b'}); playing
// the stationary μ = μQ turns each sub-expert's external regret into the player's swap
// regret (Blum–Mansour), and the two-step draw b ~ μ, a ~ q^b plays μ while telling which
// sub-expert to credit.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Swap regret: Blum, Mansour, "From External to Internal Regret", JMLR 2007.
// Cost per visit: O(A²) for the proposals and the draw, O(A³) for the stationary marginal.
// See docs/algorithms/markov-learning.md, "ce-v".
#include <cstdint>
#include <span>

#include <eqlab/lib/rng.hpp>

namespace eqlab {

// Row b' of q (A×A, row-major) = uniform when counts[b'] == 0, else
// softmax(-(eta_factor/sqrt(counts[b'])/alpha) · g[b']): the learning rate follows the
// sub-expert's own count, the normaliser α the global one. g holds the A accumulators.
void propose_sub_experts(std::span<const double> g, std::span<const std::int64_t> counts, double alpha,
                         double eta_factor, int actions, std::span<double> q);

// μ with μ = μQ, by GTH elimination of a copy of q (scratch has A·A entries).
void solve_marginal(std::span<const double> q, int actions, std::span<double> scratch, std::span<double> mu);

struct TwoStepDraw {
  int expert = 0;  // b ~ μ
  int action = 0;  // a ~ q^b
};
// Two uniforms from rng: the first picks the sub-expert, the second its action.
TwoStepDraw two_step_draw(std::span<const double> q, std::span<const double> mu, int actions, RngStream& rng);

}  // namespace eqlab
