// Exact evaluation on the compiled game against an independent slow reference: expected
// values by walking the tree node by node, and best responses by enumerating every pure
// strategy of the responding player.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

// Behavioural strategies keyed by tree infoset: prob[k][a].
using TreeStrategy = std::vector<std::vector<double>>;

std::vector<double> tree_values(const GameTree& tree, const TreeStrategy& behaviour) {
  std::vector<double> values(tree.num_players(), 0.0);
  std::function<void(int, double)> walk = [&](int v, double reach) {
    const TreeNode& node = tree.nodes[v];
    if (node.kind == NodeKind::terminal) {
      for (int p = 0; p < tree.num_players(); ++p) values[p] += reach * tree.payoffs_of(v)[p].value;
      return;
    }
    for (int a = 0; a < node.num_children; ++a) {
      const double prob = node.kind == NodeKind::chance ? tree.probs_of(v)[a].value : behaviour[node.infoset][a];
      if (prob > 0.0) walk(tree.child(v, a), reach * prob);
    }
  };
  walk(0, 1.0);
  return values;
}

TreeStrategy random_behaviour(const GameTree& tree, RngStream& rng) {
  TreeStrategy s;
  for (const Infoset& info : tree.infosets) {
    std::vector<double> p(info.actions.size());
    double sum = 0.0;
    for (double& x : p) sum += (x = rng.uniform() + 0.05);
    for (double& x : p) x /= sum;
    s.push_back(p);
  }
  return s;
}

// Player p's best pure-strategy value, by trying every pure strategy.
double brute_force_best_response(const GameTree& tree, TreeStrategy s, int player) {
  std::vector<int> own;
  for (int k = 0; k < static_cast<int>(tree.infosets.size()); ++k)
    if (tree.infosets[k].player == player) own.push_back(k);
  std::vector<int> choice(own.size(), 0);
  double best = -1e300;
  while (true) {
    for (std::size_t i = 0; i < own.size(); ++i) {
      std::fill(s[own[i]].begin(), s[own[i]].end(), 0.0);
      s[own[i]][choice[i]] = 1.0;
    }
    best = std::max(best, tree_values(tree, s)[player]);
    std::size_t i = 0;
    while (i < own.size() && ++choice[i] == static_cast<int>(tree.infosets[own[i]].actions.size())) choice[i++] = 0;
    if (i == own.size()) break;
  }
  return best;
}

Profile to_profile(const CompiledGame& g, const GameTree& tree, const TreeStrategy& s) {
  Profile x;
  for (int p = 0; p < g.num_players(); ++p) {
    const Treeplex& tp = g.treeplex[p];
    std::vector<double> b(tp.num_sequences(), 0.0), plan(tp.num_sequences());
    for (int k = 0; k < static_cast<int>(tree.infosets.size()); ++k)
      if (tree.infosets[k].player == p)
        for (int a = 0; a < static_cast<int>(s[k].size()); ++a) b[tp.first_seq[g.compiled_infoset[k]] + a] = s[k][a];
    tp.to_sequence_form(b, plan);
    x.push_back(plan);
  }
  return x;
}

}  // namespace

TEST_CASE("values and best responses match a tree-walking brute force on random games") {
  int games_checked = 0;
  for (const char* shape : {"players=2,depth=4,branching=2,chance=0.3,zero_sum=true",
                            "players=2,depth=5,branching=2,chance=0.2,zero_sum=false",
                            "players=3,depth=5,branching=2,chance=0.25,zero_sum=true",
                            "players=3,depth=4,branching=3,chance=0.2,zero_sum=false"}) {
    for (int seed = 0; seed < 6; ++seed) {
      const std::string spec = std::string("random(") + shape + ",seed=" + std::to_string(seed) + ")";
      CAPTURE(spec);
      GameTree tree = make_builtin(spec);
      CompiledGame g = compile(tree);
      bool small = true;
      for (int p = 0; p < g.num_players(); ++p) small = small && g.treeplex[p].num_infosets() <= 10;
      if (!small) continue;
      RngStream rng(seed, 99);
      TreeStrategy s = random_behaviour(tree, rng);
      Profile x = to_profile(g, tree, s);
      const std::vector<double> reference = tree_values(tree, s);
      const NashReport report = evaluate_nash(g, x);
      double nash_conv = 0.0;
      for (int p = 0; p < g.num_players(); ++p) {
        CHECK(report.values[p] == doctest::Approx(reference[p]).epsilon(1e-12));
        const double br = brute_force_best_response(tree, s, p);
        CHECK(report.best_response[p] == doctest::Approx(br).epsilon(1e-12));
        CHECK(best_response(g, x, p).value == doctest::Approx(br).epsilon(1e-12));
        nash_conv += br - reference[p];
      }
      CHECK(report.nash_conv == doctest::Approx(nash_conv).epsilon(1e-12));
      CHECK(report.exploitability == doctest::Approx(nash_conv / g.num_players()).epsilon(1e-12));
      ++games_checked;
    }
  }
  MESSAGE("games checked: " << games_checked);
  CHECK(games_checked >= 10);
}

TEST_CASE("the best response strategy is a pure plan achieving the best-response value") {
  GameTree tree = make_builtin("random(players=3,depth=6,branching=2,chance=0.2,seed=3)");
  CompiledGame g = compile(tree);
  RngStream rng(5, 1);
  Profile x = to_profile(g, tree, random_behaviour(tree, rng));
  for (int p = 0; p < 3; ++p) {
    BestResponse br = best_response(g, x, p);
    CHECK(g.treeplex[p].plan_violation(br.strategy) == 0.0);
    Profile deviated = x;
    deviated[p] = br.strategy;
    CHECK(g.expected_values(deviated)[p] == doctest::Approx(br.value).epsilon(1e-12));
    CHECK(br.value >= g.expected_values(x)[p] - 1e-12);
  }
}
