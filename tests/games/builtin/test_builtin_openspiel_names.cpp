// OpenSpiel's names for the built-in games: each OpenSpiel spec resolves to eqlab's game
// under eqlab's canonical name, the game has the sizes OpenSpiel counts for it, and
// OpenSpiel values eqlab does not build are refused, saying why.
//
// OpenSpiel counts infosets over all players (its information state strings) and
// terminals as terminal histories; here infosets are the sum over players of the compiled
// game's treeplex infosets and terminals the compiled game's terminals.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "games/builtin/builtin_checks.hpp"

using namespace eqlab;
using namespace eqlab::builtin_test;

namespace {

int total_infosets(const CompiledGame& g) {
  int total = 0;
  for (int p = 0; p < g.num_players(); ++p) total += g.treeplex[p].num_infosets();
  return total;
}

// Infosets with at least two actions: the decisions OpenSpiel asks for.
int infosets_with_a_choice(const CompiledGame& g) {
  int total = 0;
  for (int p = 0; p < g.num_players(); ++p)
    for (int j = 0; j < g.treeplex[p].num_infosets(); ++j) total += g.treeplex[p].num_actions[j] >= 2;
  return total;
}

}  // namespace

TEST_CASE("openspiel names: kuhn_poker is kuhn, 12 infosets and 30 terminals as OpenSpiel counts") {
  CHECK(is_builtin_spec("kuhn_poker"));
  CHECK(is_builtin_spec("kuhn_poker(players=3)"));
  const GameTree tree = make_builtin("kuhn_poker");
  CHECK(tree.name == "kuhn(players=2)");
  const CompiledGame g = compile(tree);
  CHECK(total_infosets(g) == 12);
  CHECK(g.terminals.size() == 30);
  CHECK(make_builtin("kuhn_poker(players=2)").name == "kuhn(players=2)");
  CHECK(make_builtin(" kuhn_poker ( players = 3 ) ").name == "kuhn(players=3)");
}

TEST_CASE("openspiel names: leduc_poker is leduc, 936 infosets and 5,520 terminals as OpenSpiel counts") {
  CHECK(is_builtin_spec("leduc_poker"));
  const GameTree tree = make_builtin("leduc_poker");
  CHECK(tree.name == "leduc(players=2)");
  const CompiledGame g = compile(tree);
  CHECK(total_infosets(g) == 936);
  CHECK(g.terminals.size() == 5520);
  // OpenSpiel's other parameters at the values eqlab builds (their defaults).
  CHECK(make_builtin("leduc_poker(players=2,action_mapping=false,suit_isomorphism=false,starting_player=0)").name ==
        "leduc(players=2)");
  CHECK(make_builtin("leduc_poker(players=3)").name == "leduc(players=3)");
}

TEST_CASE("openspiel names: liars_dice(numdice=1,dice_sides=6,players=2), 24,576 infosets and 147,420 terminals") {
  const GameTree tree = make_builtin("liars_dice(numdice=1,dice_sides=6,players=2)");
  CHECK(tree.name == "liars_dice(dice=1,faces=6,wild=true)");
  const CompiledGame g = compile(tree);
  CHECK(total_infosets(g) == 24576);
  CHECK(g.terminals.size() == 147420);
  CHECK(make_builtin("liars_dice(players=2)").name == "liars_dice(dice=1,faces=6,wild=true)");
  CHECK(make_builtin("liars_dice(bidding_rule=reset-face,dice_sides=4)").name == "liars_dice(dice=1,faces=4,wild=true)");
}

TEST_CASE("openspiel names: goofspiel with 4 cards, imperfect information, descending points, turn-based") {
  const std::string spec = "goofspiel(num_cards=4,imp_info=true,points_order=descending,players=2)";
  const GameTree tree = make_builtin(spec);
  CHECK(tree.name == "goofspiel(cards=4,players=2,returns=win_loss)");
  const CompiledGame g = compile(tree);
  CHECK(g.terminals.size() == 576);  // OpenSpiel's count: 4! x 4! bid orders
  // OpenSpiel counts 162 infosets: it plays the last card (no choice left) by itself,
  // while eqlab keeps each player's last bid as a decision with one action. So eqlab has
  // 738 infosets (369 per player): OpenSpiel's 162, which have a choice, and 576 with a
  // single action (288 per player, one per record of the first three rounds the player
  // can have). The one-action infosets change no value, regret or average strategy.
  CHECK(total_infosets(g) == 738);
  CHECK(infosets_with_a_choice(g) == 162);
  CHECK(total_infosets(g) - infosets_with_a_choice(g) == 576);
  // The same game under OpenSpiel's other parameters at the values eqlab builds.
  CHECK(make_builtin("goofspiel(num_cards=4,imp_info=true,points_order=descending,num_turns=-1,egocentric=true,"
                     "returns_type=win_loss)")
            .name == "goofspiel(cards=4,players=2,returns=win_loss)");
  CHECK(make_builtin("goofspiel(num_cards=3,imp_info=true,points_order=descending,num_turns=3,players=3,"
                     "returns_type=point_difference)")
            .name == "goofspiel(cards=3,players=3,returns=points)");
  // eqlab's own spec is read as before: players is a parameter of both namings.
  CHECK(make_builtin("goofspiel(players=3)").name == "goofspiel(cards=4,players=3,returns=win_loss)");
}

