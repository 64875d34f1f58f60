#pragma once
// The built-in games, named by a spec "name(key=value,...)": "kuhn", "kuhn(players=3)",
// "leduc", "goofspiel(cards=4)", "liars_dice(dice=1,faces=6)",
// "random(players=3,depth=5,seed=7)". Parameters left out take their defaults; spaces
// around names, keys and values are ignored.
//
// A built-in game that is an OpenSpiel game may also be named as OpenSpiel names it:
// "kuhn_poker(players=3)" is kuhn(players=3), and
// "goofspiel(num_cards=4,imp_info=true,points_order=descending)" is goofspiel(cards=4).
// A spec is read as OpenSpiel's when its name is OpenSpiel's alone (kuhn_poker,
// leduc_poker) or when it gives a parameter only OpenSpiel has (num_cards, numdice, ...);
// then every parameter left out takes OpenSpiel's default, and a value eqlab cannot build
// (goofspiel's imp_info=false, OpenSpiel's default) is refused, saying why. The game
// built keeps eqlab's canonical name.
#include <string>
#include <utility>
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

// The OpenSpiel game a built-in game equals.
struct BuiltinOpenSpiel {
  std::string game;    // eqlab's name, "goofspiel"
  std::string name;    // OpenSpiel's name, "goofspiel"
  std::string equals;  // OpenSpiel's spec of eqlab's default game, parameters at
                       // OpenSpiel's defaults left out: "goofspiel(imp_info=true,...)"
  // Per eqlab parameter, what OpenSpiel calls it, {"cards", "num_cards"}, or which of
  // its values OpenSpiel has, {"wild", "only true (...)"}.
  std::vector<std::pair<std::string, std::string>> params;
  std::string note;    // how the two trees differ when they do, else ""
};

// The OpenSpiel game that `game` (eqlab's name) equals, or nullptr (random has none).
const BuiltinOpenSpiel* builtin_openspiel(const std::string& game);

// Whether the part of `spec` before any "(" names a built-in game. The rest of the spec
// is not checked: make_builtin() reports what is wrong with it.
bool is_builtin_spec(const std::string& spec);  // OpenSpiel's names too

// Builds the game, finalized. Its name is the canonical spec with every parameter, in
// the listed order: "goofspiel(cards=4,players=2,returns=win_loss)". Throws UsageError
// for an unknown game or parameter, a malformed or out-of-range value, or parameters
// whose tree would exceed 50 million nodes; the message lists what is valid.
GameTree make_builtin(const std::string& spec);

}  // namespace eqlab
