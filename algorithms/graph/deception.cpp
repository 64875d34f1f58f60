#include <eqlab/algorithms/graph/deception.hpp>

#include <algorithm>

#include <eqlab/algorithms/graph/almost_sure.hpp>

namespace eqlab {

std::string mode_name(DeceptionMode mode) { return mode == DeceptionMode::clean ? "clean" : "reference"; }
std::string region_name(DeceptionRegion region) { return region == DeceptionRegion::sure ? "dswin" : "daswin"; }

DeceptionEvaluator::DeceptionEvaluator(const TurnGame& game, DeceptionMode mode)
    : game_(game), mode_(mode), base_(solve_reachability(game)), is_target_(game.num_vertices(), 0) {
  for (int t : game.targets()) is_target_[t] = 1;
  denominator_ = base_.win2_size - game.targets().size();
}

void DeceptionEvaluator::decoy_masks(const DecoySets& decoys, std::vector<std::uint8_t>& trap,
                                     std::vector<std::uint8_t>& fake) const {
  trap.assign(game_.num_vertices(), 0);
  fake.assign(game_.num_vertices(), 0);
  for (int s : decoys.traps)
    for (int v : game_.sites()[s].vertices) trap[v] = 1;
  for (int s : decoys.fakes)
    for (int v : game_.sites()[s].vertices) fake[v] = 1;
}

std::vector<int> DeceptionEvaluator::perceived_ranks(const std::vector<int>& fake_sites) const {
  std::vector<std::uint8_t> targets = is_target_;
  for (int s : fake_sites)
    for (int v : game_.sites()[s].vertices) targets[v] = 1;
  return attractor_ranks(game_, GraphPlayer::attacker, targets);
}

std::size_t DeceptionEvaluator::region_size(DeceptionRegion which, const DecoySets& decoys,
                                            std::vector<std::uint8_t>* region) const {
  if (which == DeceptionRegion::sure) return dswin(decoys, region);
  return mode_ == DeceptionMode::clean ? daswin_clean(decoys, region) : daswin_reference(decoys, region);
}

double DeceptionEvaluator::value(DeceptionRegion which, const DecoySets& decoys) const {
  if (denominator_ == 0) return 0.0;
  return static_cast<double>(region_size(which, decoys)) / static_cast<double>(denominator_);
}

// The defender's attractor to the decoys in H (§2.3). Nodes: W2. Decoys in W2 are the
// targets; F is absorbing and never joins. A defender node keeps all its edges (they stay
// in W2); an attacker node only its SR edges, those to a smaller perceived rank. An SR edge
// that leaves W2 goes to OUT, a defender target, in clean mode, and is deleted in reference
// mode.
std::size_t DeceptionEvaluator::dswin(const DecoySets& decoys, std::vector<std::uint8_t>* region,
                                      std::vector<int>* rank, std::vector<int>* perceived_out) const {
  const TurnGame& g = game_;
  const int n = g.num_vertices();
  std::vector<std::uint8_t> trap, fake;
  decoy_masks(decoys, trap, fake);
  const std::vector<int> perceived = perceived_ranks(decoys.fakes);
  const std::vector<std::uint8_t>& w2 = base_.win2;

  std::vector<std::uint8_t> joined(n, 0);
  std::vector<std::size_t> remaining(n, 0);
  std::vector<int> queue;
  if (rank) rank->assign(n, kNoRank);
  std::size_t size = 0;
  auto join = [&](int v, int r) {
    joined[v] = 1;
    queue.push_back(v);
    ++size;
    if (rank) (*rank)[v] = r;
  };
  for (int v = 0; v < n; ++v) {
    if (!w2[v] || is_target_[v]) continue;
    if (trap[v] || fake[v]) {
      join(v, 0);
      continue;
    }
    if (g.owner(v) == GraphPlayer::defender) continue;
    bool leaves = false;
    for (std::size_t e = g.out_begin(v); e < g.out_end(v); ++e) {
      const int t = g.edge_target(e);
      if (perceived[t] >= perceived[v]) continue;  // not subjectively rationalizable
      if (w2[t]) ++remaining[v];
      else leaves = true;
    }
    // Clean mode: every SR edge leaving W2 reaches OUT, already won; with no other SR edge
    // the node is won at once.
    if (mode_ == DeceptionMode::clean && leaves && remaining[v] == 0) join(v, 1);
  }
  // Ranks: a queue entry's rank is one more than the entry that completed it. The clean
  // mode's rank-1 entries were queued with the decoys; FIFO order still ranks them right
  // only if they come after every rank-0 entry, hence the stable partition.
  if (rank)
    std::stable_partition(queue.begin(), queue.end(), [&](int v) { return (*rank)[v] == 0; });
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const int v = queue[head];
    const int r = rank ? (*rank)[v] + 1 : 0;
    for (int u : g.predecessors(v)) {
      if (joined[u] || !w2[u] || is_target_[u]) continue;
      if (g.owner(u) == GraphPlayer::defender) {
        join(u, r);
      } else if (perceived[v] < perceived[u] && --remaining[u] == 0) {
        join(u, r);
      }
    }
  }
  if (region) *region = std::move(joined);
  if (perceived_out) *perceived_out = perceived;
  return size;
}

