// Exact evaluation of the certified policy π̂ of a visit log (docs/algorithms/evaluation.md):
// the compressed (h, s, t) recursions against a direct recursion over the index k, Monte
// Carlo play of π̂, the H = 1 closed form against brute force, a log that always plays one
// product policy, prefixes, and thread-count independence.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include <tbb/global_control.h>

#include <eqlab/algorithms/markov/eval/certified_eval.hpp>
#include <eqlab/algorithms/markov/eval/certified_sampler.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/markov_policy.hpp>
#include <eqlab/algorithms/markov/visit_log.hpp>
#include <eqlab/games/markov/markov_game.hpp>
#include <eqlab/games/markov/table_model.hpp>

#include "test_markov_eval_games.hpp"

using namespace eqlab;
using namespace eqlab::markov_eval_test;

namespace {

// Σ over the others' joint actions (each weighted by its logged probability at `visit` of
// (h, s), or uniform when visit < 0) of f(joint actions with player i's set to `own`).
double against_others(const MarkovModel& model, const VisitLog& log, int h, int s, std::int64_t visit, int i,
                      int own, const std::function<double(const std::vector<int>&)>& f) {
  const int m = model.num_players();
  std::vector<int> a(m, 0);
  double total = 0.0;
  while (true) {
    a[i] = own;
    double w = 1.0;
    for (int j = 0; j < m; ++j)
      if (j != i) w *= visit < 0 ? 1.0 / model.num_actions(j) : static_cast<double>(log.distribution(h, s, visit, j)[a[j]]);
    total += w * f(a);
    int j = m - 1;
    for (; j >= 0; --j) {
      if (j == i) continue;
      if (++a[j] < model.num_actions(j)) break;
      a[j] = 0;
    }
    if (j < 0) return total;
  }
}

// r_i(a) + Σ_{s'} P(s'|a)·next(s') at (h, s).
double reward_plus(const MarkovModel& model, int h, int s, int i, const std::vector<int>& a,
                   const std::function<double(int)>& next) {
  std::vector<double> r(model.num_players()), p(model.num_states());
  model.rewards(h, s, a, r);
  double v = r[i];
  if (h + 1 < model.horizon()) {
    model.next_distribution(h, s, a, p);
    for (int t = 0; t < model.num_states(); ++t)
      if (p[t] > 0.0) v += p[t] * next(t);
  }
  return v;
}

// The definitions (docs/algorithms/markov-learning.md, "The certified policy") followed
// literally, by the episode index k (0-based) instead of the count t: no compression, no
// running mixtures. Normalised units.
struct DirectEvaluation {
  const MarkovModel& model;
  const VisitLog& log;
  std::int64_t prefix;
  int i;
  enum Kind { kValue, kCce, kCe };

  // Everybody uniform from (h, s) on: the player's value, or its best response.
  double fallback(int h, int s, bool best) const {
    if (h == model.horizon()) return 0.0;
    const int A = model.num_actions(i);
    double out = best ? -1e300 : 0.0;
    for (int b = 0; b < A; ++b) {
      const double q = against_others(model, log, h, s, -1, i, b, [&](const std::vector<int>& a) {
        return reward_plus(model, h, s, i, a, [&](int t) { return fallback(h + 1, t, best); });
      });
      out = best ? std::max(out, q) : out + q / A;
    }
    return out;
  }

  double at(Kind kind, int h, int s, std::int64_t k) const {
    if (h == model.horizon()) return 0.0;
    const std::int64_t t = log.visits_before(h, s, k);
    if (t == 0) return fallback(h, s, kind != kValue);
    const int A = model.num_actions(i), H_alpha = log.alpha_horizon();
    // q[b][a']: Σ_l α_t^l p_i^{(l)}(b)·E_{a_{-i}}[r + P·X_{h+1}(·, e_l)] with a_i = a';
    // ignore[a']: the same without the recommendation's weight.
    std::vector<double> q(static_cast<std::size_t>(A) * A, 0.0), ignore(A, 0.0);
    for (std::int64_t l = 1; l <= t; ++l) {
      const double w = alpha_weight(H_alpha, t, l);
      const std::int64_t e = log.visit_episodes(h, s)[l - 1];
      for (int a = 0; a < A; ++a) {
        const double x = against_others(model, log, h, s, l - 1, i, a, [&](const std::vector<int>& act) {
          return reward_plus(model, h, s, i, act, [&](int sn) { return at(kind, h + 1, sn, e); });
        });
        for (int b = 0; b < A; ++b) q[b * A + a] += w * log.distribution(h, s, l - 1, i)[b] * x;
        ignore[a] += w * x;
      }
    }
    double out = 0.0;
    if (kind == kValue)
      for (int b = 0; b < A; ++b) out += q[b * A + b];
    if (kind == kCe)
      for (int b = 0; b < A; ++b) out += *std::max_element(q.begin() + b * A, q.begin() + (b + 1) * A);
    if (kind == kCce) out = *std::max_element(ignore.begin(), ignore.end());
    return out;
  }

