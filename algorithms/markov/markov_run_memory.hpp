#pragma once
// How much memory a Markov-game run will hold, estimated from the game's shape before the
// learner is built: its tables (per player and state, or over joint actions for nash-vi)
// and the certified log, which grows with the episodes (CCE-V, CE-V: every visit's
// strategy is kept for the certified output policy). Each learner's registry entry names
// one of the estimates below (SolverEntry::markov_memory).
#include <cstdint>
#include <string>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/memory_budget.hpp>

namespace eqlab {

// Parts: "learner state", "certified log" (when the learner keeps one) and "evaluation".
// The estimate of the solver's registry entry; UsageError for an unknown solver.
MemoryEstimate estimate_markov_run_memory(const MarkovModel& model, const std::string& solver, std::int64_t episodes);

// Bytes per episode of a certified log: per step, the visit's episode number and each
// player's strategy (float per action).
std::uint64_t certified_log_bytes_per_episode(const MarkovModel& model);
// Bytes per episode of a V-learner's play log, at most: per step the state (up to 4
// bytes) and a sub-expert and action per player, bit-packed (play_log.hpp).
std::uint64_t play_log_bytes_per_episode(const MarkovModel& model);

// The estimates the registrations name. Per player and (step, state):
// a few doubles per action (weights, loss sums, counts) and the log of played strategies
// (EXP3-IX);
MemoryEstimate per_action_learner_memory(const MarkovModel& model, std::int64_t episodes);
// the same and the play log (CCE-V);
MemoryEstimate v_learner_memory(const MarkovModel& model, std::int64_t episodes);
// an A x A swap-regret table besides, and both logs (CE-V);
MemoryEstimate swap_regret_learner_memory(const MarkovModel& model, std::int64_t episodes);
// a UCBVI model with next-state counts per action, besides the per-action tables and no
// log (Nash-CA);
MemoryEstimate ucbvi_learner_memory(const MarkovModel& model, std::int64_t episodes);
// the joint-action model of a centralized learner: counts, rewards, bounds and Q tables
// over joint actions, and two joint policies (Nash-VI; the formula of its own guard).
MemoryEstimate joint_action_learner_memory(const MarkovModel& model, std::int64_t episodes);

}  // namespace eqlab
