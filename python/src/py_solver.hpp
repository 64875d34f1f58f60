#pragma once
// eqlab.Solver: any solver of the registry on a game, stepped from Python with the
// interpreter lock released, and measured by the same exact evaluators as the command line.
#include <pybind11/pybind11.h>

namespace eqlab::python {

void bind_solver(pybind11::module_& m);

}  // namespace eqlab::python
