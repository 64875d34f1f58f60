#pragma once
// eqlab.Game: an extensive-form or normal-form game, loaded and compiled once, that solvers
// and evaluators share. Built from a built-in spec, a file, or a dict in eqlab's JSON format.
#include <memory>
#include <string>

#include <pybind11/pybind11.h>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/io/game_source.hpp>

namespace eqlab::python {

struct PyGame {
  LoadedGame loaded;
  CompiledGame compiled;
};

// `spec`: a built-in game ("kuhn", "leduc_poker", "goofspiel(cards=4)"), a file path, or a
// dict in eqlab's JSON game format. ValueError naming the file and JSON pointer otherwise.
std::shared_ptr<PyGame> load_game_object(const pybind11::object& spec);

void bind_game(pybind11::module_& m);

}  // namespace eqlab::python
