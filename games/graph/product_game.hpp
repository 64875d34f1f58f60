#pragma once
// The product of a graph game with goal automata (docs/algorithms/graph-decoys.md): a state
// is a vertex together with the state of every goal automaton after reading the labels of
// the vertices visited so far, the vertex's own included. It is built lazily, from the
// initial vertices forward, so only reachable combinations exist. The product is itself a
// TurnGame (owners and actions of the underlying vertices), so every attractor applies;
// each product state carries the class of goals achieved there, which never shrinks
// along a play (goals are co-safety).
#include <cstddef>
#include <vector>

#include <eqlab/games/graph/temporal_goals.hpp>
#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab {

struct ProductGame {
  TurnGame game;
  std::vector<GoalClass> goal_class;  // per product state
  std::vector<int> vertex;            // per product state: the graph vertex
  std::vector<int> initial;           // the product states of the initial vertices
};

// Throws InputError when the graph has no initial vertex ("init"), and UsageError when the
// product would exceed max_states.
ProductGame build_product(const TurnGame& graph, const std::vector<GoalAutomaton>& goals,
                          std::size_t max_states = std::size_t{1} << 22);

}  // namespace eqlab
