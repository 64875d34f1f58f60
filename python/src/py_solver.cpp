#include "py_solver.hpp"

#include <memory>
#include <optional>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/eval/mixture_meter.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/io/result_file.hpp>
#include <eqlab/sim/result_documents.hpp>
#include <eqlab/sim/runner.hpp>

#include "json_bridge.hpp"
#include "py_evaluate.hpp"
#include "py_game.hpp"
#include "py_graph.hpp"
#include "py_markov.hpp"
#include "progress_hook.hpp"

namespace py = pybind11;

namespace eqlab::python {

namespace {

// Steps between two checks for Ctrl-C: short enough to answer at once, long enough that
// the check costs nothing.
constexpr std::int64_t kStepsBetweenSignalChecks = 64;

// One NumPy array per player, each owning its moved vector (no copy of the numbers).
py::list arrays_of(Profile profile) {
  py::list out;
  for (std::vector<double>& x : profile) {
    auto* owned = new std::vector<double>(std::move(x));
    py::capsule free_when_done(owned, [](void* v) { delete static_cast<std::vector<double>*>(v); });
    out.append(py::array_t<double>(static_cast<py::ssize_t>(owned->size()), owned->data(), free_when_done));
  }
  return out;
}

Feedback feedback_of(const std::string& text) {
  if (text == "full") return Feedback::full;
  if (text == "bandit") return Feedback::bandit;
  throw py::value_error("feedback must be \"full\" or \"bandit\", not \"" + text + "\"");
}

class PySolver {
 public:
  PySolver(std::shared_ptr<PyGame> game, const std::string& name, const std::string& feedback, std::uint64_t seed,
           std::int64_t horizon, const py::kwargs& params)
      : game_(std::move(game)),
        entry_(&solver_entry(name, GameKind::extensive, feedback_of(feedback))),
        solver_(make_solver(*entry_, game_->compiled, params ? from_python(params) : nlohmann::json::object(), seed,
                            horizon)) {
    // Solvers whose output is the mixture of their rounds hand every round to the meter.
    // A K-EFCE learner's mixture is measured at its own K as well, as runs measure it.
    if (entry_->plays_mixture)
      meter_.emplace(game_->compiled, measured_kefce_k(*solver_, RunOptions{}, solver_->solution_concept()));
  }

  // Runs `count` iterations (episodes with bandit feedback) without the interpreter lock,
  // feeding the mixture meter every round; Ctrl-C stops between iterations with
  // KeyboardInterrupt, the solver intact at the iteration reached.
  void step(std::int64_t count) {
    if (count < 0) throw py::value_error("step takes a number of iterations >= 0");
    if (count == 0) return;
    std::int64_t done = 0;
    run_interruptibly([&] {
      for (const std::int64_t end = std::min(count, done + kStepsBetweenSignalChecks); done < end; ++done) {
        solver_->step();
        if (meter_)
          if (const Profile* played = solver_->played_profile()) meter_->add(*played, solver_->played_behavioural());
      }
      return done < count;
    });
  }

  // The exact metrics of the solver's output: exploitability, NashConv and values of its
  // profile; for solvers that play a mixture, the NFCCE and EFCE gaps of the rounds played
  // (and the K-EFCE gap at K for a K-EFCE learner).
  py::dict metrics() const {
    py::dict out;
    const NashReport nash = evaluate_nash(game_->compiled, solver_->output_profile());
    out["exploitability"] = nash.exploitability;
    out["nash_conv"] = nash.nash_conv;
    out["values"] = nash.values;
    if (meter_ && solver_->iteration() > 0) add_mixture_report(out, meter_->report(), "mixture_values");
    return out;
  }

  // {player: {infoset: {action: probability}}} of the output profile, as in result files.
  py::object strategies() const {
    return to_python(strategies_to_json(game_->compiled, solver_->output_profile()));
  }

  // The output profile in sequence form, one NumPy array per player. The profile is
  // computed afresh (an average over the run); each array takes over its vector, so it
  // is not copied again.
  py::list sequence_form() const { return arrays_of(solver_->output_profile()); }

  // The product profile played in the last round, in sequence form; None for solvers that
  // play none (alternating updates) and before the first round.
  py::object played() const {
    const Profile* played = solver_->played_profile();
    if (played == nullptr || solver_->iteration() == 0) return py::none();
    return arrays_of(Profile(*played));
  }

  const Solver& solver() const { return *solver_; }
  const SolverEntry& entry() const { return *entry_; }

