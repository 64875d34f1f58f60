#pragma once
// Output policies of Markov-game learners as JSON, so that `eqlab eval` (or anyone with
// the game) can recompute their gaps. Format "eqlab-markov-policy/1":
//   {"format": "eqlab-markov-policy/1", "game": NAME, "kind": "product"|"correlated"|"certified",
//    "horizon": H, "states": [S labels], "actions": [[player 0's labels], ...],
//    "product":    [player][step][state] -> [A_i probabilities]
//    "correlated": [step][state] -> [Π_i A_i probabilities, joint actions in mixed radix,
//                                   player 0 the slowest digit]
//    "certified":  {"episodes": K, "alpha_horizon": H_α,
//                   "visits": [step][state] -> {"episodes": [0-based episode of each visit],
//                                               "distributions": [[Σ_i A_i numbers per visit:
//                                                 player 0's distribution, then player 1's, ...]]}}}
// The certified policy is its visit log: it is a history-dependent mixture, not a list of
// Markov profiles.
//
// See docs/algorithms/markov-learning.md, "The certified policy", and docs/FORMAT.md.
#include <iosfwd>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct MarkovPolicyFile {
  std::string game;
  std::optional<ProductPolicy> product;
  std::optional<CorrelatedPolicy> correlated;
  std::optional<VisitLog> certified;
  // Read from a play file (eqlab-markov-play/1): who wrote it, and whether the replay gave
  // the visit log its writer had (play_file.hpp); empty for the JSON kinds.
  std::optional<bool> replay_matches;
  std::string written_by;
  std::string kind() const { return certified ? "certified" : correlated ? "correlated" : "product"; }
};

nlohmann::ordered_json product_policy_json(const MarkovModel& model, const ProductPolicy& policy);
nlohmann::ordered_json correlated_policy_json(const MarkovModel& model, const CorrelatedPolicy& policy);
nlohmann::ordered_json certified_policy_json(const MarkovModel& model, const VisitLog& log);

class MarkovSolver;
// The solver's output policy as a policy document: its certified policy when it has one,
// else its correlated policy, else its product policy; null when it has none yet.
nlohmann::ordered_json output_policy_json(const MarkovModel& model, const MarkovSolver& solver);

// Checks a policy document's "horizon", "states" and "actions" against the model's
// (InputError with the pointer at fault; shared by every policy format).
void check_markov_policy_shape(const nlohmann::json& doc, const MarkovModel& model);

// Reads a policy file for `model`, JSON (eqlab-markov-policy/1) or a play file
// (eqlab-markov-play/1, replayed into its certified policy): the sizes and labels must be
// the model's, every distribution must be one (non-negative, summing to 1 within 1e-6),
// visit episodes non-decreasing and below K. Throws InputError(file, pointer, what).
MarkovPolicyFile read_markov_policy(const std::string& path, const MarkovModel& model, const LoadLimits& limits = {});
MarkovPolicyFile parse_markov_policy(const nlohmann::json& doc, const std::string& file, const MarkovModel& model);

}  // namespace eqlab
