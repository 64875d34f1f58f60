#pragma once
// The built-in Markov games (docs/GAMES.md, "Markov games"), named by a spec
// "name(key=value,...)" like the extensive built-ins: "markov-random",
// "markov-polymatrix(players=32,states=4,actions=3)", "markov-cycle(players=5)".
// Parameters left out take their defaults; spaces around names, keys and values are ignored.
#include <memory>
#include <string>
#include <vector>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// Every built-in Markov game with its parameters and defaults, in a stable order.
const std::vector<BuiltinGameInfo>& markov_builtin_games();

// Whether the part of `spec` before any "(" names a built-in Markov game; the parameters
// are checked by make_markov_builtin().
bool is_markov_builtin_spec(const std::string& spec);

// Builds the game; its name is the canonical spec with every parameter in the listed order.
// Throws UsageError for an unknown game or parameter, a malformed or out-of-range value
// (the message names the parameter and its range), or sizes the game cannot serve (a dense
// game with more than 2^24 joint actions, tables over 2^27 numbers).
std::unique_ptr<MarkovModel> make_markov_builtin(const std::string& spec);

}  // namespace eqlab
