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

// The game as a `graph` document that parse_graph_game reads back to the same game: every
// vertex with the members that differ from their defaults, every edge with its action, and
// the budgets when the game has them. The players are named "defender" and "attacker"
// (TurnGame keeps no player names). Sites are written per vertex: a site's trap_ok,
// fake_ok and cost on each of its vertices.
nlohmann::ordered_json graph_game_to_json(const TurnGame& game);

}  // namespace eqlab
