#pragma once
// The builders of the built-in games, one source file each. Internal to the registry:
// users name games through make_builtin() ("goofspiel(cards=4)"), which checks the
// parameters and the size before calling a builder here. Every builder returns a
// finalized tree; the registry then sets its name to the canonical spec.
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/games/extensive/game_tree.hpp>

namespace eqlab::builtin {

// Player names shared by all built-in games: "p0", "p1", ...
std::vector<std::string> player_names(int num_players);

// Kuhn poker, as in OpenSpiel: a deck of players+1 cards, one card each, ante 1, one
// betting round of pass/bet (bet size 1).
GameTree build_kuhn(int players);

// Leduc poker, as in OpenSpiel: players+1 ranks in two suits, ante 1, two betting rounds
// (raise 2, then 4; at most two raises per round), one public card between them.
GameTree build_leduc(int players);

enum class GoofspielReturns { win_loss, points };
struct GoofspielOptions {
  int cards = 4;
  int players = 2;
  GoofspielReturns returns = GoofspielReturns::win_loss;
};
double goofspiel_node_count(const GoofspielOptions& options);
GameTree build_goofspiel(const GoofspielOptions& options);

struct LiarsDiceOptions {
  int dice = 1;      // per player
  int faces = 6;
  bool wild = true;  // the highest face counts as every face
};
double liars_dice_node_count(const LiarsDiceOptions& options);
GameTree build_liars_dice(const LiarsDiceOptions& options);

struct RandomGameOptions {
  int players = 2;
  int depth = 4;
  int branching = 2;
  double chance = 0.2;
  bool zero_sum = true;
  std::uint64_t seed = 0;
};
double random_game_node_count(const RandomGameOptions& options);
GameTree build_random_game(const RandomGameOptions& options);

}  // namespace eqlab::builtin
