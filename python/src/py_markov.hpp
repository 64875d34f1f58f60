#pragma once
// eqlab.MarkovGame and Markov runs: episodic m-player Markov games (built-in generators or
// "markov" files and dicts), solved by the Markov learners of the registry.
#include <memory>

#include <pybind11/pybind11.h>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/games/markov/markov_game.hpp>

namespace eqlab::python {

struct PyMarkovGame {
  std::shared_ptr<MarkovModel> model;
};

std::shared_ptr<PyMarkovGame> load_markov_object(const pybind11::object& spec);

void bind_markov(pybind11::module_& m);

}  // namespace eqlab::python
