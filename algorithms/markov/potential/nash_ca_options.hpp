#pragma once
// The knobs of Nash-CA, read from JSON.
//
// Keys (unknown keys are refused): "preset" ("theory" or "practical", applied first, the
// other keys override it), "epsilon" (the target ε, normalised units), "delta" (failure
// probability inside ι), "evaluation_episodes" (N; default ⌈evaluation_scale·H²ι/ε²⌉),
// "evaluation_scale", "learner_episodes" (the cap K_i for every player; default
// ⌈learner_scale·(H³S·A_i·ι/ε² + H³S²·A_i·ι²/ε)⌉ per player), "learner_scale",
// "bonus_scale" (c of the UCBVI bonus), "learner_target" (the learner stops once its
// certificate is at most learner_target·ε), "max_rounds" (default ⌈4·m·H/ε⌉ + 1, from
// Φ_max ≤ m·H; a game that is not a potential game may otherwise never stop).
//
// ι = max(1, ln(m·H·S·max_i A_i/(δ·ε))).
//
// See docs/algorithms/markov-learning.md, "Constants and parameters".
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct NashCaOptions {
  std::string preset;
  double epsilon = 0.1;
  double delta = 0.1;
  double evaluation_scale = 1.0;
  double learner_scale = 1.0;
  double bonus_scale = 1.0;
  double learner_target = 0.25;
  // The paper preset: the UCBVI bonus with the factor S (a valid certificate), and every
  // learned policy evaluated with N episodes, as Algorithm 3 does, even one equal to the
  // current policy (whose Δ is then an estimate of 0). The practical preset leaves S out
  // of the bonus and skips those evaluations.
  bool bonus_with_states = false;
  bool evaluate_unchanged = false;
  // Resolved for the model:
  double iota = 1.0;
  std::int64_t evaluation_episodes = 1;
  std::vector<std::int64_t> learner_episodes;  // K_i per player
  std::int64_t max_rounds = 1;

  nlohmann::json to_json() const;
};

// UsageError naming the key on an unknown key or a bad value.
NashCaOptions read_nash_ca_options(const nlohmann::json& options, const MarkovModel& model);

}  // namespace eqlab
