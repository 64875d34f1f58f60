// Built-in Markov game specs (listing, canonical names, refusals) and loading Markov games
// by spec: files, built-ins, and telling Markov games apart from other games.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace fs = std::filesystem;

namespace {

// A folder of its own under the system's temporary folder, removed at the end.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("eqlab-markov-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& file, const std::string& text) const {
    const fs::path p = path / file;
    std::ofstream(p) << text;
    return p.string();
  }
};

// Two players, one state, H = 1, rewards in [0, 2]: (x, *) pays (2, 0), (y, l) pays (1, 1).
const char* kTinyMarkov = R"({"format": "eqlab-game/1", "type": "markov", "name": "tiny",
 "players": ["a", "b"], "horizon": 1, "states": ["s"], "actions": [["x", "y"], ["l"]],
 "initial": {"s": 1}, "reward_range": [0, 2],
 "transitions": [
  {"state": "s", "actions": ["x", "*"], "next": {"s": 1}, "rewards": [2, 0]},
  {"state": "s", "actions": ["y", "l"], "next": {"s": 1}, "rewards": [1, 1]}]})";

const char* kNormalGame = R"({"format": "eqlab-game/1", "type": "normal", "players": ["a", "b"],
 "inner": {"type": "markov"}, "actions": [["x"], ["y"]], "payoffs": [[[0, 0]]]})";

