// Exact contents of a few Gambit files, checked against numbers worked out by hand.
#include <doctest/doctest.h>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/gambit_lexer.hpp>
#include <eqlab/lib/error.hpp>

#include "io/test_gambit_util.hpp"

using namespace eqlab;
using namespace eqlab::test;

namespace {

std::vector<std::vector<Number>> terminal_payoffs(const GameTree& tree) {
  std::vector<std::vector<Number>> out;
  for (int v = 0; v < tree.num_nodes(); ++v)
    if (tree.nodes[v].kind == NodeKind::terminal) {
      auto u = tree.payoffs_of(v);
      out.emplace_back(u.begin(), u.end());
    }
  return out;
}

bool same(const Number& a, long long num, long long den = 1) {
  return a.exact && a.num == num && a.den == den;
}

std::vector<std::string> labels_of(const GameTree& tree, int player) {
  std::vector<std::string> out;
  for (const Infoset& i : tree.infosets)
    if (i.player == player) out.push_back(i.label);
  return out;
}

}  // namespace

TEST_CASE("Myerson's one-card poker (fig2_1.efg) is read exactly") {
  const LoadedGame game = load_gambit("catalog/books/myerson1991/fig2_1.efg");
  const GameTree& tree = game.tree;
  CHECK(game.name == "A simple Poker game");
  CHECK(tree.players == std::vector<std::string>{"Fred", "Alice"});
  CHECK(tree.num_nodes() == 11);
  int chance = 0, terminals = 0;
  for (const TreeNode& n : tree.nodes) {
    chance += n.kind == NodeKind::chance;
    terminals += n.kind == NodeKind::terminal;
  }
  CHECK(chance == 1);
  CHECK(terminals == 6);
  // Unnamed Gambit infosets are labelled by their numbers.
  CHECK(labels_of(tree, 0) == std::vector<std::string>{"#1", "#2"});
  CHECK(labels_of(tree, 1) == std::vector<std::string>{"#1"});
  CHECK(tree.infosets[0].actions == std::vector<std::string>{"Raise", "Fold"});
  CHECK(tree.infosets[1].actions == std::vector<std::string>{"Meet", "Pass"});
  REQUIRE(tree.nodes[0].kind == NodeKind::chance);
  CHECK(same(tree.probs_of(0)[0], 1, 2));
  CHECK(same(tree.probs_of(0)[1], 1, 2));
  CHECK(tree.action_label(0, 0) == "Red");
  CHECK(tree.action_label(0, 1) == "Black");

  const auto u = terminal_payoffs(tree);
  const long long expected[6][2] = {{2, -2}, {1, -1}, {1, -1}, {-2, 2}, {1, -1}, {-1, 1}};
  REQUIRE(u.size() == 6);
  for (int t = 0; t < 6; ++t) {
    CHECK(same(u[t][0], expected[t][0]));
    CHECK(same(u[t][1], expected[t][1]));
  }

  const CompiledGame g = compile(tree);
  CHECK(g.treeplex[0].num_infosets() == 2);
  CHECK(g.treeplex[1].num_infosets() == 1);
  CHECK(g.zero_sum);
  // Uniform play: red (1/2) gives Fred 1/2 (1/2 * 2 + 1/2 * 1) + 1/2 * 1 = 5/4, black gives
  // 1/2 (1/2 * -2 + 1/2 * 1) + 1/2 * -1 = -3/4; on average 1/4.
  const auto v = g.expected_values(g.uniform_profile());
  CHECK(v[0] == doctest::Approx(0.25).epsilon(1e-12));
  CHECK(v[1] == doctest::Approx(-0.25).epsilon(1e-12));
}

TEST_CASE("node names become node ids, and the uniform value of a small game") {
  const LoadedGame game = load_gambit("test_games/sample_extensive_game.efg");
  const GameTree& tree = game.tree;
  REQUIRE(tree.node_ids.size() == static_cast<std::size_t>(tree.num_nodes()));
  CHECK(tree.node_ids[0] == "1");
  CHECK(tree.node_ids[1] == "2");
  CHECK(tree.node_ids[4] == "3");
  CHECK(tree.node_ids[2].empty());
  CHECK(tree.describe(4) == "node \"3\"");
  // Player 1 moves 1: player 2's payoff-equal branches give (2, 3); move 2: (4, 5) or
  // (6, 7) uniformly, (5, 6). Averaged: (3.5, 4.5).
  const CompiledGame g = compile(tree);
  const auto v = g.expected_values(g.uniform_profile());
  CHECK(v[0] == doctest::Approx(3.5).epsilon(1e-12));
  CHECK(v[1] == doctest::Approx(4.5).epsilon(1e-12));
}

