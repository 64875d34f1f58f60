// Writing Gambit files (games/io/gambit_writer.hpp): every perfect-recall file of the
// Gambit catalog in tests/data/gambit, written back by eqlab and read again, is the same
// compiled game; Leduc poker written as .efg gives the same CFR+ run; the .nfg profile
// order and the escapes are checked by hand.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/gambit_writer.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;
using namespace eqlab::test;

namespace {

std::string efg_text(const LoadedGame& game) {
  std::ostringstream out;
  write_gambit_efg(game.tree, game.description, out);
  return out.str();
}

std::string nfg_text(const LoadedGame& game) {
  std::ostringstream out;
  write_gambit_nfg(*game.normal, game.description, out);
  return out.str();
}

// Two compiled games are the same: players, every treeplex (labels included) and every
// terminal's sequences, chance weight and payoffs, to the bit.
void check_same_game(const CompiledGame& a, const CompiledGame& b) {
  REQUIRE(a.num_players() == b.num_players());
  CHECK(a.players == b.players);
  for (int p = 0; p < a.num_players(); ++p) {
    CHECK(a.treeplex[p].infoset_labels == b.treeplex[p].infoset_labels);
    CHECK(a.treeplex[p].action_labels == b.treeplex[p].action_labels);
    CHECK(a.treeplex[p].parent_seq == b.treeplex[p].parent_seq);
  }
  CHECK(a.terminals.seq == b.terminals.seq);
  CHECK(a.terminals.chance == b.terminals.chance);
  CHECK(a.terminals.payoff == b.terminals.payoff);
}

}  // namespace

TEST_CASE("every perfect-recall Gambit catalog file, written by eqlab and read back, is the same game") {
  int efg = 0, nfg = 0;
  for (const GambitRow& row : gambit_table()) {
    if (!row.perfect_recall) continue;
    INFO(row.file);
    const LoadedGame game = load_gambit(row.file);
    const CompiledGame original = compile(game.tree);
    const LoadedGame again = read_gambit_efg(efg_text(game), "again.efg");
    check_same_game(original, compile(again.tree));
    CHECK(again.name == game.name);
    ++efg;
    if (game.normal) {
      const LoadedGame normal = read_gambit_nfg(nfg_text(game), "again.nfg");
      REQUIRE(normal.normal);
      CHECK(normal.normal->actions == game.normal->actions);
      REQUIRE(normal.normal->payoffs.size() == game.normal->payoffs.size());
      for (std::size_t k = 0; k < game.normal->payoffs.size(); ++k) {
        CHECK(normal.normal->payoffs[k].value == game.normal->payoffs[k].value);
        CHECK(normal.normal->payoffs[k].exact == game.normal->payoffs[k].exact);
      }
      check_same_game(original, compile(normal.tree));
      // A written file is written again the same: the writer is a fixed point.
      CHECK(nfg_text(normal) == nfg_text(game));
      ++nfg;
    }
  }
  CHECK(efg == 200);
  CHECK(nfg > 0);
}

TEST_CASE("Leduc poker written as .efg: the same infosets, terminals and CFR+ run") {
  LoadedGame leduc;
  leduc.tree = make_builtin("leduc");
  leduc.name = leduc.tree.name;
  const LoadedGame again = read_gambit_efg(efg_text(leduc), "leduc.efg");
  const CompiledGame a = compile(leduc.tree), b = compile(again.tree);
  CHECK(b.treeplex[0].num_infosets() == 468);
  CHECK(b.terminals.size() == 5520);
  check_same_game(a, b);
  auto first = make_solver("cfr+", a, SolverOptions{}, 100);
  auto second = make_solver("cfr+", b, SolverOptions{}, 100);
  for (int t = 1; t <= 100; ++t) {
    first->step();
    second->step();
    if (t % 25 == 0) CHECK(evaluate_nash(a, first->output_profile()).exploitability ==
                           evaluate_nash(b, second->output_profile()).exploitability);
  }
}

TEST_CASE(".nfg: player 1's strategy varies fastest; numbers keep their exact form; strings are escaped") {
  NormalGame g;
  g.name = "say \"hi\"";
  g.players = {"row", "col\\umn"};
  g.actions = {{"a", "b"}, {"x", "y", "z"}};
  // eqlab's order: row's action most significant. Payoffs (row, col) = (10 r + c, r - c).
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 3; ++c) {
      g.payoffs.push_back(Number::integer(10 * r + c));
      g.payoffs.push_back(r == 1 && c == 2 ? Number::rational(-1, 3) : Number::real(0.1 * (r - c)));
    }
  std::ostringstream out;
  write_gambit_nfg(g, "", out);
  const std::string expected =
      "NFG 1 R \"say \\\"hi\\\"\" { \"row\" \"col\\\\umn\" }\n\n"
      "{ { \"a\" \"b\" } { \"x\" \"y\" \"z\" } }\n\"\"\n\n"
      "0 0\n"                           // (a, x)
      "10 1.0000000000000001e-01\n"     // (b, x)
      "1 -1.0000000000000001e-01\n"     // (a, y)
      "11 0\n"                          // (b, y)
      "2 -2.0000000000000001e-01\n"     // (a, z)
      "12 -1/3\n";                      // (b, z)
  CHECK(out.str() == expected);
  const LoadedGame back = read_gambit_nfg(out.str(), "g.nfg");
  CHECK(back.name == g.name);
  CHECK(back.normal->players == g.players);
  for (std::size_t k = 0; k < g.payoffs.size(); ++k) CHECK(back.normal->payoffs[k].value == g.payoffs[k].value);
  CHECK(gambit_number(Number::rational(5, 2)) == "5/2");
  CHECK(gambit_number(Number::integer(-7)) == "-7");
}
