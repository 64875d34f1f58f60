#pragma once
// Random turn-based graph games shaped like the decoy-placement paper's second experiment
// (docs/algorithms/graph-decoys.md): vertices s0, s1, ...; odd indices belong to the
// defender, even ones to the attacker; each vertex gets 1 to max_actions actions (uniform),
// each leading to a uniformly drawn vertex of the other player, so turns alternate; the
// targets are `targets` uniform draws with replacement. Drawn from eqlab's counter-based
// RNG: the same seed gives the same game, but not the published games (load those with
// load_reference_model).
#include <cstdint>

#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab {

struct RandomGraphParams {
  int vertices = 150;
  int max_actions = 5;
  int targets = 10;
  std::uint64_t seed = 0;
};

TurnGame make_random_graph(const RandomGraphParams& params);

}  // namespace eqlab
