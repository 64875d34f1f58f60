#pragma once
// Where games come from: a file (eqlab JSON, Gambit .efg/.nfg) or a built-in game named
// with parameters ("leduc", "goofspiel(cards=4)"). Every source gives a LoadedGame.
#include <cstddef>
#include <optional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/games/extensive/game_tree.hpp>
#include <eqlab/games/normal/normal_game.hpp>

namespace eqlab {

struct LoadedGame {
  std::string name;                 // the game's name, else the file name or builtin spec
  std::string type;                 // "normal" or "extensive"
  GameTree tree;                    // always set and finalized (normal games converted)
  std::optional<NormalGame> normal; // set for normal-form games
  std::string description;          // free text, kept for writing the game back
  // Top-level "x-" members of a JSON game: ignored, but written back by convert.
  std::map<std::string, nlohmann::json> extensions;
};

struct LoadLimits {
  std::size_t max_bytes = std::size_t{1} << 30;  // 1 GiB
  int max_nesting = 1'000'000;                  // JSON nesting depth (deep trees are deep)
};

// Loads a game file by content: eqlab JSON ("{"), Gambit EFG ("EFG") or NFG ("NFG").
// Throws InputError (naming the file) for bad input.
LoadedGame load_game_file(const std::string& path, const LoadLimits& limits = {});

// A path that exists is loaded as a file; anything else is looked up among the built-in
// games. Throws InputError for a missing file or an unknown name, UsageError for a
// malformed built-in spec.
LoadedGame load_game(const std::string& spec, const LoadLimits& limits = {});

}  // namespace eqlab
