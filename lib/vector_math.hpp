#pragma once
// exp and log over contiguous arrays of doubles, written so that the compiler turns each
// loop into SIMD code (2 lanes with SSE2, 4 with AVX2, chosen when the library loads).
//
// Why not std::exp: the C library computes one value per call, and a call costs about as
// much as the arithmetic. The EFCE-OMD trigger learners, which exponentiate every entry
// of their trigger arrays, spent most of their time there.
//
// Accuracy: within 1 ulp of std::exp and std::log (the tests measure it on 2·10^6
// arguments), so the results differ from the C library's in the last bits of some
// values, and do not depend on the machine: every lane does the
// same IEEE operations in the same order, no fused multiply-add is used, and the SSE2
// and AVX2 versions give the same bits.
//
// Special values follow std::exp and std::log: exp(-inf) = 0, exp(+inf) = +inf,
// log(0) = -inf, log(x < 0) = NaN, NaN stays NaN; exp underflows through the subnormals
// to 0 as std::exp does.
#include <cstddef>
#include <span>

namespace eqlab {

// values[i] = exp(values[i]) for every i.
void exp_in_place(std::span<double> values);

// values[i] = log(values[i]) for every i.
void log_in_place(std::span<double> values);

}  // namespace eqlab
