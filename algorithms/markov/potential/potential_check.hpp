#pragma once
// Falsifying the Markov-potential structure. Around a 4-cycle of deterministic Markov
// product policies in which players i and j take turns switching, (π_i,π_j) → (π_i',π_j)
// → (π_i',π_j') → (π_i,π_j') → (π_i,π_j), the value changes of the player who moves at
// each edge add up to exactly 0 in a Markov potential game, because the potential
// telescopes. A nonzero sum proves the game is not an MPG; sums of 0 on many trials are
// evidence only.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost per trial: four exact evaluations of product policies, each H·S·(m + 1) oracle
// calls.
// See docs/algorithms/markov-learning.md, "Checking the potential structure".
#include <cstdint>

#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// max |cycle sum| over `trials` random cycles (players i ≠ j and every policy drawn from
// RngStream(seed, ...)); values exact (backward induction, eval/product_eval.hpp), in the
// game's units, averaged over ρ.
// 0 for one-player games, which are trivially potential games.
double potential_cycle_violation(const MarkovModel& model, int trials, std::uint64_t seed);

}  // namespace eqlab
