#include "game_input.hpp"

#include <filesystem>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>

#include "cli.hpp"

namespace eqlab::cli {

namespace {

constexpr const char* kGamesHint = "; run 'eqlab games' to list the built-in games and their parameters";

bool looks_like_path(const std::string& spec) {
  if (spec.find('/') != std::string::npos) return true;
  const std::filesystem::path ext = std::filesystem::path(spec).extension();
  return ext == ".json" || ext == ".efg" || ext == ".nfg";
}

}  // namespace

LoadLimits load_limits(const Args& args) {
  LoadLimits limits;
  limits.max_bytes = static_cast<std::size_t>(
      args.integer(kMaxBytesFlag.name, static_cast<std::int64_t>(limits.max_bytes), 1));
  limits.max_nesting = static_cast<int>(args.integer(kMaxNestingFlag.name, limits.max_nesting, 1));
  return limits;
}

LoadedGame load_game_argument(const std::string& spec, const LoadLimits& limits) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(spec, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) throw BadInputError(spec + " is a folder: give a game file or a built-in game");
    return load_game_file(spec, limits);
  }
  if (is_builtin_spec(spec)) {
    try {
      return load_game(spec, limits);
    } catch (const UsageError& e) {
      throw BadInputError(e.what() + std::string(kGamesHint));
    }
  }
  if (looks_like_path(spec)) throw BadInputError("cannot open " + spec + ": no such file");
  throw BadInputError("unknown game '" + spec + "': give a game file or a built-in game" + kGamesHint);
}

GameInput load_and_compile(const std::string& spec, const LoadLimits& limits) {
  GameInput in{load_game_argument(spec, limits), {}};
  try {
    in.compiled = compile(in.loaded.tree);
  } catch (const InputError& e) {
    throw e.file().empty() ? e.in_file(spec) : e;
  }
  if (in.compiled.name.empty()) in.compiled.name = in.loaded.name;
  return in;
}

}  // namespace eqlab::cli
