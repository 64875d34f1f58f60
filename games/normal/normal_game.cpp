#include <eqlab/games/normal/normal_game.hpp>

namespace eqlab {

std::size_t NormalGame::num_profiles() const {
  std::size_t count = 1;
  for (const auto& a : actions) count *= a.size();
  return count;
}

std::size_t NormalGame::profile_index(const std::vector<int>& profile) const {
  std::size_t index = 0;
  for (int p = 0; p < num_players(); ++p) index = index * actions[p].size() + profile[p];
  return index;
}

GameTree NormalGame::to_tree() const {
  const int n = num_players();
  GameTree tree(players, name);
  tree.from_normal_form = true;
  std::vector<int> infoset(n);
  for (int p = 0; p < n; ++p) infoset[p] = tree.infoset(p, players[p], actions[p]);
  // Breadth-first by player: level p holds one node per profile prefix of length p.
  std::vector<int> level{tree.add_root(GameTree::decision_node(infoset[0]))};
  for (int p = 1; p <= n; ++p) {
    std::vector<int> next;
    next.reserve(level.size() * (p < n ? actions[p].size() : 1));
    for (std::size_t k = 0; k < level.size(); ++k) {
      for (int a = 0; a < static_cast<int>(actions[p - 1].size()); ++a) {
        if (p < n) {
          next.push_back(tree.add_child(level[k], a, GameTree::decision_node(infoset[p])));
        } else {
          const std::size_t profile = k * actions[p - 1].size() + a;
          std::vector<Number> u(payoffs.begin() + profile * n, payoffs.begin() + (profile + 1) * n);
          tree.add_child(level[k], a, GameTree::terminal_node(std::move(u)));
        }
      }
    }
    level = std::move(next);
  }
  tree.finalize();
  return tree;
}

}  // namespace eqlab
