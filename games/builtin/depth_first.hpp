#pragma once
// Grows a GameTree from a game's state type, depth first with an explicit stack (no
// recursion on depth), so nodes are numbered in preorder with children in action order.
#include <utility>
#include <vector>

#include <eqlab/games/extensive/game_tree.hpp>

namespace eqlab::builtin {

// expand(const State& s, std::vector<State>& children) returns the node spec of s and
// appends one child state per action (none for a terminal). Finalizes the tree.
template <class State, class Expand>
void grow_depth_first(GameTree& tree, State root, Expand&& expand) {
  struct Pending {
    int parent;
    int edge;
    State state;
  };
  std::vector<Pending> stack;
  stack.push_back({-1, -1, std::move(root)});
  std::vector<State> children;
  while (!stack.empty()) {
    Pending item = std::move(stack.back());
    stack.pop_back();
    children.clear();
    GameTree::NodeSpec spec = expand(std::as_const(item.state), children);
    const int node = item.parent < 0 ? tree.add_root(std::move(spec))
                                     : tree.add_child(item.parent, item.edge, std::move(spec));
    for (int k = static_cast<int>(children.size()) - 1; k >= 0; --k)
      stack.push_back({node, k, std::move(children[k])});
  }
  tree.finalize();
}

}  // namespace eqlab::builtin
