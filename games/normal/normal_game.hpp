#pragma once
// Strategic-form games. Payoffs are stored flat, indexed like the JSON nesting: player 0's
// action is the most significant index. Every normal game also converts to an extensive
// game (players move in turn, each in one infoset) so that every evaluator and solver
// applies to it unchanged.
#include <string>
#include <vector>

#include <eqlab/games/extensive/game_tree.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

struct NormalGame {
  std::string name;
  std::vector<std::string> players;
  std::vector<std::vector<std::string>> actions;  // per player
  std::vector<Number> payoffs;  // [profile_index * n + player]

  int num_players() const { return static_cast<int>(players.size()); }
  std::size_t num_profiles() const;
  // Flat index of a pure profile (one action index per player).
  std::size_t profile_index(const std::vector<int>& profile) const;

  // The same game in extensive form; player i's only infoset is labelled with its name.
  GameTree to_tree() const;
};

}  // namespace eqlab
