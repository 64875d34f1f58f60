#pragma once
// Turning a GAME argument (a file path or a built-in spec) into a loaded and compiled game,
// with command-line messages for the ways that can fail.
#include <string>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/game_source.hpp>
#include <eqlab/lib/memory_budget.hpp>

#include "cli.hpp"

namespace eqlab::cli {

struct GameInput {
  LoadedGame loaded;
  CompiledGame compiled;
};

// Every command that reads a game takes --max-bytes N (the largest game file it reads)
// and --max-nesting N (the deepest JSON nesting it accepts).
inline const FlagSpec kMaxBytesFlag{"--max-bytes"};
inline const FlagSpec kMaxNestingFlag{"--max-nesting"};
LoadLimits load_limits(const Args& args);

// Commands that run learners take --memory-budget SIZE|P% (default 80%: of the memory
// available when the command starts) and refuse a run whose estimate exceeds it.
inline const FlagSpec kMemoryBudgetFlag{"--memory-budget"};
MemoryBudget memory_budget(const Args& args);

// eqlab::load_game() with command-line hints: an unknown game or a built-in game with bad
// parameters says how to list the built-in games. Every error is exit 1: eqlab::InputError
// (a missing or bad file, an unknown game) or BadInputError (bad built-in parameters).
LoadedGame load_game_argument(const std::string& spec, const LoadLimits& limits = {});

// load_game_argument() and compile(); compile errors name the game.
GameInput load_and_compile(const std::string& spec, const LoadLimits& limits = {});

}  // namespace eqlab::cli
