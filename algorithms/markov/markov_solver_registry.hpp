#pragma once
// The Markov-game learners by name (`eqlab solve --solver NAME` on a Markov game):
//   cce-v     CCE-V-learning (decentralized, bandit feedback; certified CCE)
//   ce-v      CE-V-learning (decentralized, bandit feedback; certified CE)
//   nash-ca   Nash-CA for Markov potential games (pure ε-Nash)
//   exp3-ix   independent EXP3-IX learners (the naive decentralized baseline)
//   nash-vi   centralized optimistic Nash-VI over joint actions (the exponential baseline)
//
// See docs/algorithms/markov-learning.md.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/markov_solver.hpp>

namespace eqlab {

struct MarkovSolverInfo {
  std::string name;
  std::string concept_name;  // "cce", "ce" or "nash"
  std::string description;
};

const std::vector<MarkovSolverInfo>& markov_solver_list();
bool is_markov_solver(const std::string& name);

// Builds a solver for `planned_episodes` episodes (the horizon ι and schedules are tuned
// for). `params` are the solver's knobs (UsageError naming a bad or unknown one).
std::unique_ptr<MarkovSolver> make_markov_solver(const std::string& name, const MarkovModel& model,
                                                 const nlohmann::json& params, std::uint64_t seed,
                                                 std::int64_t planned_episodes);

}  // namespace eqlab
