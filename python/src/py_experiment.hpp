#pragma once
// eqlab.experiment: the grids `eqlab experiment` runs (games x solvers x seeds, and Markov
// sample-complexity grids), with the same files in the same folder.
#include <pybind11/pybind11.h>

namespace eqlab::python {

void bind_experiment(pybind11::module_& m);

}  // namespace eqlab::python
