#include <eqlab/algorithms/graph/hypergame_attractor.hpp>

#include <algorithm>

namespace eqlab {

HypergameAttractor::HypergameAttractor(const DeceptionEvaluator& evaluator, const DecoySets& decoys)
    : game_(evaluator.game()),
      w2_(evaluator.base().win2),
      is_target_(evaluator.target_mask()),
      perceived_(evaluator.perceived_ranks(decoys.fakes)) {
  const TurnGame& g = game_;
  const int n = g.num_vertices();
  joined_.assign(n, 0);
  remaining_.assign(n, 0);
  rank_.assign(n, kNoRank);
  queue_.reserve(n);
  std::vector<std::uint8_t> decoy(n, 0);
  for (const std::vector<int>* sites : {&decoys.traps, &decoys.fakes})
    for (int s : *sites)
      for (int v : g.sites()[s].vertices) decoy[v] = 1;
  std::vector<int> out_now;  // clean mode: attacker states whose SR edges all leave W2
  for (int v = 0; v < n; ++v) {
    if (!w2_[v] || is_target_[v]) continue;
    if (decoy[v]) {
      join(v, 0);
      continue;
    }
    if (g.owner(v) == GraphPlayer::defender) continue;
    bool leaves = false;
    for (std::size_t e = g.out_begin(v); e < g.out_end(v); ++e) {
      const int t = g.edge_target(e);
      if (perceived_[t] >= perceived_[v]) continue;  // not subjectively rationalizable
      if (w2_[t]) ++remaining_[v];
      else leaves = true;
    }
    // Clean mode: an SR edge leaving W2 reaches OUT (rank 0), already won; with no other
    // SR edge the state is won at rank 1. Reference mode deletes such edges.
    if (evaluator.mode() == DeceptionMode::clean && leaves && remaining_[v] == 0) out_now.push_back(v);
  }
  for (int v : out_now) join(v, 1);  // after every rank-0 state, for FIFO ranks
  propagate(0);
}

void HypergameAttractor::join(int v, int r) {
  joined_[v] = 1;
  rank_[v] = r;
  queue_.push_back(v);
  ++size_;
}

void HypergameAttractor::propagate(std::size_t from) {
  const TurnGame& g = game_;
  for (std::size_t head = from; head < queue_.size(); ++head) {
    const int v = queue_[head];
    for (int u : g.predecessors(v)) {
      if (joined_[u] || !w2_[u] || is_target_[u]) continue;
      if (g.owner(u) == GraphPlayer::defender) {
        join(u, rank_[v] + 1);
      } else if (perceived_[v] < perceived_[u]) {
        if (remembering_) decremented_.push_back(u);
        if (--remaining_[u] == 0) join(u, rank_[v] + 1);
      }
    }
  }
}

std::size_t HypergameAttractor::add(std::span<const int> states, bool remember) {
  remembering_ = remember;
  undo_from_ = queue_.size();
  decremented_.clear();
  const std::size_t before = size_;
  for (int v : states)
    if (w2_[v] && !is_target_[v] && !joined_[v]) join(v, 0);
  propagate(undo_from_);
  remembering_ = false;
  return size_ - before;
}

void HypergameAttractor::undo() {
  for (int u : decremented_) ++remaining_[u];
  decremented_.clear();
  for (std::size_t k = undo_from_; k < queue_.size(); ++k) {
    joined_[queue_[k]] = 0;
    rank_[queue_[k]] = kNoRank;
  }
  size_ -= queue_.size() - undo_from_;
  queue_.resize(undo_from_);
}

}  // namespace eqlab
