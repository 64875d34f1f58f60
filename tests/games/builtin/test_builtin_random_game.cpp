// The random game generator: determinism by seed, shape, payoff rules and perfect recall.
#include <doctest/doctest.h>

#include <cmath>

#include "games/builtin/builtin_checks.hpp"

using namespace eqlab;
using namespace eqlab::builtin_test;

namespace {

bool same_number(const Number& a, const Number& b) {
  return a.exact == b.exact && a.num == b.num && a.den == b.den && a.value == b.value;
}

bool same_tree(const GameTree& a, const GameTree& b) {
  if (a.num_nodes() != b.num_nodes() || a.infosets.size() != b.infosets.size() ||
      a.chance_probs.size() != b.chance_probs.size() || a.payoffs.size() != b.payoffs.size())
    return false;
  for (int v = 0; v < a.num_nodes(); ++v) {
    const TreeNode &x = a.nodes[v], &y = b.nodes[v];
    if (x.kind != y.kind || x.player != y.player || x.infoset != y.infoset || x.parent != y.parent ||
        x.parent_edge != y.parent_edge || x.num_children != y.num_children || x.data != y.data)
      return false;
  }
  for (std::size_t k = 0; k < a.infosets.size(); ++k)
    if (a.infosets[k].player != b.infosets[k].player || a.infosets[k].label != b.infosets[k].label ||
        a.infosets[k].actions != b.infosets[k].actions)
      return false;
  for (std::size_t k = 0; k < a.chance_probs.size(); ++k)
    if (!same_number(a.chance_probs[k], b.chance_probs[k])) return false;
  for (std::size_t k = 0; k < a.payoffs.size(); ++k)
    if (!same_number(a.payoffs[k], b.payoffs[k])) return false;
  return true;
}

}  // namespace

TEST_CASE("random: the same seed gives the same game, another seed another game") {
  const std::string spec = "random(players=3,depth=5,seed=7)";
  GameTree a = make_builtin(spec), b = make_builtin(spec);
  CHECK(a.name == "random(players=3,depth=5,branching=2,chance=0.2,zero_sum=true,seed=7)");
  CHECK(same_tree(a, b));
  CHECK(!same_tree(a, make_builtin("random(players=3,depth=5,seed=8)")));
  CHECK(!same_tree(make_builtin("random(depth=6,seed=0)"), make_builtin("random(depth=6,seed=1)")));
}

TEST_CASE("random: shape, exact numbers and payoff rules") {
  GameTree tree = make_builtin("random(depth=5,branching=3,chance=0.3,seed=11)");
  check_exact_numbers(tree);
  CHECK(tree.num_nodes() == (243 * 3 - 1) / 2);  // 1 + 3 + ... + 3^5
  // Every path has exactly `depth` moves.
  std::vector<int> depth(tree.num_nodes(), 0);
  int wrong_depth = 0;
  for (int v = 1; v < tree.num_nodes(); ++v) depth[v] = depth[tree.nodes[v].parent] + 1;
  for (int v = 0; v < tree.num_nodes(); ++v)
    wrong_depth += (tree.nodes[v].kind == NodeKind::terminal) != (depth[v] == 5);
  CHECK(wrong_depth == 0);
  CompiledGame g = compile(tree);
  CHECK(g.terminals.size() == 243);
  CHECK(g.zero_sum);
  CHECK(total_reach(g) == doctest::Approx(1.0).epsilon(1e-12));
  for (double u : g.terminals.payoff) CHECK(std::abs(u) <= 5.0);
  // Imperfect information: some infosets hold several nodes.
  int decision_nodes = 0;
  for (const TreeNode& node : tree.nodes) decision_nodes += node.kind == NodeKind::decision;
  CHECK(decision_nodes > g.num_infosets());

  CompiledGame general = compile(make_builtin("random(depth=5,branching=3,zero_sum=false,seed=11)"));
  CHECK(!general.zero_sum);
  int integral = 0;
  for (double u : general.terminals.payoff) integral += u == std::round(u) && std::abs(u) <= 5.0;
  CHECK(integral == static_cast<int>(general.terminals.payoff.size()));
}

TEST_CASE("random: the chance parameter's extremes") {
  GameTree no_chance = make_builtin("random(depth=6,chance=0,seed=3)");
  CHECK(check_exact_numbers(no_chance) == 0);
  GameTree all_chance = make_builtin("random(depth=6,chance=1,seed=3)");
  CHECK(check_exact_numbers(all_chance) == 63);
  CHECK(all_chance.infosets.empty());
}

TEST_CASE("random: perfect recall holds for many seeds and shapes") {
  int compiled = 0;
  for (int players = 2; players <= 4; ++players)
    for (int branching = 2; branching <= 3; ++branching)
      for (const char* chance : {"0", "0.3", "0.7"})
        for (int seed = 0; seed < 12; ++seed) {
          const int depth = 3 + seed % 5;
          const std::string spec = "random(players=" + std::to_string(players) + ",depth=" +
                                   std::to_string(depth) + ",branching=" + std::to_string(branching) +
                                   ",chance=" + chance + ",seed=" + std::to_string(seed) + ")";
          CAPTURE(spec);
          GameTree tree = make_builtin(spec);
          CHECK_NOTHROW(compile(tree));
          ++compiled;
        }
  CHECK(compiled == 216);
}
