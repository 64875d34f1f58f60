#pragma once
// How much memory a Markov-game run will hold, estimated from the game's shape before the
// learner is built: its tables (per player and state, or over joint actions for nash-vi)
// and the certified log, which grows with the episodes (CCE-V, CE-V: every visit's
// strategy is kept for the certified output policy).
#include <cstdint>
#include <string>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/memory_budget.hpp>

namespace eqlab {

// Parts: "learner state", "certified log" (when the learner keeps one) and "evaluation".
// An unknown solver is estimated as the largest of the decentralized learners (CE-V).
MemoryEstimate estimate_markov_run_memory(const MarkovModel& model, const std::string& solver, std::int64_t episodes);

// Bytes per episode of a certified log: per step, the visit's episode number and each
// player's strategy (float per action).
std::uint64_t certified_log_bytes_per_episode(const MarkovModel& model);

}  // namespace eqlab
