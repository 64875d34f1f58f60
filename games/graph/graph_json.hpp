#pragma once
// Reading `graph` games of eqlab-game/1 (docs/FORMAT.md, `graph`) into a TurnGame,
// every rule of the format checked and reported as an InputError naming the file and the
// JSON pointer of the offending value ("/vertices/2/owner", "/edges/0/to").
#include <string>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/games/graph/turn_game.hpp>
#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

// Validates a parsed document of type "graph". `file` names the source in errors and is
// the game's name when the document has no "name".
TurnGame parse_graph_game(const nlohmann::json& doc, const std::string& file);

// The same from text: the nesting limit is checked before parsing, as for other games.
TurnGame read_graph_game(const std::string& text, const std::string& file, const LoadLimits& limits = {});

}  // namespace eqlab