DeceptiveStrategy DeceptionEvaluator::sure_strategy(const DecoySets& decoys) const {
  DeceptiveStrategy s;
  dswin(decoys, &s.region, &s.rank, &s.perceived_rank);
  const TurnGame& g = game_;
  s.defender_move.assign(g.num_vertices(), -1);
  for (int u = 0; u < g.num_vertices(); ++u) {
    if (g.owner(u) != GraphPlayer::defender) continue;
    if (!base_.win2[u]) {
      s.defender_move[u] = base_.defender_move[u];
    } else if (s.region[u] && s.rank[u] > 0) {
      for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e)
        if (s.rank[g.edge_target(e)] < s.rank[u]) {
          s.defender_move[u] = static_cast<long long>(e);
          break;
        }
    }
  }
  return s;
}

// §2.4, clean: defender states of W2 \ (F ∪ D) choose, attacker states there move at
// random along their SR_as edges (those into the perceived region W2^Y), F and D are
// absorbing, and an edge leaving W2 goes to OUT. Goal: D ∩ W2 and OUT.
std::size_t DeceptionEvaluator::daswin_clean(const DecoySets& decoys, std::vector<std::uint8_t>* region) const {
  const TurnGame& g = game_;
  const int n = g.num_vertices();
  std::vector<std::uint8_t> trap, fake;
  decoy_masks(decoys, trap, fake);
  const std::vector<int> perceived = perceived_ranks(decoys.fakes);
  const std::vector<std::uint8_t>& w2 = base_.win2;

  OneAndHalfGraph m;
  std::vector<int> node(n, -1);
  std::vector<std::uint8_t> goal;
  for (int v = 0; v < n; ++v) {
    if (!w2[v]) continue;
    const bool absorbing = is_target_[v] || trap[v] || fake[v];
    node[v] = m.add_node(absorbing || g.owner(v) == GraphPlayer::defender ? OneAndHalfGraph::Kind::choice
                                                                          : OneAndHalfGraph::Kind::random);
    goal.push_back(trap[v] || fake[v]);
  }
  const int out = m.add_node(OneAndHalfGraph::Kind::choice);
  goal.push_back(1);
  for (int u = 0; u < n; ++u) {
    if (!w2[u] || is_target_[u] || trap[u] || fake[u]) continue;
    const bool attacker = g.owner(u) == GraphPlayer::attacker;
    for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) {
      const int t = g.edge_target(e);
      if (w2[t]) m.add_edge(node[u], node[t]);
      else if (attacker && perceived[t] != kNoRank) m.add_edge(node[u], out);
    }
  }
  const std::vector<std::uint8_t> won = almost_sure_reach(m, goal);
  std::size_t size = 0;
  if (region) region->assign(n, 0);
  for (int v = 0; v < n; ++v)
    if (node[v] >= 0 && won[node[v]]) {
      ++size;
      if (region) (*region)[v] = 1;
    }
  return size;
}