  double initial(Kind kind) const {
    double total = 0.0;
    for (int s = 0; s < model.num_states(); ++s) {
      if (model.initial()[s] == 0.0) continue;
      double sum = 0.0;
      for (std::int64_t k = 0; k < prefix; ++k) sum += at(kind, 0, s, k);
      total += model.initial()[s] * sum / static_cast<double>(prefix);
    }
    return total * model.reward_scale();
  }
};

void check_same(const CertifiedEvaluation& a, const CertifiedEvaluation& b) {
  CHECK(a.episodes == b.episodes);
  CHECK(a.value == b.value);
  CHECK(a.cce_upper == b.cce_upper);
  CHECK(a.ce_upper == b.ce_upper);
  CHECK(a.cce_lower == b.cce_lower);
  CHECK(a.cce_gap_upper == b.cce_gap_upper);
  CHECK(a.ce_gap_upper == b.ce_gap_upper);
  CHECK(a.cce_gap_lower == b.cce_gap_lower);
}

}  // namespace

TEST_CASE("markov eval: certified values and bounds equal a direct recursion over the index k") {
  const TableMarkovModel model = random_table_game({2, 3}, 2, 2, {0.6, 0.4}, 21);
  const VisitLog log = random_play_log(model, 40, 5, model.horizon());
  for (std::int64_t prefix : {std::int64_t{40}, std::int64_t{17}}) {
    CertifiedEvalOptions options;
    options.episodes = prefix;
    const CertifiedEvaluation ev = evaluate_certified(model, log, options);
    CHECK(ev.episodes == prefix);
    for (int i = 0; i < 2; ++i) {
      const DirectEvaluation direct{model, log, prefix, i};
      CHECK(ev.value[i] == doctest::Approx(direct.initial(DirectEvaluation::kValue)).epsilon(1e-10));
      CHECK(ev.cce_upper[i] == doctest::Approx(direct.initial(DirectEvaluation::kCce)).epsilon(1e-10));
      CHECK(ev.ce_upper[i] == doctest::Approx(direct.initial(DirectEvaluation::kCe)).epsilon(1e-10));
      // Knowing the recommendation can only help; any fixed deviation is weaker than the
      // index-aware best one.
      CHECK(ev.ce_upper[i] >= ev.cce_upper[i] - 1e-12);
      CHECK(ev.cce_lower[i] <= ev.cce_upper[i] + 1e-12);
    }
  }
}

TEST_CASE("markov eval: Monte Carlo play of the certified policy agrees with its exact value") {
  const TableMarkovModel model = random_table_game({2, 3, 2}, 3, 3, {0.5, 0.3, 0.2}, 31);
  const VisitLog log = random_play_log(model, 300, 8, model.horizon());
  const CertifiedEvaluation ev = evaluate_certified(model, log);
  CertifiedSampler sampler(model, log, -1, 2024);
  const int n = 200'000, m = 3;
  std::vector<double> sum(m, 0.0), sum2(m, 0.0), ret(m);
  for (int k = 0; k < n; ++k) {
    sampler.sample_returns(ret);
    for (int i = 0; i < m; ++i) {
      sum[i] += ret[i];
      sum2[i] += ret[i] * ret[i];
    }
  }
  for (int i = 0; i < m; ++i) {
    const double mean = sum[i] / n;
    const double se = std::sqrt((sum2[i] / n - mean * mean) / n);
    MESSAGE("player " << i << ": exact " << ev.value[i] << ", Monte Carlo " << mean << " ± " << se);
    CHECK(std::fabs(mean - ev.value[i]) <= 4.0 * se);
    CHECK(se < 0.01);
  }
  CHECK(ev.cce_gap_lower <= ev.cce_gap_upper);
  CHECK(ev.cce_gap_upper <= ev.ce_gap_upper);
}

