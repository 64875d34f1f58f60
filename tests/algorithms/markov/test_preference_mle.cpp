// The Bradley-Terry reward MLE: the closed form of one state and one step (the estimate's
// reward differences are the logits of the empirical preference rates), derivatives
// against finite differences, the time-axis MSE term against its definition, recovery of
// a planted reward, and the refusal of malformed input.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <eqlab/algorithms/markov/marlhf/preference_mle.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

namespace {

double logit(double p) { return std::log(p / (1.0 - p)); }

// One state, one step, `actions` joint actions with one-hot features: trajectory a plays a.
FeatureTrajectories one_step_actions(int actions) {
  FeatureTrajectories trajectories(actions);
  for (int a = 0; a < actions; ++a) {
    trajectories.begin_trajectory();
    trajectories.add_step({{a, 1.0}});
  }
  return trajectories;
}

// `wins` of `first` over `second` out of `total` comparisons, one pair each.
void add_comparisons(std::vector<PreferencePair>& pairs, int first, int second, int wins, int total) {
  for (int k = 0; k < total; ++k) pairs.push_back({first, second, k < wins ? 1.0 : 0.0});
}

// Random trajectories of H steps over d features, two sparse entries a step.
FeatureTrajectories random_trajectories(int count, int steps, int d, RngStream& rng) {
  FeatureTrajectories trajectories(d);
  for (int t = 0; t < count; ++t) {
    trajectories.begin_trajectory();
    for (int h = 0; h < steps; ++h)
      trajectories.add_step({{static_cast<int>(rng.below(d)), rng.uniform() * 2.0 - 1.0},
                             {static_cast<int>(rng.below(d)), rng.uniform()}});
  }
  return trajectories;
}

}  // namespace

TEST_CASE("preference MLE, one state and one step: reward differences are the logits of the preference rates") {
  // Two actions, the first preferred in 70 of 100 comparisons.
  const FeatureTrajectories two = one_step_actions(2);
  std::vector<PreferencePair> pairs;
  add_comparisons(pairs, 0, 1, 70, 100);
  PreferenceMleOptions options;
  options.ridge = 1e-12;
  const PreferenceMleResult fit = estimate_reward(two, pairs, options);
  CHECK(fit.converged);
  CHECK(fit.theta[0] - fit.theta[1] == doctest::Approx(logit(0.7)).epsilon(1e-9));
  // The ridge picks the smallest θ with that difference.
  CHECK(fit.theta[0] + fit.theta[1] == doctest::Approx(0.0).scale(1.0).epsilon(1e-9));

  // With a temperature β the labels read as σ(Δr / β): the difference scales with β.
  options.temperature = 2.5;
  const PreferenceMleResult hot = estimate_reward(two, pairs, options);
  CHECK(hot.theta[0] - hot.theta[1] == doctest::Approx(2.5 * logit(0.7)).epsilon(1e-9));

  // Three actions compared along a chain only: each link's difference is its own logit.
  const FeatureTrajectories three = one_step_actions(3);
  std::vector<PreferencePair> chain;
  add_comparisons(chain, 0, 1, 30, 40);
  add_comparisons(chain, 1, 2, 10, 50);
  options.temperature = 1.0;
  const PreferenceMleResult linked = estimate_reward(three, chain, options);
  CHECK(linked.converged);
  CHECK(linked.theta[0] - linked.theta[1] == doctest::Approx(logit(0.75)).epsilon(1e-8));
  CHECK(linked.theta[1] - linked.theta[2] == doctest::Approx(logit(0.2)).epsilon(1e-8));
}

TEST_CASE("preference MLE: gradient and Hessian agree with finite differences") {
  RngStream rng(11);
  const int d = 7;
  const FeatureTrajectories trajectories = random_trajectories(12, 4, d, rng);
  std::vector<PreferencePair> pairs;
  for (int k = 0; k < 40; ++k)
    pairs.push_back({static_cast<int>(rng.below(12)), static_cast<int>(rng.below(12)), rng.uniform()});
  PreferenceMleOptions options;
  options.temperature = 0.7;
  options.ridge = 0.3;
  options.mse_weight = 0.8;
  const PreferenceObjective objective(trajectories, pairs, options);
  std::vector<double> theta(d);
  for (double& t : theta) t = rng.uniform() * 4.0 - 2.0;
  std::vector<double> gradient, hessian, shifted_gradient;
  objective.derivatives(theta, gradient, &hessian);
  const double h = 1e-6;
  for (int i = 0; i < d; ++i) {
    std::vector<double> up = theta, down = theta;
    up[i] += h;
    down[i] -= h;
    const double numeric = (objective.value(up) - objective.value(down)) / (2 * h);
    CAPTURE(i);
    CHECK(gradient[i] == doctest::Approx(numeric).epsilon(1e-7));
    objective.derivatives(up, shifted_gradient, nullptr);
    std::vector<double> lower;
    objective.derivatives(down, lower, nullptr);
    for (int j = 0; j < d; ++j)
      CHECK(hessian[static_cast<std::size_t>(i) * d + j] ==
            doctest::Approx((shifted_gradient[j] - lower[j]) / (2 * h)).epsilon(1e-6));
  }
}

