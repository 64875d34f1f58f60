#include <eqlab/sim/statistics.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

#include <eqlab/lib/number.hpp>

namespace eqlab {

LineFit fit_line(const std::vector<double>& xs, const std::vector<double>& ys) {
  LineFit fit;
  fit.slope = fit.intercept = kNaN;
  if (xs.size() != ys.size()) return fit;
  fit.points = static_cast<int>(xs.size());
  if (xs.size() < 2) return fit;
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= static_cast<double>(xs.size());
  my /= static_cast<double>(ys.size());
  double sxy = 0.0, sxx = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
  }
  if (!(sxx > 0.0)) return fit;
  fit.slope = sxy / sxx;
  fit.intercept = my - fit.slope * mx;
  return fit;
}

double least_squares_slope(const std::vector<double>& xs, const std::vector<double>& ys) {
  return fit_line(xs, ys).slope;
}

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return kNaN;
  const double pos = p * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  const double frac = pos - static_cast<double>(lo);
  // Infinite ends (seeds that never reached ε) must not turn into inf - inf.
  if (std::isinf(sorted[hi])) return sorted[lo] == sorted[hi] || frac == 0.0 ? sorted[lo] : sorted[hi];
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

double censored_median(std::vector<double> values) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  if (n % 2 == 1) return values[n / 2];
  const double a = values[n / 2 - 1], b = values[n / 2];
  return std::isinf(a) || std::isinf(b) ? kInf : 0.5 * (a + b);
}

double students_t_quantile(double p, double degrees_of_freedom) {
  const boost::math::students_t t(degrees_of_freedom);
  return boost::math::quantile(t, p);
}

double t_quantile_95(int samples) {
  if (samples < 2) return kNaN;
  return students_t_quantile(0.975, static_cast<double>(samples - 1));
}

MeanInterval mean_interval_95(const std::vector<double>& values) {
  MeanInterval row;
  double first = kNaN, differences = 0.0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    if (row.samples == 0) first = v;
    differences += v - first;
    ++row.samples;
  }
  if (row.samples == 0) {
    row.mean = row.sd = row.low = row.high = kNaN;
    return row;
  }
  row.mean = first + differences / row.samples;
  if (row.samples < 2) {
    row.sd = row.low = row.high = kNaN;
    return row;
  }
  double squares = 0.0;
  for (double v : values)
    if (std::isfinite(v)) squares += (v - row.mean) * (v - row.mean);
  row.sd = std::sqrt(squares / (row.samples - 1));
  const double half = t_quantile_95(row.samples) * row.sd / std::sqrt(static_cast<double>(row.samples));
  row.low = row.mean - half;
  row.high = row.mean + half;
  return row;
}

void resample_with_replacement(const std::vector<double>& values, RngStream& rng, std::vector<double>& draw) {
  draw.resize(values.size());
  for (double& d : draw) d = values[rng.below(values.size())];
}

std::pair<double, double> percentile_interval_95(std::vector<double>& statistics) {
  std::sort(statistics.begin(), statistics.end());
  return {quantile_sorted(statistics, 0.025), quantile_sorted(statistics, 0.975)};
}

std::pair<double, double> median_interval(const std::vector<double>& values, std::uint64_t seed, int resamples) {
  if (values.size() < 2 || resamples <= 0) return {kNaN, kNaN};
  RngStream rng(seed, 0x6d656469ULL);  // "medi"
  std::vector<double> medians, draw(values.size());
  medians.reserve(static_cast<std::size_t>(resamples));
  for (int b = 0; b < resamples; ++b) {
    resample_with_replacement(values, rng, draw);
    medians.push_back(censored_median(draw));
  }
  return percentile_interval_95(medians);
}

}  // namespace eqlab
