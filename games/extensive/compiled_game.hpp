#pragma once
// The compiled extensive-form game: everything a full-feedback solver reads, as flat
// arrays (see docs/ARCHITECTURE.md). Built once by compile(); never modified after.
#include <span>
#include <string>
#include <vector>

#include <eqlab/games/extensive/game_tree.hpp>
#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

// The most players a compiled game may have: the gradient keeps one pointer per player
// on the stack, so the hot path never allocates.
inline constexpr int kMaxPlayers = 64;

// A profile of sequence-form strategies (realisation plans), one vector per player.
using Profile = std::vector<std::vector<double>>;

// All terminals: for terminal t and player p, seq[t*n + p] is p's sequence leading to t
// and payoff[t*n + p] p's payoff; chance[t] is the product of chance probabilities.
struct TerminalList {
  std::vector<int> seq;
  std::vector<double> chance;
  std::vector<double> payoff;
  std::vector<int> node;  // the tree node of each terminal (for export and simulation)
  int size() const { return static_cast<int>(chance.size()); }
};

// The terminals regrouped by one player's sequence (CSR), so that this player's utility
// gradient is a row-parallel sparse product with no write conflicts. Entry k of row s
// holds the other players' sequences (others[k*(n-1) ...], in player order) and the
// weight chance * payoff of this player.
struct GradientIndex {
  std::vector<int> row_begin;  // num_sequences + 1
  std::vector<int> others;
  std::vector<double> weight;
};

// Node arrays in tree order, for sampling episodes and exporting trees.
struct NodeArrays {
  std::vector<NodeKind> kind;
  std::vector<int> player;       // kChancePlayer for chance and terminal nodes
  std::vector<int> infoset;      // the player's compiled infoset index, -1 elsewhere
  std::vector<int> first_child;  // into children/child_prob
  std::vector<int> num_children;
  std::vector<int> children;
  std::vector<double> child_prob;  // chance probability of each child edge (0 for decisions)
  std::vector<int> terminal;       // terminal index, -1 elsewhere
};

class CompiledGame {
 public:
  std::string name;
  std::vector<std::string> players;
  std::vector<Treeplex> treeplex;           // per player
  TerminalList terminals;
  std::vector<GradientIndex> gradient_index;  // per player
  NodeArrays nodes;
  // For tree infoset k: its player's compiled infoset index.
  std::vector<int> compiled_infoset;
  // The game was a normal-form game (GameTree::from_normal_form): strategies are written
  // back per player as one action distribution, and rm applies.
  bool from_normal_form = false;

  bool zero_sum = false;      // payoffs sum to 0 at every terminal (within 1e-9)
  bool constant_sum = false;  // payoffs sum to the same constant at every terminal
  double payoff_sum = 0.0;    // that constant, when constant_sum
  double max_payoff_range = 0.0;  // max over players of (max - min payoff)

  int num_players() const { return static_cast<int>(players.size()); }
  // U_max − U_min over every player's payoffs (1 when all payoffs are equal): the unit in
  // which learners take losses in [0, 1].
  double payoff_span() const;
  int num_infosets() const;  // all players together
  Profile uniform_profile() const;
  // A sequence-form profile as behavioural strategies, per player and sequence
  // (Treeplex::to_behavioural: unreached infosets get the uniform strategy).
  Profile behavioural_profile(const Profile& x) const;

  // out[s] = sum over terminals t with seq_p(t) = s of chance(t) u_p(t) prod_{q != p} x_q[seq_q(t)].
  void utility_gradient(int player, const Profile& x, std::span<double> out) const;
  // Expected payoff of every player under the profile.
  std::vector<double> expected_values(const Profile& x) const;
};

// Compiles a finalized tree. Throws InputError when perfect recall fails, naming the
// infoset and two witness nodes.
CompiledGame compile(const GameTree& tree);

}  // namespace eqlab
