#pragma once
// The knobs of CCE-V- and CE-V-learning, read from a solver's JSON parameters. Values may
// be JSON numbers or the text of --param KEY=VALUE.
//
// Presets. "theory" keeps the constants of the analysis: bonus scale c = 1 and the
// α-horizon H, so that the guarantees hold as stated. "practical" (the default) takes
// c = 0.01: with c = 1 the bonus β_1 = sqrt(H³ A ι) is far above H, V̄ sits at its cap
// for a very long time and nothing is learned at the episode counts one can afford.
// Either preset keeps the α-horizon H unless alpha_horizon is given; "theory"
// refuses the knobs that would change its constants.
//
// See docs/algorithms/markov-learning.md, "Constants and parameters".
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

struct VLearningOptions {
  std::string preset = "practical";
  double bonus_scale = 0.01;          // c in β_t (CCE) and β̄_t (CE); 0 turns optimism off
  double lr_scale = 1.0;              // multiplies η
  double ix_scale = 1.0;              // multiplies γ, the implicit-exploration term
  int alpha_horizon = 0;              // H_α in α_t = (H_α+1)/(H_α+t); 0 means H
  double epsilon = 0.1;               // ε and p inside ι = ln(m·maxA·H·S·K/(p·ε))
  double failure_probability = 0.1;
  std::int64_t planned_episodes = 1;  // K inside ι
  double iota = 0.0;                  // ι; 0 means: compute it from the model when learning starts
  bool log = true;                    // keep the visit log (the certified policy needs it)
};

// ι = ln(m · max_i A_i · H · S · K / (p · ε)) for these options on this model.
double vlearning_iota(const VLearningOptions& options, const MarkovModel& model);
// The α-horizon in force: options.alpha_horizon, or H when it is 0.
int vlearning_alpha_horizon(const VLearningOptions& options, const MarkovModel& model);

// Keys: preset (theory|practical), bonus_scale (>= 0), lr_scale, ix_scale, epsilon (> 0),
// failure_probability (in (0, 1)), alpha_horizon (whole, >= 1), log (true|false).
// planned_episodes (K >= 1) fixes ι. The result has alpha_horizon and iota resolved.
// Throws UsageError naming `solver` and the key for an unknown key or a bad value.
VLearningOptions parse_vlearning_options(const nlohmann::json& params, const MarkovModel& model,
                                         std::int64_t planned_episodes, const std::string& solver = "v-learning");

// Every knob, ι included, for a result's solver.params.
nlohmann::json to_json(const VLearningOptions& options);
// The inverse of to_json: every member as recorded (ι and the α-horizon resolved, and the
// solver's name under "solver" allowed), so that a recorded run can be played again with
// the same numbers bit for bit. UsageError names the member at fault.
VLearningOptions recorded_vlearning_options(const nlohmann::json& params, const std::string& solver);

// The schema of these keys, shared by the cce-v and ce-v registrations.
std::vector<ParamSpec> vlearning_param_specs();

// The registry entry of a V-learning solver: its schema, and a factory that parses the
// options for the run and builds `Learner`.
template <class Learner>
SolverEntry vlearning_entry(const std::string& name, Concept learns, std::string summary,
                            MemoryEstimate (*memory)(const MarkovModel&, std::int64_t)) {
  SolverEntry e = make_entry(name, GameKind::markov, Feedback::bandit, learns, "markov-learning.md", std::move(summary));
  e.params = vlearning_param_specs();
  e.make_markov = [name](const MarkovSolverRequest& request) {
    return std::make_unique<Learner>(
        request.model, parse_vlearning_options(request.params, request.model, request.planned_episodes, name),
        request.seed);
  };
  e.markov_memory = memory;
  return e;
}

}  // namespace eqlab
