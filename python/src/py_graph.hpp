#pragma once
// eqlab.GraphGame, decoy placement and preference equilibria: two-player turn-based games
// on graphs (graph JSON files and dicts, GraphML, DOT, the built-in gridworld and
// random-graph), as `eqlab decoys` and `eqlab preferences` take them.
#include <memory>

#include <pybind11/pybind11.h>

#include <eqlab/games/graph/turn_game.hpp>

namespace eqlab::python {

struct PyGraphGame {
  TurnGame game;
};

// A graph file or built-in spec, or a dict of type "graph".
std::shared_ptr<PyGraphGame> load_graph_object(const pybind11::object& spec);

void bind_graph(pybind11::module_& m);

}  // namespace eqlab::python
