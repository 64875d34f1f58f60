// The Python module eqlab._eqlab: games, solvers and exact evaluation. eqlab's errors
// become Python exceptions with the same message as the command line's: bad input and
// bad requests ValueError, a run over its memory budget MemoryError.
#include <pybind11/pybind11.h>

#include <eqlab/lib/error.hpp>

#include "py_evaluate.hpp"
#include "py_experiment.hpp"
#include "py_game.hpp"
#include "py_graph.hpp"
#include "py_markov.hpp"
#include "py_marlhf.hpp"
#include "py_solver.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_eqlab, m) {
  m.doc() = "eqlab: learning game-theoretic equilibria, exactly measured";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const eqlab::InputError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const eqlab::UsageError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const eqlab::ResourceError& e) {
      PyErr_SetString(PyExc_MemoryError, e.what());
    }
  });
  eqlab::python::bind_game(m);
  eqlab::python::bind_evaluate(m);
  eqlab::python::bind_markov(m);
  eqlab::python::bind_marlhf(m);
  eqlab::python::bind_graph(m);
  // After the game classes, so that its signatures name them.
  eqlab::python::bind_solver(m);
  eqlab::python::bind_experiment(m);
}