TEST_CASE("outcomes at inner nodes add up to the same terminal payoffs as their twins") {
  for (const char* base : {"two_player_perfect_info_win_lose", "chance_in_middle", "entry_accommodation"}) {
    INFO(base);
    const LoadedGame plain = load_gambit(std::string("test_games/") + base + ".efg");
    const LoadedGame staged = load_gambit(std::string("test_games/") + base + "_with_nonterm_outcomes.efg");
    REQUIRE(plain.tree.num_nodes() == staged.tree.num_nodes());
    const auto a = terminal_payoffs(plain.tree);
    const auto b = terminal_payoffs(staged.tree);
    REQUIRE(a.size() == b.size());
    for (std::size_t t = 0; t < a.size(); ++t)
      for (std::size_t p = 0; p < a[t].size(); ++p) {
        CHECK(a[t][p].exact);
        CHECK(b[t][p].exact);
        CHECK(a[t][p].num == b[t][p].num);
        CHECK(a[t][p].den == b[t][p].den);
      }
  }
  // The staged win-lose file's first terminal carries (101, -51) under an inner outcome
  // of (-100, 50): the sum is (1, -1).
  const std::string text = read_text(kGambitData + "/test_games/two_player_perfect_info_win_lose_with_nonterm_outcomes.efg");
  CHECK(text.find("{ -100, 50 }") != std::string::npos);
  CHECK(text.find("{ 101, -51 }") != std::string::npos);
  const auto u = terminal_payoffs(load_gambit("test_games/two_player_perfect_info_win_lose_with_nonterm_outcomes.efg").tree);
  CHECK(same(u[0][0], 1));
  CHECK(same(u[0][1], -1));
  CHECK(same(u[1][0], -1));
}

TEST_CASE("decimal payoffs such as .80 are read exactly") {
  const auto u = terminal_payoffs(load_gambit("contrib/cent3.efg").tree);
  CHECK(same(u[0][0], 4, 5));
  CHECK(same(u[0][1], 1, 5));
}

TEST_CASE("2x2x2.nfg: outcome numbers in Gambit's order land on the right profiles") {
  const LoadedGame game = load_gambit("contrib/2x2x2.nfg");
  REQUIRE(game.normal);
  const NormalGame& g = *game.normal;
  CHECK(game.type == "normal");
  CHECK(g.players == std::vector<std::string>{"Player 1", "Player 2", "Player 3"});
  // Outcome k (1-based) belongs to Gambit profile k-1 = s1 + 2 s2 + 4 s3.
  auto payoff = [&](std::vector<int> s, int p) { return g.payoffs[g.profile_index(s) * 3 + p]; };
  const struct {
    std::vector<int> profile;
    long long u[3];
  } cases[] = {{{0, 0, 0}, {9, 8, 12}}, {{1, 0, 0}, {0, 0, 0}}, {{1, 1, 0}, {9, 8, 2}},
               {{1, 0, 1}, {3, 4, 6}},  {{0, 1, 1}, {3, 4, 6}}, {{1, 1, 1}, {0, 0, 0}}};
  for (const auto& c : cases)
    for (int p = 0; p < 3; ++p) CHECK(same(payoff(c.profile, p), c.u[p]));
  // The tree made from it has the same values: uniform play averages the 8 outcomes.
  const CompiledGame compiled = compile(game.tree);
  const auto v = compiled.expected_values(compiled.uniform_profile());
  CHECK(v[0] == doctest::Approx(3.0));
  CHECK(v[1] == doctest::Approx(3.0));
  CHECK(v[2] == doctest::Approx(3.25));
}

TEST_CASE("payoff-version .nfg: player 1 varies fastest; an empty title names the game by its file") {
  const LoadedGame game = load_gambit("test_games/mixed_strategy.nfg");
  REQUIRE(game.normal);
  const NormalGame& g = *game.normal;
  CHECK(game.name == "mixed_strategy.nfg");
  CHECK(game.tree.name == "mixed_strategy.nfg");
  CHECK(g.actions == std::vector<std::vector<std::string>>{{"1", "2", "3"}, {"1", "2"}});
  // File: 1 1 | 0 2 | 0 2 | 1 1 | 0 3 | 2 0 for (1,1) (2,1) (3,1) (1,2) (2,2) (3,2).
  const long long expected[3][2][2] = {{{1, 1}, {1, 1}}, {{0, 2}, {0, 3}}, {{0, 2}, {2, 0}}};
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 2; ++b)
      for (int p = 0; p < 2; ++p) CHECK(same(g.payoffs[g.profile_index({a, b}) * 2 + p], expected[a][b][p]));
}

