#pragma once
// The parameters of the kefr solvers (full and bandit feedback) from --param KEY=VALUE.
//
// See docs/algorithms/kefce.md, "Constants and parameters".
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/kefce/kefr_learner.hpp>
#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

namespace eqlab {

// k=K (default 1), potential=rm|hedge (default rm), eta_scale=NUMBER (Hedge) and
// max_states=N (the augmented-state budget per player). Throws UsageError for an unknown
// parameter or a bad value, naming `solver`.
KefrOptions kefr_options(const nlohmann::json& extra, const std::string& solver);

// Their schema, shared by both registrations.
std::vector<ParamSpec> kefr_param_specs();

// The registry entry both kefr solvers share, but for its factory: K-EFCE, a mixture,
// this schema, augmented-state memory.
SolverEntry kefr_entry(Feedback feedback, std::string summary);

}  // namespace eqlab
