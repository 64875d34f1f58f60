#include <eqlab/algorithms/graph/preference_equilibria.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <eqlab/algorithms/graph/attractor.hpp>

namespace eqlab {

namespace {

GraphPlayer other(GraphPlayer p) {
  return p == GraphPlayer::defender ? GraphPlayer::attacker : GraphPlayer::defender;
}

std::vector<std::uint8_t> in_attractor(const TurnGame& g, GraphPlayer p, const std::vector<std::uint8_t>& target) {
  const std::vector<int> rank = attractor_ranks(g, p, target);
  std::vector<std::uint8_t> in(rank.size());
  for (std::size_t v = 0; v < rank.size(); ++v) in[v] = rank[v] != kNoRank;
  return in;
}

// The states of `allowed` that have an infinite path inside `allowed` staying in their
// own class (a play that ends there with that outcome): trim the states without such a
// successor until none is left to trim.
std::vector<std::uint8_t> class_recurrent(const ProductGame& p, const std::vector<std::uint8_t>& allowed) {
  const TurnGame& g = p.game;
  const int n = g.num_vertices();
  std::vector<std::uint8_t> keep = allowed;
  std::vector<int> count(n, 0), queue;
  auto same = [&](int u, int v) { return allowed[v] && p.goal_class[u] == p.goal_class[v]; };
  for (int u = 0; u < n; ++u) {
    if (!keep[u]) continue;
    for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) count[u] += same(u, g.edge_target(e));
    if (count[u] == 0) {
      keep[u] = 0;
      queue.push_back(u);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const int v = queue[head];
    for (int u : g.predecessors(v))
      if (keep[u] && same(u, v) && --count[u] == 0) {
        keep[u] = 0;
        queue.push_back(u);
      }
  }
  return keep;
}

// A play from `start` inside `allowed` into a recurrent state of class `c`, then round its
// cycle; empty when there is none.
void witness_play(const ProductGame& p, const std::vector<std::uint8_t>& allowed,
                  const std::vector<std::uint8_t>& recurrent, int start, GoalClass c, OutcomeReport& out) {
  const TurnGame& g = p.game;
  const int n = g.num_vertices();
  if (!allowed[start]) return;
  std::vector<int> parent(n, -2);
  std::vector<int> queue{start};
  parent[start] = -1;
  int end = -1;
  for (std::size_t head = 0; head < queue.size() && end < 0; ++head) {
    const int u = queue[head];
    if (recurrent[u] && p.goal_class[u] == c) {
      end = u;
      break;
    }
    for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) {
      const int v = g.edge_target(e);
      if (allowed[v] && parent[v] == -2) {
        parent[v] = u;
        queue.push_back(v);
      }
    }
  }
  if (end < 0) return;
  for (int v = end; v >= 0; v = parent[v]) out.witness.push_back(v);
  std::reverse(out.witness.begin(), out.witness.end());
  // Round the cycle: follow recurrent successors of the same class until one repeats.
  std::map<int, std::size_t> seen{{end, out.witness.size() - 1}};
  for (int u = end;;) {
    int next = -1;
    for (std::size_t e = g.out_begin(u); e < g.out_end(u) && next < 0; ++e) {
      const int v = g.edge_target(e);
      if (recurrent[v] && p.goal_class[v] == c) next = v;
    }
    if (next < 0) return;  // cannot happen: a recurrent state has a recurrent successor of its class
    const auto it = seen.find(next);
    if (it != seen.end()) {
      out.cycle_start = it->second;
      return;
    }
    seen[next] = out.witness.size();
    out.witness.push_back(next);
    u = next;
  }
}

}  // namespace

std::vector<std::uint8_t> force_final_class(const ProductGame& product, GraphPlayer player,
                                            const std::function<bool(GoalClass)>& allowed) {
  const TurnGame& g = product.game;
  const int n = g.num_vertices();
  std::vector<std::uint8_t> good(n), x(n, 0), outside(n);
  for (int v = 0; v < n; ++v) good[v] = allowed(product.goal_class[v]);
  for (;;) {
    // Safe_i(S ∪ X): the opponent cannot force a state outside S ∪ X.
    for (int v = 0; v < n; ++v) outside[v] = !(good[v] || x[v]);
    const std::vector<std::uint8_t> pushed_out = in_attractor(g, other(player), outside);
    std::vector<std::uint8_t> target(n);
    for (int v = 0; v < n; ++v) target[v] = x[v] || !pushed_out[v];
    std::vector<std::uint8_t> next = in_attractor(g, player, target);
    if (next == x) return x;
    x = std::move(next);
  }
}

