#include <eqlab/algorithms/graph/attractor.hpp>

namespace eqlab {

std::vector<int> attractor_ranks(const TurnGame& g, GraphPlayer p, std::span<const std::uint8_t> targets) {
  const int n = g.num_vertices();
  std::vector<int> rank(n, kNoRank);
  std::vector<std::size_t> remaining(n, 0);  // opponent vertices: successors not yet ranked
  std::vector<int> queue;
  queue.reserve(n);
  for (int v = 0; v < n; ++v) {
    if (targets[v]) {
      rank[v] = 0;
      queue.push_back(v);
    } else {
      remaining[v] = g.out_end(v) - g.out_begin(v);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const int v = queue[head];
    for (int u : g.predecessors(v)) {
      if (rank[u] != kNoRank) continue;
      if (g.owner(u) == p || --remaining[u] == 0) {
        rank[u] = rank[v] + 1;
        queue.push_back(u);
      }
    }
  }
  return rank;
}

long long descending_edge(const TurnGame& g, std::span<const int> rank, int u) {
  for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e)
    if (rank[g.edge_target(e)] < rank[u]) return static_cast<long long>(e);
  return -1;
}

ReachabilitySolution solve_reachability(const TurnGame& g) {
  const int n = g.num_vertices();
  std::vector<std::uint8_t> is_target(n, 0);
  for (int t : g.targets()) is_target[t] = 1;
  ReachabilitySolution s;
  s.rank = attractor_ranks(g, GraphPlayer::attacker, is_target);
  s.win2.assign(n, 0);
  s.attacker_move.assign(n, -1);
  s.defender_move.assign(n, -1);
  for (int v = 0; v < n; ++v) {
    if (s.rank[v] == kNoRank) continue;
    s.win2[v] = 1;
    ++s.win2_size;
  }
  for (int v = 0; v < n; ++v) {
    if (s.win2[v] && !is_target[v] && g.owner(v) == GraphPlayer::attacker) {
      s.attacker_move[v] = descending_edge(g, s.rank, v);
    } else if (!s.win2[v] && g.owner(v) == GraphPlayer::defender) {
      // Outside the attractor a defender vertex has a successor outside it too.
      for (std::size_t e = g.out_begin(v); e < g.out_end(v); ++e)
        if (!s.win2[g.edge_target(e)]) {
          s.defender_move[v] = static_cast<long long>(e);
          break;
        }
    }
  }
  return s;
}

}  // namespace eqlab