TEST_CASE("markov eval: H = 1 certified CCE gap in closed form equals brute force and lies within the bounds") {
  for (int states : {1, 2}) {
    const std::vector<double> rho = states == 1 ? std::vector<double>{1.0} : std::vector<double>{0.4, 0.6};
    const TableMarkovModel model = random_table_game({2, 3, 2}, 1, states, rho, 41 + states);
    const VisitLog log = random_play_log(model, 120, 9, 1);
    const CertifiedEvaluation ev = evaluate_certified(model, log);
    REQUIRE(ev.cce_gap_exact.has_value());
    // Brute force: with one step the deviator sees only the initial state, so its best
    // general policy is a fixed action per state, against the whole mixture over k and l.
    double gap = -1e300;
    for (int i = 0; i < 3; ++i) {
      double best_total = 0.0, value_total = 0.0;
      for (int s = 0; s < states; ++s) {
        const int A = model.num_actions(i);
        std::vector<double> dev(A, 0.0);
        double value = 0.0;
        auto reward = [&](const std::vector<int>& a) {
          return reward_plus(model, 0, s, i, a, [](int) { return 0.0; });
        };
        for (std::int64_t k = 0; k < 120; ++k) {
          const std::int64_t t = log.visits_before(0, s, k);
          for (int b = 0; b < A; ++b) {
            if (t == 0) {
              const double x = against_others(model, log, 0, s, -1, i, b, reward);
              dev[b] += x / 120.0;
              value += x / A / 120.0;
              continue;
            }
            for (std::int64_t l = 1; l <= t; ++l) {
              const double x = against_others(model, log, 0, s, l - 1, i, b, reward);
              const double w = alpha_weight(1, t, l) / 120.0;
              dev[b] += w * x;
              value += w * log.distribution(0, s, l - 1, i)[b] * x;
            }
          }
        }
        best_total += rho[s] * *std::max_element(dev.begin(), dev.end());
        value_total += rho[s] * value;
      }
      CHECK(ev.value[i] == doctest::Approx(value_total * model.reward_scale()).epsilon(1e-10));
      gap = std::max(gap, (best_total - value_total) * model.reward_scale());
    }
    MESSAGE("S = " << states << ": lower " << ev.cce_gap_lower << ", exact " << *ev.cce_gap_exact << ", upper "
                   << ev.cce_gap_upper << ", CE upper " << ev.ce_gap_upper);
    CHECK(*ev.cce_gap_exact == doctest::Approx(gap).epsilon(1e-10));
    CHECK(ev.cce_gap_lower <= *ev.cce_gap_exact + 1e-12);
    CHECK(*ev.cce_gap_exact <= ev.cce_gap_upper + 1e-12);
    // With one step the occupancy-weighted Markov deviation is the best fixed action itself.
    CHECK(ev.cce_gap_lower == doctest::Approx(*ev.cce_gap_exact).epsilon(1e-12));
  }
}

TEST_CASE("markov eval: H = 1 index-aware bound is strictly above the true gap when the best action drifts") {
  // A coordination game (both get 1 on equal actions) where the column player plays 0 in
  // the first half of the log and 1 in the second: the α-weights favour recent visits, so
  // a deviator told k plays 0 for small k and 1 for large k, which the true deviator
  // (who sees nothing) cannot do.
  MarkovGame g("drift", {"row", "col"}, 1, {"s"}, {{"0", "1"}, {"0", "1"}}, {1.0});
  const std::vector<StateProb> stay = {{0, 1.0}};
  for (std::size_t a = 0; a < 4; ++a) {
    const double r = (a == 0 || a == 3) ? 1.0 : 0.0;
    const double rs[2] = {r, r};
    g.set_cell(0, 0, a, g.add_outcome(rs, stay));
  }
  const TableMarkovModel model(std::move(g));
  VisitLog log(model, 1);
  const std::int64_t K = 200;
  for (std::int64_t k = 0; k < K; ++k) {
    std::span<float> row = log.add_visit(0, 0, static_cast<std::uint32_t>(k));
    row[0] = row[1] = 0.5f;
    row[2] = k < K / 2 ? 1.0f : 0.0f;
    row[3] = 1.0f - row[2];
    log.set_episodes(k + 1);
  }
  const CertifiedEvaluation ev = evaluate_certified(model, log);
  REQUIRE(ev.cce_gap_exact.has_value());
  MESSAGE("lower " << ev.cce_gap_lower << ", exact " << *ev.cce_gap_exact << ", upper " << ev.cce_gap_upper);
  CHECK(ev.value[0] == doctest::Approx(0.5).epsilon(1e-12));  // row is uniform throughout
  CHECK(ev.cce_gap_upper > *ev.cce_gap_exact + 0.05);
  CHECK(ev.cce_gap_lower == doctest::Approx(*ev.cce_gap_exact).epsilon(1e-12));
}

