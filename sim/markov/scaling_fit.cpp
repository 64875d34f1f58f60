#include <eqlab/sim/markov/scaling_fit.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <eqlab/lib/number.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double slope_of(const std::vector<double>& xs, const std::vector<double>& ys) {
  if (xs.size() < 2) return kNaN;
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= static_cast<double>(xs.size());
  my /= static_cast<double>(xs.size());
  double sxy = 0.0, sxx = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
  }
  return sxx > 0.0 ? sxy / sxx : kNaN;
}

// The fitted slope for one median per point (infinite or nan medians left out).
double slope_of_medians(const std::vector<ScalingPoint>& points, const std::vector<double>& medians,
                        ScalingModel model, int* used) {
  std::vector<double> xs, ys;
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!std::isfinite(medians[p]) || medians[p] <= 0.0) continue;
    if (model == ScalingModel::power && !(points[p].x > 0.0)) continue;
    xs.push_back(model == ScalingModel::power ? std::log(points[p].x) : points[p].x);
    ys.push_back(std::log(medians[p]));
  }
  if (used) *used = static_cast<int>(xs.size());
  return slope_of(xs, ys);
}

// The q-quantile (0..1) of sorted values by linear interpolation.
double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return kNaN;
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  const double frac = pos - static_cast<double>(lo);
  // Infinite ends (seeds that never reached ε) must not turn into inf - inf.
  if (sorted[lo] == sorted[hi] || frac == 0.0) return sorted[lo];
  if (std::isinf(sorted[hi])) return sorted[hi];
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

}  // namespace

double episodes_to_epsilon(const std::vector<std::int64_t>& episodes, const std::vector<double>& gap, double epsilon) {
  for (std::size_t r = 0; r < episodes.size() && r < gap.size(); ++r) {
    if (!(gap[r] <= epsilon)) continue;
    const double k1 = static_cast<double>(episodes[r]);
    if (r == 0) return k1;
    const double k0 = static_cast<double>(episodes[r - 1]);
    const double g0 = gap[r - 1], g1 = gap[r];
    // Log-linear interpolation needs positive gaps that fall; otherwise take the checkpoint.
    if (!(g0 > epsilon) || !(g1 > 0.0) || !std::isfinite(g0)) return k1;
    const double f = (std::log(g0) - std::log(epsilon)) / (std::log(g0) - std::log(g1));
    return std::exp(std::log(k0) + f * (std::log(k1) - std::log(k0)));
  }
  return kInf;
}

double censored_median(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  if (n % 2 == 1) return values[n / 2];
  const double a = values[n / 2 - 1], b = values[n / 2];
  return std::isinf(a) || std::isinf(b) ? kInf : 0.5 * (a + b);
}

std::pair<double, double> median_interval(const std::vector<double>& values, std::uint64_t seed, int resamples) {
  if (values.size() < 2 || resamples <= 0) return {kNaN, kNaN};
  RngStream rng(seed, 0x6d656469ULL);  // "medi"
  std::vector<double> medians, draw(values.size());
  medians.reserve(static_cast<std::size_t>(resamples));
  for (int b = 0; b < resamples; ++b) {
    for (double& d : draw) d = values[rng.below(values.size())];
    medians.push_back(censored_median(draw));
  }
  std::sort(medians.begin(), medians.end());
  return {quantile(medians, 0.025), quantile(medians, 0.975)};
}

ScalingFit fit_scaling(const std::vector<ScalingPoint>& points, ScalingModel model, int resamples,
                       std::uint64_t seed) {
  ScalingFit fit;
  std::vector<double> medians(points.size());
  for (std::size_t p = 0; p < points.size(); ++p) medians[p] = censored_median(points[p].seed_episodes);
  fit.slope = slope_of_medians(points, medians, model, &fit.points);
  fit.low = fit.high = kNaN;
  if (fit.points < 2 || resamples <= 0) return fit;
  RngStream rng(seed, 0x626f6f74ULL);  // "boot"
  std::vector<double> slopes, draw;
  slopes.reserve(static_cast<std::size_t>(resamples));
  for (int b = 0; b < resamples; ++b) {
    for (std::size_t p = 0; p < points.size(); ++p) {
      const std::vector<double>& seeds = points[p].seed_episodes;
      draw.resize(seeds.size());
      for (std::size_t k = 0; k < seeds.size(); ++k) draw[k] = seeds[rng.below(seeds.size())];
      medians[p] = seeds.empty() ? kNaN : censored_median(draw);
    }
    int used = 0;
    const double s = slope_of_medians(points, medians, model, &used);
    if (std::isfinite(s)) slopes.push_back(s);
  }
  fit.resamples = static_cast<int>(slopes.size());
  std::sort(slopes.begin(), slopes.end());
  fit.low = quantile(slopes, 0.025);
  fit.high = quantile(slopes, 0.975);
  return fit;
}

}  // namespace eqlab
