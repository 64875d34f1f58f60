#pragma once
// Approximate correlated equilibria of one normal-form stage game by no-regret self-play,
// for the exact planners of specs/markov-games.md §6.3. Every player runs its learner on
// expected payoffs against the others' current mixed strategies (no sampling, so the
// result is deterministic), and the output is the average over rounds of the product of
// the strategies played. The CCE gap of that average is at most the players' largest
// external regret divided by the rounds, its CE gap the largest swap regret: both fall
// like rounds^{-1/2}.
#include <cstddef>
#include <vector>

namespace eqlab {

struct StageGame {
  std::vector<int> actions;             // per player
  std::vector<double> payoff;           // [joint * m + player], joint in mixed radix, player 0 slowest
  std::size_t joint() const {
    std::size_t n = 1;
    for (int a : actions) n *= static_cast<std::size_t>(a);
    return n;
  }
};

// Regret matching (Hart and Mas-Colell): play proportional to positive regrets.
std::vector<double> stage_cce(const StageGame& game, int rounds);

// Swap-regret matching: A_i regret-matching sub-learners per player combined through the
// stationary distribution of their proposals (Blum and Mansour).
std::vector<double> stage_ce(const StageGame& game, int rounds);

}  // namespace eqlab
