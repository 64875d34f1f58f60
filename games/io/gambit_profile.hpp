#pragma once
// A behaviour profile in the order Gambit's command-line tools print one (gambit-lcp,
// gambit-logit, ...: "NE,p1,p2,..."): player by player; each player's information sets in
// the order a depth-first walk of the tree (children in action order) first meets them,
// which is how Gambit numbers them after reading a file; each set's actions in order. The
// chance player is left out. For a game of eqlab's own, this is the order of the .efg that
// `eqlab convert --to efg` writes, so the line can be compared with what Gambit's tools
// print for that file. A normal-form game (one information set per player) gives a mixed
// profile in Gambit's order: player by player, strategy by strategy.
//
// See docs/FORMAT.md, "Gambit behaviour profiles".
#include <string>
#include <string_view>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

// Per player, its compiled infoset indices in Gambit's order.
std::vector<std::vector<int>> gambit_infoset_order(const CompiledGame& game);

// The probabilities of a behavioural profile (per player, indexed by sequence as
// Treeplex::to_behavioural writes them) in Gambit's order, comma-separated, each as the
// shortest decimal text that reads back to the same double; no tag, no newline.
std::string gambit_behaviour_profile(const CompiledGame& game, const Profile& behavioural);

// The inverse, for a line that Gambit's tools print ("NE,1/3,2/3,..." with its tag, or the
// probabilities alone): a behavioural profile of `game`. Numbers may be p/q rationals or
// decimals; each information set's probabilities must sum to 1 within 1e-4 (the tools
// print 6 decimals) and are then normalised, or be all 0 where the player's own play never
// reaches the set (the reduced profiles of gambit-enumpure), which then gets the uniform
// strategy. InputError(file, "entry K", ...) for a bad number, InputError(file, "", ...)
// for a wrong count.
Profile read_gambit_behaviour_profile(const CompiledGame& game, std::string_view line, const std::string& file);

}  // namespace eqlab
