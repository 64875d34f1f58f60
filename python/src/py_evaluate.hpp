#pragma once
// eqlab.evaluate and eqlab.evaluate_distribution: the exact evaluators on strategies from
// anywhere (another library's policy, a hand-written profile), by labels or as arrays.
#include <pybind11/pybind11.h>

namespace eqlab::python {

void bind_evaluate(pybind11::module_& m);

}  // namespace eqlab::python
