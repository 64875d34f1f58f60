#include <eqlab/algorithms/bandit/episode.hpp>

#include <algorithm>
#include <string>

#include <eqlab/lib/error.hpp>

namespace eqlab {

EpisodeSimulator::EpisodeSimulator(const CompiledGame& game) : game_(game) {
  if (game.nodes.kind.empty()) throw UsageError("episode simulator: the compiled game has no nodes");
  const auto& payoff = game.terminals.payoff;
  if (!payoff.empty()) min_payoff_ = *std::min_element(payoff.begin(), payoff.end());
  inverse_span_ = 1.0 / game.payoff_span();
}

double EpisodeSimulator::reward(int terminal, int player) const {
  const double u = game_.terminals.payoff[static_cast<std::size_t>(terminal) * game_.num_players() + player];
  // Clamped against rounding at the bounds.
  return std::clamp((u - min_payoff_) * inverse_span_, 0.0, 1.0);
}

int EpisodeSimulator::play(std::span<BanditLearner* const> learners, RngStream& chance,
                           std::span<RngStream> player_rng) {
  const int n = game_.num_players();
  if (static_cast<int>(learners.size()) != n || static_cast<int>(player_rng.size()) != n)
    throw UsageError("episode simulator: need one learner and one random stream per player (" +
                     std::to_string(n) + ")");
  const NodeArrays& nodes = game_.nodes;
  for (BanditLearner* learner : learners) learner->begin_episode();

  // The walk is a single path, so a loop over the current node replaces recursion.
  int node = 0;
  while (nodes.kind[node] != NodeKind::terminal) {
    const int first = nodes.first_child[node];
    const int count = nodes.num_children[node];
    int pick = 0;
    if (nodes.kind[node] == NodeKind::chance) {
      // Inverse-CDF sampling; the last child with positive probability takes any
      // rounding remainder.
      double u = chance.uniform();
      pick = -1;
      for (int k = 0; k < count; ++k) {
        const double p = nodes.child_prob[first + k];
        if (p <= 0.0) continue;
        pick = k;
        if (u < p) break;
        u -= p;
      }
      if (pick < 0) throw UsageError("episode simulator: a chance node has no child with positive probability");
    } else {
      const int player = nodes.player[node];
      pick = learners[player]->act(nodes.infoset[node], player_rng[player]);
      if (pick < 0 || pick >= count)
        throw UsageError("episode simulator: a learner chose action " + std::to_string(pick) + " of " +
                         std::to_string(count));
    }
    node = nodes.children[first + pick];
  }
  const int terminal = nodes.terminal[node];
  for (int p = 0; p < n; ++p) learners[p]->end_episode(reward(terminal, p));
  return terminal;
}

}  // namespace eqlab
