#include <eqlab/algorithms/markov/markov_solver_registry.hpp>

#include <algorithm>

#include <eqlab/algorithms/markov/centralized/nash_vi.hpp>
#include <eqlab/algorithms/markov/independent/independent_exp3ix.hpp>
#include <eqlab/algorithms/markov/potential/nash_ca.hpp>
#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>
#include <eqlab/algorithms/markov/vlearning/cce_v_learning.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

const std::vector<MarkovSolverInfo>& markov_solver_list() {
  static const std::vector<MarkovSolverInfo> list = {
      {"cce-v", "cce",
       "CCE-V-learning: every player runs an α-weighted EXP3-IX with optimistic values at each (step, "
       "state) from its own rewards; the certified policy is an ε-CCE after Õ(H⁵S·max A_i/ε²) episodes. "
       "params: preset=practical|theory, bonus_scale, lr_scale, ix_scale, alpha_horizon, epsilon, "
       "failure_probability, log"},
      {"ce-v", "ce",
       "CE-V-learning: the same with a swap-regret learner of A_i sub-experts per (step, state); the "
       "certified policy is an ε-CE after Õ(H⁶S·max A_i²/ε²) episodes; same params"},
      {"nash-ca", "nash",
       "Nash-CA for Markov potential games: players improve one at a time with a UCBVI learner while the "
       "others replay fixed policies; returns a pure ε-Nash equilibrium. params: epsilon, preset, "
       "bonus_scale, evaluation_episodes, learner_episodes"},
      {"exp3-ix", "cce",
       "independent EXP3-IX learners on Monte Carlo returns (no optimism, no certificate): the naive "
       "decentralized baseline. params: lr_scale, ix_scale, log"},
      {"nash-vi", "cce",
       "centralized optimistic Nash-VI over joint actions (a stage CCE or CE of the optimistic Q at every "
       "state): cost and memory grow as Π_i A_i, the exponential baseline. params: equilibrium=cce|ce, "
       "bonus_scale, stage_rounds, replan_every, max_memory_bytes"},
  };
  return list;
}

bool is_markov_solver(const std::string& name) {
  const std::vector<MarkovSolverInfo>& list = markov_solver_list();
  return std::any_of(list.begin(), list.end(), [&](const MarkovSolverInfo& s) { return s.name == name; });
}

std::unique_ptr<MarkovSolver> make_markov_solver(const std::string& name, const MarkovModel& model,
                                                 const nlohmann::json& params, std::uint64_t seed,
                                                 std::int64_t planned_episodes) {
  if (name == "cce-v")
    return std::make_unique<CceVLearning>(model, parse_vlearning_options(params, model, planned_episodes, name), seed);
  if (name == "ce-v")
    return std::make_unique<CeVLearning>(model, parse_vlearning_options(params, model, planned_episodes, name), seed);
  if (name == "exp3-ix") return std::make_unique<IndependentExp3Ix>(model, parse_exp3ix_options(params), seed);
  if (name == "nash-ca") return std::make_unique<NashCa>(model, params, seed);
  if (name == "nash-vi") {
    // Its ι counts the planned episodes too, unless the caller fixed them.
    nlohmann::json with_plan = params;
    if (with_plan.is_object() && !with_plan.contains("planned_episodes")) with_plan["planned_episodes"] = planned_episodes;
    return std::make_unique<NashVi>(model, with_plan, seed);
  }
  std::string names;
  for (const MarkovSolverInfo& s : markov_solver_list()) names += (names.empty() ? "" : ", ") + s.name;
  throw UsageError("unknown Markov solver '" + name + "': choose one of " + names);
}

}  // namespace eqlab
