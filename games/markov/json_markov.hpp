#pragma once
// Reading `markov` games of eqlab-game/1 (docs/FORMAT.md, `markov`) into the table
// form MarkovGame, with every rule of the format checked and reported as an InputError
// naming the file and the JSON pointer of the offending value.
#include <cstddef>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_game.hpp>

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

}  // namespace eqlab
