// The .efg syntax OpenSpiel's efg_game reader accepts beyond Gambit's own files: payoff
// lists whose commas are optional and may close the list ({ 5, 2, }), and infosets, chance
// events and outcomes whose names are left out before their braces. The games here are
// eqlab's own, written in those forms; each is checked against the same game written in
// Gambit's usual form and by its value, worked out by hand.
#include <doctest/doctest.h>

#include <string>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/gambit_efg.hpp>
#include <eqlab/lib/error.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;

namespace {

// The first player's value of CFR+'s output after `iterations`, and its NashConv.
std::pair<double, double> cfr_plus_value(const CompiledGame& game, int iterations) {
  auto solver = make_solver("cfr+", game, SolverOptions{}, iterations);
  for (int t = 0; t < iterations; ++t) solver->step();
  const NashReport report = evaluate_nash(game, solver->output_profile());
  return {report.values[0], report.nash_conv};
}

}  // namespace

TEST_CASE("efg: commas in payoff lists are optional, and one may close the list") {
  const std::string with_commas =
      "EFG 2 R \"commas\" { \"row\" \"column\" }\n\"\"\n"
      "p \"\" 1 1 \"\" { \"U\" \"D\" } 0\n"
      "p \"\" 2 1 \"\" { \"L\" \"R\" } 0\n"
      "t \"\" 1 \"UL\" { 3, 1, }\n"
      "t \"\" 2 \"UR\" { 0 0, }\n"
      "p \"\" 2 1 \"\" { \"L\" \"R\" } 0\n"
      "t \"\" 3 \"DL\" { 0, 0 }\n"
      "t \"\" 1 \"UL\" { 3 1 }\n";  // a repeat of outcome 1, its commas written differently
  const std::string plain =
      "EFG 2 R \"commas\" { \"row\" \"column\" }\n\"\"\n"
      "p \"\" 1 1 \"\" { \"U\" \"D\" } 0\n"
      "p \"\" 2 1 \"\" { \"L\" \"R\" } 0\n"
      "t \"\" 1 \"UL\" { 3 1 }\n"
      "t \"\" 2 \"UR\" { 0 0 }\n"
      "p \"\" 2 1 \"\" { \"L\" \"R\" } 0\n"
      "t \"\" 3 \"DL\" { 0 0 }\n"
      "t \"\" 1\n";
  const CompiledGame a = compile(read_gambit_efg(with_commas, "commas.efg").tree);
  const CompiledGame b = compile(read_gambit_efg(plain, "plain.efg").tree);
  REQUIRE(a.terminals.size() == 4);
  CHECK(a.terminals.payoff == b.terminals.payoff);
  CHECK(a.terminals.seq == b.terminals.seq);
  // Two commas in a row, or one before the first number, are still errors.
  CHECK_THROWS_AS(read_gambit_efg(eqlab::test::replace_once(with_commas, "{ 3, 1, }", "{ 3,, 1 }"), "bad.efg"), InputError);
  CHECK_THROWS_AS(read_gambit_efg(eqlab::test::replace_once(with_commas, "{ 3, 1, }", "{ , 3 1 }"), "bad.efg"), InputError);
}

TEST_CASE("efg: infosets, chance events and outcomes may leave their names out") {
  // Chance deals heads or tails; the first player keeps or swaps, seeing the coin; the
  // second calls or folds after a keep, not seeing it. Heads: keep pays 2 (call) or 1
  // (fold), swap -1. Tails: keep pays -2 or 1, swap 1. Keeping at heads and swapping at
  // tails gets 1 whatever the second player does (it folds), and nothing gets more: if
  // the first player keeps at tails too, calling holds it to 0. Value 1 for the first player.
  const std::string text =
      "EFG 2 R \"unnamed\" { \"first\" \"second\" }\n\"\"\n"
      "c \"\" 1 { \"heads\" 1/2 \"tails\" 1/2 } 0\n"
      "p \"\" 1 1 { \"keep\" \"swap\" } 0\n"
      "p \"\" 2 1 { \"call\" \"fold\" } 0\n"
      "t \"\" 1 { 2, -2 }\n"
      "t \"\" 2 { 1, -1 }\n"
      "t \"\" 3 { -1, 1 }\n"
      "p \"\" 1 2 { \"keep\" \"swap\" } 0\n"
      "p \"\" 2 1 0\n"  // the second player's infoset again, described once already
      "t \"\" 4 { -2, 2 }\n"
      "t \"\" 2\n"
      "t \"\" 5 { 1, -1 }";  // no newline at the end of the file
  const LoadedGame game = read_gambit_efg(text, "unnamed.efg");
  const CompiledGame compiled = compile(game.tree);
  CHECK(compiled.treeplex[0].num_infosets() == 2);
  CHECK(compiled.treeplex[1].num_infosets() == 1);
  CHECK(compiled.terminals.size() == 6);
  const auto [value, nash_conv] = cfr_plus_value(compiled, 2000);
  CHECK(nash_conv < 1e-4);
  CHECK(value == doctest::Approx(1.0).epsilon(1e-4));
}
