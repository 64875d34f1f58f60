#include <eqlab/games/extensive/compiled_game.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/parallel.hpp>

namespace eqlab {

namespace {

// Describes a player's history: the (infoset, action) pair that ends it.
std::string history_text(const CompiledGame& g, int player, int seq) {
  if (seq == 0) return "no earlier move of that player";
  const Treeplex& tp = g.treeplex[player];
  return "last own move \"" + tp.action_labels[seq] + "\" at infoset \"" +
         tp.infoset_labels[tp.seq_infoset[seq]] + "\"";
}

void build_gradient_index(CompiledGame& g) {
  const int n = g.num_players();
  const TerminalList& t = g.terminals;
  g.gradient_index.assign(n, {});
  for (int p = 0; p < n; ++p) {
    GradientIndex& gi = g.gradient_index[p];
    const int rows = g.treeplex[p].num_sequences();
    gi.row_begin.assign(rows + 1, 0);
    for (int k = 0; k < t.size(); ++k) ++gi.row_begin[t.seq[k * n + p] + 1];
    for (int s = 0; s < rows; ++s) gi.row_begin[s + 1] += gi.row_begin[s];
    std::vector<int> fill(gi.row_begin.begin(), gi.row_begin.end() - 1);
    gi.others.assign(static_cast<std::size_t>(t.size()) * (n - 1), 0);
    gi.weight.assign(t.size(), 0.0);
    for (int k = 0; k < t.size(); ++k) {
      const int slot = fill[t.seq[k * n + p]]++;
      gi.weight[slot] = t.chance[k] * t.payoff[k * n + p];
      int* o = gi.others.data() + static_cast<std::size_t>(slot) * (n - 1);
      for (int q = 0; q < n; ++q)
        if (q != p) *o++ = t.seq[k * n + q];
    }
  }
}

}  // namespace

CompiledGame compile(const GameTree& tree) {
  if (!tree.finalized()) throw std::logic_error("compile: the tree is not finalized");
  const int n = tree.num_players();
  if (n > kMaxPlayers)
    throw InputError("/players", "a game of " + std::to_string(n) + " players: eqlab solves games of at most " +
                                     std::to_string(kMaxPlayers) + " players");
  CompiledGame g;
  g.name = tree.name;
  g.players = tree.players;
  g.from_normal_form = tree.from_normal_form;
  g.treeplex.assign(n, {});
  for (Treeplex& tp : g.treeplex) {
    tp.seq_infoset.push_back(-1);
    tp.action_labels.emplace_back();
  }
  g.compiled_infoset.assign(tree.infosets.size(), -1);
  std::vector<int> witness(tree.infosets.size(), -1);  // first node seen in each infoset

  const int num_nodes = tree.num_nodes();
  NodeArrays& na = g.nodes;
  na.kind.resize(num_nodes);
  na.player.assign(num_nodes, kChancePlayer);
  na.infoset.assign(num_nodes, -1);
  na.first_child.resize(num_nodes);
  na.num_children.resize(num_nodes);
  na.children = tree.children;
  na.child_prob.assign(tree.children.size(), 0.0);
  na.terminal.assign(num_nodes, -1);

  // Depth-first in preorder with an explicit stack: the order in which infosets are first
  // met is topological, and no recursion means any depth works.
  std::vector<int> node_seq(static_cast<std::size_t>(num_nodes) * n, 0);
  std::vector<double> reach(num_nodes, 0.0);
  reach[0] = 1.0;
  std::vector<int> stack{0};
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    const TreeNode& node = tree.nodes[v];
    na.kind[v] = node.kind;
    na.first_child[v] = node.first_child;
    na.num_children[v] = node.num_children;
    int* seq = node_seq.data() + static_cast<std::size_t>(v) * n;
    if (node.kind == NodeKind::terminal) {
      na.terminal[v] = g.terminals.size();
      g.terminals.seq.insert(g.terminals.seq.end(), seq, seq + n);
      g.terminals.chance.push_back(reach[v]);
      for (const Number& u : tree.payoffs_of(v)) g.terminals.payoff.push_back(u.value);
      g.terminals.node.push_back(v);
      continue;
    }
    int child_seq_base = -1;  // decision: the first sequence of this node's infoset
    if (node.kind == NodeKind::decision) {
      const int p = node.player;
      Treeplex& tp = g.treeplex[p];
      int& j = g.compiled_infoset[node.infoset];
      if (j < 0) {
        j = tp.num_infosets();
        witness[node.infoset] = v;
        const Infoset& info = tree.infosets[node.infoset];
        tp.parent_seq.push_back(seq[p]);
        tp.first_seq.push_back(tp.num_sequences());
        tp.num_actions.push_back(node.num_children);
        tp.infoset_labels.push_back(info.label);
        for (int a = 0; a < node.num_children; ++a) {
          tp.seq_infoset.push_back(j);
          tp.action_labels.push_back(info.actions[a]);
        }
      } else if (tp.parent_seq[j] != seq[p]) {
        const Infoset& info = tree.infosets[node.infoset];
        // A tree read from a text format names the node's place in that file.
        const std::string source = tree.source_of(v);
        throw InputError(source.empty() ? tree.pointer_of(v) + "/infoset" : source,
                         "imperfect recall: infoset \"" + info.label + "\" of player " + std::to_string(p) + " (" +
                             tree.players[p] + ") is reached at " + tree.describe(witness[node.infoset]) + " with " +
                             history_text(g, p, tp.parent_seq[j]) + " and at " + tree.describe(v) + " with " +
                             history_text(g, p, seq[p]));
      }
      na.player[v] = p;
      na.infoset[v] = j;
      child_seq_base = tp.first_seq[j];
    }
    for (int a = node.num_children - 1; a >= 0; --a) {
      const int c = tree.children[node.first_child + a];
      int* cs = node_seq.data() + static_cast<std::size_t>(c) * n;
      std::copy(seq, seq + n, cs);
      if (node.kind == NodeKind::decision) {
        cs[node.player] = child_seq_base + a;
        reach[c] = reach[v];
      } else {
        const double prob = tree.probs_of(v)[a].value;
        na.child_prob[node.first_child + a] = prob;
        reach[c] = reach[v] * prob;
      }
      stack.push_back(c);
    }
  }

