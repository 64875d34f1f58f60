#pragma once
// The eqlab-result/1 documents (docs/FORMAT.md) of finished runs, for every kind of game
// a solver runs on: extensive-form and normal-form games (run_solver) and Markov games
// (run_markov_solver). The command line, the experiments and library users write results
// through these two functions only, so the format lives in one place.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>
#include <eqlab/sim/runner.hpp>

namespace eqlab {

// Adds "interrupted": true after "iterations": a run stopped early (Ctrl-C) whose
// document describes what it played up to the iteration it reached.
void mark_interrupted(nlohmann::ordered_json& doc);

// The solver's name, parameters, concept and iterations (and "interrupted" when stopped
// early), its output strategy, the final metrics and the curve.
nlohmann::ordered_json run_result_json(const Solver& solver, const std::string& game_name, const CompiledGame& game, const RunResult& result);

// The same for a Markov run: the solver's parameters with its seed, the episodes, the
// played product policy as the strategies (when the solver has one; its certified or
// correlated output goes to a policy file), the final evaluation with the learner's
// memory, and the curve.
nlohmann::ordered_json markov_result_json(const MarkovSolver& solver, const MarkovModel& model, std::uint64_t seed,
                                          const MarkovRunResult& result);

// What `eqlab eval GAME POLICY --json` prints for a policy file read against its game:
// "game", "kind", for a play file "replay_matches_run", then the values and gaps of its
// kind (certified: episodes and gap bounds; correlated: CCE and CE gaps; product: best
// responses and the Nash gap).
nlohmann::ordered_json markov_policy_evaluation_json(const MarkovModel& model, const MarkovPolicyFile& policy);

}  // namespace eqlab
