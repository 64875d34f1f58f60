#pragma once
// Numbers as read from game files: exact rationals when the input is exact (integers,
// "p/q", short decimals), doubles otherwise. Computation uses `value`; the exact form is
// kept so that checks such as "probabilities sum to 1" and conversions stay exact.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <limits>

#include <nlohmann/json_fwd.hpp>

namespace eqlab {

// Not a number: a value that is not known (an empty fit, a metric not measured).
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Number {
  double value = 0.0;
  // Exact value num/den (den > 0, reduced) when `exact`.
  std::int64_t num = 0;
  std::int64_t den = 1;
  bool exact = true;

  static Number integer(std::int64_t n) { return {static_cast<double>(n), n, 1, true}; }
  static Number rational(std::int64_t num, std::int64_t den);  // throws on den == 0
  static Number real(double v);  // exact when v is an integer of moderate size

  // "3", "-1/2", "0.125", "1e-3" (the last is exact only if it is a short decimal).
  static std::optional<Number> parse(std::string_view text);

  // JSON: an integer, a "p/q" string for other exact values, or a double.
  nlohmann::json to_json() const;
  std::string to_string() const;
};

// The largest payoff magnitude a game file may hold. Learners work on payoffs divided by
// the payoff range, but evaluators and statistics sum payoffs over up to 10^12 terminals
// or rounds and square them (variances, squared ranges): at 10^100 a square times 10^24
// is 10^224, far below the largest double (1.8·10^308), where 10^200 would already
// overflow. Readers refuse larger payoffs with the place they were read from.
inline constexpr double kMaxPayoffMagnitude = 1e100;

// "" for a payoff within ±kMaxPayoffMagnitude, else why it is refused.
std::string payoff_range_problem(double payoff);

// Exact sum when every term is exact and nothing overflows, else a double sum.
Number add(const Number& a, const Number& b);
Number multiply(const Number& a, const Number& b);

}  // namespace eqlab
