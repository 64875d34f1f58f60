// Liar's dice: sizes of the standard game, OpenSpiel's uniform NashConv, the wild rule,
// and the multinomial chance of several dice.
#include <doctest/doctest.h>

#include "games/builtin/builtin_checks.hpp"

using namespace eqlab;
using namespace eqlab::builtin_test;

TEST_CASE("liars_dice: one die of six faces") {
  GameTree tree = make_builtin("liars_dice");
  CHECK(tree.name == "liars_dice(dice=1,faces=6,wild=true)");
  CHECK(check_exact_numbers(tree) == 7);
  CompiledGame g = compile(tree);
  // Per player: 6 dice x 2048 bid histories of the right parity; 4095 bid histories x 36.
  CHECK(g.treeplex[0].num_infosets() + g.treeplex[1].num_infosets() == 24576);
  CHECK(g.treeplex[0].num_infosets() == 12288);
  CHECK(g.terminals.size() == 147420);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  // OpenSpiel's tabular best-response test publishes this for the uniform policy.
  CHECK(nash_conv(g, g.uniform_profile()) == doctest::Approx(1.561488646384479).epsilon(1e-12));

  const auto& labels = g.treeplex[1].infoset_labels;
  CHECK(std::find(labels.begin(), labels.end(), "3 1-2 1-5 2-1") != labels.end());
  // "liar" is not allowed first, and is the only move after the highest bid.
  const int first = follow(tree, {"3", "5"});
  CHECK(tree.infosets[tree.nodes[first].infoset].actions.size() == 12);
  CHECK(tree.infosets[tree.nodes[first].infoset].actions.front() == "1-1");
  const int top = follow(tree, {"3", "5", "2-6"});
  CHECK(tree.infosets[tree.nodes[top].infoset].actions == std::vector<std::string>{"liar"});
}

TEST_CASE("liars_dice: the highest face is wild, unless wild=false") {
  // Both roll 6; p0 bids two 1s and p1 calls: with wild sixes the bid holds.
  const std::vector<std::string> path{"6", "6", "2-1", "liar"};
  GameTree wild = make_builtin("liars_dice");
  auto u = wild.payoffs_of(follow(wild, path));
  CHECK(u[0].value == 1);
  CHECK(u[1].value == -1);
  GameTree plain = make_builtin("liars_dice(wild=false)");
  CHECK(plain.name == "liars_dice(dice=1,faces=6,wild=false)");
  u = plain.payoffs_of(follow(plain, path));
  CHECK(u[0].value == -1);
  CHECK(u[1].value == 1);
  // A six counts once for a bid on sixes; p1 bids and p0 calls: two 6s are not there.
  u = wild.payoffs_of(follow(wild, {"6", "2", "1-1", "2-6", "liar"}));
  CHECK(u[0].value == 1);
  CHECK(u[1].value == -1);
}

TEST_CASE("liars_dice: two dice per player, hands as sorted multisets") {
  GameTree tree = make_builtin("liars_dice(dice=2,faces=3)");
  check_exact_numbers(tree);
  // Hands of two 3-faced dice: 11 12 13 22 23 33, with chances 1/9 and 2/9.
  REQUIRE(tree.nodes[0].num_children == 6);
  CHECK(tree.action_label(0, 1) == "12");
  auto probs = tree.probs_of(0);
  CHECK((probs[0].num == 1 && probs[0].den == 9));
  CHECK((probs[1].num == 2 && probs[1].den == 9));
  CompiledGame g = compile(tree);
  CHECK(g.treeplex[0].num_infosets() == 6 * 2048);  // 12 bids: 4 dice x 3 faces
  CHECK(g.terminals.size() == 36 * 4095);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  // Three 1s among 11 and 13 (with 3 wild): true.
  auto u = tree.payoffs_of(follow(tree, {"11", "13", "3-1", "liar"}));
  CHECK(u[0].value == 1);
}
