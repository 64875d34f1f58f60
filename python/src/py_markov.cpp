#include "py_markov.hpp"

#include <string>

#include <pybind11/stl.h>

#include <eqlab/algorithms/markov/play_file.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/json_markov.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/sim/markov/markov_runner.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/result_files.hpp>

#include "json_bridge.hpp"
#include "progress_hook.hpp"

namespace py = pybind11;

namespace eqlab::python {

std::shared_ptr<PyMarkovGame> load_markov_object(const py::object& spec) {
  auto game = std::make_shared<PyMarkovGame>();
  if (py::isinstance<py::dict>(spec)) {
    game->document = from_python(spec);
    game->model = std::make_shared<TableMarkovModel>(parse_markov_game(*game->document, "<dict>"));
  } else {
    game->source = py::cast<std::string>(py::str(spec));
    game->model = load_markov_model(game->source);
  }
  return game;
}

namespace {

// Episodes between two checks for Ctrl-C.
constexpr std::int64_t kEpisodesBetweenSignalChecks = 16;

// A Markov learner played episode by episode, measured on demand as a checkpoint of
// `eqlab solve` measures it.
class PyMarkovSolver {
 public:
  PyMarkovSolver(std::shared_ptr<PyMarkovGame> game, const std::string& name, std::uint64_t seed,
                 std::int64_t episodes, const py::kwargs& params)
      : game_(std::move(game)),
        solver_(make_markov_solver(name, *game_->model, params ? from_python(params) : nlohmann::json::object(), seed,
                                   episodes)),
        seed_(seed) {}

  // Plays `count` more episodes with the interpreter lock released; Ctrl-C stops between
  // episodes with KeyboardInterrupt. Returns false when the learner has stopped by itself
  // (Nash-CA's certified output), true otherwise.
  bool step(std::int64_t count) {
    if (count < 0) throw py::value_error("step takes a number of episodes >= 0");
    if (!playing_ || count == 0) return playing_;
    const std::int64_t goal = solver_->episodes() + count;
    run_interruptibly([&] {
      const std::int64_t chunk_end = std::min(goal, solver_->episodes() + kEpisodesBetweenSignalChecks);
      while (solver_->episodes() < chunk_end)
        if (!solver_->run_episode()) {
          playing_ = false;
          return false;
        }
      return solver_->episodes() < goal;
    });
    return playing_;
  }

  // The checkpoint evaluation of `eqlab solve`: per output, its values and gaps.
  py::object metrics() const {
    nlohmann::ordered_json detail;
    MarkovRunOptions options;
    {
      py::gil_scoped_release release;
      evaluate_markov_outputs(*solver_, *game_->model, options, &detail);
    }
    return to_python(detail);
  }

  py::object policy() const { return to_python(output_policy_json(*game_->model, *solver_)); }

  // As `eqlab solve --policy PATH`: a name ending in .eqplay writes the play file of
  // cce-v/ce-v, any other name the JSON policy; the file appears only when whole.
  void write_policy(const std::string& path) const {
    const bool play = is_play_file_name(path);
    const VLearningSolver* learner = play_file_writer(*solver_);
    if (play && learner == nullptr) throw py::value_error(no_play_file_reason(*solver_));
    const nlohmann::ordered_json doc = play ? nlohmann::ordered_json() : output_policy_json(*game_->model, *solver_);
    if (!play && doc.is_null()) throw py::value_error(solver_->name() + " has no output policy yet");
    write_file_atomically(path, [&](std::ostream& out) {
      if (play) write_play_file(out, *game_->model, *learner, seed_);
      else out << doc.dump() << "\n";
    });
  }
  const MarkovSolver& solver() const { return *solver_; }

