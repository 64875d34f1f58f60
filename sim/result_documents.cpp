#include <eqlab/sim/result_documents.hpp>

#include <eqlab/algorithms/markov/eval/certified_eval.hpp>
#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/games/io/result_file.hpp>

namespace eqlab {

void mark_interrupted(nlohmann::ordered_json& doc) {
  nlohmann::ordered_json marked;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    marked[it.key()] = std::move(it.value());
    if (it.key() == "iterations") marked["interrupted"] = true;
  }
  if (!marked.contains("interrupted")) marked["interrupted"] = true;
  doc = std::move(marked);
}

nlohmann::ordered_json run_result_json(const Solver& solver, const std::string& game_name, const CompiledGame& game, const RunResult& result) {
  ResultHeader header;
  header.game = game_name;
  header.solver = solver.name();
  header.params = solver.params();
  header.concept_name = concept_name(result.solution_concept);
  header.iterations = solver.iteration();
  nlohmann::ordered_json doc = result_to_json(header, game, solver.output_profile(), run_metrics_json(result),
                                              curve_to_json(result.curve));
  if (result.interrupted) mark_interrupted(doc);
  return doc;
}

nlohmann::ordered_json markov_result_json(const MarkovSolver& solver, const MarkovModel& model, std::uint64_t seed,
                                          const MarkovRunResult& result) {
  nlohmann::ordered_json doc;
  doc["format"] = kResultFormat;
  doc["game"] = model.name();
  nlohmann::ordered_json params = solver.params();
  params["seed"] = seed;
  doc["solver"] = {{"name", solver.name()}, {"params", params}};
  doc["concept"] = concept_name(solver.solution_concept());
  doc["iterations"] = result.episodes;
  if (result.interrupted) doc["interrupted"] = true;
  // The played Markov product policy (the last iterate), as the format's strategies: per
  // player, per step, per state, the action probabilities.
  if (const ProductPolicy* product = solver.product()) doc["strategies"] = product_policy_json(model, *product)["product"];
  doc["metrics"] = result.final_evaluation;
  doc["metrics"]["memory_mb"] = static_cast<double>(result.memory_bytes) / (1024.0 * 1024.0);
  doc["curve"] = curve_to_json(result.curve);
  return doc;
}

nlohmann::ordered_json markov_policy_evaluation_json(const MarkovModel& model, const MarkovPolicyFile& policy) {
  nlohmann::ordered_json out = {{"game", model.name()}, {"kind", policy.kind()}};
  if (policy.replay_matches.has_value()) out["replay_matches_run"] = *policy.replay_matches;
  if (policy.certified) {
    const CertifiedEvaluation c = evaluate_certified(model, *policy.certified, {});
    out["episodes"] = c.episodes;
    out["values"] = c.value;
    out["cce_gap_upper"] = c.cce_gap_upper;
    out["cce_gap_lower"] = c.cce_gap_lower;
    out["ce_gap_upper"] = c.ce_gap_upper;
    if (c.cce_gap_exact) out["cce_gap_exact"] = *c.cce_gap_exact;
  } else if (policy.correlated) {
    const CorrelatedEvaluation c = evaluate_correlated(model, *policy.correlated);
    out["values"] = c.value;
    out["cce_gap"] = c.cce_gap;
    out["ce_gap"] = c.ce_gap;
  } else {
    const ProductEvaluation p = evaluate_product(model, *policy.product);
    out["values"] = p.value;
    out["best_response"] = p.best_response;
    out["nash_gap"] = p.nash_gap;
  }
  return out;
}

}  // namespace eqlab
