#pragma once
// Sure winning in two-player turn-based reachability games.
//
// attractor_ranks(g, p, targets): the rank of every vertex in p's attractor to `targets`,
// in O(|V| + |E|). Rank 0 is a target; a vertex of p gets rank r + 1 from its first
// successor of rank r, an opponent vertex when its last successor has been ranked (edges
// are counted one by one, so two actions to one successor count twice). The FIFO order
// makes the rank the layer of the usual fixpoint X_{k+1} = X_k ∪ Pre_p(X_k). Targets are
// absorbing (their own edges are ignored); an opponent vertex without edges never joins.
//
// Reference: Kulkarni, Cohen, Kamhoua, Fu, "Integrated Resource Allocation and Strategy
// Synthesis in Safety Games on Graphs with Deception", 2024, arXiv:2407.14436.
// Cost: O(|V| + |E|) per attractor; solve_reachability one attractor plus one pass.
// See docs/algorithms/graph-decoys.md, "Attractors: sure winning".
#include <climits>
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab {

inline constexpr int kNoRank = INT_MAX;  // not in the attractor

// `targets` is a mask over the vertices (non-zero: a target).
std::vector<int> attractor_ranks(const TurnGame& g, GraphPlayer p, std::span<const std::uint8_t> targets);

// The base solve of the reachability game G = (V, E, F): the attacker's winning region
// Win2 = Attr2(F) with its ranks, the defender's Win1 = V \ Win2, and memoryless winning
// strategies for both (an out-edge index per vertex, or -1 where the player does not
// move or has no winning move).
struct ReachabilitySolution {
  std::vector<int> rank;                  // attacker ranks; kNoRank outside Win2
  std::vector<std::uint8_t> win2;         // 1 on Win2
  std::size_t win2_size = 0;
  std::vector<long long> attacker_move;   // on attacker vertices of Win2 \ F: an edge to a smaller rank
  std::vector<long long> defender_move;   // on defender vertices of Win1: an edge that stays in Win1
};

ReachabilitySolution solve_reachability(const TurnGame& g);

// The first out-edge of u to a vertex of smaller rank (the move of a rank-decreasing
// strategy), or -1.
long long descending_edge(const TurnGame& g, std::span<const int> rank, int u);

}  // namespace eqlab
