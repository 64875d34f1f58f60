#pragma once
// Test support: small two-player normal-form games with integer payoffs, for the
// correlated-equilibrium tests (in one-infoset games EFCE = CE).
#include <string>
#include <vector>

#include <eqlab/games/normal/normal_game.hpp>

namespace eqlab::test {

// Actions r0.. for the row player and c0.. for the column player; u0 and u1 row-major.
inline NormalGame two_player_game(const std::string& name, int rows, int cols, const std::vector<int>& u0,
                                  const std::vector<int>& u1) {
  NormalGame g;
  g.name = name;
  g.players = {"row", "column"};
  g.actions.assign(2, {});
  for (int a = 0; a < rows; ++a) g.actions[0].push_back("r" + std::to_string(a));
  for (int b = 0; b < cols; ++b) g.actions[1].push_back("c" + std::to_string(b));
  for (int k = 0; k < rows * cols; ++k) {
    g.payoffs.push_back(Number::integer(u0[k]));
    g.payoffs.push_back(Number::integer(u1[k]));
  }
  return g;
}

inline NormalGame chicken() { return two_player_game("chicken", 2, 2, {0, 7, 2, 6}, {0, 2, 7, 6}); }

// Shapley's game: every learner of external regret cycles; its unique CE is not a product.
inline NormalGame shapley() {
  return two_player_game("shapley", 3, 3, {0, 1, 0, 0, 0, 1, 1, 0, 0}, {0, 0, 1, 1, 0, 0, 0, 1, 0});
}

// An asymmetric variant (the row player's first win pays 2), where EFCE = CE is strictly
// stronger than NFCCE for the mixtures OMD learns.
inline NormalGame shapley_asymmetric() {
  return two_player_game("shapley", 3, 3, {0, 2, 0, 0, 0, 1, 1, 0, 0}, {0, 0, 1, 1, 0, 0, 0, 1, 0});
}

}  // namespace eqlab::test
