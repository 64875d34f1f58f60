#pragma once
// What `eqlab preferences` reports, as data: the equilibrium analysis of every alignment
// case of a goals file on one graph game, and its JSON document "eqlab-preferences/1"
// (docs/FORMAT.md, "Goals and preferences").
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/algorithms/graph/preference_equilibria.hpp>
#include <eqlab/games/graph/temporal_goals.hpp>

namespace eqlab {

struct PreferenceCaseReport {
  std::string name;
  EquilibriumReport report;
};

struct PreferenceAnalysis {
  ProductGame product;  // the graph times the goals' automata
  int initial = -1;     // the product state of the graph's "init" vertex
  std::vector<PreferenceCaseReport> cases;  // in the goals file's order
};

// Builds the product and analyses every case from the one "init" vertex. Throws
// InputError when the graph does not mark exactly one vertex "init".
PreferenceAnalysis analyse_preferences(const TurnGame& graph, const GoalSpec& goals);

// A witness play as text: "a -> b -> (c -> d)*", the part in brackets repeating forever.
std::string witness_play_text(const PreferenceAnalysis& analysis, const TurnGame& graph, const OutcomeReport& outcome);

// The report document without its "seconds" member (the caller adds the time it measured).
nlohmann::ordered_json preferences_json(const PreferenceAnalysis& analysis, const TurnGame& graph,
                                        const GoalSpec& goals);

}  // namespace eqlab