 private:
  std::shared_ptr<PyMarkovGame> game_;  // kept alive: the solver simulates its model
  std::unique_ptr<MarkovSolver> solver_;
  std::uint64_t seed_;
  bool playing_ = true;
};

// The run `eqlab solve MARKOV_GAME` makes, returning its result document as a dict.
py::object solve_markov(const std::shared_ptr<PyMarkovGame>& game, const std::string& name, std::int64_t episodes,
                        int checkpoints, std::uint64_t seed, const py::object& progress, const py::kwargs& params) {
  const nlohmann::json solver_params = params ? from_python(params) : nlohmann::json::object();
  std::unique_ptr<MarkovSolver> solver = make_markov_solver(name, *game->model, solver_params, seed, episodes);
  MarkovRunOptions run;
  run.episodes = episodes;
  run.checkpoints = checkpoints;
  run.on_progress = run_progress_hook(progress, episodes);
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
      .def_property_readonly("name", [](const PyMarkovGame& g) { return g.model->name(); }, "the game's name")
      .def_property_readonly("kind", [](const PyMarkovGame&) { return "markov"; }, "\"markov\"")
      .def_property_readonly("num_players", [](const PyMarkovGame& g) { return g.model->num_players(); }, "the number of players")
      .def_property_readonly("horizon", [](const PyMarkovGame& g) { return g.model->horizon(); }, "H, the steps of an episode")
      .def_property_readonly("num_states", [](const PyMarkovGame& g) { return g.model->num_states(); }, "S, the states per step")
      .def_property_readonly("actions", [](const PyMarkovGame& g) {
        std::vector<int> actions;
        for (int i = 0; i < g.model->num_players(); ++i) actions.push_back(g.model->num_actions(i));
        return actions;
      }, "the number of actions of each player")
      .def("evaluate_policy",
           [](const PyMarkovGame& g, const std::string& path) {
             MarkovPolicyFile policy = read_markov_policy(path, *g.model);
             nlohmann::ordered_json out;
             {
               py::gil_scoped_release release;
               out = markov_policy_evaluation_json(*g.model, policy);
             }
             return to_python(out);
           },
           py::arg("path"),
           "The values and gaps of a policy file (JSON or .eqplay) on this game, as `eqlab eval GAME PATH --json` "
           "prints them.")
      .def("to_dict", [](const PyMarkovGame& g) { return to_python(markov_game_to_json(*g.model)); },
           "The game as a dict of type \"markov\", one transition entry per (step, state, joint action) "
           "(eqlab.load takes it back); ValueError above a million entries.")
      .def("__repr__", [](const PyMarkovGame& g) {
        return "<eqlab.MarkovGame " + g.model->name() + ": " + std::to_string(g.model->num_players()) +
               " players, horizon " + std::to_string(g.model->horizon()) + ">";
      });
  py::class_<PyMarkovSolver>(m, "MarkovSolver", R"doc(
A Markov learner of the registry on a Markov game, played episode by episode:
eqlab.MarkovSolver(game, "cce-v", seed=0, episodes=100000) (episodes: the run's planned
length, which some learners tune to). Parameters are keyword arguments checked against the
learner's schema. step(n) plays n episodes with the interpreter lock released (Ctrl-C stops
between episodes); metrics() measures the outputs exactly, as a checkpoint of `eqlab solve`
does; policy() is the output policy (format eqlab-markov-policy/1).)doc")
      .def(py::init<std::shared_ptr<PyMarkovGame>, const std::string&, std::uint64_t, std::int64_t, const py::kwargs&>(),
           py::arg("game"), py::arg("name"), py::arg("seed") = 0, py::arg("episodes") = 100000)
      .def("step", &PyMarkovSolver::step, py::arg("episodes") = 1,
           "Plays more episodes; False once the learner has stopped by itself (Nash-CA).")
      .def_property_readonly("episodes", [](const PyMarkovSolver& s) { return s.solver().episodes(); },
                             "episodes played so far, every kind counted")
      .def_property_readonly("name", [](const PyMarkovSolver& s) { return s.solver().name(); }, "the learner's name")
      .def_property_readonly("concept", [](const PyMarkovSolver& s) { return std::string(concept_name(s.solver().solution_concept())); },
                             "what it learns: \"cce\", \"ce\" or \"nash\"")
      .def_property_readonly("params", [](const PyMarkovSolver& s) { return to_python(s.solver().params()); },
                             "every parameter with the value in use")
      .def("metrics", &PyMarkovSolver::metrics,
           "The exact evaluation of the outputs: certified CCE/CE gap bounds, the last iterate's and the visit "
           "average's Nash gaps, the correlated policy's CCE and CE gaps, and (exp3-ix) the episode-uniform "
           "mixture's CCE gap and bounds under \"mixture\", as the learner has them.")
      .def("policy", &PyMarkovSolver::policy, "The output policy as a dict (format eqlab-markov-policy/1).")
      .def("write_policy", &PyMarkovSolver::write_policy, py::arg("path"),
           "Writes the output policy as `eqlab solve --policy PATH` does: PATH ending in .eqplay gets the play file "
           "of cce-v/ce-v (eqlab-markov-play/1, a few bits per player and step), any other PATH the JSON policy.");
  m.def("_solve_markov", &solve_markov, py::arg("game"), py::arg("solver"), py::arg("episodes"),
        py::arg("checkpoints"), py::arg("seed"), py::arg("progress"),
        "Runs a Markov learner as `eqlab solve` does and returns the result document as a dict.");
}

}  // namespace eqlab::python
