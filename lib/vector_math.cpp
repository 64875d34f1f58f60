#include <eqlab/lib/vector_math.hpp>

#include <eqlab/lib/simd_clones.hpp>

#include <bit>
#include <cstdint>
#include <limits>

namespace eqlab {

namespace {

// Adding 1.5·2^52 to a double of magnitude below 2^51 rounds it to an integer (to
// nearest, ties to even) held in the low bits of the sum: the conversion to an integer
// and back without an instruction SSE2 lacks for 64-bit lanes.
constexpr double kShifter = 0x1.8p52;
constexpr std::uint64_t kShifterBits = 0x4338000000000000;

constexpr double kLog2e = 0x1.71547652b82fep0;
// ln 2 in two parts: n · kLn2High is exact for |n| < 2^11.
constexpr double kLn2High = 0x1.62e42fee00000p-1;
constexpr double kLn2Low = 0x1.a39ef35793c76p-33;

// Below this exp rounds to 0, above it to +inf; clamping keeps 2^n representable in two
// factors.
constexpr double kExpLowest = -745.2;
constexpr double kExpHighest = 709.8;

inline double power_of_two(std::uint64_t biased_exponent) { return std::bit_cast<double>(biased_exponent << 52); }

// exp(x) = 2^n · e^r, n = round(x / ln 2), |r| ≤ ln(2)/2. e^r by its Taylor polynomial of
// degree 13 (the next term is below 10^-17 relative); 2^n as two factors 2^(n - h) · 2^h,
// h = round(n / 2), each a normal double for every n in [-1075, 1024], so that results
// in the subnormal range are rounded once, by the last multiplication.
inline double exp_lane(double x) {
  const double clamped = x < kExpLowest ? kExpLowest : (x > kExpHighest ? kExpHighest : x);
  const double shifted = clamped * kLog2e + kShifter;
  const double n = shifted - kShifter;
  const double r = (clamped - n * kLn2High) - n * kLn2Low;
  // e^r = 1 + (r + r² t(r)), t(r) = Σ_{k=2}^{13} r^(k-2) / k! by Estrin's scheme: the terms
  // pair up in a tree of depth 4 instead of Horner's chain of 11 dependent multiply-adds,
  // so that successive lanes overlap in the pipeline. The leading 1 and r are added last,
  // where each rounding is relative to the result.
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const double t01 = 0.5 + r * (1.0 / 6.0), t23 = 1.0 / 24.0 + r * (1.0 / 120.0),
               t45 = 1.0 / 720.0 + r * (1.0 / 5040.0), t67 = 1.0 / 40320.0 + r * (1.0 / 362880.0),
               t89 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0),
               t1011 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0);
  const double t03 = t01 + r2 * t23, t47 = t45 + r2 * t67, t811 = t89 + r2 * t1011;
  const double t = (t03 + r4 * t47) + r8 * t811;
  const double p = 1.0 + (r + r2 * t);
  const double half = n * 0.5 + kShifter;
  const std::uint64_t n_bits = std::bit_cast<std::uint64_t>(shifted) - kShifterBits;
  const std::uint64_t h_bits = std::bit_cast<std::uint64_t>(half) - kShifterBits;
  const double result = p * power_of_two(n_bits - h_bits + 1023) * power_of_two(h_bits + 1023);
  // NaN passes the clamp unchanged and stays NaN through the arithmetic.
  return x != x ? x : result;
}

constexpr double kTwoTo54 = 0x1p54;
constexpr std::uint64_t kMantissa = 0x000fffffffffffff;
// The bits of √2/2's leading part: the mantissa is moved into [√2/2, √2).
constexpr std::uint64_t kHalfRootTwoBits = 0x3fe6a09e00000000;
constexpr std::uint64_t kOneBits = 0x3ff0000000000000;
constexpr std::uint64_t kTwoTo52Bits = 0x4330000000000000;

// log(x) = k ln 2 + log(m), x = 2^k m, m in [√2/2, √2). With f = m − 1 and s = f/(2+f),
// log(m) = 2 atanh(s) = f − s (f − R), R = Σ_{j≥1} 2 s^{2j} / (2j + 1) to j = 11 (|s| ≤
// 0.172: the next term is below 10^-18 relative). Subnormal x is scaled by 2^54 first.
inline double log_lane(double x) {
  const bool subnormal = x < std::numeric_limits<double>::min();
  const double scaled = subnormal ? x * kTwoTo54 : x;
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(scaled) + (kOneBits - kHalfRootTwoBits);
  const double m = std::bit_cast<double>((bits & kMantissa) + kHalfRootTwoBits);
  // The biased exponent as a double, through the bits of 2^52 + e.
  const double biased = std::bit_cast<double>((bits >> 52) | kTwoTo52Bits) - 0x1p52;
  const double k = biased - (subnormal ? 1023.0 + 54.0 : 1023.0);
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  // R / z by Estrin's scheme in z (see exp_lane).
  const double z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
  const double q01 = 2.0 / 3.0 + z * (2.0 / 5.0), q23 = 2.0 / 7.0 + z * (2.0 / 9.0),
               q45 = 2.0 / 11.0 + z * (2.0 / 13.0), q67 = 2.0 / 15.0 + z * (2.0 / 17.0),
               q89 = 2.0 / 19.0 + z * (2.0 / 21.0), q10 = 2.0 / 23.0;
  const double q03 = q01 + z2 * q23, q47 = q45 + z2 * q67, q810 = q89 + z2 * q10;
  const double q = (q03 + z4 * q47) + z8 * q810;
  const double R = q * z;
  const double log_m = f - s * (f - R);
  double result = k * kLn2High + (k * kLn2Low + log_m);
  constexpr double infinity = std::numeric_limits<double>::infinity();
  result = x == 0.0 ? -infinity : result;
  result = x < 0.0 ? std::numeric_limits<double>::quiet_NaN() : result;
  result = x == infinity ? infinity : result;
  return x != x ? x : result;
}

}  // namespace

EQLAB_SIMD_CLONES void exp_in_place(std::span<double> values) {
  double* v = values.data();
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i) v[i] = exp_lane(v[i]);
}

EQLAB_SIMD_CLONES void log_in_place(std::span<double> values) {
  double* v = values.data();
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i) v[i] = log_lane(v[i]);
}

}  // namespace eqlab
