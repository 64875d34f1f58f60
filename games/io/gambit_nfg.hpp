#pragma once
// Gambit's strategic-game format (.nfg, version 1) read into a NormalGame. The header
// gives each player's strategies as counts "{ 3 2 }" or as names "{ { "a" "b" } { ... } }"
// (usually counts in the payoff version and names in the outcome version, but either
// appears with either), then an optional comment string, then the body:
// - payoff version: every profile's payoffs (one per player), player 1's strategy varying
//   fastest;
// - outcome version (the body starts with '{'): a list of outcomes "{ "name" u1, u2 }",
//   then one outcome number per profile (player 1 fastest; 1-based, 0 = every payoff 0).
// Payoffs are reordered into eqlab's order (player 0's strategy most significant).
//
// Labels: players keep non-empty distinct names, else "Player K"; strategies keep
// non-empty names that are distinct for their player, else their position "1", "2", ...
// (the payoff version names all strategies that way). The game's name is the title, or the
// file's name when the title is empty.
#include <string>

#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

// `text` is the file content, `file` its name for error messages. Returns a game of type
// "normal" whose tree is normal->to_tree(). Throws InputError(file, "line L, column C", ...).
LoadedGame read_gambit_nfg(const std::string& text, const std::string& file);

}  // namespace eqlab
