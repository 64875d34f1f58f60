// Episodes to ε, censored medians and the scaling fits of Markov experiments, on curves
// and samples whose answers are known in closed form.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <eqlab/lib/rng.hpp>
#include <eqlab/sim/markov/scaling_fit.hpp>

using namespace eqlab;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

TEST_CASE("markov scaling: episodes to epsilon interpolates a power law exactly") {
  // gap = 2 / sqrt(K) at K = 1, 4, 16, ..., 4^8: reaching ε needs K = 4 / ε².
  std::vector<std::int64_t> ks;
  std::vector<double> gaps;
  for (int j = 0; j <= 8; ++j) {
    ks.push_back(std::int64_t{1} << (2 * j));
    gaps.push_back(2.0 / std::sqrt(static_cast<double>(ks.back())));
  }
  for (double eps : {0.5, 0.3, 0.05, 0.01})
    CHECK(episodes_to_epsilon(ks, gaps, eps) == doctest::Approx(4.0 / (eps * eps)).epsilon(1e-12));
  CHECK(episodes_to_epsilon(ks, gaps, 3.0) == 1.0);                // already below at the first checkpoint
  CHECK(std::isinf(episodes_to_epsilon(ks, gaps, 1e-3)));          // never reached: censored
  // A gap that rises before it falls counts from the checkpoint that first reaches ε.
  CHECK(episodes_to_epsilon({10, 20, 40}, {0.2, 0.5, 0.05}, 0.1) ==
        doctest::Approx(std::exp(std::log(20.0) + (std::log(0.5) - std::log(0.1)) / (std::log(0.5) - std::log(0.05)) *
                                                     (std::log(40.0) - std::log(20.0)))));
}

TEST_CASE("markov scaling: censored medians") {
  CHECK(censored_median({3, 1, 2}) == 2);
  CHECK(censored_median({4, 1, 2, 3}) == 2.5);
  CHECK(censored_median({1, kInf, 2}) == 2);
  CHECK(std::isinf(censored_median({1, kInf, kInf})));
  CHECK(std::isinf(censored_median({1, 2, kInf, kInf})));  // half censored: the median is above the budget
  CHECK(std::isnan(censored_median({})));
}

TEST_CASE("markov scaling: power and exponential fits recover known exponents, with intervals") {
  // K = 100 x^1.5 and K = 50 e^{0.7 x}, with ±20% multiplicative noise on 9 seeds per point.
  RngStream rng(7);
  std::vector<ScalingPoint> power, exponential;
  for (double x : {2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0}) {
    ScalingPoint p{x, {}}, e{x, {}};
    for (int s = 0; s < 9; ++s) {
      const double noise = std::exp(0.2 * (rng.uniform() - 0.5));
      p.seed_episodes.push_back(100.0 * std::pow(x, 1.5) * noise);
      e.seed_episodes.push_back(50.0 * std::exp(0.7 * x) * noise);
    }
    power.push_back(p);
    exponential.push_back(e);
  }
  const ScalingFit pf = fit_scaling(power, ScalingModel::power, 500, 1);
  CHECK(pf.points == 7);
  CHECK(pf.slope == doctest::Approx(1.5).epsilon(0.03));
  CHECK(pf.low < pf.slope);
  CHECK(pf.high > pf.slope);
  CHECK(pf.high - pf.low < 0.2);
  const ScalingFit ef = fit_scaling(exponential, ScalingModel::exponential, 500, 1);
  CHECK(ef.slope == doctest::Approx(0.7).epsilon(0.03));
  // The same seed gives the same interval.
  const ScalingFit again = fit_scaling(power, ScalingModel::power, 500, 1);
  CHECK(again.low == pf.low);
  CHECK(again.high == pf.high);
  // A point whose median is censored is left out of the fit.
  power.back().seed_episodes.assign(9, kInf);
  CHECK(fit_scaling(power, ScalingModel::power, 0).points == 6);
}

TEST_CASE("markov scaling: the median's bootstrap interval brackets it") {
  const std::vector<double> values = {10, 12, 9, 11, 30, 10.5, 9.5};
  const auto [low, high] = median_interval(values, 3);
  CHECK(low <= censored_median(values));
  CHECK(high >= censored_median(values));
  CHECK(low >= 9.0);
  CHECK(high <= 30.0);
  CHECK(std::isnan(median_interval({5.0}, 3).first));
}
