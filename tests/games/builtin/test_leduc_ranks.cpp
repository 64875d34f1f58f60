// Leduc poker with a deck of any number of ranks: the standard deck by another name, the
// sizes of a larger deck derived by hand, the size guard's exact node count, and refusals.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

// Leduc for two players with d = 2 × ranks cards, counted by hand. The betting of a round
// does not depend on the cards: the first mover acts at "", "cr" and "rr" (c = check or
// call, r = raise, at most two raises), the second at "c", "r" and "crr"; five sequences
// go on to the second round (cc, rc, crc, rrc, crrc), whose betting is the same again,
// player 0 first. An infoset is the player's own card (d, told apart by suit), the first
// round's moves and, in the second round, the public card (d - 1 left from the player's
// view) and that round's moves:
//   infosets per player = 3d + 5 (d - 1) · 3d.
// Actions: "" and "c" offer call/raise (2), "cr" and "r" fold/call/raise (3), "rr" and
// "crr" fold/call (2), so 7 per round and player:
//   sequences per player, the empty one left out (XA) = 7d + 5 (d - 1) · 7d.
// Terminals: per deal d (d - 1), 4 folds in round 1 plus 5 · (d - 2) public cards × 9
// ends of round 2 (4 folds, 5 showdowns):  d (d - 1) (4 + 45 (d - 2)).
struct HandCount {
  int infosets, sequences, terminals;
};
HandCount two_player_count(int ranks) {
  const int d = 2 * ranks;
  return {3 * d + 15 * d * (d - 1), 1 + 7 * d + 35 * d * (d - 1), d * (d - 1) * (4 + 45 * (d - 2))};
}

}  // namespace

TEST_CASE("leduc ranks: the standard decks by number of ranks") {
  const CompiledGame standard = compile(make_builtin("leduc"));
  const CompiledGame three = compile(make_builtin("leduc(ranks=3)"));
  for (int p = 0; p < 2; ++p) {
    CHECK(three.treeplex[p].num_infosets() == standard.treeplex[p].num_infosets());
    CHECK(three.treeplex[p].num_sequences() == standard.treeplex[p].num_sequences());
    CHECK(three.treeplex[p].infoset_labels == standard.treeplex[p].infoset_labels);
  }
  CHECK(three.terminals.size() == standard.terminals.size());
  // The hand count holds for the standard deck: 468 infosets and 5520 terminals.
  const HandCount hand = two_player_count(3);
  CHECK(hand.infosets == 468);
  CHECK(hand.terminals == 5520);
  CHECK(standard.treeplex[0].num_infosets() == hand.infosets);
  CHECK(standard.terminals.size() == hand.terminals);
}

TEST_CASE("leduc ranks: four and two ranks for two players, counted by hand") {
  for (int ranks : {2, 4}) {
    const GameTree tree = make_builtin("leduc(players=2,ranks=" + std::to_string(ranks) + ")");
    const CompiledGame g = compile(tree);
    const HandCount hand = two_player_count(ranks);
    for (int p = 0; p < 2; ++p) {
      CHECK(g.treeplex[p].num_infosets() == hand.infosets);
      CHECK(g.treeplex[p].num_sequences() == hand.sequences);
    }
    CHECK(g.terminals.size() == hand.terminals);
    CHECK(g.zero_sum);
  }
  // Four ranks: d = 8, 24 + 5 · 7 · 24 = 864 infosets and 1 + 56 + 5 · 7 · 56 = 2017
  // sequences per player, 8 · 7 · (4 + 45 · 6) = 15344 terminals.
  const HandCount four = two_player_count(4);
  CHECK(four.infosets == 864);
  CHECK(four.sequences == 2017);
  CHECK(four.terminals == 15344);
  // The ace joins the deck above the king (player 1 faces a raise in round 2).
  const CompiledGame g = compile(make_builtin("leduc(ranks=4)"));
  const auto& labels = g.treeplex[1].infoset_labels;
  CHECK(std::find(labels.begin(), labels.end(), "Ah|rc|Jh|r") != labels.end());
}

TEST_CASE("leduc ranks: the size guard's node count is exact") {
  // The guard refuses trees above 50 million nodes from this count, so it must be right:
  // 1 + d + d (d - 1) (15 + 75 (d - 2)) nodes for two players.
  for (int ranks : {2, 5}) {
    const double d = 2.0 * ranks;
    const GameTree tree = make_builtin("leduc(ranks=" + std::to_string(ranks) + ")");
    CHECK(tree.num_nodes() == static_cast<int>(1 + d + d * (d - 1) * (15 + 75 * (d - 2))));
  }
  // Five ranks reach below the jack: T J Q K A.
  const CompiledGame five = compile(make_builtin("leduc(ranks=5)"));
  const auto& labels = five.treeplex[1].infoset_labels;
  CHECK(std::find(labels.begin(), labels.end(), "Ts|c") != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "As|c") != labels.end());
  // Three players and two ranks: four cards, just enough.
  const GameTree small = make_builtin("leduc(players=3,ranks=2)");
  CHECK(small.num_nodes() == 1 + 4 + 12 + 24 * (76 + 1075 * 1));
}

TEST_CASE("leduc ranks: out-of-range values are refused") {
  CHECK_THROWS_WITH_AS(make_builtin("leduc(ranks=1)"), doctest::Contains("ranks must be 0 (players+1) or from 2 to 13"),
                       UsageError);
  CHECK_THROWS_WITH_AS(make_builtin("leduc(ranks=14)"), doctest::Contains("ranks"), UsageError);
  CHECK_THROWS_AS(make_builtin("leduc(ranks=-1)"), UsageError);
  CHECK_THROWS_AS(make_builtin("leduc(ranks=two)"), UsageError);
  // Three players on thirteen ranks: about 390 million nodes, over the guard.
  CHECK_THROWS_WITH_AS(make_builtin("leduc(players=3,ranks=13)"), doctest::Contains("nodes"), UsageError);
}
