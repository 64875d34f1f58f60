#include <eqlab/algorithms/graph/placement_report.hpp>

#include <chrono>
#include <sstream>
#include <string_view>
#include <vector>

namespace eqlab {

namespace {

const char* kind_name(DecoyPick::Kind kind) { return kind == DecoyPick::Kind::fake ? "fake" : "trap"; }

std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

PlacementReport place_decoys(const DeceptionEvaluator& evaluator, DeceptionRegion region, int fakes, int traps,
                             PlacementMethod method, bool check_submodular) {
  const auto start = std::chrono::steady_clock::now();
  const bool exhaustive = method == PlacementMethod::exhaustive;
  PlacementReport r;
  r.method = exhaustive ? "exhaustive" : method == PlacementMethod::lazy_greedy ? "lazy greedy" : "greedy";
  r.region = region;
  r.trap_budget = traps;
  r.fake_budget = fakes;
  r.result = exhaustive ? exhaustive_placement(evaluator, region, fakes, traps)
                        : greedy_placement(evaluator, region, fakes, traps, method == PlacementMethod::lazy_greedy);
  r.strategy = region == DeceptionRegion::sure ? evaluator.sure_strategy(r.result.decoys)
                                               : evaluator.almost_sure_strategy(r.result.decoys);
  // The bound concerns one kind of decoy: check the kind that was placed.
  if (check_submodular && (fakes == 0 || traps == 0))
    r.check = pairwise_check(evaluator, region, fakes > 0 ? DecoyPick::Kind::fake : DecoyPick::Kind::trap);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

std::string guarantee_text(const PlacementReport& r) {
  if (r.method == "exhaustive") return "exhaustive: the placement is optimal";
  if (r.method == "lazy greedy" && !(r.check && r.check->holds()))
    return "none stated: lazy greedy is greedy only on submodular instances, and this one was not found so "
           "(the picks may differ from greedy's)";
  const int budget = r.trap_budget + r.fake_budget;
  if (r.trap_budget > 0 && r.fake_budget > 0)
    return "none stated: greedy placed two kinds of decoys, for which (1 - 1/e) is not a theorem";
  if (!r.check) return "none stated: submodularity was not checked on this instance (add --check-submodular)";
  std::ostringstream text;
  text << "pairwise check over " << r.check->pairs << " site pairs: " << r.check->supermodular_pairs
       << " supermodular, " << r.check->not_monotone << " not monotone; ";
  if (!r.check->holds()) {
    text << "not submodular, so no (1 - 1/e) guarantee";
  } else if (budget <= 2) {
    text << "monotone and submodular on pairs, so greedy is within 1 - 1/e = 0.632 of the optimum";
  } else {
    text << "submodular on pairs, which is necessary but not sufficient for the (1 - 1/e) bound at budget "
         << budget;
  }
  return text.str();
}

namespace {

// What a vertex is after the placement, as the drawing colours it: "target", "trap",
// "fake", "deceptive" (in the deceptive region), "attacker" (the rest of the attacker's
// winning region) or "defender".
std::vector<const char*> vertex_roles(const DeceptionEvaluator& evaluator, const PlacementReport& r) {
  const TurnGame& g = evaluator.game();
  std::vector<const char*> role(static_cast<std::size_t>(g.num_vertices()), nullptr);
  for (int s : r.result.decoys.traps)
    for (int v : g.sites()[s].vertices) role[v] = "trap";
  for (int s : r.result.decoys.fakes)
    for (int v : g.sites()[s].vertices) role[v] = "fake";
  for (int v = 0; v < g.num_vertices(); ++v) {
    if (g.is_target(v)) role[v] = "target";
    else if (role[v]) continue;
    else if (r.strategy.region[v]) role[v] = "deceptive";
    else if (evaluator.base().win2[v]) role[v] = "attacker";
    else role[v] = "defender";
  }
  return role;
}

}  // namespace

nlohmann::ordered_json placement_json(const DeceptionEvaluator& evaluator, const PlacementReport& r) {
  const TurnGame& g = evaluator.game();
  nlohmann::ordered_json out;
  out["format"] = "eqlab-decoys/1";
  out["game"] = g.name();
  out["method"] = r.method;
  out["region"] = region_name(r.region);
  out["mode"] = mode_name(evaluator.mode());
  out["budgets"] = {{"traps", r.trap_budget}, {"fakes", r.fake_budget}};
  out["picks"] = nlohmann::ordered_json::array();
  for (const DecoyPick& p : r.result.picks) {
    nlohmann::ordered_json pick = {{"kind", kind_name(p.kind)}, {"site", g.sites()[p.site].name}};
    if (r.method != "exhaustive") {
      pick["value"] = p.value;
      pick["region_size"] = p.region_size;
    }
    out["picks"].push_back(pick);
  }
  out["value"] = r.result.value;
  std::size_t defender_states = 0;
  for (int v = 0; v < g.num_vertices(); ++v) defender_states += !evaluator.base().win2[v];
  out["regions"] = {{"vertices", g.num_vertices()},
                    {"targets", g.targets().size()},
                    {"attacker_wins", evaluator.base().win2_size},
                    {"defender_wins", defender_states},
                    {"deceptive", r.result.region_size},
                    {"denominator", evaluator.denominator()}};
  nlohmann::ordered_json moves = nlohmann::ordered_json::array();
  for (int u = 0; u < g.num_vertices(); ++u) {
    const long long e = r.strategy.defender_move[u];
    if (e < 0) continue;
    moves.push_back({{"vertex", g.vertex_name(u)},
                     {"action", g.edge_action(static_cast<std::size_t>(e))},
                     {"to", g.vertex_name(g.edge_target(static_cast<std::size_t>(e)))},
                     {"deceptive", r.strategy.region[u] != 0}});
  }
  out["strategy"] = {{"player", "defender"}, {"moves", moves}};
  const std::vector<const char*> role = vertex_roles(evaluator, r);
  nlohmann::ordered_json roles = nlohmann::ordered_json::object();
  for (int v = 0; v < g.num_vertices(); ++v) roles[g.vertex_name(v)] = role[v];
  out["vertex_roles"] = roles;
  nlohmann::ordered_json guarantee = {{"text", guarantee_text(r)}};
  if (r.check) {
    guarantee["pairs"] = r.check->pairs;
    guarantee["supermodular_pairs"] = r.check->supermodular_pairs;
    guarantee["submodular_pairs"] = r.check->submodular_pairs;
    guarantee["not_monotone"] = r.check->not_monotone;
    guarantee["holds"] = r.check->holds();
  }
  out["guarantee"] = guarantee;
  out["evaluations"] = r.result.evaluations;
  out["seconds"] = r.seconds;
  return out;
}

std::string annotated_dot(const DeceptionEvaluator& evaluator, const PlacementReport& r) {
  const TurnGame& g = evaluator.game();
  const int n = g.num_vertices();
  const std::vector<const char*> role = vertex_roles(evaluator, r);
  std::ostringstream dot;
  dot << "digraph " << dot_quoted(g.name()) << " {\n"
      << "  // eqlab decoys: " << r.method << ", " << region_name(r.region) << ", " << mode_name(evaluator.mode())
      << " mode; value of deception " << r.result.value << "\n"
      << "  node [style=filled, fontname=\"sans\"];\n";
  for (int v = 0; v < n; ++v) {
    const std::string_view what = role[v];
    const char* fill = what == "target"      ? "#e06666"
                       : what == "trap"      ? "#f6b26b"
                       : what == "fake"      ? "#ffd966"
                       : what == "deceptive" ? "#b6d7a8"
                       : what == "attacker"  ? "#f4cccc"
                                             : "#cfe2f3";
    dot << "  " << dot_quoted(g.vertex_name(v)) << " [shape=" << (g.owner(v) == GraphPlayer::defender ? "box" : "ellipse")
        << ", fillcolor=\"" << fill << "\"";
    if (what == "trap" || what == "fake") dot << ", xlabel=" << dot_quoted(role[v]);
    dot << "];\n";
  }
  for (int u = 0; u < n; ++u)
    for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) {
      dot << "  " << dot_quoted(g.vertex_name(u)) << " -> " << dot_quoted(g.vertex_name(g.edge_target(e)))
          << " [label=" << dot_quoted(g.edge_action(e));
      if (r.strategy.defender_move[u] == static_cast<long long>(e)) dot << ", penwidth=3";
      dot << "];\n";
    }
  dot << "}\n";
  return dot.str();
}

}  // namespace eqlab
