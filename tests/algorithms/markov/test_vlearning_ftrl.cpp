// The α-weighted FTRL of CCE-V-learning kept as a normalised accumulator G equals the
// V-learning form with explicit weights w_t (docs/algorithms/markov-learning.md,
// "cce-v"), and the small pieces around it (stable softmax, drawing an index).
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/algorithms/markov/vlearning/exp_weights.hpp>

using namespace eqlab;

TEST_CASE("markov vlearning FTRL: the G form equals the explicit w_t form") {
  for (const int horizon : {1, 2, 3, 5}) {
    CAPTURE(horizon);
    const int A = 3;
    const int updates = 30;
    std::mt19937_64 rng(17 + horizon);
    std::uniform_real_distribution<double> u(0.0, 1.0);

    std::vector<double> g(A, 0.0), mu_g(A, 1.0 / A);
    // Explicit form: μ_{t+1} ∝ exp(-(η_t / w_t) Σ_{τ≤t} w_τ ℓ̂_τ) with
    // w_τ = α_τ / Π_{u=2}^{τ} (1 - α_u), the ℓ̂_τ kept one by one.
    std::vector<std::vector<double>> estimates;
    std::vector<double> weights, mu_w(A, 1.0 / A);
    double product = 1.0;  // Π_{u=2}^{t} (1 - α_u)
    double worst = 0.0;
    for (int t = 1; t <= updates; ++t) {
      const double alpha = v_learning_alpha(horizon, t);
      if (t >= 2) product *= 1.0 - alpha;
      const double eta = std::sqrt(horizon * std::log(A) / (A * static_cast<double>(t)));
      const double gamma = eta;
      const int action = static_cast<int>(u(rng) * A);
      const double loss = u(rng);

      weighted_ix_update(g, action, alpha, loss, mu_g[action], gamma);
      negative_softmax(g, eta / alpha, mu_g);

      std::vector<double> estimate(A, 0.0);
      estimate[action] = loss / (mu_w[action] + gamma);
      estimates.push_back(estimate);
      weights.push_back(alpha / product);
      const double w_t = weights.back();
      std::vector<double> exponent(A, 0.0);
      for (std::size_t tau = 0; tau < estimates.size(); ++tau)
        for (int a = 0; a < A; ++a) exponent[a] += weights[tau] * estimates[tau][a];
      double total = 0.0;
      for (int a = 0; a < A; ++a) total += mu_w[a] = std::exp(-(eta / w_t) * exponent[a]);
      for (int a = 0; a < A; ++a) {
        mu_w[a] /= total;
        worst = std::max(worst, std::abs(mu_w[a] - mu_g[a]));
      }
    }
    CHECK(worst < 1e-12);
    // The explicit weights really grow (the reason for the G form) when H > 1.
    if (horizon > 1) CHECK(weights.back() > 10.0 * weights.front());
  }
}

TEST_CASE("markov vlearning FTRL: the softmax stays finite for huge exponents") {
  const std::vector<double> g = {1e6, 0.0, 2e6};
  std::vector<double> out(3);
  negative_softmax(g, 1e3, out);
  CHECK(out[1] == 1.0);
  CHECK(out[0] == 0.0);
  CHECK(out[2] == 0.0);
  negative_softmax(std::vector<double>{0.5, 0.5}, 7.0, out);
  CHECK(out[0] == doctest::Approx(0.5).epsilon(1e-15));
}

TEST_CASE("markov vlearning FTRL: draw_index inverts the CDF and skips zeros at the end") {
  const std::vector<double> p = {0.25, 0.0, 0.75, 0.0};
  CHECK(draw_index(p, 0.0) == 0);
  CHECK(draw_index(p, 0.2499) == 0);
  CHECK(draw_index(p, 0.25) == 2);
  CHECK(draw_index(p, 0.999999) == 2);
  const std::vector<double> short_sum = {0.5, 0.4999999, 0.0};
  CHECK(draw_index(short_sum, 0.99999999) == 1);
}
