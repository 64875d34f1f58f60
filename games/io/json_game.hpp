#pragma once
// eqlab's own game format, eqlab-game/1 (docs/FORMAT.md): reading with every validation
// rule of the format, and writing.
#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include <eqlab/games/io/game_source.hpp>

namespace eqlab {

// Parses and validates eqlab-game/1 text. `file` names the source in error messages.
LoadedGame read_json_game(const std::string& text, const std::string& file,
                          const LoadLimits& limits = {});

// Writes a game as eqlab-game/1 JSON text. Extensive trees are written with an explicit
// stack, so any depth works; exact numbers stay exact ("1/3").
void write_json_game(const LoadedGame& game, std::ostream& out);
std::string game_to_json_text(const LoadedGame& game);
nlohmann::json game_to_json(const LoadedGame& game);

}  // namespace eqlab
