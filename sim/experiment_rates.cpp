// The rates fitted on an extensive-form experiment's curves (sim/experiment.hpp): how
// regret grows with T, and how the episodes to reach ε grow as ε shrinks.
#include <eqlab/sim/experiment.hpp>

#include <cmath>

#include <eqlab/lib/number.hpp>
#include <eqlab/sim/statistics.hpp>

namespace eqlab {

namespace {

// The rows that the rates are fitted on: the last two decades of checkpoints
// (T >= last T / 100), where the metric is positive and finite.
std::vector<std::size_t> fit_window(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric) {
  std::vector<std::size_t> rows;
  if (iterations.empty() || iterations.size() != metric.size()) return rows;
  const double last = static_cast<double>(iterations.back());
  for (std::size_t r = 0; r < iterations.size(); ++r) {
    const double t = static_cast<double>(iterations[r]);
    if (t * 100.0 < last || !(metric[r] > 0.0) || !std::isfinite(metric[r])) continue;
    rows.push_back(r);
  }
  return rows;
}

// The log of the episodes at which a metric falling through the window's checkpoints
// (logs log_t, log_m) first reaches log ε, interpolated on log-log axes.
double log_episodes_reaching(const std::vector<double>& log_t, const std::vector<double>& log_m, double log_eps) {
  std::size_t i = 0;
  while (i + 1 < log_m.size() && log_m[i] > log_eps) ++i;  // the last value is <= every ε
  double log_reached = log_t[i];
  if (i > 0) {
    // log_m[i - 1] > log_eps >= log_m[i]: the straight line between them on log-log axes.
    const double share = (log_eps - log_m[i - 1]) / (log_m[i] - log_m[i - 1]);
    log_reached = log_t[i - 1] + share * (log_t[i] - log_t[i - 1]);
  }
  return log_reached;
}

}  // namespace

RateRow fit_regret_rate(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric) {
  RateRow rate;
  rate.slope = kNaN;
  std::vector<double> xs, ys;
  for (std::size_t r : fit_window(iterations, metric)) {
    const double t = static_cast<double>(iterations[r]);
    if (xs.empty()) rate.first_iteration = iterations[r];
    rate.last_iteration = iterations[r];
    xs.push_back(std::log(t));
    ys.push_back(std::log(metric[r] * t));
  }
  rate.points = static_cast<int>(xs.size());
  rate.slope = least_squares_slope(xs, ys);
  return rate;
}

EpisodesFit fit_episodes_to_epsilon(const std::vector<std::int64_t>& iterations, const std::vector<double>& metric) {
  EpisodesFit fit;
  fit.slope = kNaN;
  const std::vector<std::size_t> window = fit_window(iterations, metric);
  if (window.size() < 2) return fit;
  // Logs of the window's checkpoints and values, where the interpolation is linear.
  std::vector<double> log_t, log_m;
  for (std::size_t r : window) {
    log_t.push_back(std::log(static_cast<double>(iterations[r])));
    log_m.push_back(std::log(metric[r]));
  }
  const double start = log_m.front(), end = log_m.back();
  if (!(end < start)) return fit;
  std::vector<double> xs, ys;
  for (int j = 0; j < kEpsilonGridPoints; ++j) {
    // The ends exactly, so that the last ε is reached at the last checkpoint at the latest.
    const double log_eps = j == 0                          ? start
                           : j == kEpsilonGridPoints - 1 ? end
                                                         : start + (end - start) * j / (kEpsilonGridPoints - 1);
    xs.push_back(-log_eps);
    ys.push_back(log_episodes_reaching(log_t, log_m, log_eps));
  }
  fit.points = static_cast<int>(xs.size());
  fit.slope = least_squares_slope(xs, ys);
  return fit;
}

}  // namespace eqlab
