#pragma once
// How much memory a run of a learner on an extensive-form game will hold, estimated from
// the game's sizes before the learner allocates anything: the compiled game, the
// learner's state and the evaluators' accumulators. Each learner's term follows its data
// layout (sequences, trigger blocks of TreeplexSubtrees, augmented states of K-EFR), with
// the constants checked against measured peaks in tests/sim/test_run_memory.cpp.
#include <cstdint>
#include <optional>
#include <string>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/memory_budget.hpp>

namespace eqlab {

struct RunMemoryRequest {
  std::string solver;       // a name of solver_list() or, with bandit, bandit_solver_list()
  bool bandit = false;
  bool measure_mixture = false;  // the runner measures the mixture (always for correlated learners)
  std::optional<int> kefce_k;    // and its K-EFCE gap at this K (K-EFR: its own k)
  int k = 1;                     // K-EFR's k
};

// The bytes the compiled game holds now.
std::uint64_t compiled_game_bytes(const CompiledGame& game);

// Parts: "game", "learner state", "evaluation". Unknown solvers get the largest estimate
// of the full-feedback family, so that a new solver is never waved through.
MemoryEstimate estimate_run_memory(const CompiledGame& game, const RunMemoryRequest& request);

}  // namespace eqlab
