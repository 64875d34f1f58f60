#include <eqlab/algorithms/graph/deception.hpp>

#include <algorithm>

#include <eqlab/algorithms/graph/almost_sure.hpp>
#include <eqlab/algorithms/graph/hypergame_attractor.hpp>

namespace eqlab {

std::string mode_name(DeceptionMode mode) { return mode == DeceptionMode::clean ? "clean" : "reference"; }
std::string region_name(DeceptionRegion region) { return region == DeceptionRegion::sure ? "dswin" : "daswin"; }

std::optional<DeceptionMode> mode_from_name(std::string_view name) {
  for (DeceptionMode mode : {DeceptionMode::clean, DeceptionMode::reference})
    if (name == mode_name(mode)) return mode;
  return std::nullopt;
}

std::optional<DeceptionRegion> region_from_name(std::string_view name) {
  for (DeceptionRegion region : {DeceptionRegion::sure, DeceptionRegion::almost_sure})
    if (name == region_name(region)) return region;
  return std::nullopt;
}

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
  if (which == DeceptionRegion::sure) {
    const HypergameAttractor h(*this, decoys);
    if (region) *region = h.region();
    return h.size();
  }
  return mode_ == DeceptionMode::clean ? daswin_clean(decoys, region) : daswin_reference(decoys, region);
}

double DeceptionEvaluator::value(DeceptionRegion which, const DecoySets& decoys) const {
  if (denominator_ == 0) return 0.0;
  return static_cast<double>(region_size(which, decoys)) / static_cast<double>(denominator_);
}

DeceptiveStrategy DeceptionEvaluator::almost_sure_strategy(const DecoySets& decoys) const {
  DeceptiveStrategy s;
  if (mode_ == DeceptionMode::clean) daswin_clean(decoys, &s.region, &s);
  else daswin_reference(decoys, &s.region, &s);
  for (int u = 0; u < game_.num_vertices(); ++u)
    if (game_.owner(u) == GraphPlayer::defender && !base_.win2[u]) s.defender_move[u] = base_.defender_move[u];
  return s;
}

DeceptiveStrategy DeceptionEvaluator::sure_strategy(const DecoySets& decoys) const {
  const HypergameAttractor h(*this, decoys);
  DeceptiveStrategy s{h.region(), h.rank(), {}, h.perceived_rank()};
  const TurnGame& g = game_;
  s.defender_move.assign(g.num_vertices(), -1);
  for (int u = 0; u < g.num_vertices(); ++u) {
    if (g.owner(u) != GraphPlayer::defender) continue;
    if (!base_.win2[u]) {
      s.defender_move[u] = base_.defender_move[u];
    } else if (s.region[u] && s.rank[u] > 0) {
      s.defender_move[u] = descending_edge(g, s.rank, u);
    }
  }
  return s;
}

// DASWin, clean: defender states of W2 \ (F ∪ D) choose, attacker states there move at
// random along their SR_as edges (those into the perceived region W2^Y), F and D are
// absorbing, and an edge leaving W2 goes to OUT. Goal: D ∩ W2 and OUT.
std::size_t DeceptionEvaluator::daswin_clean(const DecoySets& decoys, std::vector<std::uint8_t>* region,
                                             DeceptiveStrategy* strategy) const {
  const TurnGame& g = game_;
  const int n = g.num_vertices();
  thread_local std::vector<std::uint8_t> trap, fake;
  decoy_masks(decoys, trap, fake);
  const std::vector<int> perceived = perceived_ranks(decoys.fakes);
  const std::vector<std::uint8_t>& w2 = base_.win2;

  // Evaluations run by the thousand in placement: the graph and masks keep their buffers.
  thread_local OneAndHalfGraph m;
  thread_local std::vector<int> node;
  thread_local std::vector<std::uint8_t> goal;
  m.clear();
  node.assign(n, -1);
  goal.clear();
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
  std::vector<int> level;
  const std::vector<std::uint8_t>& won = almost_sure_reach(m, goal, strategy ? &level : nullptr);
  std::size_t size = 0;
  if (region) region->assign(n, 0);
  for (int v = 0; v < n; ++v)
    if (node[v] >= 0 && won[node[v]]) {
      ++size;
      if (region) (*region)[v] = 1;
    }
  if (strategy) {
    strategy->perceived_rank = perceived;
    strategy->rank.assign(n, kNoRank);
    strategy->defender_move.assign(n, -1);
    for (int v = 0; v < n; ++v)
      if (node[v] >= 0 && won[node[v]]) strategy->rank[v] = level[node[v]];
    for (int u = 0; u < n; ++u)
      if (g.owner(u) == GraphPlayer::defender && node[u] >= 0 && won[node[u]] && strategy->rank[u] > 0)
        strategy->defender_move[u] = descending_edge(g, strategy->rank, u);
  }
  return size;
}

