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

// The same for chains of 2 or 3 states, the commonest (infosets with two or three
// actions), in closed form by the Markov chain tree theorem: pi(i) is proportional to the
// sum, over the spanning trees directed towards i, of the products of their transition
// probabilities (for 3 states, three products of two). Like GTH it only adds and
// multiplies probabilities, so every entry keeps full relative precision, at a fraction of
// the cost. `transition` is read, not overwritten. Returns false, writing nothing, for
// other sizes and when every tree's product vanishes or underflows (a reducible chain):
// stationary_distribution() then decides.
bool small_stationary_distribution(std::span<const double> transition, int n, std::span<double> pi);

// small_stationary_distribution() where it applies, stationary_distribution() otherwise.
void stationary_distribution_of_any(std::span<double> transition, int n, std::span<double> pi);

}  // namespace eqlab
