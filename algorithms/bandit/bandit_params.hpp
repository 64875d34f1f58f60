#pragma once
// What every bandit self-play solver shares in its registration: the parameters
// eta_scale and gamma_scale (multipliers of the theorem's step size and implicit
// exploration, default 1) and schedule, the tuning of its constants: "horizon" (default),
// tuned once for the run's number of episodes as in the theorems, or "doubling", retuned
// for 2^k at episode 2^k so that the bound holds at every episode count. And the one way
// such a solver is built: one uncoupled learner per player in BanditSelfPlay.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/algorithms/paper_preset.hpp>
#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

namespace eqlab {

struct IxScales {
  double eta = 1.0, gamma = 1.0;
  bool doubling = false;
  // preset=paper: the theorem's η is stated for the theorem's losses (the papers charge a
  // loss in [0, 1] at every step, at most H per episode); eqlab's terminal-only losses
  // total at most paper.loss_bound (1) per episode, and the same iterates need η times
  // (the theorem's bound) / loss_bound. γ is a probability and does not scale.
  PaperPreset paper;
  // The factor on η for a theorem whose episode losses total at most `theorem_bound`:
  // theorem_bound / loss_bound under preset=paper, 1 under the practical preset.
  double eta_loss_factor(double theorem_bound) const { return paper.on ? theorem_bound / paper.loss_bound : 1.0; }
};

// The schema of the three parameters; `source` names the theorem whose constants they scale.
std::vector<ParamSpec> bandit_scale_specs(const std::string& source);

// The registry entry every bandit self-play solver starts from: bandit feedback, a
// mixture, its note, and the three parameters above.
SolverEntry bandit_self_play_entry(std::string name, Concept learns, std::string summary, const std::string& source);
// Reads them (already checked against the schema).
IxScales ix_scales(const nlohmann::json& params, const std::string& solver);
// The horizon the constants are computed for: the run's, or 1 for the doubling schedule
// (whose first epoch is the first episode).
std::int64_t tuning_horizon(const IxScales& scales, std::int64_t episodes);

// The members every bandit solver records: the feedback, the horizon, the preset, the multipliers,
// the schedule, each player's η and γ (`constants_of(treeplex)`: those of the whole run,
// or of the first episode with the doubling schedule) and the loss convention. Callers add
// what is their own.
nlohmann::json bandit_params(const CompiledGame& game, const IxScales& scales, std::int64_t episodes,
                             const std::function<std::pair<double, double>(const Treeplex&)>& constants_of);

// The factory of a BanditSelfPlay solver named `name`: `make_learner(request, player)`
// builds each player's learner, `params(request)` what its result records, and
// `solution_concept` is given to the solver when set (else Nash on two-player constant-sum games, NFCCE
// elsewhere).
std::function<std::unique_ptr<Solver>(const SolverRequest&)> bandit_self_play_factory(
    std::string name, std::function<std::unique_ptr<BanditLearner>(const SolverRequest&, int player)> make_learner,
    std::function<nlohmann::json(const SolverRequest&)> params, std::optional<Concept> solution_concept);

}  // namespace eqlab