// DASWin, reference: an MDP over the defender states of W2 \ (F ∪ D) with a goal qF and a
// sink. Defender action a at u, v = δ(u, a): to qF when v is a decoy, to the sink when v
// is a target, else to the outcomes δ(v, b) of the attacker's SR_as moves b at v, decoys
// mapped to qF and targets to the sink, outcomes outside W2 and attacker-owned outcomes
// dropped; an action left without outcomes is dropped. DASWin = the almost-sure winning
// defender states, all decoy states, and the attacker states v of W2^Y \ F whose SR_as
// successors all lie in that set (a successor outside W2 counts as lost).
std::size_t DeceptionEvaluator::daswin_reference(const DecoySets& decoys, std::vector<std::uint8_t>* region,
                                                 DeceptiveStrategy* strategy) const {
  const TurnGame& g = game_;
  const int n = g.num_vertices();
  thread_local std::vector<std::uint8_t> trap, fake;
  decoy_masks(decoys, trap, fake);
  const std::vector<int> perceived = perceived_ranks(decoys.fakes);
  const std::vector<std::uint8_t>& w2 = base_.win2;
  auto decoy = [&](int v) { return trap[v] || fake[v]; };

  thread_local OneAndHalfGraph m;
  thread_local std::vector<int> node;
  thread_local std::vector<std::uint8_t> goal;
  m.clear();
  node.assign(n, -1);
  goal.clear();
  for (int v = 0; v < n; ++v)
    if (w2[v] && !is_target_[v] && !decoy(v) && g.owner(v) == GraphPlayer::defender) {
      node[v] = m.add_node(OneAndHalfGraph::Kind::choice);
      goal.push_back(0);
    }
  const int q_goal = m.add_node(OneAndHalfGraph::Kind::choice);
  goal.push_back(1);
  const int sink = m.add_node(OneAndHalfGraph::Kind::choice);
  goal.push_back(0);
  thread_local std::vector<int> outcomes;
  struct ActionEdge {
    int action, state;
    std::size_t edge;
  };
  std::vector<ActionEdge> action_edge;  // strategy only: each action node, its state and edge
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
      if (strategy) action_edge.push_back({action, u, e});
      m.add_edge(node[u], action);
      for (int o : outcomes) m.add_edge(action, o);
    }
  }
  std::vector<int> level;
  const std::vector<std::uint8_t>& won = almost_sure_reach(m, goal, strategy ? &level : nullptr);
  if (strategy) {
    // A defender state plays an action of smaller level; actions were added per state in
    // edge order, so the first such action is the one kept.
    strategy->perceived_rank = perceived;
    strategy->rank.assign(n, kNoRank);
    strategy->defender_move.assign(n, -1);
    for (int v = 0; v < n; ++v)
      if (node[v] >= 0 && won[node[v]]) strategy->rank[v] = level[node[v]];
    for (const auto& [action, u, e] : action_edge) {
      if (strategy->defender_move[u] < 0 && strategy->rank[u] != kNoRank && won[action] &&
          level[action] < strategy->rank[u])
        strategy->defender_move[u] = static_cast<long long>(e);
    }
  }

  thread_local std::vector<std::uint8_t> in, result;
  in.assign(n, 0);
  for (int v = 0; v < n; ++v)
    if ((node[v] >= 0 && won[node[v]]) || decoy(v)) in[v] = 1;
  result = in;
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
  if (region) *region = result;
  return size;
}

}  // namespace eqlab