TEST_CASE("openspiel names: sheriff and battleship, with the sizes OpenSpiel's tests publish") {
  // OpenSpiel's sheriff_test: max_bribe 3, max_items 5, 2 rounds: 55 / 36 infosets,
  // 223 / 73 sequences, 384 terminal states.
  GameTree tree = make_builtin("sheriff(max_items=5,num_rounds=2)");
  CHECK(tree.name == "sheriff(max_items=5,max_bribe=3,rounds=2,item_value=1,item_penalty=2,sheriff_penalty=3)");
  CompiledGame g = compile(tree);
  CHECK(g.treeplex[0].num_infosets() == 55);
  CHECK(g.treeplex[1].num_infosets() == 36);
  CHECK(g.treeplex[0].num_sequences() == 223);
  CHECK(g.treeplex[1].num_sequences() == 73);
  CHECK(g.terminals.size() == 384);
  // OpenSpiel's defaults are eqlab's.
  CHECK(make_builtin("sheriff(num_rounds=4)").name == make_builtin("sheriff").name);
  CHECK(make_builtin("sheriff(item_value=1.5,num_rounds=1)").name ==
        "sheriff(max_items=3,max_bribe=3,rounds=1,item_value=1.5,item_penalty=2,sheriff_penalty=3)");

  // OpenSpiel's battleship_test: a 2 x 2 grid, ship_sizes [1], 2 shots, no repeated shots:
  // 53 / 109 infosets, 165 / 341 sequences, 1,072 terminal states.
  tree = make_builtin(
      "battleship(board_width=2,board_height=2,ship_sizes=[1],ship_values=[1.0],num_shots=2,"
      "allow_repeated_shots=false,loss_multiplier=2.0)");
  CHECK(tree.name == "battleship(width=2,height=2,ship_length=1,shots=2,loss_multiplier=2)");
  g = compile(tree);
  CHECK(g.treeplex[0].num_infosets() == 53);
  CHECK(g.treeplex[1].num_infosets() == 109);
  CHECK(g.treeplex[0].num_sequences() == 165);
  CHECK(g.treeplex[1].num_sequences() == 341);
  CHECK(g.terminals.size() == 1072);
  // OpenSpiel's TestNashEquilibriumInSmallBoard: a 3 x 1 board, one ship of size 1, two
  // shots each, loss multiplier 2: uniform play is a Nash equilibrium worth -1/9 and -7/9.
  g = compile(make_builtin(
      "battleship(board_width=3,board_height=1,ship_sizes=[1],ship_values=[1],num_shots=2,"
      "allow_repeated_shots=false,loss_multiplier=2)"));
  const Profile uniform = g.uniform_profile();
  const std::vector<double> v = g.expected_values(uniform);
  CHECK(v[0] == doctest::Approx(-1.0 / 9).epsilon(1e-12));
  CHECK(v[1] == doctest::Approx(-7.0 / 9).epsilon(1e-12));
  CHECK(std::abs(nash_conv(g, uniform)) < 1e-12);
}

TEST_CASE("openspiel names: each game's listed OpenSpiel spec builds eqlab's default game") {
  int listed = 0;
  for (const BuiltinGameInfo& game : builtin_games()) {
    const BuiltinOpenSpiel* os = builtin_openspiel(game.name);
    CAPTURE(game.name);
    if (game.name == "random") {
      CHECK(os == nullptr);
      continue;
    }
    REQUIRE(os != nullptr);
    ++listed;
    CHECK(os->game == game.name);
    CHECK(make_builtin(os->equals).name == make_builtin(game.name).name);
    // Every parameter says what OpenSpiel calls it.
    for (const BuiltinParam& p : game.params) {
      CAPTURE(p.name);
      bool found = false;
      for (const auto& entry : os->params) found = found || entry.first == p.name;
      CHECK(found);
    }
  }
  CHECK(listed == 6);
  CHECK(builtin_openspiel("kuhn")->equals == "kuhn_poker");
  CHECK(builtin_openspiel("goofspiel")->equals == "goofspiel(imp_info=true,num_cards=4,points_order=descending)");
}

