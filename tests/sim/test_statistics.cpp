// The statistics of the experiments (sim/statistics.hpp) on samples whose answers are
// known by hand or from tables.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include <eqlab/lib/rng.hpp>
#include <eqlab/sim/statistics.hpp>

using namespace eqlab;

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kQuietNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("statistics: a least-squares line fitted by hand") {
  // Means 2.5 and 4; sxy = 3 + 0.5 + 0.5 + 3 = 7, sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5.
  const LineFit fit = fit_line({1, 2, 3, 4}, {2, 3, 5, 6});
  CHECK(fit.points == 4);
  CHECK(fit.slope == doctest::Approx(1.4).epsilon(1e-15));
  CHECK(fit.intercept == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(least_squares_slope({1, 2, 3, 4}, {2, 3, 5, 6}) == fit.slope);

  const LineFit exact = fit_line({0, 1, 2, 3}, {1, 3, 5, 7});  // y = 1 + 2x
  CHECK(exact.slope == 2.0);
  CHECK(exact.intercept == 1.0);
}

TEST_CASE("statistics: a line through fewer than two distinct x has no slope") {
  CHECK(std::isnan(fit_line({}, {}).slope));
  CHECK(std::isnan(fit_line({1}, {2}).slope));
  const LineFit vertical = fit_line({2, 2, 2}, {1, 2, 3});
  CHECK(vertical.points == 3);
  CHECK(std::isnan(vertical.slope));
  CHECK(std::isnan(vertical.intercept));
  const LineFit mismatched = fit_line({1, 2, 3}, {1, 2});
  CHECK(mismatched.points == 0);
  CHECK(std::isnan(mismatched.slope));
}

TEST_CASE("statistics: quantiles of a small sample") {
  const std::vector<double> sorted{1, 2, 3, 4};
  CHECK(quantile_sorted(sorted, 0.0) == 1.0);
  CHECK(quantile_sorted(sorted, 0.25) == 1.75);  // position 0.75
  CHECK(quantile_sorted(sorted, 0.5) == 2.5);    // position 1.5
  CHECK(quantile_sorted(sorted, 0.75) == 3.25);  // position 2.25
  CHECK(quantile_sorted(sorted, 1.0) == 4.0);
  CHECK(quantile_sorted({7}, 0.3) == 7.0);
  CHECK(std::isnan(quantile_sorted({}, 0.5)));
}

TEST_CASE("statistics: a quantile next to +infinity is not inf - inf") {
  CHECK(quantile_sorted({1, 2, kInfinity}, 0.5) == 2.0);             // exactly at a finite rank
  CHECK(std::isinf(quantile_sorted({1, 2, kInfinity}, 0.75)));       // between 2 and +infinity
  CHECK(std::isinf(quantile_sorted({1, kInfinity, kInfinity}, 0.75)));
  CHECK(std::isinf(quantile_sorted({kInfinity, kInfinity}, 0.5)));
}

TEST_CASE("statistics: censored medians") {
  CHECK(censored_median({3, 1, 2}) == 2);
  CHECK(censored_median({4, 1, 2, 3}) == 2.5);
  CHECK(censored_median({kQuietNaN, 5, 1}) == 3);  // NaNs left out
  CHECK(std::isinf(censored_median({1, 2, kInfinity, kInfinity})));
  CHECK(std::isnan(censored_median({kQuietNaN})));
}

TEST_CASE("statistics: Student's t quantiles from the tables") {
  CHECK(students_t_quantile(0.975, 9) == doctest::Approx(2.262157163).epsilon(1e-9));
  CHECK(students_t_quantile(0.95, 1) == doctest::Approx(6.313751515).epsilon(1e-9));
  CHECK(students_t_quantile(0.5, 4) == doctest::Approx(0.0));
  CHECK(t_quantile_95(10) == students_t_quantile(0.975, 9));
  CHECK(t_quantile_95(5) == doctest::Approx(2.776445105).epsilon(1e-9));
  CHECK(std::isnan(t_quantile_95(1)));
  CHECK(std::isnan(t_quantile_95(0)));
}

TEST_CASE("statistics: the mean of a sample and its t interval") {
  // Mean 3, sd sqrt(10 / 4), half-width t(0.975, 4) · sd / sqrt(5) = 2.776445105 · sqrt(1/2).
  const MeanInterval m = mean_interval_95({1, 2, 3, 4, 5});
  CHECK(m.samples == 5);
  CHECK(m.mean == 3.0);
  CHECK(m.sd == doctest::Approx(std::sqrt(2.5)).epsilon(1e-15));
  CHECK(m.low == doctest::Approx(3.0 - 1.963243161).epsilon(1e-9));
  CHECK(m.high == doctest::Approx(3.0 + 1.963243161).epsilon(1e-9));

  // Non-finite values are left out; equal values give their value exactly, with no spread.
  const MeanInterval same = mean_interval_95({0.1, kQuietNaN, 0.1, kInfinity, 0.1});
  CHECK(same.samples == 3);
  CHECK(same.mean == 0.1);
  CHECK(same.sd == 0.0);
  CHECK(same.low == 0.1);
  CHECK(same.high == 0.1);

  const MeanInterval one = mean_interval_95({2.5});
  CHECK(one.mean == 2.5);
  CHECK(std::isnan(one.sd));
  CHECK(std::isnan(one.low));
  CHECK(std::isnan(mean_interval_95({}).mean));
}

TEST_CASE("statistics: bootstrap resamples and percentile intervals") {
  const std::vector<double> values{1, 2, 3, 4, 5};
  RngStream a(42, 7), b(42, 7);
  std::vector<double> draw_a, draw_b;
  resample_with_replacement(values, a, draw_a);
  resample_with_replacement(values, b, draw_b);
  CHECK(draw_a.size() == values.size());
  CHECK(draw_a == draw_b);  // a pure function of the stream
  for (double d : draw_a) CHECK((d >= 1 && d <= 5 && d == std::floor(d)));
  CHECK(a.counter() == values.size());  // one number per value drawn

  std::vector<double> statistics;
  for (int i = 100; i >= 0; --i) statistics.push_back(i);
  const auto [low, high] = percentile_interval_95(statistics);
  CHECK(low == 2.5);  // positions 2.5 and 97.5 of 0..100
  CHECK(high == 97.5);
  std::vector<double> none;
  CHECK(std::isnan(percentile_interval_95(none).first));

  CHECK(median_interval({4, 4, 4}, 1) == std::pair<double, double>{4, 4});
  const auto [m_low, m_high] = median_interval({1, 2, 3, 4, 5, 6, 7, 8, 9}, 3);
  CHECK(m_low <= 5.0);
  CHECK(m_high >= 5.0);
  CHECK(median_interval({1, 2, 3, 4, 5, 6, 7, 8, 9}, 3) == std::pair<double, double>{m_low, m_high});
  CHECK(std::isnan(median_interval({1}, 3).first));
}