EquilibriumReport analyse_equilibria(const ProductGame& p, const ClassPreference (&pref)[2], int initial) {
  const TurnGame& g = p.game;
  const int n = g.num_vertices();
  EquilibriumReport report;
  report.initial = initial;
  const GraphPlayer players[2] = {GraphPlayer::defender, GraphPlayer::attacker};

  // The outcomes some play from x0 can have.
  std::vector<std::uint8_t> reachable(n, 0);
  std::vector<int> queue{initial};
  reachable[initial] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head)
    for (std::size_t e = g.out_begin(queue[head]); e < g.out_end(queue[head]); ++e)
      if (!reachable[g.edge_target(e)]) {
        reachable[g.edge_target(e)] = 1;
        queue.push_back(g.edge_target(e));
      }
  const std::vector<std::uint8_t> recurrent = class_recurrent(p, reachable);
  std::set<GoalClass> outcomes;
  for (int v = 0; v < n; ++v)
    if (recurrent[v]) outcomes.insert(p.goal_class[v]);

  for (GoalClass c : outcomes) {
    OutcomeReport out;
    out.outcome = c;
    std::vector<std::uint8_t> threat[2];
    for (int i = 0; i < 2; ++i)
      threat[i] = force_final_class(p, players[i], [&](GoalClass d) { return pref[i].strictly_better(d, c); });
    out.safe.assign(n, 0);
    for (int v = 0; v < n; ++v) out.safe[v] = !threat[0][v] && !threat[1][v];
    witness_play(p, out.safe, class_recurrent(p, out.safe), initial, c, out);
    out.equilibrium = !out.witness.empty();
    if (out.equilibrium)
      for (int j = 0; j < 2; ++j)
        for (int u = 0; u < n; ++u) {
          // The punisher is the other player; outside Threat_j it always has a move that
          // stays out (the complement of j's attractor is a trap for j).
          if (g.owner(u) == players[j] || threat[j][u]) continue;
          bool exposed = false;
          std::size_t stay = g.out_end(u);
          for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) {
            if (threat[j][g.edge_target(e)]) exposed = true;
            else if (stay == g.out_end(u)) stay = e;
          }
          if (exposed && stay != g.out_end(u)) out.punish[j].push_back({u, stay});
        }
    if (!out.equilibrium) {
      for (int i = 0; i < 2 && out.reason.empty(); ++i)
        if (threat[i][initial])
          out.reason = std::string(i == 0 ? "P1" : "P2") + " can force from the start an outcome it strictly prefers";
      if (out.reason.empty())
        out.reason = "every play that ends in this outcome passes a state from which a player can force an outcome "
                     "it strictly prefers";
    }
    report.outcomes.push_back(std::move(out));
  }
  // Pareto efficiency among the outcomes of plays from x0.
  for (OutcomeReport& o : report.outcomes) {
    o.pareto_efficient = std::none_of(outcomes.begin(), outcomes.end(), [&](GoalClass d) {
      return d != o.outcome && pref[0].at_least(d, o.outcome) && pref[1].at_least(d, o.outcome) &&
             (pref[0].strictly_better(d, o.outcome) || pref[1].strictly_better(d, o.outcome));
    });
  }
  // Maximal sure winning: the ⪰_i-maximal outcomes player i can guarantee alone.
  for (int i = 0; i < 2; ++i) {
    std::vector<GoalClass> sure;
    for (GoalClass c : outcomes)
      if (force_final_class(p, players[i], [&](GoalClass d) { return pref[i].at_least(d, c); })[initial])
        sure.push_back(c);
    for (GoalClass c : sure)
      if (std::none_of(sure.begin(), sure.end(), [&](GoalClass d) { return pref[i].strictly_better(d, c); }))
        report.guaranteed[i].push_back(c);
  }
  return report;
}

}  // namespace eqlab
