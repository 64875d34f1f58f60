#include "py_markov.hpp"

#include <string>

#include <pybind11/stl.h>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>
#include <eqlab/sim/result_documents.hpp>

#include "json_bridge.hpp"

namespace py = pybind11;

namespace eqlab::python {

std::shared_ptr<PyMarkovGame> load_markov_object(const py::object& spec) {
  auto game = std::make_shared<PyMarkovGame>();
  if (py::isinstance<py::dict>(spec))
    game->model = std::make_shared<TableMarkovModel>(parse_markov_game(from_python(spec), "<dict>"));
  else
    game->model = load_markov_model(py::cast<std::string>(py::str(spec)));
  return game;
}

namespace {

// The run `eqlab solve MARKOV_GAME` makes, returning its result document as a dict.
py::object solve_markov(const std::shared_ptr<PyMarkovGame>& game, const std::string& name, std::int64_t episodes,
                        int checkpoints, std::uint64_t seed, const py::kwargs& params) {
  const nlohmann::json solver_params = params ? from_python(params) : nlohmann::json::object();
  std::unique_ptr<MarkovSolver> solver = make_markov_solver(name, *game->model, solver_params, seed, episodes);
  MarkovRunOptions run;
  run.episodes = episodes;
  run.checkpoints = checkpoints;
  MarkovRunResult result;
  {
    py::gil_scoped_release release;
    result = run_markov_solver(*solver, *game->model, run);
  }
  return to_python(markov_result_json(*solver, *game->model, seed, result));
}

}  // namespace

void bind_markov(py::module_& m) {
  py::class_<PyMarkovGame, std::shared_ptr<PyMarkovGame>>(m, "MarkovGame", R"doc(
An episodic m-player Markov game: a built-in generator ("markov-random(players=3)") or a
"markov" file or dict. eqlab.load returns one for these.)doc")
      .def_property_readonly("name", [](const PyMarkovGame& g) { return g.model->name(); })
      .def_property_readonly("kind", [](const PyMarkovGame&) { return "markov"; })
      .def_property_readonly("num_players", [](const PyMarkovGame& g) { return g.model->num_players(); })
      .def_property_readonly("horizon", [](const PyMarkovGame& g) { return g.model->horizon(); })
      .def_property_readonly("num_states", [](const PyMarkovGame& g) { return g.model->num_states(); })
      .def_property_readonly("actions", [](const PyMarkovGame& g) {
        std::vector<int> actions;
        for (int i = 0; i < g.model->num_players(); ++i) actions.push_back(g.model->num_actions(i));
        return actions;
      }, "the number of actions of each player")
      .def("__repr__", [](const PyMarkovGame& g) {
        return "<eqlab.MarkovGame " + g.model->name() + ": " + std::to_string(g.model->num_players()) +
               " players, horizon " + std::to_string(g.model->horizon()) + ">";
      });
  m.def("solve", &solve_markov, py::arg("game"), py::arg("solver") = "cce-v", py::arg("episodes") = 100000,
        py::arg("checkpoints") = 20, py::arg("seed") = 0,
        "Runs a Markov learner as `eqlab solve` does and returns the result document as a dict.");
}

}  // namespace eqlab::python
