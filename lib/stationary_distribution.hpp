#pragma once
// A stationary distribution of a small Markov chain by GTH elimination
// (Grassmann, Taksar and Heyman 1985). It uses no subtractions, so every probability is
// computed to full relative precision, even the tiny ones: the EFCE fixed point needs
// the exact distribution, since an error of ε per round adds about εT to the regret.
//
// Reference: Grassmann, Taksar, Heyman, "Regenerative Analysis and Steady State
// Distributions for Markov Chains", Operations Research 1985 (no arXiv version).
// Cost: O(n³) per call for n states.
// See docs/algorithms/evaluation.md, "Stationary distributions".
#include <span>

namespace eqlab {

// `transition` holds the n x n row-stochastic matrix row-major (diagonal entries are not
// read) and is overwritten. `pi` receives the stationary distribution, the unique one of
// an irreducible chain. For a reducible chain (or after underflow) elimination stops at
// the highest state k that cannot reach a lower-numbered state through the eliminated
// ones: pi is then the stationary distribution that starts from state k's closed class
// (zero on the states below k), still an exact fixed point pi = pi P.
void stationary_distribution(std::span<double> transition, int n, std::span<double> pi);

}  // namespace eqlab
