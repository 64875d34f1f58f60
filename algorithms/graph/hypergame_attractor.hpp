#pragma once
// The defender's attractor in the hypergame graph H, built for one set of fake targets
// and then grown trap by trap. Traps are invisible to the attacker, so H does not change
// when one is added: the region for T ∪ {s} is the attractor seeded with the region for T
// and the states of s, and costs only what it adds. add(..., remember) keeps an undo log
// so that a greedy step can try every candidate on one shared state.
//
// Reference: Kulkarni, Cohen, Kamhoua, Fu, "Integrated Resource Allocation and Strategy
// Synthesis in Safety Games on Graphs with Deception", 2024, arXiv:2407.14436.
// Cost: O(|V| + |E|) to build; add() costs the in-edges of the states it adds; undo()
// the same.
// See docs/algorithms/graph-decoys.md, "Decoy placement" (incremental traps).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/algorithms/graph/deception.hpp>

namespace eqlab {

class HypergameAttractor {
 public:
  // H for the fakes of `decoys`, with every decoy state of W2 (traps and fakes) as a target.
  HypergameAttractor(const DeceptionEvaluator& evaluator, const DecoySets& decoys);

  std::size_t size() const { return size_; }
  const std::vector<std::uint8_t>& region() const { return joined_; }
  // Ranks in H (0 on decoys; FIFO layers). Exact for the decoys given to the constructor;
  // after add() the added states' ranks are upper bounds.
  const std::vector<int>& rank() const { return rank_; }
  const std::vector<int>& perceived_rank() const { return perceived_; }

  // Makes `states` targets (those in W2 \ F not yet in the region) and propagates; returns
  // how many states joined. With remember, undo() takes the addition back.
  std::size_t add(std::span<const int> states, bool remember);
  void undo();

 private:
  void join(int v, int r);
  void propagate(std::size_t from);

  const TurnGame& game_;
  const std::vector<std::uint8_t>& w2_;
  const std::vector<std::uint8_t>& is_target_;
  std::vector<int> perceived_;
  std::vector<std::uint8_t> joined_;
  std::vector<std::size_t> remaining_;  // attacker states: SR edges inside W2 not yet won
  std::vector<int> rank_;
  std::vector<int> queue_;
  std::size_t size_ = 0;
  // Undo log: the queue position where the remembered addition started, and every
  // counter it decremented.
  bool remembering_ = false;
  std::size_t undo_from_ = 0;
  std::vector<int> decremented_;
};

}  // namespace eqlab
