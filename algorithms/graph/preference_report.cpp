#include <eqlab/algorithms/graph/preference_report.hpp>

#include <nlohmann/json.hpp>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

nlohmann::ordered_json goal_names(const GoalSpec& spec, GoalClass c) {
  nlohmann::ordered_json goals = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < spec.goals.size(); ++g)
    if (c >> g & 1) goals.push_back(spec.goals[g].name);
  return goals;
}

nlohmann::ordered_json outcome_json(const PreferenceAnalysis& analysis, const TurnGame& graph, const GoalSpec& goals,
                                    const OutcomeReport& o) {
  const ProductGame& product = analysis.product;
  nlohmann::ordered_json out = {{"goals", goal_names(goals, o.outcome)},
                                {"equilibrium", o.equilibrium},
                                {"pareto_efficient", o.pareto_efficient}};
  if (!o.equilibrium) {
    out["reason"] = o.reason;
    return out;
  }
  nlohmann::ordered_json play = nlohmann::ordered_json::array();
  for (int s : o.witness) play.push_back(graph.vertex_name(product.vertex[s]));
  out["witness"] = {{"play", play}, {"repeats_from", o.cycle_start}};
  // The punishments: where the other player must choose to hold a deviator.
  for (int j = 0; j < 2; ++j) {
    nlohmann::ordered_json moves = nlohmann::ordered_json::array();
    for (const auto& [state, edge] : o.punish[j])
      moves.push_back({{"state", product.game.vertex_name(state)}, {"action", product.game.edge_action(edge)}});
    out["punish"][j == 0 ? "P1_deviates" : "P2_deviates"] = moves;
  }
  return out;
}

}  // namespace

PreferenceAnalysis analyse_preferences(const TurnGame& graph, const GoalSpec& goals) {
  PreferenceAnalysis analysis{build_product(graph, goals.goals), -1, {}};
  if (analysis.product.initial.size() != 1)
    throw InputError(graph.name(), "", "mark exactly one vertex \"init\": the analysis starts from one vertex");
  analysis.initial = analysis.product.initial[0];
  for (const PreferenceCase& c : goals.cases)
    analysis.cases.push_back({c.name, analyse_equilibria(analysis.product, c.player, analysis.initial)});
  return analysis;
}

std::string witness_play_text(const PreferenceAnalysis& analysis, const TurnGame& graph, const OutcomeReport& o) {
  std::string text;
  for (std::size_t k = 0; k < o.witness.size(); ++k) {
    if (k == o.cycle_start) text += k ? " -> (" : "(";
    else if (k) text += " -> ";
    text += graph.vertex_name(analysis.product.vertex[o.witness[k]]);
  }
  return text + ")*";
}

nlohmann::ordered_json preferences_json(const PreferenceAnalysis& analysis, const TurnGame& graph,
                                        const GoalSpec& goals) {
  nlohmann::ordered_json report = {{"format", "eqlab-preferences/1"},
                                   {"game", graph.name()},
                                   {"start", graph.vertex_name(analysis.product.vertex[analysis.initial])},
                                   {"goals", nlohmann::ordered_json::array()},
                                   {"product_states", analysis.product.game.num_vertices()},
                                   {"cases", nlohmann::ordered_json::array()}};
  for (const GoalAutomaton& g : goals.goals) report["goals"].push_back(g.name);
  for (const PreferenceCaseReport& c : analysis.cases) {
    nlohmann::ordered_json case_json = {{"name", c.name}};
    for (int i = 0; i < 2; ++i) {
      nlohmann::ordered_json classes = nlohmann::ordered_json::array();
      for (GoalClass g : c.report.guaranteed[i]) classes.push_back(goal_names(goals, g));
      case_json["guaranteed"][i == 0 ? "P1" : "P2"] = classes;
    }
    nlohmann::ordered_json outcomes = nlohmann::ordered_json::array();
    for (const OutcomeReport& o : c.report.outcomes) outcomes.push_back(outcome_json(analysis, graph, goals, o));
    case_json["outcomes"] = outcomes;
    report["cases"].push_back(case_json);
  }
  return report;
}

}  // namespace eqlab
