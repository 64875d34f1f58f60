#pragma once
// Almost-sure reachability in a one-and-a-half-player graph: choice nodes, where the
// defender picks a successor, and random nodes, where every successor has positive
// probability. The largest set from which the defender reaches B with probability 1 is
//   W = νX. μY. B ∪ {u ∈ C∩X : succ(u) ∩ Y ≠ ∅} ∪ {u ∈ R∩X : succ(u) ⊆ X, succ(u) ∩ Y ≠ ∅},
// computed by rounds of a backward search inside X, each O(|V| + |E|). A node with no
// successor that is not in B is lost. An MDP with actions (action a of u has an outcome
// set) is the same graph with a random node per action.
//
// Reference: Baier, Katoen, "Principles of Model Checking", MIT Press 2008 (the
// maximal-probability-1 reachability algorithm); used for DASWin as in Kulkarni, Cohen,
// Kamhoua, Fu, "Integrated Resource Allocation and Strategy Synthesis in Safety Games on
// Graphs with Deception", 2024, arXiv:2407.14436.
// Cost: O(|V| + |E|) per round, at most |V| rounds: O(|V|·|E|) worst case.
// See docs/algorithms/graph-decoys.md, "Almost-sure reachability".
#include <cstddef>
#include <climits>
#include <cstdint>
#include <vector>

namespace eqlab {

inline constexpr int kNoLevel = INT_MAX;

class OneAndHalfGraph {
 public:
  enum class Kind : std::uint8_t { choice, random };

  int add_node(Kind kind);
  // Edges may be added in any order; finish() groups them before the search.
  void add_edge(int from, int to) { edges_.push_back({from, to}); }
  int num_nodes() const { return static_cast<int>(kind_.size()); }
  Kind kind(int u) const { return static_cast<Kind>(kind_[u]); }
  void clear();

 private:
  friend const std::vector<std::uint8_t>& almost_sure_reach(OneAndHalfGraph& graph,
                                                            const std::vector<std::uint8_t>& goal,
                                                            std::vector<int>* level);
  void finish();
  struct Edge {
    int from, to;
  };
  std::vector<std::uint8_t> kind_;
  std::vector<Edge> edges_;
  std::vector<std::size_t> out_begin_, in_begin_;
  std::vector<int> out_, in_;
  // Search buffers.
  std::vector<std::uint8_t> in_x_, in_y_, all_in_x_;
  std::vector<int> depth_, queue_;
  std::vector<std::size_t> out_fill_, in_fill_;
};

// The mask of W (valid until the graph is searched again or cleared). With `level`, the
// backward-search level of the last round per node (0 on B, kNoLevel outside W): the
// defender's strategy moves to a successor of smaller level. The graph keeps its buffers
// between searches, so that a graph cleared and refilled costs no allocation.
const std::vector<std::uint8_t>& almost_sure_reach(OneAndHalfGraph& graph, const std::vector<std::uint8_t>& goal,
                                                   std::vector<int>* level = nullptr);

}  // namespace eqlab
