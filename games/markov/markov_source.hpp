#pragma once
// Where Markov games come from: a `markov` JSON file (docs/FORMAT.md) or a built-in
// Markov game spec ("markov-polymatrix(players=32)"), resolved the way load_game resolves
// other games.
#include <memory>
#include <string>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// An existing file is read as a `markov` JSON game (InputError naming the file when it is
// not one) and wrapped in a TableMarkovModel; else a built-in Markov spec is built
// (UsageError for bad parameters); else InputError "cannot open x: no such file" when the
// spec looks like a path (it has a '/' or ends in .json), UnknownGameError otherwise. A
// folder is an InputError.
std::unique_ptr<MarkovModel> load_markov_model(const std::string& spec, const LoadLimits& limits = {});

// True for a built-in Markov spec, or an existing regular file that is JSON with a
// top-level "type": "markov". The file is scanned, not built, and the scan stops at that
// member; anything unreadable, not JSON or of another type gives false.
bool is_markov_game(const std::string& spec);

}  // namespace eqlab
