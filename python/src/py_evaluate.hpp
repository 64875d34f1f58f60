#pragma once
// eqlab.evaluate and eqlab.evaluate_distribution: the exact evaluators on strategies from
// anywhere (another library's policy, a hand-written profile), by labels or as arrays.
#include <pybind11/pybind11.h>

#include <eqlab/algorithms/eval/mixture_meter.hpp>

namespace eqlab::python {

// A mixture's gaps into `out`: nfcce_gap, efce_gap, kefce_gap and k when measured, and
// the players' values under the key `values_key`.
void add_mixture_report(pybind11::dict& out, const MixtureReport& report, const char* values_key);

void bind_evaluate(pybind11::module_& m);

}  // namespace eqlab::python
