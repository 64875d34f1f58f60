#pragma once
// How much memory a run of a learner on an extensive-form game will hold, estimated from
// the game's sizes before the learner allocates anything: the compiled game, the
// learner's state and the evaluators' accumulators. Each learner's term follows its data
// layout (sequences, trigger blocks of TreeplexSubtrees, augmented states of K-EFR) and is
// named by its registry entry, with the constants checked against measured peaks in
// tests/sim/test_run_memory.cpp.
#include <cstdint>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/memory_budget.hpp>

namespace eqlab {

// The bytes the compiled game holds now.
std::uint64_t compiled_game_bytes(const CompiledGame& game);

// Parts: "game", "learner state", "simulator" (bandit feedback) and "evaluation". The
// learner's own term comes from its registry entry (SolverEntry::learner_bytes); an
// unknown solver is a UsageError.
MemoryEstimate estimate_run_memory(const CompiledGame& game, const RunMemoryRequest& request);

// The learner terms that registrations name, beyond the few doubles per sequence every
// learner keeps:
// regrets or cumulative utilities per sequence only (CFR, OMD, IXOMD): nothing more;
std::uint64_t sequence_learner_bytes(const CompiledGame& game, const RunMemoryRequest& request);
// one subtree learner per trigger (EFCE-OMD, full and bandit): S, m_tau and its sequence
// form, balanced weights, and the block layout (TreeplexSubtrees);
std::uint64_t trigger_learner_bytes(const CompiledGame& game, const RunMemoryRequest& request);
// the regret rows of K-EFR's augmented states at request.k.
std::uint64_t augmented_state_learner_bytes(const CompiledGame& game, const RunMemoryRequest& request);

}  // namespace eqlab
