#pragma once
// Is the deceptive region, as a function of the decoy set, submodular on this instance?
// The paper's claims hold "in certain cases"; measured instances are neither submodular
// nor supermodular in general, so the (1 - 1/e) guarantee of greedy placement is stated
// only where it was checked.
//
// pairwise_check(kind) evaluates f(∅), f({a}) and f({a, b}) for every pair of candidate
// sites of one kind and counts Δ = f({a,b}) - f({a}) - f({b}) + f(∅) by sign, and the
// pairs where f({a,b}) < max(f({a}), f({b})) (not monotone). With no Δ > 0 and no monotone
// violation, f is monotone and submodular on every set of at most two sites, which is
// exactly what the (1 - 1/e) bound of greedy needs for a budget of two decoys of that kind
// (Nemhauser-Wolsey-Fisher, checked at sets of size 0 and 1). For larger budgets the check
// is necessary, not sufficient.
//
// Reference: Kulkarni, Cohen, Kamhoua, Fu, "Integrated Resource Allocation and Strategy
// Synthesis in Safety Games on Graphs with Deception", 2024, arXiv:2407.14436.
// Cost: O(|S|²) region evaluations per kind, |S| candidate sites.
// See docs/algorithms/graph-decoys.md, "The (1 − 1/e) guarantee and the submodularity check".
#include <cstddef>

#include <eqlab/algorithms/graph/decoy_placement.hpp>

namespace eqlab {

struct PairwiseCheck {
  std::size_t pairs = 0;
  std::size_t submodular_pairs = 0;    // Δ < 0
  std::size_t supermodular_pairs = 0;  // Δ > 0
  std::size_t not_monotone = 0;        // f({a,b}) < max(f({a}), f({b})), or f({a}) < f(∅)
  // Monotone and submodular on all sets of at most two candidate sites.
  bool holds() const { return supermodular_pairs == 0 && not_monotone == 0; }
};

PairwiseCheck pairwise_check(const DeceptionEvaluator& evaluator, DeceptionRegion region, DecoyPick::Kind kind);

// 1 - 1/e.
inline constexpr double kGreedyBound = 0.63212055882855767;

}  // namespace eqlab
