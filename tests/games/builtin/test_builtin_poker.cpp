// Kuhn and Leduc poker: sizes, exact numbers, values of known profiles, and the NashConv
// of the uniform profile, which OpenSpiel's best-response tests publish for the same
// rules (algorithms/tabular_best_response_mdp_test.cc).
#include <doctest/doctest.h>

#include <map>

#include "games/builtin/builtin_checks.hpp"

using namespace eqlab;
using namespace eqlab::builtin_test;

TEST_CASE("kuhn: sizes, labels and exact chance for two players") {
  GameTree tree = make_builtin("kuhn");
  CHECK(tree.name == "kuhn(players=2)");
  CHECK(tree.players == std::vector<std::string>{"p0", "p1"});
  CHECK(check_exact_numbers(tree) == 4);  // one deal to p0, three deals to p1
  CompiledGame g = compile(tree);
  for (int p = 0; p < 2; ++p) {
    CHECK(g.treeplex[p].num_infosets() == 6);
    CHECK(g.treeplex[p].num_sequences() == 13);
  }
  CHECK(g.terminals.size() == 30);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  const auto& p0 = g.treeplex[0].infoset_labels;
  CHECK(std::find(p0.begin(), p0.end(), "K") != p0.end());
  CHECK(std::find(p0.begin(), p0.end(), "Jpb") != p0.end());
  CHECK(g.treeplex[1].infoset_labels.size() == 6);
  CHECK(g.treeplex[0].action_labels[1] == "pass");
  CHECK(g.treeplex[0].action_labels[2] == "bet");
}

TEST_CASE("kuhn: uniform play is worth 1/8 to player 0 (by hand)") {
  // Per deal: pp 1/4, pbp 1/8, pbb 1/8, bp 1/4, bb 1/4. Holding the higher card player 0
  // gets 1/4 - 1/8 + 2/8 + 1/4 + 2/4 = 9/8, holding the lower card
  // -1/4 - 1/8 - 2/8 + 1/4 - 2/4 = -7/8; each half the time: 1/8.
  CompiledGame g = compile(make_builtin("kuhn"));
  auto v = g.expected_values(g.uniform_profile());
  CHECK(v[0] == doctest::Approx(0.125).epsilon(1e-12));
  CHECK(v[1] == doctest::Approx(-0.125).epsilon(1e-12));
  CHECK(nash_conv(g, g.uniform_profile()) == doctest::Approx(0.916666666666667).epsilon(1e-12));
}

TEST_CASE("kuhn: Kuhn's equilibrium (alpha = 0) is worth -1/18 and nobody gains by deviating") {
  CompiledGame g = compile(make_builtin("kuhn"));
  // Probability of "bet" (= call when facing a bet) at each infoset.
  const std::map<std::string, double> bet[2] = {
      {{"J", 0}, {"Q", 0}, {"K", 0}, {"Jpb", 0}, {"Qpb", 1.0 / 3}, {"Kpb", 1}},
      {{"Jp", 1.0 / 3}, {"Qp", 0}, {"Kp", 1}, {"Jb", 0}, {"Qb", 1.0 / 3}, {"Kb", 1}}};
  Profile x = behavioural_profile(g, [&](int p, const std::string& infoset, const std::string& action) {
    const double b = bet[p].at(infoset);
    return action == "bet" ? b : 1.0 - b;
  });
  auto v = g.expected_values(x);
  CHECK(v[0] == doctest::Approx(-1.0 / 18).epsilon(1e-12));
  CHECK(std::abs(nash_conv(g, x)) < 1e-12);
}

TEST_CASE("kuhn: three players") {
  GameTree tree = make_builtin("kuhn(players=3)");
  CHECK(tree.name == "kuhn(players=3)");
  CHECK(check_exact_numbers(tree) == 1 + 4 + 12);
  CompiledGame g = compile(tree);
  // Four cards, four decision points per player: 48 infosets, as OpenSpiel.
  for (int p = 0; p < 3; ++p) {
    CHECK(g.treeplex[p].num_infosets() == 16);
    CHECK(g.treeplex[p].num_sequences() == 33);
  }
  CHECK(g.terminals.size() == 24 * 13);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(nash_conv(g, g.uniform_profile()) == doctest::Approx(2.0625).epsilon(1e-12));

  // Passes round to player 1, who bets; player 0 (holding A) calls, player 2 (K) folds:
  // player 0 wins the pot of 5 having put in 2.
  const int v = follow(tree, {"A", "J", "K", "pass", "bet", "pass", "bet"});
  REQUIRE(tree.nodes[v].kind == NodeKind::terminal);
  auto u = tree.payoffs_of(v);
  CHECK(u[0].value == 3);
  CHECK(u[1].value == -2);
  CHECK(u[2].value == -1);
}

