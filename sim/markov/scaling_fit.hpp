#pragma once
// Sample-complexity measurements (docs/algorithms/markov-learning.md): the episodes a run needs to
// bring a gap down to ε, their median over seeds, and how that median grows with a
// parameter of the game (players, actions, 1/ε), with bootstrap intervals over seeds.
#include <cstdint>
#include <utility>
#include <vector>

#include <eqlab/sim/statistics.hpp>  // censored_median, median_interval

namespace eqlab {

// The episodes at which a run's gap first reaches ε: the first checkpoint with gap <= ε,
// interpolated log-linearly (in log episodes against log gap) from the checkpoint before
// it, which is exact for a power law; the first checkpoint itself when it already is <= ε.
// +infinity when the run never reaches ε (censored: it needs more than its last checkpoint).
double episodes_to_epsilon(const std::vector<std::int64_t>& episodes, const std::vector<double>& gap, double epsilon);

// The median over seeds is censored_median, its interval median_interval
// (sim/statistics.hpp): a seed that did not reach ε counts as +infinity.

// One point of a scaling fit: a parameter value x and the per-seed episodes to ε there.
struct ScalingPoint {
  double x = 0.0;
  std::vector<double> seed_episodes;  // +infinity for a seed that did not reach ε
};

enum class ScalingModel {
  power,       // log K = a + b log x   (theory: K ∝ x^b)
  exponential  // log K = a + b x       (K ∝ e^{b x}; compare b with ln A)
};

struct ScalingFit {
  int points = 0;             // points with a finite median, the ones fitted
  double slope = 0.0;         // b of the medians; nan with fewer than two points
  double low = 0.0, high = 0.0;  // 95% percentile bootstrap interval of b (resampling seeds per point)
  int resamples = 0;          // bootstrap resamples that gave a slope
};

// Fits b by least squares on the points whose median is finite (others are left out: their
// median is only a lower bound). The bootstrap draws each point's seeds with replacement
// `resamples` times from a stream keyed by `seed`, so the interval is reproducible.
ScalingFit fit_scaling(const std::vector<ScalingPoint>& points, ScalingModel model, int resamples = 1000,
                       std::uint64_t seed = 0);

}  // namespace eqlab