std::string error_of(const std::string& spec) {
  try {
    make_markov_builtin(spec);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("markov builtin: the games and their parameters, in a stable order") {
  std::vector<std::string> names;
  for (const BuiltinGameInfo& g : markov_builtin_games()) {
    names.push_back(g.name);
    CHECK(!g.description.empty());
    for (const BuiltinParam& p : g.params) CHECK((!p.default_value.empty() && !p.description.empty()));
    REQUIRE(g.params.size() >= 5);
    CHECK(g.params[0].name == "players");
    CHECK(g.params[3].name == "horizon");
    CHECK(g.params.back().name == "seed");
  }
  CHECK(names ==
        std::vector<std::string>{"markov-random", "markov-polymatrix", "markov-congestion", "markov-team", "markov-cycle"});
  CHECK(is_markov_builtin_spec("markov-random"));
  CHECK(is_markov_builtin_spec(" markov-cycle (players=3)"));
  CHECK(is_markov_builtin_spec("markov-team(nonsense"));  // the name alone decides
  CHECK(!is_markov_builtin_spec("kuhn"));
  CHECK(!is_markov_builtin_spec("random"));
  CHECK(!is_markov_builtin_spec("markov"));
}

TEST_CASE("markov builtin: canonical names list every parameter") {
  CHECK(make_markov_builtin("markov-random")->name() ==
        "markov-random(players=2,states=2,actions=2,horizon=2,kappa=1,constant_sum=false,seed=0)");
  CHECK(make_markov_builtin(" markov-polymatrix ( seed = 7 , players=32, states=3 )")->name() ==
        "markov-polymatrix(players=32,states=3,actions=2,horizon=2,degree=0,kappa=1,seed=7)");
  CHECK(make_markov_builtin("markov-congestion(actions=5,kappa=0.25)")->name() ==
        "markov-congestion(players=4,states=2,actions=5,horizon=2,kappa=0.25,seed=0)");
  CHECK(make_markov_builtin("markov-team(delta=0.1,players=3)")->name() ==
        "markov-team(players=3,states=2,actions=2,horizon=2,delta=0.1,kappa=1,seed=0)");
  const auto shapley = make_markov_builtin("markov-cycle");
  CHECK(shapley->name() == "markov-cycle(players=2,states=2,actions=3,horizon=2,perturb=0,seed=0)");
  CHECK(shapley->num_actions(1) == 3);
  const auto pennies = make_markov_builtin("markov-cycle(players=5,horizon=4)");
  CHECK(pennies->name() == "markov-cycle(players=5,states=2,actions=2,horizon=4,perturb=0,seed=0)");
  CHECK(pennies->num_players() == 5);
  CHECK(pennies->horizon() == 4);
  // Seeds beyond a double's exact integers survive.
  CHECK(make_markov_builtin("markov-random(seed=9223372036854775807)")->name() ==
        "markov-random(players=2,states=2,actions=2,horizon=2,kappa=1,constant_sum=false,seed=9223372036854775807)");
  // The same spec builds the same game; another seed another one.
  const auto g1 = make_markov_builtin("markov-random(seed=3)"), g2 = make_markov_builtin("markov-random(seed=3)"),
             g3 = make_markov_builtin("markov-random(seed=4)");
  const int a[2] = {1, 0};
  std::vector<double> r1(2), r2(2), r3(2);
  g1->rewards(1, 1, a, r1);
  g2->rewards(1, 1, a, r2);
  g3->rewards(1, 1, a, r3);
  CHECK(r1 == r2);
  CHECK(r1 != r3);
}

TEST_CASE("markov builtin: refusals name the parameter") {
  CHECK(error_of("markov-foo").find("unknown Markov game \"markov-foo\"") != std::string::npos);
  CHECK(error_of("markov-random(foo=1)").find("unknown parameter \"foo\"") != std::string::npos);
  CHECK(error_of("markov-random(players=65)").find("parameter players must be an integer from 1 to 64") !=
        std::string::npos);
  CHECK(error_of("markov-random(players=x)").find("parameter players") != std::string::npos);
  CHECK(error_of("markov-random(states=0)").find("parameter states") != std::string::npos);
  CHECK(error_of("markov-random(states=1001)").find("parameter states") != std::string::npos);
  CHECK(error_of("markov-random(actions=1)").find("parameter actions") != std::string::npos);
  CHECK(error_of("markov-random(horizon=101)").find("parameter horizon") != std::string::npos);
  CHECK(error_of("markov-random(kappa=0)").find("parameter kappa") != std::string::npos);
  CHECK(error_of("markov-random(constant_sum=maybe)").find("parameter constant_sum") != std::string::npos);
  CHECK(error_of("markov-random(seed=-1)").find("parameter seed") != std::string::npos);
  CHECK(error_of("markov-random(players=)").find("malformed") != std::string::npos);
  CHECK(error_of("markov-random(players=2").find("malformed") != std::string::npos);
  CHECK(error_of("markov-random(players=2,)").find("malformed") != std::string::npos);
  CHECK(error_of("markov-random(players=2,players=3)").find("given twice") != std::string::npos);
  CHECK(error_of("markov-random(players=3,constant_sum=true)").find("constant_sum") != std::string::npos);
  const std::string dense = error_of("markov-random(players=25)");
  CHECK(dense.find("over 2^24") != std::string::npos);
  CHECK(dense.find("enumerates") != std::string::npos);
  CHECK(error_of("markov-team(players=13,actions=4)").find("over 2^24") != std::string::npos);
  CHECK(error_of("markov-polymatrix(players=3,degree=3)").find("degree") != std::string::npos);
  CHECK(error_of("markov-cycle(players=1)").find("players") != std::string::npos);
  CHECK(error_of("markov-cycle(players=3,actions=3)").find("actions") != std::string::npos);
  CHECK(error_of("markov-cycle(actions=2)").find("actions") != std::string::npos);
  CHECK(error_of("markov-polymatrix(players=64,actions=64,states=1000,horizon=100)").find("2^27") !=
        std::string::npos);
  // Large structured games are fine.
  CHECK_NOTHROW(make_markov_builtin("markov-polymatrix(players=64,actions=4,states=5,horizon=5)"));
  CHECK_NOTHROW(make_markov_builtin("markov-congestion(players=64,actions=8,states=20,horizon=10)"));
  CHECK_NOTHROW(make_markov_builtin("markov-cycle(players=64,states=3)"));
}

TEST_CASE("markov source: load_markov_model reads files and builds built-ins") {
  const TempDir dir("source");
  const std::string file = dir.write("tiny.json", kTinyMarkov);
  const auto tiny = load_markov_model(file);
  CHECK(tiny->name() == "tiny");
  CHECK(dynamic_cast<const TableMarkovModel*>(tiny.get()) != nullptr);
  CHECK(tiny->num_players() == 2);
  CHECK(tiny->num_actions(0) == 2);
  CHECK(tiny->reward_scale() == 2.0);
  std::vector<double> r(2);
  const int xl[2] = {0, 0}, yl[2] = {1, 0};
  tiny->rewards(0, 0, xl, r);
  CHECK(r == std::vector<double>{1.0, 0.0});
  tiny->rewards(0, 0, yl, r);
  CHECK(r == std::vector<double>{0.5, 0.5});

  const auto built = load_markov_model("markov-congestion(players=3,seed=2)");
  CHECK(built->name() == "markov-congestion(players=3,states=2,actions=3,horizon=2,kappa=1,seed=2)");
  CHECK(built->num_players() == 3);

  CHECK_THROWS_WITH_AS(load_markov_model((dir.path / "missing.json").string()), doctest::Contains("no such file"),
                       InputError);
  CHECK_THROWS_AS(load_markov_model("no-such-game"), UnknownGameError);
  CHECK_THROWS_WITH_AS(load_markov_model(dir.path.string()), doctest::Contains("folder"), InputError);
  CHECK_THROWS_AS(load_markov_model("markov-random(players=0)"), UsageError);
  // A file of another game type is an input error naming where.
  const std::string normal = dir.write("normal.json", kNormalGame);
  CHECK_THROWS_WITH_AS(load_markov_model(normal), doctest::Contains("/type"), InputError);
  // Size limits apply to files.
  LoadLimits small;
  small.max_bytes = 10;
  CHECK_THROWS_WITH_AS(load_markov_model(file, small), doctest::Contains("over the limit"), InputError);
}

TEST_CASE("markov source: is_markov_game tells Markov games apart") {
  const TempDir dir("detect");
  CHECK(is_markov_game("markov-random"));
  CHECK(is_markov_game("markov-polymatrix(players=32)"));
  CHECK(is_markov_game(dir.write("tiny.json", kTinyMarkov)));
  // "type" found after other members, the rest of the file never read.
  CHECK(is_markov_game(dir.write("late.json", R"({"format": "eqlab-game/1", "x-a": {"type": "normal"},
    "type": "markov", "transitions": [ this is not JSON)")));
  CHECK(!is_markov_game(dir.write("normal.json", kNormalGame)));  // a nested "type" does not count
  CHECK(!is_markov_game(dir.write("text.efg", "EFG 2 R \"x\" { \"a\" }\n")));
  CHECK(!is_markov_game(dir.write("broken.json", "{\"format\": ")));
  CHECK(!is_markov_game(dir.write("array.json", "[{\"type\": \"markov\"}]")));
  CHECK(!is_markov_game(dir.write("number.json", "{\"type\": 3}")));
  CHECK(!is_markov_game(dir.write("empty.json", "")));
  CHECK(!is_markov_game((dir.path / "missing.json").string()));
  CHECK(!is_markov_game(dir.path.string()));
  CHECK(!is_markov_game("kuhn"));
  CHECK(!is_markov_game("no-such-game"));
}
