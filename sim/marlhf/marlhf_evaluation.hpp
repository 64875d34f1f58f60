#pragma once
// The exact evaluation of what the preference learner (algorithms/markov/marlhf/marlhf.hpp)
// outputs, in the true game, whose rewards the learner never saw:
//   nash_gap        the output policy's Nash gap (two players; a product policy), or
//   cce_gap, ce_gap a correlated output's gaps (three players or more)
//   reward_error    per player, the estimate's error on the data (reward_estimation_error)
// and the result document of `eqlab solve --solver marlhf` (eqlab-result/1).
// See docs/algorithms/marlhf.md, "Evaluation".
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/marlhf/marlhf.hpp>

namespace eqlab {

struct MarlhfEvaluation {
  Concept target = Concept::nash;
  std::vector<double> value;          // per player, game units
  std::vector<double> best_response;  // per player: its best value against the others (CCE deviation if correlated)
  double gap = 0.0;                   // the target's gap: Nash gap, or CCE gap of a correlated output
  double ce_gap = 0.0;                // correlated outputs only
  std::vector<double> reward_error;   // per player
  double max_reward_error = 0.0;
};

MarlhfEvaluation evaluate_marlhf(const MarkovModel& model, const PreferenceDataset& data, const MarlhfResult& result);

// The result document: solver marlhf with its params and the dataset's description, the
// output policy as strategies (product outputs), the metrics and the learner's own numbers
// (Newton iterations, mean width, values in the pessimistic game).
nlohmann::ordered_json marlhf_result_json(const MarkovModel& model, const PreferenceDataset& data,
                                          const MarlhfOptions& options, const MarlhfResult& result,
                                          const MarlhfEvaluation& evaluation, double seconds);

}  // namespace eqlab
