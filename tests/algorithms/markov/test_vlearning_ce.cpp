// CE-V-learning's swap-regret layer (docs/algorithms/markov-learning.md, "ce-v"): the
// stationary marginal at every visit of a run, the two-step draw's marginal, and the
// Blum–Mansour identity that turns the sub-experts' external regrets into swap regret.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>
#include <eqlab/algorithms/markov/vlearning/swap_experts.hpp>
#include <eqlab/lib/rng.hpp>

#include "test_vlearning_games.hpp"

using namespace eqlab;

namespace {

// A random row-stochastic A×A matrix with entries bounded away from 0.
std::vector<double> random_rows(int A, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0.01, 1.0);
  std::vector<double> q(static_cast<std::size_t>(A) * A);
  for (int b = 0; b < A; ++b) {
    double total = 0.0;
    for (int a = 0; a < A; ++a) total += q[b * A + a] = u(rng);
    for (int a = 0; a < A; ++a) q[b * A + a] /= total;
  }
  return q;
}

// max_a |(μQ)_a - μ_a|.
double stationarity_residual(std::span<const double> q, std::span<const double> mu, int A) {
  double worst = 0.0;
  for (int a = 0; a < A; ++a) {
    double image = 0.0;
    for (int b = 0; b < A; ++b) image += mu[b] * q[b * A + a];
    worst = std::max(worst, std::abs(image - mu[a]));
  }
  return worst;
}

}  // namespace

TEST_CASE("markov ce-v: the played marginal is stationary for the proposals at every visit") {
  const TableMarkovModel model(vlearning_test::random_table(3, 2, 2, 3, 5));
  VLearningOptions options;
  options.planned_episodes = 2000;
  CeVLearning learner(model, options, 11);
  std::int64_t visits = 0;
  double worst = 0.0, mass_error = 0.0;
  learner.set_visit_observer([&](const CeVisit& v) {
    ++visits;
    const int A = model.num_actions(v.player);
    worst = std::max(worst, stationarity_residual(v.proposals, v.marginal, A));
    double total = 0.0;
    for (double p : v.marginal) total += p;
    mass_error = std::max(mass_error, std::abs(total - 1.0));
  });
  for (int k = 0; k < 2000; ++k) learner.run_episode();
  CHECK(visits == 3 * 2 * 2000);
  CHECK(worst < 1e-12);
  CHECK(mass_error < 1e-12);
  // The log holds exactly the marginals that were checked (as floats).
  const VisitLog& log = *learner.certified();
  CHECK(log.visits(0, 0) == 2000);
  CHECK(log.episodes() == 2000);
}

TEST_CASE("markov ce-v: the two-step draw has marginal μ and credits sub-expert b with probability μ(b)") {
  std::mt19937_64 gen(3);
  const int A = 4;
  const std::vector<double> q = random_rows(A, gen);
  std::vector<double> mu(A), scratch(A * A);
  solve_marginal(q, A, scratch, mu);
  REQUIRE(stationarity_residual(q, mu, A) < 1e-14);
  RngStream rng(99, 1, 0);
  const int draws = 100000;
  std::vector<int> actions(A, 0), experts(A, 0);
  for (int n = 0; n < draws; ++n) {
    const TwoStepDraw d = two_step_draw(q, mu, A, rng);
    ++actions[d.action];
    ++experts[d.expert];
  }
  for (int a = 0; a < A; ++a) {
    const double sigma = std::sqrt(mu[a] * (1.0 - mu[a]) / draws);
    CHECK(std::abs(actions[a] / static_cast<double>(draws) - mu[a]) <= 4.0 * sigma);
    CHECK(std::abs(experts[a] / static_cast<double>(draws) - mu[a]) <= 4.0 * sigma);
  }
}

TEST_CASE("markov ce-v: a sub-expert never drawn proposes uniform; the others use their own count") {
  const int A = 3;
  const std::vector<double> g = {0.0, 0.0, 0.0, 0.4, 0.1, 0.0, 0.2, 0.2, 0.5};
  const std::vector<std::int64_t> counts = {0, 4, 9};
  std::vector<double> q(A * A);
  const double alpha = 0.3, eta_factor = 1.7;
  propose_sub_experts(g, counts, alpha, eta_factor, A, q);
  for (int a = 0; a < A; ++a) CHECK(q[a] == doctest::Approx(1.0 / 3).epsilon(1e-15));
  for (int b = 1; b < A; ++b) {
    const double scale = eta_factor / std::sqrt(static_cast<double>(counts[b])) / alpha;
    double total = 0.0;
    for (int a = 0; a < A; ++a) total += std::exp(-scale * g[b * A + a]);
    for (int a = 0; a < A; ++a) CHECK(q[b * A + a] == doctest::Approx(std::exp(-scale * g[b * A + a]) / total));
  }
}

TEST_CASE("markov ce-v: the Blum-Mansour swap-regret identity holds exactly on random data") {
  std::mt19937_64 gen(8);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const int A = 3, horizon = 3, t = 25;
  std::vector<std::vector<double>> qs, mus, losses;
  std::vector<double> scratch(A * A);
  for (int j = 0; j < t; ++j) {
    qs.push_back(random_rows(A, gen));
    mus.emplace_back(A);
    solve_marginal(qs.back(), A, scratch, mus.back());
    losses.emplace_back(A);
    for (double& l : losses.back()) l = u(gen);
  }
  // α_t^j = α_j Π_{u=j+1}^{t} (1 - α_u).
  std::vector<double> weight(t);
  for (int j = 1; j <= t; ++j) {
    double w = v_learning_alpha(horizon, j);
    for (int v = j + 1; v <= t; ++v) w *= 1.0 - v_learning_alpha(horizon, v);
    weight[j - 1] = w;
  }
  const auto gap = [&](const std::vector<int>& phi, const std::vector<std::vector<double>>& played) {
    double left = 0.0, right = 0.0;
    for (int j = 0; j < t; ++j) {
      double mine = 0.0, swapped = 0.0;
      for (int b = 0; b < A; ++b) {
        mine += played[j][b] * losses[j][b];
        swapped += played[j][b] * losses[j][phi[b]];
      }
      left += weight[j] * (mine - swapped);
      for (int b = 0; b < A; ++b) {
        double proposal = 0.0;
        for (int a = 0; a < A; ++a) proposal += qs[j][b * A + a] * losses[j][a];
        right += weight[j] * played[j][b] * (proposal - losses[j][phi[b]]);
      }
    }
    return std::abs(left - right);
  };
  double worst = 0.0, off_fixed_point = 0.0;
  const std::vector<std::vector<double>> uniform(t, std::vector<double>(A, 1.0 / A));
  for (int code = 0; code < 27; ++code) {  // every φ: A -> A
    const std::vector<int> phi = {code % 3, (code / 3) % 3, code / 9};
    worst = std::max(worst, gap(phi, mus));
    off_fixed_point = std::max(off_fixed_point, gap(phi, uniform));
  }
  CHECK(worst < 1e-12);
  // The identity needs μ = μQ: with uniform play instead it fails visibly.
  CHECK(off_fixed_point > 1e-3);
}
