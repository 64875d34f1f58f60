#pragma once
// Writes games in Gambit's formats, so that an eqlab game (a built-in one, a JSON file) can
// be checked with Gambit's own tools, and read back by eqlab into the same compiled game:
//   .efg (version 2) for extensive games: the tree in preorder, one information set
//       number per eqlab infoset (described where it first appears), one chance event and
//       one outcome per chance node and terminal;
//   .nfg (version 1, payoff version with named strategies) for normal-form games, player
//       1's strategy varying fastest, as Gambit lists profiles.
// Numbers keep their exact form: integers and p/q rationals as such, other values in
// exponent form with 17 significant digits, which read back to the same double (and, as
// inexact, have their chance probabilities checked to 1e-9 rather than exactly).
// Strings escape '"' and '\' with a backslash.
//
// See docs/FORMAT.md, "Gambit files and eqlab convert".
#include <ostream>

#include <eqlab/games/extensive/game_tree.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/normal/normal_game.hpp>

namespace eqlab {

// `description` goes into the comment line.
void write_gambit_efg(const GameTree& tree, const std::string& description, std::ostream& out);
void write_gambit_nfg(const NormalGame& game, const std::string& description, std::ostream& out);

// A number as the writers spell it.
std::string gambit_number(const Number& n);

}  // namespace eqlab
