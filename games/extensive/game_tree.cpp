#include <eqlab/games/extensive/game_tree.hpp>

#include <algorithm>

#include <eqlab/lib/error.hpp>

namespace eqlab {

GameTree::GameTree(std::vector<std::string> player_names, std::string game_name)
    : name(std::move(game_name)), players(std::move(player_names)) {}

int GameTree::infoset(int player, std::string_view label, std::span<const std::string> actions,
                      const std::string& pointer_hint) {
  auto key = std::make_pair(player, std::string(label));
  if (auto it = infoset_index_.find(key); it != infoset_index_.end()) {
    const Infoset& known = infosets[it->second];
    if (!std::equal(known.actions.begin(), known.actions.end(), actions.begin(), actions.end()))
      throw InputError(pointer_hint, "infoset \"" + std::string(label) + "\" of player " +
                                         std::to_string(player) +
                                         " is used with different actions at different nodes");
    return it->second;
  }
  int index = static_cast<int>(infosets.size());
  infosets.push_back({player, std::string(label), {actions.begin(), actions.end()}});
  infoset_index_.emplace(std::move(key), index);
  return index;
}

GameTree::NodeSpec GameTree::decision_node(int infoset, std::string id) {
  NodeSpec s;
  s.kind = NodeKind::decision;
  s.infoset = infoset;
  s.id = std::move(id);
  return s;
}

GameTree::NodeSpec GameTree::chance_node(std::vector<Number> probs, std::vector<std::string> labels,
                                         std::string id) {
  NodeSpec s;
  s.kind = NodeKind::chance;
  s.probs = std::move(probs);
  s.chance_actions = std::move(labels);
  s.id = std::move(id);
  return s;
}

GameTree::NodeSpec GameTree::terminal_node(std::vector<Number> values, std::string id) {
  NodeSpec s;
  s.kind = NodeKind::terminal;
  s.payoffs = std::move(values);
  s.id = std::move(id);
  return s;
}

int GameTree::add_root(NodeSpec spec) {
  if (!nodes.empty()) throw std::logic_error("GameTree::add_root called twice");
  return add_node(-1, -1, std::move(spec));
}

int GameTree::add_child(int parent, int edge, NodeSpec spec) {
  if (parent < 0 || parent >= num_nodes()) throw std::logic_error("GameTree::add_child: bad parent");
  if (edge < 0 || edge >= nodes[parent].num_children)
    throw std::logic_error("GameTree::add_child: bad edge");
  return add_node(parent, edge, std::move(spec));
}

int GameTree::add_node(int parent, int edge, NodeSpec spec) {
  finalized_ = false;
  TreeNode node;
  node.kind = spec.kind;
  node.parent = parent;
  node.parent_edge = edge;
  switch (spec.kind) {
    case NodeKind::decision:
      node.infoset = spec.infoset;
      node.player = infosets.at(spec.infoset).player;
      node.num_children = static_cast<int>(infosets[spec.infoset].actions.size());
      break;
    case NodeKind::chance: {
      node.num_children = static_cast<int>(spec.probs.size());
      node.data = static_cast<int>(chance_probs.size());
      for (std::size_t k = 0; k < spec.probs.size(); ++k) {
        chance_probs.push_back(spec.probs[k]);
        chance_actions.push_back(k < spec.chance_actions.size() ? std::move(spec.chance_actions[k])
                                                                : std::to_string(k));
      }
      break;
    }
    case NodeKind::terminal:
      if (static_cast<int>(spec.payoffs.size()) != num_players())
        throw std::logic_error("GameTree: terminal with a wrong number of payoffs");
      node.data = static_cast<int>(payoffs.size());
      payoffs.insert(payoffs.end(), spec.payoffs.begin(), spec.payoffs.end());
      break;
  }
  int index = num_nodes();
  nodes.push_back(node);
  if (!spec.id.empty() || !node_ids.empty()) {
    node_ids.resize(nodes.size());
    node_ids.back() = std::move(spec.id);
  }
  return index;
}

void GameTree::finalize() {
  if (nodes.empty()) throw InputError("", "the game has no nodes");
  // Counting sort of children by parent: first_child offsets, then placement by edge.
  int offset = 0;
  for (TreeNode& n : nodes) {
    n.first_child = offset;
    offset += n.num_children;
  }
  children.assign(offset, -1);
  for (int i = 1; i < num_nodes(); ++i) {
    const TreeNode& n = nodes[i];
    if (n.parent < 0) throw InputError(pointer_of(i), "a second root");
    int& slot = children[nodes[n.parent].first_child + n.parent_edge];
    if (slot != -1) throw InputError(pointer_of(i), "two children for the same action");
    slot = i;
  }
  for (int i = 0; i < num_nodes(); ++i)
    for (int e = 0; e < nodes[i].num_children; ++e)
      if (children[nodes[i].first_child + e] == -1)
        throw InputError(pointer_of(i), "action " + std::to_string(e) + " has no child");
  finalized_ = true;
}

const std::string& GameTree::action_label(int node, int edge) const {
  const TreeNode& n = nodes[node];
  if (n.kind == NodeKind::chance) return chance_actions[n.data + edge];
  return infosets[n.infoset].actions[edge];
}

std::string GameTree::pointer_of(int node) const {
  std::vector<int> edges;
  for (int v = node; v >= 0 && nodes[v].parent >= 0; v = nodes[v].parent) edges.push_back(nodes[v].parent_edge);
  std::string p = "/root";
  for (auto it = edges.rbegin(); it != edges.rend(); ++it) p += "/children/" + std::to_string(*it);
  return p;
}

std::string GameTree::source_of(int node) const {
  return node < static_cast<int>(node_sources.size()) ? node_sources[node] : std::string();
}

std::string GameTree::describe(int node) const {
  if (node < static_cast<int>(node_ids.size()) && !node_ids[node].empty()) return "node \"" + node_ids[node] + "\"";
  if (const std::string source = source_of(node); !source.empty()) return "the node at " + source;
  return "node " + pointer_of(node);
}

}  // namespace eqlab