TEST_CASE("markov eval: certified policy of a log that always plays one product policy") {
  SUBCASE("uniform play: the fallback is the same policy, so everything is exact") {
    const TableMarkovModel model = random_table_game({2, 4, 2}, 3, 2, {0.3, 0.7}, 51);
    const ProductPolicy uniform(model);
    const VisitLog log = fixed_policy_log(model, uniform, 50, model.horizon());
    const CertifiedEvaluation ev = evaluate_certified(model, log);
    const ProductEvaluation product = evaluate_product(model, uniform);
    REQUIRE(product.nash_gap > 0.05);
    for (int i = 0; i < 3; ++i) {
      CHECK(ev.value[i] == doctest::Approx(product.value[i]).epsilon(1e-12));
      CHECK(ev.cce_upper[i] == doctest::Approx(product.best_response[i]).epsilon(1e-12));
      CHECK(ev.ce_upper[i] == doctest::Approx(product.best_response[i]).epsilon(1e-12));
      CHECK(ev.cce_lower[i] == doctest::Approx(product.best_response[i]).epsilon(1e-12));
    }
    CHECK(ev.cce_gap_upper == doctest::Approx(product.nash_gap).epsilon(1e-11));
    CHECK(ev.ce_gap_upper == doctest::Approx(product.nash_gap).epsilon(1e-11));
    CHECK(ev.cce_gap_lower == doctest::Approx(product.nash_gap).epsilon(1e-11));
  }
  SUBCASE("another policy: only the fallback (weight O(1/K)) differs") {
    const TableMarkovModel model = random_table_game({2, 2}, 2, 2, {0.5, 0.5}, 52);
    ProductPolicy pi(model);
    RngStream rng(3);
    for (int h = 0; h < 2; ++h)
      for (int s = 0; s < 2; ++s)
        for (int i = 0; i < 2; ++i) {
          const double p = static_cast<double>(1 + rng.below(7)) / 8.0;  // exact in float
          pi.at(h, s, i)[0] = p;
          pi.at(h, s, i)[1] = 1.0 - p;
        }
    const ProductEvaluation product = evaluate_product(model, pi);
    const VisitLog log = fixed_policy_log(model, pi, 8000, model.horizon());
    double previous = 1e300;
    for (std::int64_t K : {500, 2000, 8000}) {
      CertifiedEvalOptions options;
      options.episodes = K;
      const CertifiedEvaluation ev = evaluate_certified(model, log, options);
      double err = std::fabs(ev.cce_gap_upper - product.nash_gap);
      err = std::max(err, std::fabs(ev.ce_gap_upper - product.nash_gap));
      err = std::max(err, std::fabs(ev.cce_gap_lower - product.nash_gap));
      for (int i = 0; i < 2; ++i) err = std::max(err, std::fabs(ev.value[i] - product.value[i]));
      MESSAGE("K = " << K << ": largest difference from the product policy " << err);
      // The fallback is reached with probability O(H/K) and moves a value by at most
      // H·reward_scale() = 6.
      CHECK(err <= 6.0 * 4.0 / static_cast<double>(K));
      CHECK(err < previous);
      previous = err;
    }
  }
}

TEST_CASE("markov eval: certified evaluation of a prefix uses only that prefix") {
  const TableMarkovModel model = random_table_game({3, 2, 2}, 3, 3, {0.2, 0.3, 0.5}, 61);
  const VisitLog full = random_play_log(model, 500, 17, model.horizon());
  const VisitLog truncated = random_play_log(model, 180, 17, model.horizon());
  REQUIRE(truncated.episodes() == 180);
  CertifiedEvalOptions options;
  options.episodes = 180;
  const CertifiedEvaluation a = evaluate_certified(model, full, options);
  const CertifiedEvaluation b = evaluate_certified(model, truncated);
  check_same(a, b);
  const CertifiedEvaluation whole = evaluate_certified(model, full);
  CHECK(whole.value != a.value);
  const ProductPolicy pa = average_policy(model, full, 180), pb = average_policy(model, truncated);
  CHECK(std::vector<double>(pa.data().begin(), pa.data().end()) ==
        std::vector<double>(pb.data().begin(), pb.data().end()));
}

TEST_CASE("markov eval: certified evaluation gives the same bits on 1 and many threads") {
  const TableMarkovModel model = random_table_game({2, 2, 2, 2, 2, 2}, 3, 3, {1.0, 0.0, 0.0}, 71);
  const VisitLog log = random_play_log(model, 3000, 23, model.horizon());
  CertifiedEvaluation one, many;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = evaluate_certified(model, log);
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 4);
    many = evaluate_certified(model, log);
  }
  check_same(one, many);
  CHECK(one.cce_gap_lower <= one.cce_gap_upper);
}
