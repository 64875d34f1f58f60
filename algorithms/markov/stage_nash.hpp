#pragma once
// Nash equilibria of a two-player stage game (a bimatrix game) by support enumeration.
//
// For every pair of supports I (rows) and J (columns) of equal size k, the column mix y on
// J that makes the row player indifferent over I, and the row mix x on I that makes the
// column player indifferent over J, solve two (k + 1) × (k + 1) linear systems:
//   A_IJ y = u·1, Σ y = 1;      B_IJᵀ x = v·1, Σ x = 1.
// The pair (x, y) is an equilibrium when both are nonnegative and no action outside the
// supports earns more (A y ≤ u, Bᵀ x ≤ v). In a nondegenerate game every equilibrium has
// supports of equal size and nonsingular systems, so this lists them all (an odd number).
// In a degenerate game it lists those whose systems are nonsingular, which include the
// pure equilibria; it may miss the others (a continuum, or supports of unequal size).
//
// References: Nisan, Roughgarden, Tardos, Vazirani (eds.), "Algorithmic Game Theory",
// Cambridge 2007, chapter 3 (von Stengel, "Equilibrium Computation for Two-Player Games in
// Strategic and Extensive Form"), section 3.4 (support enumeration) and the definition of
// nondegeneracy.
// Cost: Σ_k C(rows, k)·C(cols, k) pairs of supports, each an O(k³) solve and an
// O(rows·cols) check: for stage games of up to about 10 actions a player.
// See docs/algorithms/marlhf.md, "Stage-game Nash equilibria".
#include <span>
#include <vector>

namespace eqlab {

struct BimatrixEquilibrium {
  std::vector<double> row;     // the row player's mixed strategy
  std::vector<double> column;  // the column player's
  double row_value = 0.0;      // xᵀ A y
  double column_value = 0.0;   // xᵀ B y
};

// `row_payoff` and `column_payoff` are rows × cols, row-major. Equilibria are listed in
// the order of their support size, then lexicographically by support. `tolerance` bounds
// the negative probabilities and profitable deviations accepted as rounding. Throws
// UsageError for an empty game or tables of the wrong size.
std::vector<BimatrixEquilibrium> support_enumeration(int rows, int cols, std::span<const double> row_payoff,
                                                     std::span<const double> column_payoff,
                                                     double tolerance = 1e-12);

// The largest gain either player gets by a unilateral deviation from (x, y): 0 at a Nash
// equilibrium.
double bimatrix_nash_gap(int rows, int cols, std::span<const double> row_payoff, std::span<const double> column_payoff,
                         std::span<const double> x, std::span<const double> y);

}  // namespace eqlab
