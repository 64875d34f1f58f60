#pragma once
// The JSON ".model" files of the published decoy-placement experiments (arXiv 2407.14436,
// shared/games/decoys/random-graphs): "states" {id: name}, "turn" {id: 1|2},
// "transitions" {id: {action: id}}, "label" {id: set of atoms} where the atom "goal" marks
// a target; sets are written {"__type__": "set", "__value__": [...]}. Vertex names are the
// numeric ids ("0", "1", ...), in ascending numeric order, so that site order (the order
// greedy placement breaks ties in) is the id order of the published results.
#include <string>

#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab {

// Throws InputError(path, pointer, what) for anything that is not such a model.
TurnGame load_reference_model(const std::string& path);

}  // namespace eqlab