TEST_CASE("strategy names with a bare payoff list (von Stengel's 6x6 game)") {
  const LoadedGame game = load_gambit("catalog/journals/dcg/vonstengel1999/6x6_game_with_75_eq.nfg");
  REQUIRE(game.normal);
  const NormalGame& g = *game.normal;
  CHECK(g.actions[0].size() == 6);
  CHECK(g.actions[0][5] == "6");
  CHECK(same(g.payoffs[g.profile_index({0, 0}) * 2 + 0], 9504));
  CHECK(same(g.payoffs[g.profile_index({0, 0}) * 2 + 1], 72336));
  CHECK(same(g.payoffs[g.profile_index({1, 0}) * 2 + 0], -111771));
  CHECK(same(g.payoffs[g.profile_index({0, 1}) * 2 + 0], -660));
  CHECK(same(g.payoffs[g.profile_index({0, 1}) * 2 + 1], 48081));
  CHECK(same(g.payoffs[g.profile_index({5, 5}) * 2 + 1], 31680));
}

TEST_CASE("the outcome and payoff versions of the 4x4 coordination game agree") {
  const LoadedGame out = load_gambit("test_games/coordination_4x4_outcome.nfg");
  const LoadedGame pay = load_gambit("test_games/coordination_4x4_payoff.nfg");
  REQUIRE(out.normal);
  REQUIRE(pay.normal);
  CHECK(out.normal->actions[0] == std::vector<std::string>{"1-1", "1-2", "1-3", "1-4"});
  CHECK(pay.normal->actions[1] == std::vector<std::string>{"1", "2", "3", "4"});
  REQUIRE(out.normal->payoffs.size() == 32);
  REQUIRE(pay.normal->payoffs.size() == 32);
  for (std::size_t k = 0; k < 32; ++k) {
    CHECK(out.normal->payoffs[k].num == pay.normal->payoffs[k].num);
    CHECK(out.normal->payoffs[k].den == pay.normal->payoffs[k].den);
  }
  for (int a = 0; a < 4; ++a)
    for (int b = 0; b < 4; ++b)
      CHECK(same(out.normal->payoffs[out.normal->profile_index({a, b}) * 2], a == b ? 1 : 0));
}

TEST_CASE("unique_labels keeps distinct names and numbers the rest without collisions") {
  using gambit::unique_labels;
  using Labels = std::vector<std::string>;
  // Distinct non-empty names are all kept, even when they look like other items' numbers.
  CHECK(unique_labels({"2", "1"}, {1, 2}, "") == Labels{"2", "1"});
  CHECK(unique_labels({"Player 2", "Player 1"}, {1, 2}, "Player ") == Labels{"Player 2", "Player 1"});
  CHECK(unique_labels({"#7"}, {7}, "#") == Labels{"#7"});
  CHECK(unique_labels({"#2", "#1", "x"}, {1, 2, 3}, "#") == Labels{"#2", "#1", "x"});
  // Empty and repeated names are numbered; a number that a kept name holds gets a '.
  CHECK(unique_labels({"", "2", "b"}, {1, 2, 3}, "") == Labels{"1", "2", "b"});
  CHECK(unique_labels({"2", ""}, {1, 2}, "") == Labels{"2", "2'"});
  CHECK(unique_labels({"a", "a", "", "#2", "x"}, {1, 2, 3, 4, 5}, "#") == Labels{"#1", "#2'", "#3", "#2", "x"});
  CHECK(unique_labels({"", "1", "1'"}, {1, 2, 3}, "") == Labels{"1''", "1", "1'"});
  CHECK(unique_labels({"", ""}, {1, 2}, "") == Labels{"1", "2"});
}

TEST_CASE("files current Gambit refuses still load, as documented") {
  // Repeated node names are just names: only nodes whose name is unique get an id.
  const LoadedGame nim = load_gambit("rejected_by_gambit17/nim.efg");
  CHECK(nim.tree.node_ids[0] == "5 left");
  int ids = 0;
  for (const std::string& id : nim.tree.node_ids) {
    ids += !id.empty();
    CHECK(id != "1 left");
  }
  CHECK(ids == 3);
  CHECK_NOTHROW(compile(nim.tree));
  for (const char* f : {"4cards.efg", "caro2.efg", "e10.efg", "e10a.efg", "nim7.efg"}) {
    INFO(f);
    CHECK_NOTHROW(compile(load_gambit(std::string("rejected_by_gambit17/") + f).tree));
  }
  // Two infosets of one player sharing a name are labelled by their numbers instead.
  const LoadedGame coord = load_gambit("rejected_by_gambit17/coord2ts.efg");
  CHECK(labels_of(coord.tree, 0) == std::vector<std::string>{"#1", "#2"});
  CHECK(labels_of(coord.tree, 1) == std::vector<std::string>{"#1", "#2"});
  CHECK_NOTHROW(compile(coord.tree));
  // holdout.efg loads, but one of player 2's infosets is met twice on a path.
  const LoadedGame holdout = load_gambit("rejected_by_gambit17/holdout.efg");
  std::string message;
  try {
    compile(holdout.tree);
  } catch (const InputError& e) {
    message = e.what();
  }
  CHECK(message.find("imperfect recall: infoset \"#8\" of player 1") != std::string::npos);
}
