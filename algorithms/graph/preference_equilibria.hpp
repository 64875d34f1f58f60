#pragma once
// Nash equilibria of two-player graph games whose players have incomplete preferences
// over co-safety goals, on the product game.
//
// Outcomes. Goals only accumulate along a play, so every play has a final class, its
// outcome. Player i prefers classes by its ClassPreference; unrelated classes are
// incomparable, and an incomparable outcome is no improvement.
//
// Forcing a set of outcomes. "Player i can force the final class into B" is the co-Büchi
// objective "eventually always in a class of B" on the product, computed as
//   W = μX. Attr_i(X ∪ Safe_i(S_B ∪ X)),  Safe_i(T) = V \ Attr_{-i}(V \ T),
// S_B the states whose class is in B. When B is upward closed (a class above one in B is
// in B, as under the ∀∃ lifting) this is just Attr_i(S_B), the paper's formulation; the
// general form also handles preferences that favour achieving fewer goals.
//
// NE outcomes by threat sets: Threat_i(o) = the states from which i can force a
// class it strictly prefers to o. o is an equilibrium outcome from x0 iff some play from
// x0 with outcome o avoids Threat_1(o) ∪ Threat_2(o): then either player deviating alone
// is held outside its threat set by the other (the complement of an attractor is a trap),
// and ends with a class that is not strictly better for it.
//
// Reference: Kulkarni, Fu, Topcu, "Nash Equilibrium in Games on Graphs with Incomplete
// Preferences", 2024, arXiv:2408.02860.
// Cost: force_final_class runs rounds of two attractors, O(|P| + |E_P|) each, until its set
// is stable: a couple of rounds when B is upward closed, at most |P| in general, so
// O(|P|·(|P| + |E_P|)) worst case; analyse_equilibria two forcings and one search per
// outcome class, plus one forcing per class for maximal sure winning.
// See docs/algorithms/graph-decoys.md, "Preference equilibria over temporal goals".
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <eqlab/games/graph/product_game.hpp>

namespace eqlab {

// Mask of the states from which `player` can force the final class to satisfy `allowed`.
std::vector<std::uint8_t> force_final_class(const ProductGame& product, GraphPlayer player,
                                            const std::function<bool(GoalClass)>& allowed);

struct OutcomeReport {
  GoalClass outcome = 0;
  bool equilibrium = false;
  bool pareto_efficient = false;
  std::string reason;                // why not an equilibrium (empty when it is)
  std::vector<int> witness;          // product states: a play from x0 ...
  std::size_t cycle_start = 0;       // ... whose states from this index on repeat forever
  std::vector<std::uint8_t> safe;    // the states outside both threat sets
  // For an equilibrium, how each player is held if it deviates alone: punish[j] maps the
  // other player's states outside Threat_j(o) that have an edge into it to an edge that
  // stays out (elsewhere every move stays out). Pairs (product state, edge index).
  std::vector<std::pair<int, std::size_t>> punish[2];
};

struct EquilibriumReport {
  int initial = -1;                          // the product state analysed
  std::vector<OutcomeReport> outcomes;       // every outcome some play from x0 can have
  std::vector<GoalClass> guaranteed[2];      // each player's maximal surely winnable classes
};

EquilibriumReport analyse_equilibria(const ProductGame& product, const ClassPreference (&preferences)[2], int initial);

}  // namespace eqlab
