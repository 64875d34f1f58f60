#include "game_input.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>

#include <eqlab/games/graph/graph_source.hpp>
#include <eqlab/lib/error.hpp>

#include "cli.hpp"

namespace eqlab::cli {

namespace {

constexpr const char* kGamesHint = "; run 'eqlab games' to list the built-in games and their parameters";

}  // namespace

LoadLimits load_limits(const Args& args) {
  LoadLimits limits;
  // Both limits must fit the types they are compared in: a size_t byte count, an int depth.
  constexpr std::int64_t kMostBytes = static_cast<std::int64_t>(std::min<std::uintmax_t>(SIZE_MAX, INT64_MAX));
  limits.max_bytes = static_cast<std::size_t>(
      args.integer(kMaxBytesFlag.name, static_cast<std::int64_t>(limits.max_bytes), 1, kMostBytes));
  limits.max_nesting = static_cast<int>(args.integer(kMaxNestingFlag.name, limits.max_nesting, 1, INT_MAX));
  return limits;
}

MemoryBudget memory_budget(const Args& args) {
  return parse_memory_budget(args.text(kMemoryBudgetFlag.name, kDefaultMemoryBudget));
}

LoadedGame load_game_argument(const std::string& spec, const LoadLimits& limits) {
  // The library resolves the argument and words the errors; the command line only adds
  // where to find the built-in games.
  if (is_graph_game(spec))
    throw BadInputError("'" + spec + "' is a graph game: place decoys on it with 'eqlab decoys' (or describe it with "
                        "'eqlab info')");
  try {
    return load_game(spec, limits);
  } catch (const UnknownGameError& e) {
    throw InputError(e.file(), e.pointer(), e.detail() + kGamesHint);
  } catch (const UsageError& e) {  // a built-in game with bad parameters
    throw BadInputError(e.what() + std::string(kGamesHint));
  }
}

GameInput load_and_compile(const std::string& spec, const LoadLimits& limits) {
  GameInput in{load_game_argument(spec, limits), {}};
  try {
    in.compiled = compile(in.loaded.tree);
  } catch (const InputError& e) {
    throw e.file().empty() ? e.in_file(spec == kStandardInput ? "standard input" : spec) : e;
  }
  if (in.compiled.name.empty()) in.compiled.name = in.loaded.name;
  return in;
}

}  // namespace eqlab::cli
