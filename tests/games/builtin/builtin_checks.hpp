#pragma once
// Helpers shared by the built-in game tests: exactness of chance and payoffs, NashConv
// by best responses, behavioural profiles chosen by infoset and action labels, and the
// message of a refused spec.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab::builtin_test {

// Every chance node's probabilities are exact positive rationals summing exactly to 1,
// and every payoff is exact. Returns the number of chance nodes.
inline int check_exact_numbers(const GameTree& tree) {
  int chance_nodes = 0, inexact = 0, bad_sums = 0;
  for (int v = 0; v < tree.num_nodes(); ++v) {
    const TreeNode& node = tree.nodes[v];
    if (node.kind == NodeKind::chance) {
      ++chance_nodes;
      Number sum = Number::integer(0);
      for (const Number& p : tree.probs_of(v)) {
        inexact += !p.exact || p.num <= 0;
        sum = add(sum, p);
      }
      bad_sums += !(sum.exact && sum.num == 1 && sum.den == 1);
    } else if (node.kind == NodeKind::terminal) {
      for (const Number& u : tree.payoffs_of(v)) inexact += !u.exact;
    }
  }
  CHECK(inexact == 0);
  CHECK(bad_sums == 0);
  return chance_nodes;
}

// Probability of reaching some terminal when everyone plays uniformly: chance reach
// times the players' reach, summed over terminals. 1 when chance sums to 1 everywhere.
inline double total_reach(const CompiledGame& g) {
  const Profile x = g.uniform_profile();
  const int n = g.num_players();
  double sum = 0.0;
  for (int t = 0; t < g.terminals.size(); ++t) {
    double w = g.terminals.chance[t];
    for (int p = 0; p < n; ++p) w *= x[p][g.terminals.seq[t * n + p]];
    sum += w;
  }
  return sum;
}

// Sum over players of (best-response value - value): 0 exactly at a Nash equilibrium.
inline double nash_conv(const CompiledGame& g, const Profile& x) {
  const std::vector<double> values = g.expected_values(x);
  double total = 0.0;
  for (int p = 0; p < g.num_players(); ++p) {
    std::vector<double> gradient(g.treeplex[p].num_sequences()), scratch(gradient.size());
    g.utility_gradient(p, x, gradient);
    total += g.treeplex[p].best_response(gradient, scratch) - values[p];
  }
  return total;
}

// The profile playing, at every infoset, prob(player, infoset label, action label).
using ActionProbability = std::function<double(int, const std::string&, const std::string&)>;
inline Profile behavioural_profile(const CompiledGame& g, const ActionProbability& prob) {
  Profile x;
  for (int p = 0; p < g.num_players(); ++p) {
    const Treeplex& tp = g.treeplex[p];
    std::vector<double> behavioural(tp.num_sequences(), 0.0), plan(tp.num_sequences(), 0.0);
    for (int s = 1; s < tp.num_sequences(); ++s)
      behavioural[s] = prob(p, tp.infoset_labels[tp.seq_infoset[s]], tp.action_labels[s]);
    tp.to_sequence_form(behavioural, plan);
    x.push_back(std::move(plan));
  }
  return x;
}

// The node reached from the root by following action labels (chance or decision).
inline int follow(const GameTree& tree, const std::vector<std::string>& path) {
  int v = 0;
  for (const std::string& label : path) {
    int next = -1;
    for (int e = 0; e < tree.nodes[v].num_children; ++e)
      if (tree.action_label(v, e) == label) next = tree.child(v, e);
    REQUIRE_MESSAGE(next >= 0, "no action \"" << label << "\" at " << tree.describe(v));
    v = next;
  }
  return v;
}

// The UsageError message make_builtin(spec) throws, or "" when it throws none.
inline std::string refusal(const std::string& spec) {
  try {
    make_builtin(spec);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace eqlab::builtin_test
