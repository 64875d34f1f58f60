// Resolving a GAME (a file or a built-in game) and the wording of every way it can fail:
// the library's messages are the ones docs/FORMAT.md shows and the command line prints.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/near_names.hpp>

using namespace eqlab;

namespace {

// The message of the InputError that load_game(spec) throws, or "" when it throws none.
std::string load_error(const std::string& spec) {
  try {
    load_game(spec);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("load_game: a missing path and an unknown name are worded as docs/FORMAT.md says") {
  CHECK(load_error("no/such/game.json") == "cannot open no/such/game.json: no such file");
  CHECK(load_error("game.efg") == "cannot open game.efg: no such file");
  CHECK(load_error("game.nfg") == "cannot open game.nfg: no such file");
  // A '.' alone does not make a path: only '/' or a game file extension does.
  CHECK(load_error("nosuchgame") == "unknown game 'nosuchgame': give a game file or a built-in game");
  CHECK(load_error("notes.txt") == "unknown game 'notes.txt': give a game file or a built-in game");
  CHECK_THROWS_AS(load_game("nosuchgame"), UnknownGameError);
  // A folder is neither a file nor a game.
  CHECK(load_error(EQLAB_TEST_DATA) == std::string(EQLAB_TEST_DATA) + " is a folder: give a game file or a built-in game");
  // A built-in game with a bad parameter is a usage error that lists what is valid.
  CHECK_THROWS_AS(load_game("kuhn(players=99)"), UsageError);
  CHECK(load_game("kuhn").name == "kuhn(players=2)");
}

TEST_CASE("load_game: an existing file wins over a built-in game of the same name") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("eqlab-game-source-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "kuhn") << R"({"format": "eqlab-game/1", "type": "normal", "name": "file game",
    "players": ["a", "b"], "actions": [["x"], ["y"]], "payoffs": [[[1, -1]]]})";
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  std::string name, limited;
  try {
    name = load_game("kuhn").name;
    // The size limit holds for every file, checked before anything is read.
    LoadLimits limits;
    limits.max_bytes = 10;
    load_game("kuhn", limits);
  } catch (const InputError& e) {
    limited = e.what();
  }
  fs::current_path(before);
  fs::remove_all(dir);
  CHECK(name == "file game");
  CHECK(limited.rfind("kuhn: the file has ", 0) == 0);
  CHECK(limited.find("over the limit of 10 (raise it with --max-bytes)") != std::string::npos);
}

TEST_CASE("game source: a mistyped game name says which it is near") {
  CHECK(load_error("leduc_pokr") ==
        "unknown game 'leduc_pokr' (did you mean leduc_poker?): give a game file or a built-in game");
  CHECK(load_error("khun(players=3)") ==
        "unknown game 'khun(players=3)' (did you mean kuhn?): give a game file or a built-in game");
  // Nothing near: the message is as before.
  CHECK(load_error("nosuchgame") == "unknown game 'nosuchgame': give a game file or a built-in game");
  CHECK(edit_distance("kuhn", "khun") == 1);  // a swap of neighbours is one edit
  CHECK(edit_distance("leduc", "") == 5);
  CHECK(near_names("gridwrld", {"gridworld", "goofspiel", "random-graph"}) == std::vector<std::string>{"gridworld"});
  CHECK(near_names("kuhn", {"kuhn", "khun"}).empty());  // an exact name needs no suggestion
}