TEST_CASE("preference MLE: the time-axis MSE term is the spread of the per-step rewards") {
  // Two trajectories, one feature a step: rewards θ_0, θ_1, θ_2 and θ_1, θ_1.
  FeatureTrajectories trajectories(3);
  trajectories.begin_trajectory();
  for (int i = 0; i < 3; ++i) trajectories.add_step({{i, 1.0}});
  trajectories.begin_trajectory();
  trajectories.add_step({{1, 1.0}});
  trajectories.add_step({{1, 1.0}});
  const std::vector<PreferencePair> pairs = {{0, 1, 0.5}};
  PreferenceMleOptions options;
  options.ridge = 1e-9;
  const PreferenceObjective plain(trajectories, pairs, options);
  options.mse_weight = 3.0;
  const PreferenceObjective spread(trajectories, pairs, options);
  const std::vector<double> theta = {1.0, -2.0, 4.0};
  const double mean = 1.0;  // (1 − 2 + 4) / 3
  const double first = ((1 - mean) * (1 - mean) + (-2 - mean) * (-2 - mean) + (4 - mean) * (4 - mean)) / 3.0;
  const double expected = 3.0 * (first + 0.0) / 2.0;  // α · mean over the two trajectories
  CHECK(spread.value(theta) - plain.value(theta) == doctest::Approx(expected).epsilon(1e-12));
}

TEST_CASE("preference MLE recovers a planted reward from Bradley-Terry labels") {
  RngStream rng(5);
  const int d = 6, count = 60;
  const FeatureTrajectories trajectories = random_trajectories(count, 3, d, rng);
  const std::vector<double> truth = {0.8, -0.5, 0.3, 1.2, -1.0, 0.1};
  const auto return_of = [&](int t) {
    std::vector<double> sum(d, 0.0);
    trajectories.add_sum(t, 1.0, sum);
    double r = 0.0;
    for (int i = 0; i < d; ++i) r += truth[i] * sum[i];
    return r;
  };
  double worst_small = 0.0, worst_large = 0.0;
  for (int n : {500, 50000}) {
    std::vector<PreferencePair> pairs;
    for (int k = 0; k < n; ++k) {
      const int a = static_cast<int>(rng.below(count)), b = static_cast<int>(rng.below(count));
      const double p = 1.0 / (1.0 + std::exp(-(return_of(a) - return_of(b))));
      pairs.push_back({a, b, rng.uniform() < p ? 1.0 : 0.0});
    }
    const PreferenceMleResult fit = estimate_reward(trajectories, pairs, PreferenceMleOptions{});
    CHECK(fit.converged);
    double worst = 0.0;
    for (int i = 0; i < d; ++i) worst = std::max(worst, std::abs(fit.theta[i] - truth[i]));
    MESSAGE(n << " pairs: largest error of θ " << worst << " after " << fit.iterations << " Newton steps");
    (n == 500 ? worst_small : worst_large) = worst;
  }
  CHECK(worst_large < 0.1);
  CHECK(worst_large < worst_small);
}

TEST_CASE("preference confidence: compared directions shrink as 1/sqrt(n), uncompared ones do not") {
  // Two one-step actions compared n times: the Gram matrix is λI + n (e_0 − e_1)(e_0 − e_1)ᵀ,
  // so the width of e_0 − e_1 is sqrt(2 / (2n + λ)) and that of e_0 + e_1 is sqrt(2 / λ).
  const FeatureTrajectories two = one_step_actions(2);
  PreferenceMleOptions options;
  options.ridge = 0.01;
  for (int n : {10, 1000}) {
    std::vector<PreferencePair> pairs;
    add_comparisons(pairs, 0, 1, n / 2, n);
    const GramConfidence confidence(PreferenceObjective(two, pairs, options));
    CHECK(confidence.width({1.0, -1.0}) == doctest::Approx(std::sqrt(2.0 / (2.0 * n + 0.01))).epsilon(1e-12));
    // Σ's condition number is (2n + λ)/λ = 2·10⁵ at n = 1000: rounding shows from 1e-11.
    CHECK(confidence.width({1.0, 1.0}) == doctest::Approx(std::sqrt(2.0 / 0.01)).epsilon(1e-9));
  }
  const GramConfidence empty(PreferenceObjective(two, {}, options));
  CHECK_THROWS_AS(empty.width({1.0}), UsageError);
}

TEST_CASE("preference MLE refuses malformed input") {
  FeatureTrajectories trajectories(2);
  CHECK_THROWS_AS(trajectories.add_step({{0, 1.0}}), UsageError);  // no trajectory begun
  trajectories.begin_trajectory();
  CHECK_THROWS_AS(trajectories.add_step({{2, 1.0}}), UsageError);  // index out of range
  trajectories.add_step({{1, 1.0}});
  PreferenceMleOptions options;
  CHECK_THROWS_AS(PreferenceObjective(trajectories, {{0, 1, 1.0}}, options), UsageError);  // no trajectory 1
  CHECK_THROWS_AS(PreferenceObjective(trajectories, {{0, 0, 1.5}}, options), UsageError);  // label above 1
  options.ridge = 0.0;
  CHECK_THROWS_AS(PreferenceObjective(trajectories, {{0, 0, 1.0}}, options), UsageError);
}
