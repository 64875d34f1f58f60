#pragma once
// What a decoy placement tells a planner, as data: the picks, the regions, the defender's
// strategy and what is known about greedy's guarantee (format "eqlab-decoys/1", written by
// `eqlab decoys --out`), and the graph drawn for GraphViz with decoys and regions coloured.
//
// See docs/algorithms/graph-decoys.md and docs/FORMAT.md ("Decoy placements").
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/graph/decoy_placement.hpp>
#include <eqlab/algorithms/graph/submodularity.hpp>

namespace eqlab {

struct PlacementReport {
  std::string method;  // "greedy", "lazy greedy" or "exhaustive"
  DeceptionRegion region = DeceptionRegion::sure;
  int trap_budget = 0, fake_budget = 0;
  PlacementResult result;
  DeceptiveStrategy strategy;            // for the placed decoys
  std::optional<PairwiseCheck> check;    // when the submodularity check ran
  double seconds = 0.0;
};

// Runs the placement and the strategy (and the check when asked).
enum class PlacementMethod { greedy, lazy_greedy, exhaustive };

PlacementReport place_decoys(const DeceptionEvaluator& evaluator, DeceptionRegion region, int fakes, int traps,
                             PlacementMethod method, bool check_submodular);

// The most placements an exhaustive search is allowed to try (about a minute on the
// published graphs); beyond it the command line and the Python package refuse it.
inline constexpr double kMaxExhaustivePlacements = 5e7;

// The sentence about greedy's (1 - 1/e) guarantee: stated only when it was checked.
std::string guarantee_text(const PlacementReport& report);

nlohmann::ordered_json placement_json(const DeceptionEvaluator& evaluator, const PlacementReport& report);

// GraphViz DOT: targets red, traps orange, fakes gold, the deceptive region green, the
// rest of the attacker's region pink, the defender's region blue; the defender's strategy
// edges bold.
std::string annotated_dot(const DeceptionEvaluator& evaluator, const PlacementReport& report);

}  // namespace eqlab
