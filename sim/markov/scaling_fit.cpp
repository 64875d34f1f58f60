#include <eqlab/sim/markov/scaling_fit.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <eqlab/lib/number.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

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
  return least_squares_slope(xs, ys);
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
      resample_with_replacement(seeds, rng, draw);
      medians[p] = seeds.empty() ? kNaN : censored_median(draw);
    }
    int used = 0;
    const double s = slope_of_medians(points, medians, model, &used);
    if (std::isfinite(s)) slopes.push_back(s);
  }
  fit.resamples = static_cast<int>(slopes.size());
  std::tie(fit.low, fit.high) = percentile_interval_95(slopes);
  return fit;
}

}  // namespace eqlab