// §2.4, reference: an MDP over the defender states of W2 \ (F ∪ D) with a goal qF and a
// sink. Defender action a at u, v = δ(u, a): to qF when v is a decoy, to the sink when v
// is a target, else to the outcomes δ(v, b) of the attacker's SR_as moves b at v, decoys
// mapped to qF and targets to the sink, outcomes outside W2 and attacker-owned outcomes
// dropped; an action left without outcomes is dropped. DASWin = the almost-sure winning
// defender states, all decoy states, and the attacker states v of W2^Y \ F whose SR_as
// successors all lie in that set (a successor outside W2 counts as lost).
std::size_t DeceptionEvaluator::daswin_reference(const DecoySets& decoys, std::vector<std::uint8_t>* region) const {
  const TurnGame& g = game_;
  const int n = g.num_vertices();
  std::vector<std::uint8_t> trap, fake;
  decoy_masks(decoys, trap, fake);
  const std::vector<int> perceived = perceived_ranks(decoys.fakes);
  const std::vector<std::uint8_t>& w2 = base_.win2;
  auto decoy = [&](int v) { return trap[v] || fake[v]; };

  OneAndHalfGraph m;
  std::vector<int> node(n, -1);
  std::vector<std::uint8_t> goal;
  for (int v = 0; v < n; ++v)
    if (w2[v] && !is_target_[v] && !decoy(v) && g.owner(v) == GraphPlayer::defender) {
      node[v] = m.add_node(OneAndHalfGraph::Kind::choice);
      goal.push_back(0);
    }
  const int q_goal = m.add_node(OneAndHalfGraph::Kind::choice);
  goal.push_back(1);
  const int sink = m.add_node(OneAndHalfGraph::Kind::choice);
  goal.push_back(0);
  std::vector<int> outcomes;
  for (int u = 0; u < n; ++u) {
    if (node[u] < 0) continue;
    for (std::size_t e = g.out_begin(u); e < g.out_end(u); ++e) {
      const int v = g.edge_target(e);
      outcomes.clear();
      if (decoy(v)) {
        outcomes.push_back(q_goal);
      } else if (is_target_[v]) {
        outcomes.push_back(sink);
      } else {
        for (std::size_t f = g.out_begin(v); f < g.out_end(v); ++f) {
          const int w = g.edge_target(f);
          if (perceived[w] == kNoRank) continue;  // not an SR_as move of the attacker
          if (decoy(w)) outcomes.push_back(q_goal);
          else if (is_target_[w]) outcomes.push_back(sink);
          else if (w2[w] && node[w] >= 0) outcomes.push_back(node[w]);
        }
      }
      if (outcomes.empty()) continue;
      const int action = m.add_node(OneAndHalfGraph::Kind::random);
      goal.push_back(0);
      m.add_edge(node[u], action);
      for (int o : outcomes) m.add_edge(action, o);
    }
  }
  const std::vector<std::uint8_t> won = almost_sure_reach(m, goal);

  std::vector<std::uint8_t> in(n, 0);
  for (int v = 0; v < n; ++v)
    if ((node[v] >= 0 && won[node[v]]) || decoy(v)) in[v] = 1;
  std::vector<std::uint8_t> result = in;
  for (int v = 0; v < n; ++v) {
    if (g.owner(v) != GraphPlayer::attacker || perceived[v] == kNoRank || is_target_[v] || in[v]) continue;
    bool all = true, any = false;
    for (std::size_t e = g.out_begin(v); e < g.out_end(v) && all; ++e) {
      const int w = g.edge_target(e);
      if (perceived[w] == kNoRank) continue;
      any = true;
      all = in[w];
    }
    if (all && any) result[v] = 1;
  }
  std::size_t size = 0;
  for (int v = 0; v < n; ++v) size += result[v];
  if (region) *region = std::move(result);
  return size;
}

}  // namespace eqlab
