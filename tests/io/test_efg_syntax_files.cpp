// Every file of tests/data/efg-syntax (eqlab's own games, written in the .efg syntax that
// OpenSpiel's files use; see the README there) loads through the game loader, and each
// game has the facts worked out by hand: players, information sets, terminals and the
// value of uniform play.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/game_source.hpp>

using namespace eqlab;

namespace {

struct Facts {
  std::string name;
  std::vector<std::string> players;
  std::vector<int> infosets;      // per player
  int terminals = 0;
  std::vector<double> uniform;    // every player's value under uniform play
};

const std::string kFolder = std::string(EQLAB_TEST_DATA) + "/efg-syntax";

}  // namespace

TEST_CASE("efg syntax files: each loads with the facts worked out by hand") {
  // Uniform play, by hand: every terminal's probability is the product of chance's and
  // 1/A at each decision on its path.
  const std::map<std::string, Facts> expected = {
      // (4 + 0 + 2 + 0 - 2 + 6 + 0 - 4) / 8
      {"header-comment.efg", {"Peek and guess", {"Dealer", "Guesser"}, {2, 2}, 8, {0.75, -0.75}}},
      // Row (10 + 0 + 2 + 4 + 6 + 2 + 0 + 8) / 8, Column (2 + 10 + 4 + 0 + 2 + 8 + 4 + 0) / 8
      {"no-comment.efg", {"Two draws, no comment line", {"Row", "Column"}, {2, 1}, 8, {4.0, 3.75}}},
      // (-1 + 0.5 + 2) / 3
      {"one-player.efg", {"A single decision", {"Solo"}, {1}, 3, {0.5}}},
      // card 0: -1/2 + (1/2)(1 - 2 - 3)/3 = -7/6; card 1: 1/2 + (1/2)(1 + 2 + 3)/3 = 3/2
      {"utf8-title.efg", {"Mise \xc3\xa0 trois", {"Joueur 1", "Joueur 2"}, {2, 1}, 8, {1.0 / 6, -1.0 / 6}}},
      // every pair of outcomes under one P2 decision cancels
      {"outcome-names.efg", {"Pennies after a choice", {"Player 1", "Player 2"}, {3, 1}, 8, {0.0, 0.0}}},
      // A: (4 + 0) / 2 = 2 and (1 + 0) / 2; B: (2 + 1) / 2 and (2 + 3) / 2
      {"trailing-commas.efg", {"trailing commas", {"p1", "p2"}, {1, 2}, 8, {1.75, 1.5}}},
      // Stop 0; Go: each card's two outcomes cancel under a uniform guess
      {"unnamed-infosets.efg", {"Spot the card", {"Player 1", "Player 2"}, {1, 1}, 5, {0.0, 0.0}}},
  };
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kFolder)) {
    if (entry.path().extension() != ".efg") continue;
    const std::string file = entry.path().filename().string();
    INFO(file);
    REQUIRE_MESSAGE(expected.count(file) == 1, "a file without facts: add them above");
    const Facts& facts = expected.at(file);
    const LoadedGame loaded = load_game_file(entry.path().string());
    CHECK(loaded.name == facts.name);
    const CompiledGame game = compile(loaded.tree);
    CHECK(game.players == facts.players);
    for (int p = 0; p < game.num_players(); ++p) CHECK(game.treeplex[p].num_infosets() == facts.infosets[p]);
    CHECK(game.terminals.size() == facts.terminals);
    const NashReport uniform = evaluate_nash(game, game.uniform_profile());
    for (int p = 0; p < game.num_players(); ++p) CHECK(uniform.values[p] == doctest::Approx(facts.uniform[p]).epsilon(1e-12));
    ++files;
  }
  CHECK(files == static_cast<int>(expected.size()));
}

TEST_CASE("efg syntax files: a single player's best response is its best outcome") {
  const CompiledGame game = compile(load_game_file(kFolder + "/one-player.efg").tree);
  const NashReport report = evaluate_nash(game, game.uniform_profile());
  CHECK(report.best_response[0] == 2.0);
  CHECK(report.nash_conv == doctest::Approx(1.5));
}
