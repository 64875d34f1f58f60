#pragma once
// The built-in games, named by a spec "name(key=value,...)": "kuhn", "kuhn(players=3)",
// "leduc", "goofspiel(cards=4)", "liars_dice(dice=1,faces=6)",
// "random(players=3,depth=5,seed=7)". Parameters left out take their defaults; spaces
// around names, keys and values are ignored.
#include <string>
#include <vector>

#include <eqlab/games/extensive/game_tree.hpp>

namespace eqlab {

struct BuiltinParam {
  std::string name;
  std::string default_value;
  std::string description;
};

struct BuiltinGameInfo {
  std::string name;
  std::string description;
  std::vector<BuiltinParam> params;
};

// Every built-in game, in a stable order (the order `eqlab games` lists them in).
const std::vector<BuiltinGameInfo>& builtin_games();

// Whether the part of `spec` before any "(" names a built-in game. The rest of the spec
// is not checked: make_builtin() reports what is wrong with it.
bool is_builtin_spec(const std::string& spec);

// Builds the game, finalized. Its name is the canonical spec with every parameter, in
// the listed order: "goofspiel(cards=4,players=2,returns=win_loss)". Throws UsageError
// for an unknown game or parameter, a malformed or out-of-range value, or parameters
// whose tree would exceed 50 million nodes; the message lists what is valid.
GameTree make_builtin(const std::string& spec);

}  // namespace eqlab
