#pragma once
// The builders of the built-in games, one source file each. Internal to the registry:
// users name games through make_builtin() ("goofspiel(cards=4)"), which checks the
// parameters and the size before calling a builder here. Every builder returns a
// finalized tree; the registry then sets its name to the canonical spec.
#include <cstdint>
#include <string>
#include <vector>

#include <eqlab/games/extensive/game_tree.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab::builtin {

// Player names shared by all built-in games: "p0", "p1", ...
std::vector<std::string> player_names(int num_players);

// Kuhn poker, as in OpenSpiel: a deck of players+1 cards, one card each, ante 1, one
// betting round of pass/bet (bet size 1).
GameTree build_kuhn(int players);

// Leduc poker, as in OpenSpiel: players+1 ranks in two suits, ante 1, two betting rounds
// (raise 2, then 4; at most two raises per round), one public card between them.
GameTree build_leduc(int players);
// Leduc poker with `ranks` ranks per suit (2 to 13, enough cards for every player and the
// public card); build_leduc(players) is the standard deck of players+1 ranks.
GameTree build_leduc(int players, int ranks);

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

// Sheriff (Farina, Ling, Fang, Sandholm 2019; OpenSpiel's rules and defaults): the
// smuggler loads 0..max_items illegal items in secret, then `rounds` rounds of a public
// bribe offer (0..max_bribe) answered by the sheriff with pass or inspect; only the last
// round's offer and answer are paid. General-sum.
struct SheriffOptions {
  int max_items = 3;
  int max_bribe = 3;
  int rounds = 4;
  Number item_value = Number::integer(1);
  Number item_penalty = Number::integer(2);
  Number sheriff_penalty = Number::integer(3);
};
double sheriff_node_count(const SheriffOptions& options);
GameTree build_sheriff(const SheriffOptions& options);

// Battleship (Farina, Ling, Fang, Sandholm 2019; OpenSpiel's rules) with one ship of
// value 1 per player: each player places its ship in secret on its own width x height
// grid, then the players shoot in turn (player 0 first), never twice at one cell, every
// shot and its outcome public. The game ends when a ship is sunk or both players have
// fired `shots` shots. A player gets 1 for sinking the other's ship and -loss_multiplier
// when its own is sunk; loss_multiplier = 1 is zero-sum.
struct BattleshipOptions {
  int width = 2;
  int height = 2;
  int ship_length = 1;
  int shots = 3;
  Number loss_multiplier = Number::integer(2);
};
// Throws UsageError when the ship does not fit or shots exceed the cells of the grid.
double battleship_node_count(const BattleshipOptions& options);
GameTree build_battleship(const BattleshipOptions& options);

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
