// One catalogue of every built-in game and one loader for every kind of GAME argument.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <eqlab/games/game_catalog.hpp>

using namespace eqlab;

namespace {

const CatalogGame* find_game(const std::vector<CatalogGame>& catalog, const std::string& name) {
  const auto it = std::find_if(catalog.begin(), catalog.end(), [&](const CatalogGame& g) { return g.name == name; });
  return it == catalog.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("game catalogue: the built-in games of the three kinds, with their parameters and OpenSpiel's names") {
  const std::vector<CatalogGame> catalog = game_catalog();
  const CatalogGame* kuhn = find_game(catalog, "kuhn");
  REQUIRE(kuhn != nullptr);
  CHECK(kuhn->type == GameType::extensive);
  CHECK(kuhn->openspiel.rfind("kuhn_poker", 0) == 0);
  REQUIRE(kuhn->params.size() == 1);
  CHECK(kuhn->params[0].name == "players");
  CHECK(kuhn->params[0].default_value == "2");

  const CatalogGame* markov = find_game(catalog, "markov-random");
  REQUIRE(markov != nullptr);
  CHECK(markov->type == GameType::markov);
  CHECK(markov->openspiel.empty());

  const CatalogGame* grid = find_game(catalog, "gridworld");
  REQUIRE(grid != nullptr);
  CHECK(grid->type == GameType::graph);
  REQUIRE(grid->params.size() == 2);
  CHECK(grid->params[0].name == "rows");
  CHECK(grid->params[0].default_value == "7");

  // Extensive-form games first, then Markov, then graph games.
  CHECK(std::is_sorted(catalog.begin(), catalog.end(),
                       [](const CatalogGame& a, const CatalogGame& b) { return a.type < b.type; }));
}

TEST_CASE("game catalogue: one loader dispatches built-in specs and files by their kind") {
  CHECK(game_type_of("leduc") == GameType::extensive);
  CHECK(game_type_of("kuhn_poker(players=3)") == GameType::extensive);
  CHECK(game_type_of("markov-cycle(players=2)") == GameType::markov);
  CHECK(game_type_of("gridworld(rows=5,cols=5)") == GameType::graph);
  CHECK(game_type_of(EQLAB_SOURCE_DIR "/examples/games/matching-pennies.json") == GameType::extensive);
  CHECK(game_type_of(EQLAB_TEST_DATA "/markov-hand.json") == GameType::markov);
  CHECK(game_type_of(EQLAB_SOURCE_DIR "/examples/security/network.graphml") == GameType::graph);

  const AnyGame leduc = load_any_game("leduc_poker");
  REQUIRE(leduc.extensive.has_value());
  CHECK(leduc.type == GameType::extensive);
  CHECK(!leduc.markov);
  const AnyGame cycle = load_any_game("markov-cycle(players=2)");
  REQUIRE(cycle.markov != nullptr);
  CHECK(cycle.markov->num_players() == 2);
  const AnyGame grid = load_any_game("gridworld(rows=5,cols=5)");
  REQUIRE(grid.graph.has_value());
  CHECK(grid.graph->num_vertices() > 0);
}
