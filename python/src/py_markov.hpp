#pragma once
// eqlab.MarkovGame and Markov runs: episodic m-player Markov games (built-in generators or
// "markov" files and dicts), solved by the Markov learners of the registry.
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <pybind11/pybind11.h>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/games/markov/markov_game.hpp>

namespace eqlab::python {

struct PyMarkovGame {
  std::shared_ptr<MarkovModel> model;
  // Where it came from, for what the model does not keep (a file's reward feature map):
  // the spec or path it was loaded from, or the dict it was given.
  std::string source;
  std::optional<nlohmann::json> document;
};

std::shared_ptr<PyMarkovGame> load_markov_object(const pybind11::object& spec);

void bind_markov(pybind11::module_& m);

}  // namespace eqlab::python
