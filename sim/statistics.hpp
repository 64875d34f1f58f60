#pragma once
// The statistics of the experiments (sim/experiment.hpp, sim/markov/markov_experiment.hpp):
// least-squares line fits, quantiles of samples, Student-t intervals of a mean, and
// percentile bootstrap intervals. Every function is a pure function of its arguments; the
// bootstrap draws from a counter-based stream that the caller keys, so intervals are the
// same for any thread count.
#include <cstdint>
#include <utility>
#include <vector>

#include <eqlab/lib/rng.hpp>

namespace eqlab {

// ---------------------------------------------------------------------------------------
// Least squares.

// The least-squares line y = intercept + slope · x through the points (xs[i], ys[i]).
struct LineFit {
  int points = 0;          // the points fitted: xs.size() when the sizes agree, else 0
  double slope = 0.0;      // nan with fewer than two points or when every x is the same
  double intercept = 0.0;  // mean y - slope · mean x; nan when the slope is
};
LineFit fit_line(const std::vector<double>& xs, const std::vector<double>& ys);

// The slope alone: fit_line(xs, ys).slope.
double least_squares_slope(const std::vector<double>& xs, const std::vector<double>& ys);

// ---------------------------------------------------------------------------------------
// Quantiles.

// The p-quantile (0 <= p <= 1) of values sorted in increasing order, interpolated linearly
// between the two nearest ranks (position p · (n - 1), R's type 7). A +infinity value
// stays infinite rather than turn into inf - inf: a quantile that falls between a finite
// value and +infinity is +infinity. nan for no values.
double quantile_sorted(const std::vector<double>& sorted, double p);

// The median of values in which +infinity stands for "more than the budget" (censored
// from above): the usual median, +infinity when at least half are infinite; nan for no
// value. NaNs are left out.
double censored_median(std::vector<double> values);

// ---------------------------------------------------------------------------------------
// Student's t.

// The p-quantile of Student's t distribution with `degrees_of_freedom` (> 0) degrees of
// freedom, from Boost.Math: students_t_quantile(0.975, 9) = 2.262157163...
double students_t_quantile(double p, double degrees_of_freedom);

// Half-width factor of a two-sided 95% interval of a mean of n samples: Student's t
// quantile t(0.975, n - 1); nan for n < 2.
double t_quantile_95(int samples);

// The mean of the finite values of a sample and its two-sided 95% Student-t interval.
struct MeanInterval {
  int samples = 0;    // the finite values
  double mean = 0.0;  // nan for no finite value
  double sd = 0.0;    // sample standard deviation (n - 1); nan for fewer than two values
  double low = 0.0;   // mean ∓ t(0.975, n - 1) · sd / sqrt(n); nan for fewer than two values
  double high = 0.0;
};
// The mean is the first finite value plus the mean difference from it, which is exact
// when every value is the same (as deterministic learners give over seeds).
MeanInterval mean_interval_95(const std::vector<double>& values);

// ---------------------------------------------------------------------------------------
// Bootstrap.

// One bootstrap resample: `draw` becomes values.size() values drawn from `values` with
// replacement, in order, each with rng.below(values.size()).
void resample_with_replacement(const std::vector<double>& values, RngStream& rng, std::vector<double>& draw);

// The 95% percentile interval of bootstrap statistics: their 2.5% and 97.5% quantiles
// (quantile_sorted). Sorts `statistics` in place; nan, nan for none.
std::pair<double, double> percentile_interval_95(std::vector<double>& statistics);

// A 95% percentile bootstrap interval of censored_median over the values (`resamples`
// resamples from a stream keyed by `seed`); an end may be +infinity when too many values
// are. nan, nan for fewer than two values.
std::pair<double, double> median_interval(const std::vector<double>& values, std::uint64_t seed, int resamples = 1000);

}  // namespace eqlab