 private:
  std::shared_ptr<PyGame> game_;  // kept alive: the solver reads its compiled game
  const SolverEntry* entry_;
  std::unique_ptr<Solver> solver_;
  std::optional<MixtureMeter> meter_;
};

py::dict schema_of(const SolverEntry& e) {
  py::dict params;
  for (const ParamSpec& p : e.params) {
    py::dict spec;
    spec["accepts"] = p.what();
    spec["default"] = p.default_text;
    spec["doc"] = p.doc;
    if (!p.source.empty()) spec["source"] = p.source;
    params[py::str(p.name)] = spec;
  }
  py::dict out;
  out["name"] = e.name;
  out["game"] = std::string(game_kind_name(e.game_kind));
  out["feedback"] = std::string(feedback_name(e.feedback));
  out["concept"] = std::string(concept_name(e.learns));
  out["summary"] = e.summary;
  out["note"] = "docs/algorithms/" + e.note;
  out["params"] = params;
  return out;
}

// eqlab.solve: the run `eqlab solve` makes, returning its result document as a dict.
py::object solve(std::shared_ptr<PyGame> game, const std::string& name, std::int64_t iterations, int checkpoints,
                 std::uint64_t seed, const std::string& feedback, const py::object& progress, const py::kwargs& params) {
  const SolverEntry& entry = solver_entry(name, GameKind::extensive, feedback_of(feedback));
  const nlohmann::json solver_params = params ? from_python(params) : nlohmann::json::object();
  std::unique_ptr<Solver> solver = make_solver(entry, game->compiled, solver_params, seed, iterations);
  RunOptions run;
  run.iterations = iterations;
  run.checkpoints = checkpoints;
  run.on_progress = run_progress_hook(progress, iterations);
  RunResult result;
  {
    py::gil_scoped_release release;
    result = run_solver(*solver, game->compiled, run);
  }
  return to_python(run_result_json(*solver, game->loaded.name, game->compiled, result));
}

}  // namespace

void bind_solver(py::module_& m) {
  py::class_<PySolver>(m, "Solver", R"doc(
A solver of the registry on a game: eqlab.Solver(game, "cfr+"), or with bandit feedback
eqlab.Solver(game, "efce-omd-balanced", feedback="bandit", horizon=100000). Parameters are
keyword arguments checked against the solver's schema (eqlab.solvers() lists them); a
wrong name or value raises ValueError listing the valid ones. step(n) runs n iterations
(episodes) with the interpreter lock released; Ctrl-C interrupts between iterations and
leaves the solver usable.)doc")
      .def(py::init<std::shared_ptr<PyGame>, const std::string&, const std::string&, std::uint64_t, std::int64_t,
                    const py::kwargs&>(),
           py::arg("game"), py::arg("name"), py::arg("feedback") = "full", py::arg("seed") = 0,
           py::arg("horizon") = 1000)
      // Other kinds of games, named with what takes them instead.
      .def(py::init([](const std::shared_ptr<PyMarkovGame>&, const py::args&, const py::kwargs&) -> PySolver* {
             throw py::type_error("eqlab.Solver takes an extensive or normal-form game; for a Markov game use "
                                  "eqlab.MarkovSolver(game, \"cce-v\", ...) or eqlab.solve(game, \"cce-v\")");
           }))
      .def(py::init([](const std::shared_ptr<PyGraphGame>&, const py::args&, const py::kwargs&) -> PySolver* {
             throw py::type_error("eqlab.Solver takes an extensive or normal-form game; a graph game is analysed "
                                  "by eqlab.decoys.place(game) and eqlab.preferences(game, goals)");
           }))
      .def("step", &PySolver::step, py::arg("iterations") = 1,
           "Runs more iterations (episodes with bandit feedback) with the interpreter lock released; Ctrl-C "
           "stops between iterations with KeyboardInterrupt and leaves the solver at the iteration reached.")
      .def_property_readonly("iteration", [](const PySolver& s) { return s.solver().iteration(); },
                             "iterations (episodes) run so far")
      .def_property_readonly("name", [](const PySolver& s) { return s.solver().name(); }, "the solver's name")
      .def_property_readonly("concept", [](const PySolver& s) { return std::string(concept_name(s.solver().solution_concept())); },
                             "what it learns: \"nash\", \"nfcce\", \"efce\" or \"kefce\"")
      .def_property_readonly("params", [](const PySolver& s) { return to_python(s.solver().params()); },
                             "every parameter with the value in use, as result files record them")
      .def("metrics", &PySolver::metrics,
           "Exact measures of the output: exploitability, nash_conv and values of the output profile; for "
           "solvers that play a mixture, nfcce_gap, efce_gap and mixture_values of the rounds played, and for "
           "a K-EFCE learner kefce_gap at its k.")
      .def("strategies", &PySolver::strategies,
           "The output profile as [{infoset label: {action label: probability}}, ...], one dict per player.")
      .def("played", &PySolver::played,
           "The product profile played in the last round, in sequence form (one NumPy array per player): "
           "the rounds whose uniform mixture is a correlated learner's output. None for solvers with "
           "alternating updates, which play no product profile, and before the first round.")
      .def("sequence_form", &PySolver::sequence_form,
           "The output profile in sequence form: one NumPy array per player, indexed by sequence (0 the empty "
           "sequence, of value 1).");
  m.def("solvers", [] {
    py::list out;
    for (const SolverEntry* e : registered_solvers()) out.append(schema_of(*e));
    return out;
  }, "Every solver of the registry: name, game kind, feedback, concept, parameters and note.");
  m.def("_solve", &solve, py::arg("game"), py::arg("solver"), py::arg("iterations"), py::arg("checkpoints"),
        py::arg("seed"), py::arg("feedback"), py::arg("progress"),
        "Runs a solver as `eqlab solve` does and returns the result document (eqlab-result/1) as a dict.");
}

}  // namespace eqlab::python
