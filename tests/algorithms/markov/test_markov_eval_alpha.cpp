// The α-weights behind the certified policy (docs/algorithms/markov-learning.md): they
// form a distribution over visits, no visit gets more than 2H/t, each visit's weight over
// all later counts adds up to 1 + 1/H, and sample_alpha_index draws from them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/lib/rng.hpp>

#include "test_markov_eval_games.hpp"

using namespace eqlab;
using eqlab::markov_eval_test::alpha_weight;

TEST_CASE("markov eval: alpha_t^j sums to one over j and is at most 2H/t") {
  for (int H : {1, 2, 3, 5, 10}) {
    for (std::int64_t t : {1, 2, 3, 7, 50, 400, 3000}) {
      double total = 0.0, largest = 0.0;
      for (std::int64_t j = 1; j <= t; ++j) {
        const double w = alpha_weight(H, t, j);
        total += w;
        largest = std::max(largest, w);
      }
      CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
      CHECK(largest <= 2.0 * H / static_cast<double>(t) + 1e-15);
    }
  }
}

TEST_CASE("markov eval: each visit's alpha weight summed over later counts is 1 + 1/H") {
  // Σ_{t>=j} α_t^j; the tail after T behaves like (j/T)^H, so 10^6 terms leave < 1e-5.
  const std::int64_t T = 1'000'000;
  for (int H : {1, 2, 3}) {
    for (std::int64_t j : {1, 2, 5, 10}) {
      double w = v_learning_alpha(H, j), total = 0.0;
      for (std::int64_t t = j; t <= T; ++t) {
        total += w;
        w *= 1.0 - v_learning_alpha(H, t + 1);
      }
      CHECK(total == doctest::Approx(1.0 + 1.0 / H).epsilon(2e-5));
    }
  }
}

TEST_CASE("markov eval: sample_alpha_index draws visit j with probability alpha_t^j") {
  for (int H : {1, 3}) {
    const std::int64_t t = 25;
    const int n = 400'000;
    std::vector<int> hits(t + 1, 0);
    RngStream rng(12345, 0x616c706861ULL, H);
    for (int k = 0; k < n; ++k) {
      const std::int64_t l = sample_alpha_index(H, t, rng);
      REQUIRE(l >= 1);
      REQUIRE(l <= t);
      ++hits[l];
    }
    double chi2 = 0.0;
    for (std::int64_t j = 1; j <= t; ++j) {
      const double p = alpha_weight(H, t, j);
      const double freq = static_cast<double>(hits[j]) / n;
      // 5 standard errors per visit, plus room for the weights too small to be hit.
      CHECK(std::fabs(freq - p) <= 5.0 * std::sqrt(p * (1.0 - p) / n) + 1e-5);
      if (p * n >= 5.0) chi2 += (hits[j] - p * n) * (hits[j] - p * n) / (p * n);
    }
    // Fewer than 25 degrees of freedom: the 99.99% quantile of chi2(25) is about 63.
    CHECK(chi2 < 63.0);
  }
}
