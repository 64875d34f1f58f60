#pragma once
// Reading `markov` games of eqlab-game/1 (docs/FORMAT.md, `markov`) into the table
// form MarkovGame, with every rule of the format checked and reported as an InputError
// naming the file and the JSON pointer of the offending value.
#include <cstddef>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/games/markov/markov_model.hpp>

namespace eqlab {

// The most cells (steps x states x joint actions) a file may describe: the table costs
// 4 bytes per cell, so this caps it at 1 GiB.
inline constexpr std::size_t kMaxMarkovCells = std::size_t{1} << 28;

// Validates a parsed document of type "markov". `file` names the source in errors.
MarkovGame parse_markov_game(const nlohmann::json& doc, const std::string& file);

// The same from text: the nesting limit is checked before parsing, as for other games.
MarkovGame read_markov_game(const std::string& text, const std::string& file, const LoadLimits& limits = {});

// Reads a file of at most limits.max_bytes bytes and parses it.
MarkovGame load_markov_game_file(const std::string& path, const LoadLimits& limits = {});

// The most transition entries markov_game_to_json writes (a few hundred MB of JSON).
inline constexpr double kMaxWrittenMarkovEntries = 1e6;

// Any model (a table or a generator) as a `markov` document that parse_markov_game reads
// back to the same game: one entry per (step, state, joint action), player 0's action
// varying slowest, rewards in the game's units. The last step's "next" is the state itself
// (the format ignores it). UsageError above kMaxWrittenMarkovEntries entries.
nlohmann::ordered_json markov_game_to_json(const MarkovModel& model);

}  // namespace eqlab
