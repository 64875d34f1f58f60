// The vectorised exp and log against the C library's: at most 1 ulp apart on a million
// arguments over the whole range, the same special values, and the same bits for a value
// whatever its position in the array (a SIMD lane or the scalar remainder).
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/vector_math.hpp>

using namespace eqlab;

namespace {

// The distance in units in the last place between two finite doubles of the same sign.
std::int64_t ulps(double a, double b) {
  if (a == b) return 0;
  return std::abs(std::bit_cast<std::int64_t>(a) - std::bit_cast<std::int64_t>(b));
}

std::int64_t worst_ulps(const std::vector<double>& arguments, void (*vectorised)(std::span<double>),
                        double (*reference)(double)) {
  std::vector<double> values = arguments;
  vectorised(values);
  std::int64_t worst = 0;
  for (std::size_t i = 0; i < values.size(); ++i) worst = std::max(worst, ulps(values[i], reference(arguments[i])));
  return worst;
}

double c_exp(double x) { return std::exp(x); }
double c_log(double x) { return std::log(x); }

}  // namespace

TEST_CASE("exp_in_place is within 1 ulp of std::exp, subnormal results included") {
  RngStream rng(11, 1, 0);
  std::vector<double> wide(1 << 20), narrow(1 << 16);
  for (double& x : wide) x = -750.0 + 1462.0 * rng.uniform();  // past both ends of the range
  for (double& x : narrow) x = -2.0 + 4.0 * rng.uniform();       // where softmax scores live
  CHECK(worst_ulps(wide, exp_in_place, c_exp) <= 1);
  CHECK(worst_ulps(narrow, exp_in_place, c_exp) <= 1);
  std::vector<double> edges{-745.2, -745.0, -744.0, -708.5, 709.7, 709.78, 0.0, -0.0, 1e-300, -1e-300};
  CHECK(worst_ulps(edges, exp_in_place, c_exp) <= 1);
}

TEST_CASE("log_in_place is within 1 ulp of std::log, subnormal arguments included") {
  RngStream rng(12, 1, 0);
  std::vector<double> wide(1 << 20), sums(1 << 16);
  for (double& x : wide) x = std::exp(-744.0 + 1453.0 * rng.uniform());
  for (double& x : sums) x = 1.0 + 2.0 * rng.uniform();  // a softmax's normaliser
  CHECK(worst_ulps(wide, log_in_place, c_log) <= 1);
  CHECK(worst_ulps(sums, log_in_place, c_log) <= 1);
  std::vector<double> edges{std::numeric_limits<double>::denorm_min(), 1e-310, std::numeric_limits<double>::min(),
                            std::numeric_limits<double>::max(), 1.0, 2.0, std::sqrt(0.5), std::sqrt(2.0)};
  CHECK(worst_ulps(edges, log_in_place, c_log) <= 1);
}

TEST_CASE("exp_in_place and log_in_place give the C library's special values") {
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> e{-inf, inf, -1e308, 1e308, std::nan("")};
  exp_in_place(e);
  CHECK(e[0] == 0.0);
  CHECK(e[1] == inf);
  CHECK(e[2] == 0.0);
  CHECK(e[3] == inf);
  CHECK(std::isnan(e[4]));
  std::vector<double> l{0.0, -0.0, -1.0, -inf, inf, std::nan("")};
  log_in_place(l);
  CHECK(l[0] == -inf);
  CHECK(l[1] == -inf);
  CHECK(std::isnan(l[2]));
  CHECK(std::isnan(l[3]));
  CHECK(l[4] == inf);
  CHECK(std::isnan(l[5]));
}

TEST_CASE("exp_in_place and log_in_place: a value's bits do not depend on its position or the batch size") {
  // Results must not depend on how callers batch their values (the trigger learners batch
  // by level and group), so a lane and the scalar remainder must round alike.
  RngStream rng(13, 1, 0);
  std::vector<double> arguments(37);
  for (double& x : arguments) x = -30.0 + 60.0 * rng.uniform();
  std::vector<double> batch = arguments, logs = arguments;
  exp_in_place(batch);
  for (double& x : logs) x = std::abs(x) + 1e-3;
  std::vector<double> log_batch = logs;
  log_in_place(log_batch);
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    double one = arguments[i], one_log = logs[i];
    exp_in_place(std::span<double>(&one, 1));
    log_in_place(std::span<double>(&one_log, 1));
    CHECK(std::bit_cast<std::uint64_t>(one) == std::bit_cast<std::uint64_t>(batch[i]));
    CHECK(std::bit_cast<std::uint64_t>(one_log) == std::bit_cast<std::uint64_t>(log_batch[i]));
  }
}
