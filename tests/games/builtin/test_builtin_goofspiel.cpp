// Goofspiel: sizes, the information structure of simultaneous bids, and the returns of
// fixed pure profiles worked out by hand.
#include <doctest/doctest.h>

#include <algorithm>

#include "games/builtin/builtin_checks.hpp"

using namespace eqlab;
using namespace eqlab::builtin_test;

namespace {

// Player p always bids its highest card (high[p]) or its lowest (actions are ascending).
Profile highest_or_lowest(const CompiledGame& g, const std::vector<bool>& high) {
  Profile x;
  for (int p = 0; p < g.num_players(); ++p) {
    const Treeplex& tp = g.treeplex[p];
    std::vector<double> behavioural(tp.num_sequences(), 0.0), plan(tp.num_sequences());
    for (int j = 0; j < tp.num_infosets(); ++j)
      behavioural[tp.first_seq[j] + (high[p] ? tp.num_actions[j] - 1 : 0)] = 1.0;
    tp.to_sequence_form(behavioural, plan);
    x.push_back(std::move(plan));
  }
  return x;
}

}  // namespace

TEST_CASE("goofspiel: sizes of the default game (4 cards, 2 players)") {
  GameTree tree = make_builtin("goofspiel");
  CHECK(tree.name == "goofspiel(cards=4,players=2,returns=win_loss)");
  CHECK(check_exact_numbers(tree) == 0);  // the point cards come in a fixed order
  CompiledGame g = compile(tree);
  for (int p = 0; p < 2; ++p) {
    // Infosets are (own earlier bids, winner of each round), counted independently.
    CHECK(g.treeplex[p].num_infosets() == 369);
    CHECK(g.treeplex[p].num_sequences() == 463);
  }
  CHECK(g.terminals.size() == 24 * 24);
  CHECK(tree.num_nodes() == 2229);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  for (double u : g.terminals.payoff) CHECK((u == -1 || u == 0 || u == 1));
  // By symmetry uniform play is worth 0.
  CHECK(g.expected_values(g.uniform_profile())[0] == doctest::Approx(0.0).epsilon(1e-12));
}

TEST_CASE("goofspiel: bids are simultaneous and private") {
  GameTree tree = make_builtin("goofspiel(cards=3)");
  CompiledGame g = compile(tree);
  // Player 1 bids for the first point card without seeing player 0's bid: one infoset.
  int first_round = 0;
  for (const std::string& label : g.treeplex[1].infoset_labels) first_round += label.starts_with("prize=3 ");
  CHECK(first_round == 1);
  CHECK(g.treeplex[1].infoset_labels[0] == "prize=3 bids= won=");
  // After p0 bids 3 and p1 bids 1, p0 knows only that it won: its next infoset is
  // "prize=2 bids=3 won=0", shared with the histories where p1 bid 2.
  const int a = follow(tree, {"3", "1"}), b = follow(tree, {"3", "2"});
  CHECK(tree.nodes[a].infoset == tree.nodes[b].infoset);
  CHECK(tree.infosets[tree.nodes[a].infoset].label == "prize=2 bids=3 won=0");
  CHECK(tree.infosets[tree.nodes[a].infoset].actions == std::vector<std::string>{"1", "2"});
  // A tie discards the point card and is seen as a tie.
  const int tie = follow(tree, {"2", "2"});
  CHECK(tree.infosets[tree.nodes[tie].infoset].label == "prize=2 bids=2 won=tie");
}

TEST_CASE("goofspiel: returns of a fixed profile, two players") {
  // p0 bids 4,3,2,1 and p1 bids 1,2,3,4: p0 wins 4 and 3, p1 wins 2 and 1: 7 to 3.
  for (const std::string returns : {"win_loss", "points"}) {
    CompiledGame g = compile(make_builtin("goofspiel(returns=" + returns + ")"));
    auto v = g.expected_values(highest_or_lowest(g, {true, false}));
    CHECK(v[0] == doctest::Approx(returns == "points" ? 2.0 : 1.0).epsilon(1e-12));
    CHECK(v[1] == doctest::Approx(returns == "points" ? -2.0 : -1.0).epsilon(1e-12));
  }
}

TEST_CASE("goofspiel: three players, exact shares") {
  // p0 and p2 bid 3,2,1, p1 bids 1,2,3: point card 3 tied (discarded), 2 tied, p1 wins 1.
  GameTree tree = make_builtin("goofspiel(cards=3,players=3,returns=points)");
  const int v = follow(tree, {"3", "1", "3", "2", "2", "2", "1", "3", "1"});
  REQUIRE(tree.nodes[v].kind == NodeKind::terminal);
  auto u = tree.payoffs_of(v);
  CHECK((u[0].num == -1 && u[0].den == 3));
  CHECK((u[1].num == 2 && u[1].den == 3));
  CHECK((u[2].num == -1 && u[2].den == 3));

  GameTree wl = make_builtin("goofspiel(players=3,cards=3)");
  auto w = wl.payoffs_of(follow(wl, {"3", "1", "3", "2", "2", "2", "1", "3", "1"}));
  CHECK(w[1].value == 1);
  CHECK((w[0].num == -1 && w[0].den == 2));
  // Everyone equal on points is a draw: all bid the same card every round.
  auto d = wl.payoffs_of(follow(wl, {"3", "3", "3", "2", "2", "2", "1", "1", "1"}));
  CHECK(d[0].value == 0);

  CompiledGame g = compile(wl);
  for (int p = 0; p < 3; ++p) CHECK(g.treeplex[p].num_infosets() == 62);
  CHECK(g.terminals.size() == 216);
  CHECK(g.zero_sum);
  auto values = g.expected_values(highest_or_lowest(g, {true, false, true}));
  CHECK(values[1] == doctest::Approx(1.0).epsilon(1e-12));
}
