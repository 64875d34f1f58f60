#pragma once
// EQLAB_SIMD_CLONES before a function compiles it twice, for the x86-64 baseline (SSE2,
// 2 doubles a lane) and for AVX2 (4), and lets the loader pick the one the machine runs.
//
// Neither clone enables fused multiply-add, so both round every operation alike: a loop
// gives the same bits whichever clone runs it. Put it on a function that does a whole
// pass, not on a short helper: each call goes through an indirect jump.
//
// GCC only (Clang's target_clones needs more care); off under AddressSanitizer, whose
// instrumentation and the loader's resolver do not mix.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define EQLAB_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define EQLAB_SIMD_CLONES
#endif
