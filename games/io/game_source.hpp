#pragma once
// Where games come from: a file (eqlab JSON, Gambit .efg/.nfg) or a built-in game named
// with parameters ("leduc", "goofspiel(cards=4)"). Every source gives a LoadedGame.
#include <cstddef>
#include <optional>
#include <map>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/games/extensive/game_tree.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>

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

// The name that stands for standard input where a game file is expected, as in Gambit's
// tools: a game in eqlab JSON or Gambit's formats, read once.
inline constexpr const char* kStandardInput = "-";

// Reads a whole file of at most limits.max_bytes bytes, checking the size before reading
// (standard input for "-", read once, its size checked as it comes). Throws InputError
// naming the file when it is missing, a folder, too large or unreadable.
std::string read_input_file(const std::string& path, const LoadLimits& limits = {});
// The checks read_input_file makes before reading (exists, a regular file, within
// limits.max_bytes), for readers that stream a file; returns the size in bytes, or
// throws InputError naming the file.
std::uintmax_t check_input_file(const std::string& path, const LoadLimits& limits = {});

// Loads a game file by content: eqlab JSON ("{"), Gambit EFG ("EFG") or NFG ("NFG").
// Throws InputError (naming the file) for bad input.
LoadedGame load_game_file(const std::string& path, const LoadLimits& limits = {});

// A GAME that is neither an existing file nor a built-in game, and does not look like a
// path: "unknown game 'x': give a game file or a built-in game". Its own type so that a
// program can add where its users find the list of built-in games.
class UnknownGameError : public InputError {
 public:
  explicit UnknownGameError(const std::string& spec);
};

// Resolves a GAME the way docs/FORMAT.md ("Games on the command line") says: an existing
// file is loaded by content; else a built-in game spec is built; else it is an error,
// "cannot open x.json: no such file" when the spec looks like a path (it contains '/' or
// ends in .json, .efg or .nfg), UnknownGameError otherwise. A folder is an InputError too.
// A built-in name with malformed or out-of-range parameters throws UsageError.
LoadedGame load_game(const std::string& spec, const LoadLimits& limits = {});

}  // namespace eqlab
