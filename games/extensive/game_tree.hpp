#pragma once
// The extensive-form game as loaded: a flat array of nodes (never a pointer tree), built
// by any loader through add_root()/add_child() and checked once by finalize(). Solvers
// never read it: they read the CompiledGame made from it (compiled_game.hpp).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <eqlab/lib/number.hpp>

namespace eqlab {

enum class NodeKind : std::uint8_t { decision, chance, terminal };

inline constexpr int kChancePlayer = -1;

struct Infoset {
  int player = 0;
  std::string label;
  std::vector<std::string> actions;
};

struct TreeNode {
  NodeKind kind = NodeKind::terminal;
  int player = kChancePlayer;  // acting player (decision nodes), kChancePlayer otherwise
  int infoset = -1;            // index into GameTree::infosets (decision nodes)
  int num_children = 0;        // number of actions (0 for terminals)
  int first_child = -1;        // into GameTree::children, set by finalize()
  int parent = -1;             // parent node, -1 for the root
  int parent_edge = -1;        // which action of the parent leads here
  int data = -1;               // chance: first index into chance_probs/chance_actions;
                               // terminal: first index into payoffs (num_players entries)
};

class GameTree {
 public:
  GameTree() = default;
  explicit GameTree(std::vector<std::string> players, std::string name = {});

  // --- building ---------------------------------------------------------------------
  // The infoset (player, label), created on first use. Later uses must repeat the same
  // actions; a mismatch throws InputError(pointer_hint, ...).
  int infoset(int player, std::string_view label, std::span<const std::string> actions,
              const std::string& pointer_hint = {});

  struct NodeSpec {
    NodeKind kind = NodeKind::terminal;
    int infoset = -1;                        // decision
    std::vector<Number> probs;               // chance
    std::vector<std::string> chance_actions; // chance (labels; may be empty -> "0","1",...)
    std::vector<Number> payoffs;             // terminal (one per player)
    std::string id;                          // optional user id
  };
  static NodeSpec decision_node(int infoset, std::string id = {});
  static NodeSpec chance_node(std::vector<Number> probs, std::vector<std::string> labels = {},
                              std::string id = {});
  static NodeSpec terminal_node(std::vector<Number> payoffs, std::string id = {});

  int add_root(NodeSpec spec);
  int add_child(int parent, int edge, NodeSpec spec);

  // Links children, and checks that every action of every node has exactly one child.
  // Throws InputError naming the first node at fault. Perfect recall is checked by
  // compile(), which builds the sequences anyway.
  void finalize();
  bool finalized() const { return finalized_; }

  // --- reading ----------------------------------------------------------------------
  int num_players() const { return static_cast<int>(players.size()); }
  int num_nodes() const { return static_cast<int>(nodes.size()); }
  int child(int node, int edge) const { return children[nodes[node].first_child + edge]; }
  std::span<const Number> payoffs_of(int node) const {
    return {payoffs.data() + nodes[node].data, static_cast<std::size_t>(num_players())};
  }
  std::span<const Number> probs_of(int node) const {
    return {chance_probs.data() + nodes[node].data, static_cast<std::size_t>(nodes[node].num_children)};
  }
  const std::string& action_label(int node, int edge) const;

  // The JSON pointer of a node in eqlab's own format ("/root/children/0/children/2").
  std::string pointer_of(int node) const;
  // Where a node was read: its place in the source file when the reader recorded one
  // (node_sources: "line 7, column 1" in a Gambit file), else empty.
  std::string source_of(int node) const;
  // A human-readable name: node "id" when it has an id, else the node at its source
  // place, else node POINTER.
  std::string describe(int node) const;

  std::string name;
  std::vector<std::string> players;
  // Set by NormalGame::to_tree(): the players move in turn, each in one infoset that
  // hides the earlier moves. Solvers for normal-form games (rm) require it.
  bool from_normal_form = false;
  std::vector<TreeNode> nodes;          // node 0 is the root once built
  std::vector<int> children;            // CSR child lists, set by finalize()
  std::vector<Infoset> infosets;
  std::vector<Number> chance_probs;
  std::vector<std::string> chance_actions;
  std::vector<Number> payoffs;
  std::vector<std::string> node_ids;    // empty, or one (possibly empty) id per node
  std::vector<std::string> node_sources;  // empty, or where each node was read (text formats)

 private:
  int add_node(int parent, int edge, NodeSpec spec);
  struct KeyHash {
    std::size_t operator()(const std::pair<int, std::string>& k) const {
      return std::hash<std::string>()(k.second) * 31u + static_cast<std::size_t>(k.first);
    }
  };
  std::unordered_map<std::pair<int, std::string>, int, KeyHash> infoset_index_;
  bool finalized_ = false;
};

}  // namespace eqlab
