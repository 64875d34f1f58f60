#pragma once
// The compiled half of eqlab.marlhf: preference datasets of Markov games (sampled, read and
// written as `eqlab preferences-data` does) and the marlhf learner on them (`eqlab solve
// GAME --solver marlhf --data FILE`).
#include <pybind11/pybind11.h>

namespace eqlab::python {

void bind_marlhf(pybind11::module_& m);

}  // namespace eqlab::python
