#pragma once
// Where to put k_Y fake targets and k_T traps.
//
// greedy_placement: fakes first, then traps, each pick the candidate site whose addition
// gives the largest deceptive region, the first such site in site order on a tie (the
// published experiments' order); it stops early when no candidate gives a region larger
// than 0. Candidates of a step are evaluated in parallel; the pick does not depend on the
// thread count.
// exhaustive_placement: every placement of exactly the budgets; ties go to the
// lexicographically smallest (fakes, traps) in site order.
//
// Reference: Kulkarni, Cohen, Kamhoua, Fu, "Integrated Resource Allocation and Strategy
// Synthesis in Safety Games on Graphs with Deception", 2024, arXiv:2407.14436.
// Greedy bound: Nemhauser, Wolsey, Fisher, "An Analysis of Approximations for Maximizing
// Submodular Set Functions—I", Mathematical Programming 1978.
// Cost: greedy (k_Y + k_T)·|S| region evaluations (a trap candidate costs only what it
// adds); exhaustive C(|S|, k_Y)·C(|S| − k_Y, k_T) evaluations.
// See docs/algorithms/graph-decoys.md, "Decoy placement".
#include <string>
#include <vector>

#include <eqlab/algorithms/graph/deception.hpp>

namespace eqlab {

struct DecoyPick {
  enum class Kind { fake, trap } kind;
  int site = -1;
  std::size_t region_size = 0;  // after this pick
  double value = 0.0;           // value of deception after this pick
};

struct PlacementResult {
  std::vector<DecoyPick> picks;  // in pick order (greedy); fakes then traps (exhaustive)
  DecoySets decoys;
  std::size_t region_size = 0;
  double value = 0.0;
  long long evaluations = 0;
};

// The sites that may hold a decoy of this kind and meet W2 (the published candidates: W2 \ F
// on the random graphs). A trap outside W2 is useless; a fake outside W2 still
// shapes the attacker's perception, so clean mode keeps those fakes as candidates.
std::vector<int> candidate_sites(const DeceptionEvaluator& evaluator, DecoyPick::Kind kind);

// lazy: after the first full pass of each kind, re-evaluate only the candidates whose
// earlier gain could still be the best (exactly greedy on submodular instances, a
// heuristic elsewhere).
PlacementResult greedy_placement(const DeceptionEvaluator& evaluator, DeceptionRegion region, int fakes, int traps,
                                 bool lazy = false);
PlacementResult exhaustive_placement(const DeceptionEvaluator& evaluator, DeceptionRegion region, int fakes, int traps);

// The number of placements exhaustive_placement would try, C(fake sites, fakes) times
// C(trap sites, traps), as a double: callers refuse a search that would never end.
double exhaustive_placement_count(const DeceptionEvaluator& evaluator, int fakes, int traps);

}  // namespace eqlab
