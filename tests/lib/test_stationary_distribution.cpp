// GTH elimination: stationary distributions of small chains, checked against the balance
// equations and a chain whose answer is known in closed form; the closed form for 2 and 3
// states against GTH.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/stationary_distribution.hpp>

using namespace eqlab;

TEST_CASE("stationary distribution: a two-state chain") {
  // Leaves state 0 with probability a and state 1 with b: pi = (b, a) / (a + b).
  const double a = 0.3, b = 1e-9;
  std::vector<double> P{1 - a, a, b, 1 - b}, pi(2);
  stationary_distribution(P, 2, pi);
  CHECK(pi[0] == doctest::Approx(b / (a + b)).epsilon(1e-14));
  CHECK(pi[1] == doctest::Approx(a / (a + b)).epsilon(1e-14));
}

TEST_CASE("stationary distribution: random chains satisfy the balance equations") {
  RngStream rng(7, 1, 0);
  for (int n : {1, 2, 3, 5, 8}) {
    std::vector<double> P(n * n), copy, pi(n);
    for (int i = 0; i < n; ++i) {
      double sum = 0.0;
      for (int j = 0; j < n; ++j) sum += (P[i * n + j] = rng.uniform() * rng.uniform() + 1e-12);
      for (int j = 0; j < n; ++j) P[i * n + j] /= sum;
    }
    copy = P;
    stationary_distribution(P, n, pi);
    double total = 0.0;
    for (int j = 0; j < n; ++j) {
      double inflow = 0.0;
      for (int i = 0; i < n; ++i) inflow += pi[i] * copy[i * n + j];
      CHECK(std::abs(inflow - pi[j]) < 1e-15);
      CHECK(pi[j] > 0.0);
      total += pi[j];
    }
    CHECK(total == doctest::Approx(1.0).epsilon(1e-15));
  }
}

TEST_CASE("stationary distribution: reducible chains get an exact fixed point") {
  // 0 and 1 are transient and feed the absorbing state 2: the only stationary
  // distribution is e_2 (spreading state 2's missing outflow over 0 and 1 would give
  // (1/3, 1/3, 1/3), which is not stationary).
  std::vector<double> P{0, 0.5, 0.5, 0.5, 0, 0.5, 0, 0, 1}, copy = P, pi(3);
  stationary_distribution(P, 3, pi);
  CHECK(pi[0] == 0.0);
  CHECK(pi[1] == 0.0);
  CHECK(pi[2] == 1.0);

  // Two closed classes, {0, 1} and {2, 3}, and nothing between them: once 3 is eliminated,
  // state 2 cannot reach 0 or 1, so elimination stops there and the class {2, 3} gets the
  // distribution; it must satisfy pi = pi P.
  std::vector<double> Q{0.3, 0.7, 0, 0, 0.6, 0.4, 0, 0, 0, 0, 0.2, 0.8, 0, 0, 0.9, 0.1};
  copy = Q;
  pi.assign(4, 0.0);
  stationary_distribution(Q, 4, pi);
  for (int j = 0; j < 4; ++j) {
    double inflow = 0.0;
    for (int i = 0; i < 4; ++i) inflow += pi[i] * copy[i * 4 + j];
    CHECK(std::abs(inflow - pi[j]) < 1e-15);
  }
  CHECK(pi[0] + pi[1] == 0.0);
  CHECK(pi[2] == doctest::Approx(0.9 / 1.7).epsilon(1e-14));
}

TEST_CASE("stationary distribution: a state all but absorbing (exit probability subnormal) stays finite") {
  // The chain that turned the EFCE-OMD fixed point to NaN on Kuhn poker after 263,536
  // iterations: state 1 leaves with probability 2.8e-309, so it holds all the mass to
  // double precision. Dividing by that exit probability used to overflow.
  std::vector<double> P{0.498814, 0.501186, 2.77669e-309, 1.0};
  std::vector<double> pi(2, 0.0);
  stationary_distribution(P, 2, pi);
  CHECK(std::isfinite(pi[0]));
  CHECK(pi[0] >= 0.0);
  CHECK(pi[0] < 1e-300);
  CHECK(pi[1] == 1.0);

  // Three states, the last two nearly absorbing at different depths: still finite and
  // summing to one, with the mass on the stickiest state.
  std::vector<double> Q{0.2, 0.5, 0.3, 1e-310, 0.5, 0.5, 1e-200, 1e-305, 1.0};
  pi.assign(3, 0.0);
  stationary_distribution(Q, 3, pi);
  double total = 0.0;
  for (double p : pi) {
    CHECK(std::isfinite(p));
    total += p;
  }
  CHECK(total == doctest::Approx(1.0).epsilon(1e-15));
  CHECK(pi[2] > 0.99);
}

TEST_CASE("stationary distribution: the closed form for 2 and 3 states agrees with GTH to full relative precision") {
  RngStream rng(17, 1, 0);
  double worst = 0.0;
  for (int trial = 0; trial < 2000; ++trial) {
    const int n = 2 + trial % 2;
    std::vector<double> P(n * n, 0.0), copy, tree(n), gth(n);
    for (int i = 0; i < n; ++i) {
      double sum = 0.0;
      // Probabilities over 30 orders of magnitude: relative precision is what is tested.
      for (int j = 0; j < n; ++j)
        if (j != i) sum += (P[i * n + j] = std::pow(10.0, -30.0 * rng.uniform()));
      for (int j = 0; j < n; ++j) P[i * n + j] /= sum;
    }
    copy = P;
    REQUIRE(small_stationary_distribution(P, n, tree));
    stationary_distribution(copy, n, gth);
    for (int i = 0; i < n; ++i) worst = std::max(worst, std::abs(tree[i] - gth[i]) / gth[i]);
  }
  MESSAGE("largest relative difference from GTH: " << worst);
  CHECK(worst < 1e-14);
}

TEST_CASE("stationary distribution: the closed form declines 4 states and reducible chains") {
  std::vector<double> pi(4, -1.0);
  std::vector<double> four(16, 0.25);
  CHECK_FALSE(small_stationary_distribution(four, 4, pi));
  // Two absorbing states: every spanning tree has a zero product.
  std::vector<double> reducible{1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.5, 0.5, 0.0};
  CHECK_FALSE(small_stationary_distribution(reducible, 3, pi));
  CHECK(pi[0] == -1.0);  // nothing written
  stationary_distribution_of_any(reducible, 3, pi);  // GTH decides
  CHECK(pi[0] + pi[1] + pi[2] == doctest::Approx(1.0));
  // One absorbing state: the tree theorem puts all the mass there, as GTH does.
  std::vector<double> absorbing{0.0, 0.5, 0.5, 0.0, 0.0, 0.0, 0.3, 0.7, 0.0};
  REQUIRE(small_stationary_distribution(absorbing, 3, pi));
  CHECK(pi[1] == 1.0);
}
