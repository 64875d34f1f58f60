#pragma once
// Gambit's extensive-game format (.efg, version 2) read into a GameTree.
//
// How Gambit's numbering and names become eqlab labels (eqlab labels must be non-empty
// and distinct; Gambit names may be empty or repeated):
// - Players keep their names when non-empty and distinct, else become "Player K"
//   (K = position in the player list, from 1).
// - An information set is labelled with its Gambit name when that name is non-empty and
//   no other information set of the same player has it; otherwise with "#N", N being its
//   Gambit information set number. (A name that equals another set's "#N" is not kept.)
// - Actions (also chance actions) keep their names when non-empty and distinct within
//   their information set, else become their position "1", "2", ...
// - A node with a non-empty name that no other node has gets that name as its node id, so
//   that error messages (perfect recall, ...) can name it. Repeated node names, which
//   Gambit 17 refuses, are accepted here as plain names: those nodes just have no id.
// - Outcomes at inner nodes are added to every terminal below them, so a terminal's
//   payoff is the sum of the outcomes on its path. Outcome 0 is "no outcome".
// - An information set, chance event or outcome must be described (actions, chance
//   probabilities, payoffs) the first time it appears; later appearances may omit the
//   description or repeat it exactly. Anything else is an error naming the line
//   and column.
// - Chance probabilities are >= 0 and sum to 1: exactly when every one is exact (integers,
//   "p/q", short decimals), within 1e-9 otherwise.
// - The game's name is the title, or the file's name when the title is empty.
#include <string>

#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

// `text` is the file content, `file` its name for error messages. Returns a game of type
// "extensive" with a finalized tree. Throws InputError(file, "line L, column C", ...) for bad
// input; the tree records every node's place (GameTree::node_sources), so that compile()'s
// perfect-recall error names the file's lines too.
// Perfect recall is not checked here: compile() checks it.
LoadedGame read_gambit_efg(const std::string& text, const std::string& file);

}  // namespace eqlab