  // Zero-sum and constant-sum detection, and the payoff ranges for tolerances.
  const TerminalList& t = g.terminals;
  // Sums are compared with a tolerance relative to the largest payoff, so that neither
  // huge nor tiny payoffs decide the answer by rounding alone.
  double largest = 0.0;
  for (double u : t.payoff) largest = std::max(largest, std::fabs(u));
  const double tolerance = 1e-9 * std::max(1.0, largest);
  g.zero_sum = g.constant_sum = t.size() > 0;
  for (int k = 0; k < t.size(); ++k) {
    double sum = 0.0;
    for (int p = 0; p < n; ++p) sum += t.payoff[k * n + p];
    if (k == 0) g.payoff_sum = sum;
    if (std::fabs(sum) > tolerance) g.zero_sum = false;
    if (std::fabs(sum - g.payoff_sum) > tolerance) g.constant_sum = false;
  }
  for (int p = 0; p < n; ++p) {
    double lo = 0.0, hi = 0.0;
    for (int k = 0; k < t.size(); ++k) {
      const double u = t.payoff[k * n + p];
      lo = k == 0 ? u : std::min(lo, u);
      hi = k == 0 ? u : std::max(hi, u);
    }
    g.max_payoff_range = std::max(g.max_payoff_range, hi - lo);
  }
  build_gradient_index(g);
  return g;
}

double CompiledGame::payoff_span() const {
  if (terminals.payoff.empty()) return 1.0;
  const auto [lo, hi] = std::minmax_element(terminals.payoff.begin(), terminals.payoff.end());
  return *hi > *lo ? *hi - *lo : 1.0;
}

int CompiledGame::num_infosets() const {
  int total = 0;
  for (const Treeplex& tp : treeplex) total += tp.num_infosets();
  return total;
}

Profile CompiledGame::uniform_profile() const {
  Profile x;
  for (const Treeplex& tp : treeplex) x.push_back(tp.uniform_sequence_form());
  return x;
}

Profile CompiledGame::behavioural_profile(const Profile& x) const {
  Profile behavioural(x.size());
  for (std::size_t p = 0; p < x.size(); ++p) {
    behavioural[p].assign(x[p].size(), 0.0);
    treeplex[p].to_behavioural(x[p], behavioural[p]);
  }
  return behavioural;
}

void CompiledGame::utility_gradient(int player, const Profile& x, std::span<double> out) const {
  const int n = num_players();
  const GradientIndex& gi = gradient_index[player];
  const int rows = static_cast<int>(gi.row_begin.size()) - 1;
  const int width = n - 1;
  // Other players' plans in entry order, so the inner loop reads one pointer per player.
  const double* other[kMaxPlayers];
  for (int q = 0, k = 0; q < n; ++q)
    if (q != player) other[k++] = x[q].data();

  auto run = [&](std::size_t begin, std::size_t end) {
    for (std::size_t s = begin; s < end; ++s) {
      double sum = 0.0;
      if (width == 1) {
        const double* opp = other[0];
        for (int e = gi.row_begin[s]; e < gi.row_begin[s + 1]; ++e) sum += gi.weight[e] * opp[gi.others[e]];
      } else {
        for (int e = gi.row_begin[s]; e < gi.row_begin[s + 1]; ++e) {
          double w = gi.weight[e];
          const int* o = gi.others.data() + static_cast<std::size_t>(e) * width;
          for (int k = 0; k < width; ++k) w *= other[k][o[k]];
          sum += w;
        }
      }
      out[s] = sum;
    }
  };
  parallel_ranges(rows, gi.weight.size(), 256, run);
}

std::vector<double> CompiledGame::expected_values(const Profile& x) const {
  const int n = num_players();
  std::vector<double> values(n, 0.0);
  for (int p = 0; p < n; ++p) {
    const TerminalList& t = terminals;
    values[p] = deterministic_sum(t.size(), 4096, [&](std::size_t k) {
      double w = t.chance[k] * t.payoff[k * n + p];
      for (int q = 0; q < n; ++q) w *= x[q][t.seq[k * n + q]];
      return w;
    });
  }
  return values;
}

}  // namespace eqlab