TEST_CASE("leduc: two-player sizes, showdown rules and OpenSpiel's uniform NashConv") {
  GameTree tree = make_builtin("leduc");
  CHECK(tree.name == "leduc(players=2)");
  check_exact_numbers(tree);
  CompiledGame g = compile(tree);
  CHECK(g.treeplex[0].num_infosets() + g.treeplex[1].num_infosets() == 936);
  CHECK(g.treeplex[0].num_infosets() == 468);
  CHECK(g.treeplex[0].num_sequences() == 1093);
  CHECK(g.terminals.size() == 5520);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(nash_conv(g, g.uniform_profile()) == doctest::Approx(4.747222222222222).epsilon(1e-12));
  const auto& labels = g.treeplex[1].infoset_labels;
  CHECK(std::find(labels.begin(), labels.end(), "Ks|rc|Jh|r") != labels.end());

  // A pair with the public card beats a higher card: p0 Js, p1 Ks, public Jh, both
  // check through: p0 wins the antes.
  int v = follow(tree, {"Js", "Ks", "call", "call", "Jh", "call", "call"});
  REQUIRE(tree.nodes[v].kind == NodeKind::terminal);
  CHECK(tree.payoffs_of(v)[0].value == 1);
  // Equal ranks split: p0 Qs, p1 Qh, public Kh, raise-call then raise-call: 0 each.
  v = follow(tree, {"Qs", "Qh", "raise", "call", "Kh", "raise", "call"});
  CHECK(tree.payoffs_of(v)[0].value == 0);
  // Otherwise the higher card: p0 Ks vs p1 Qs, public Jh, r r c then c c: 1 + 4 = 5.
  v = follow(tree, {"Ks", "Qs", "raise", "raise", "call", "Jh", "call", "call"});
  CHECK(tree.payoffs_of(v)[0].value == 5);
  // Folding to a raise loses what was put in: p0 raises, p1 re-raises, p0 folds: -3.
  v = follow(tree, {"Ks", "Qs", "raise", "raise", "fold"});
  CHECK(tree.payoffs_of(v)[0].value == -3);
  // No fold without a bet to face, and no third raise in a round.
  const int first = follow(tree, {"Ks", "Qs"});
  CHECK(tree.infosets[tree.nodes[first].infoset].actions == std::vector<std::string>{"call", "raise"});
  const int capped = follow(tree, {"Ks", "Qs", "raise", "raise"});
  CHECK(tree.infosets[tree.nodes[capped].infoset].actions == std::vector<std::string>{"fold", "call"});
}

TEST_CASE("leduc: three players") {
  GameTree tree = make_builtin("leduc(players=3)");
  CompiledGame g = compile(tree);
  for (int p = 0; p < 3; ++p) {
    CHECK(g.treeplex[p].num_infosets() == 8600);
    CHECK(g.treeplex[p].num_sequences() == 19689);
  }
  CHECK(g.terminals.size() == 1043952);
  CHECK(tree.num_nodes() == 1831601);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-9));
  CHECK(nash_conv(g, g.uniform_profile()) == doctest::Approx(12.611221340388003).epsilon(1e-10));

  // A folded player is skipped in round 2, and a split pot among two is rational:
  // p0 raises, p1 calls, p2 folds; round 2 both check; p0 and p1 hold kings: 3 each
  // in a pot of 7, 7/2 back each.
  const int v = follow(tree, {"Ks", "Kh", "Js", "raise", "call", "fold", "Qs", "call", "call"});
  REQUIRE(tree.nodes[v].kind == NodeKind::terminal);
  auto u = tree.payoffs_of(v);
  CHECK(u[0].num == 1);
  CHECK(u[0].den == 2);
  CHECK(u[2].value == -1);
}
