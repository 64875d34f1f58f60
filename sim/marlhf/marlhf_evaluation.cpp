#include <eqlab/sim/marlhf/marlhf_evaluation.hpp>

#include <algorithm>

#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/games/io/result_file.hpp>

namespace eqlab {

MarlhfEvaluation evaluate_marlhf(const MarkovModel& model, const PreferenceDataset& data, const MarlhfResult& result) {
  MarlhfEvaluation e;
  e.target = result.equilibrium.target;
  if (result.equilibrium.product) {
    const ProductEvaluation p = evaluate_product(model, *result.equilibrium.product);
    e.value = p.value;
    e.best_response = p.best_response;
    e.gap = p.nash_gap;
  } else {
    const CorrelatedEvaluation c = evaluate_correlated(model, *result.equilibrium.correlated);
    e.value = c.value;
    e.best_response = c.cce_best;
    e.gap = c.cce_gap;
    e.ce_gap = c.ce_gap;
  }
  e.reward_error = reward_estimation_error(model, data, result.estimate);
  e.max_reward_error = *std::ranges::max_element(e.reward_error);
  return e;
}

nlohmann::ordered_json marlhf_result_json(const MarkovModel& model, const PreferenceDataset& data,
                                          const MarlhfOptions& options, const MarlhfResult& result,
                                          const MarlhfEvaluation& evaluation, double seconds) {
  nlohmann::ordered_json doc;
  doc["format"] = kResultFormat;
  doc["game"] = model.name();
  doc["solver"] = {{"name", "marlhf"}, {"params", options.params()}};
  doc["concept"] = concept_name(evaluation.target);
  doc["data"] = {{"game", data.game}, {"behaviour", data.behaviour}, {"pairs", data.pairs.size()},
                 {"temperature", data.temperature}};
  if (result.equilibrium.product) doc["strategies"] = product_policy_json(model, *result.equilibrium.product)["product"];
  else doc["correlated_policy"] = correlated_policy_json(model, *result.equilibrium.correlated);
  nlohmann::ordered_json metrics;
  metrics["values"] = evaluation.value;
  metrics["best_response"] = evaluation.best_response;
  if (evaluation.target == Concept::nash) metrics["nash_gap"] = evaluation.gap;
  else {
    metrics["cce_gap"] = evaluation.gap;
    metrics["ce_gap"] = evaluation.ce_gap;
  }
  metrics["reward_error"] = evaluation.reward_error;
  metrics["seconds"] = seconds;
  doc["metrics"] = metrics;
  nlohmann::ordered_json learner;
  std::vector<int> iterations;
  for (const PreferenceMleResult& fit : result.fits) iterations.push_back(fit.iterations);
  learner["features"] = options.features;
  learner["dimension"] = result.fits.empty() ? 0 : static_cast<int>(result.fits[0].theta.size());
  learner["newton_iterations"] = iterations;
  learner["mean_width"] = result.mean_width;
  learner["pessimistic_values"] = result.equilibrium.value;
  learner["perturbed_stages"] = result.equilibrium.perturbed_stages;
  doc["learner"] = learner;
  return doc;
}

}  // namespace eqlab