TEST_CASE("openspiel names: values eqlab does not build are refused, saying why") {
  // OpenSpiel's defaults apply to what a spec in OpenSpiel's naming leaves out.
  CHECK(refusal("goofspiel(num_cards=4)") ==
        "goofspiel: OpenSpiel's imp_info=false (its default) is not available: eqlab's goofspiel is the game "
        "with imperfect information (imp_info=true)");
  CHECK(refusal("goofspiel(num_cards=4,imp_info=true)") ==
        "goofspiel: OpenSpiel's points_order=random (its default) is not available: eqlab's goofspiel reveals "
        "the point cards in descending order (points_order=descending)");
  CHECK(refusal("goofspiel(imp_info=true,points_order=descending)") ==
        "goofspiel: OpenSpiel's num_cards=13 (its default) is not available: eqlab's parameter cards must be an "
        "integer from 1 to 12");
  CHECK(refusal("goofspiel(num_cards=4,imp_info=true,points_order=ascending)") ==
        "goofspiel: OpenSpiel's points_order=ascending is not available: eqlab's goofspiel reveals the point "
        "cards in descending order (points_order=descending)");
  CHECK(refusal("goofspiel(num_cards=4,imp_info=true,points_order=descending,returns_type=total_points)") ==
        "goofspiel: OpenSpiel's returns_type=total_points is not available: eqlab's goofspiel offers "
        "returns_type=win_loss and returns_type=point_difference");
  CHECK(refusal("goofspiel(num_cards=4,imp_info=true,points_order=descending,num_turns=2)") ==
        "goofspiel: OpenSpiel's num_turns=2 is not available: eqlab's goofspiel plays every card "
        "(num_turns=-1, or num_turns=num_cards)");
  CHECK(refusal("goofspiel(cards=4,num_cards=4)") ==
        "goofspiel: OpenSpiel's parameters (num_cards) and eqlab's (cards) in one spec; give the game in one "
        "naming or the other");
  CHECK(refusal("kuhn_poker(players=4)") ==
        "kuhn_poker: OpenSpiel's players=4 is not available: eqlab's parameter players must be an integer "
        "from 2 to 3");
  CHECK(refusal("kuhn_poker(cards=3)") == "kuhn_poker: unknown parameter \"cards\"; its parameters are players");
  CHECK(refusal("leduc_poker(ranks=3)") ==
        "leduc_poker: unknown parameter \"ranks\"; its parameters are players, action_mapping, suit_isomorphism, "
        "starting_player");
  CHECK(refusal("leduc_poker(suit_isomorphism=true)") ==
        "leduc_poker: OpenSpiel's suit_isomorphism=true is not available: suit_isomorphism=true deals ranks, "
        "not cards; eqlab's leduc tells the suits apart (suit_isomorphism=false)");
  CHECK(refusal("leduc_poker(action_mapping=true)").starts_with(
      "leduc_poker: OpenSpiel's action_mapping=true is not available: "));
  CHECK(refusal("leduc_poker(starting_player=1)").starts_with(
      "leduc_poker: OpenSpiel's starting_player=1 is not available: "));
  CHECK(refusal("liars_dice(players=3)") ==
        "liars_dice: OpenSpiel's players=3 is not available: eqlab's liars_dice is for two players");
  CHECK(refusal("liars_dice(bidding_rule=reset-quantity)") ==
        "liars_dice: OpenSpiel's bidding_rule=reset-quantity is not available: eqlab's bids rise quantity first "
        "(bidding_rule=reset-face)");
  CHECK(refusal("liars_dice(numdice=1,faces=6)") ==
        "liars_dice: OpenSpiel's parameters (numdice) and eqlab's (faces) in one spec; give the game in one "
        "naming or the other");
  CHECK(refusal("sheriff(num_rounds=2,rounds=2)") ==
        "sheriff: OpenSpiel's parameters (num_rounds) and eqlab's (rounds) in one spec; give the game in one "
        "naming or the other");
  CHECK(refusal("battleship(board_width=2,board_height=2)") ==
        "battleship: OpenSpiel's ship_sizes=[2;3;3;4;5] (its default) is not available: eqlab's battleship has "
        "one ship per player: ship_sizes=[length]");
  CHECK(refusal("battleship(board_width=2,board_height=2,ship_sizes=[1])") ==
        "battleship: OpenSpiel's ship_values=[1.0;1.0;1.0;1.0;1.0] (its default) is not available: eqlab's "
        "battleship has one ship of value 1 per player: ship_values=[1]");
  CHECK(refusal("battleship(board_width=2,board_height=2,ship_sizes=[1],ship_values=[2])").starts_with(
      "battleship: OpenSpiel's ship_values=[2] is not available: "));
  CHECK(refusal("battleship(board_width=2,board_height=2,ship_sizes=[1],ship_values=[1],num_shots=2)") ==
        "battleship: OpenSpiel's allow_repeated_shots=true (its default) is not available: eqlab's battleship "
        "never shoots twice at a cell (allow_repeated_shots=false)");
  // eqlab's own specs are refused as before, with eqlab's parameters.
  CHECK(refusal("goofspiel(card=3)") == "goofspiel: unknown parameter \"card\"; its parameters are cards, players, returns");
  CHECK(refusal("goofspiel(cards=3").starts_with("malformed game spec \"goofspiel(cards=3\": expected goofspiel or "
                                                 "goofspiel(key=value,...) with keys cards, players, returns"));
  CHECK(refusal("kuhn_poker(players=3").starts_with("malformed game spec \"kuhn_poker(players=3\": expected "
                                                    "kuhn_poker or kuhn_poker(key=value,...) with keys players"));
}
