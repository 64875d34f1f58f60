// Behaviour profiles in Gambit's order. Gambit's own tools printed the equilibria of
// tests/data/gambit/equilibria.tsv (lcp, lp, enumpure: exact; logit: 6 decimals); read in
// the order eqlab writes, every one of them is a Nash equilibrium by eqlab's exact
// evaluation. A wrong order would put probabilities on the wrong information sets and, in
// most of these games, break the equilibrium. eqlab's own line reads back to its profile.
#include <doctest/doctest.h>

#include <sstream>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/gambit_efg.hpp>
#include <eqlab/games/io/gambit_nfg.hpp>
#include <eqlab/games/io/gambit_profile.hpp>
#include <eqlab/lib/error.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;
using namespace eqlab::test;

namespace {

Profile sequence_form(const CompiledGame& game, const Profile& behavioural) {
  Profile x(behavioural.size());
  for (std::size_t p = 0; p < behavioural.size(); ++p) {
    x[p].assign(behavioural[p].size(), 0.0);
    game.treeplex[p].to_sequence_form(behavioural[p], x[p]);
  }
  return x;
}

}  // namespace

TEST_CASE("gambit profiles: every behaviour equilibrium Gambit's tools printed is one in eqlab's order") {
  std::istringstream table(read_text(kGambitData + "/equilibria.tsv"));
  std::string row;
  std::getline(table, row);  // the header
  int checked = 0, exact = 0, games_with_several_infosets = 0, lp_unnormalised = 0;
  std::string last_file;
  while (std::getline(table, row)) {
    const std::vector<std::string> cells = split(row, '\t');
    REQUIRE(cells.size() >= 7);
    const std::string &file = cells[0], &tool = cells[1], &kind = cells[2], &profile = cells[3];
    if (kind != "B" || !ends_with(file, ".efg")) continue;
    CompiledGame game;
    try {
      game = compile(load_gambit(file).tree);
    } catch (const InputError&) {
      continue;  // imperfect recall: eqlab refuses the game
    }
    // Where every payoff is equal every profile is an equilibrium, and Gambit's lp prints
    // nothing to check (von Stengel and Forges' figure 6: all zeros at a reached set).
    if (game.max_payoff_range == 0.0) continue;
    INFO(file << " (" << tool << "): " << profile);
    Profile behavioural;
    try {
      behavioural = read_gambit_behaviour_profile(game, profile, file);
    } catch (const InputError& e) {
      // Gambit's lp leaves unnormalised numbers at sets that the other players never reach
      // (test_games/reduction_generic_payoffs.efg: "5/6,0"); nothing else may be refused.
      CHECK_MESSAGE(tool == "lp", e.what());
      ++lp_unnormalised;
      continue;
    }
    const NashReport report = evaluate_nash(game, sequence_form(game, behavioural));
    // Gambit's max_regret ("n/a" where it did not compute one: 0 for the exact tools), in
    // the game's units, bounds each player's regret.
    const double max_regret = cells[6] == "n/a" ? 0.0 : std::stod(cells[6]);
    const double tolerance = tool == "logit" ? 1e-4 * (1.0 + game.max_payoff_range) : 1e-9;
    for (int p = 0; p < game.num_players(); ++p)
      CHECK(report.best_response[p] - report.values[p] <= max_regret + tolerance);
    ++checked;
    exact += tool != "logit";
    if (file != last_file && game.num_infosets() > game.num_players()) ++games_with_several_infosets;
    last_file = file;
  }
  MESSAGE(checked << " profiles checked (" << exact << " exact), " << games_with_several_infosets
                  << " games where a player has several information sets; " << lp_unnormalised
                  << " lp profiles left unnormalised by Gambit");
  CHECK(lp_unnormalised <= 3);
  CHECK(checked >= 100);
  CHECK(games_with_several_infosets >= 20);
}

TEST_CASE("gambit profiles: eqlab's line reads back to its profile, and bad lines are refused") {
  const CompiledGame game = compile(load_gambit("catalog/books/myerson1991/fig2_1.efg").tree);
  // Gambit's lcp equilibrium of Myerson's card game, as it printed it.
  const std::string printed = "NE,1,0,1/3,2/3,2/3,1/3";
  const Profile b = read_gambit_behaviour_profile(game, printed, "lcp");
  CHECK(gambit_behaviour_profile(game, b) == "1,0,0.3333333333333333,0.6666666666666666,0.6666666666666666,"
                                             "0.3333333333333333");
  CHECK(read_gambit_behaviour_profile(game, gambit_behaviour_profile(game, b), "again") == b);
  CHECK(evaluate_nash(game, sequence_form(game, b)).nash_conv < 1e-12);
  CHECK_THROWS_WITH_AS(read_gambit_behaviour_profile(game, "NE,1,0,1/3,2/3,2/3", "short"),
                       doctest::Contains("has 6 probabilities, one per action of every information set, not 5"),
                       InputError);
  CHECK_THROWS_WITH_AS(read_gambit_behaviour_profile(game, "1,0,1/3,x,2/3,1/3", "bad"),
                       doctest::Contains("bad: entry 4: expected a probability, found 'x'"), InputError);
  CHECK_THROWS_WITH_AS(read_gambit_behaviour_profile(game, "1,0,1/3,1/3,2/3,1/3", "sum"),
                       doctest::Contains("sum: entries 3 to 4:"), InputError);
}
