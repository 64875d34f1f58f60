#pragma once
// Falsifying the Markov-potential structure (specs/markov-games.md §5, "Checking the
// potential structure"). Around a 4-cycle of deterministic Markov product policies in
// which players i and j take turns switching, (π_i,π_j) → (π_i',π_j) → (π_i',π_j') →
// (π_i,π_j') → (π_i,π_j), the value changes of the player who moves at each edge add up
// to exactly 0 in a Markov potential game, because the potential telescopes. A nonzero sum
// proves the game is not an MPG; sums of 0 on many trials are evidence only.
#include <cstdint>

#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// max |cycle sum| over `trials` random cycles (players i ≠ j and every policy drawn from
// RngStream(seed, ...)); values exact (backward induction, eval/product_eval.hpp), in the
// game's units, averaged over ρ.
// 0 for one-player games, which are trivially potential games.
double potential_cycle_violation(const MarkovModel& model, int trials, std::uint64_t seed);

}  // namespace eqlab
