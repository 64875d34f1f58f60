// The episode-uniform mixture of the policies a learner played
// (algorithms/markov/eval/episode_mixture_eval.hpp), checked against an independent
// computation: the policies are snapshots of EXP3-IX's distributions taken before each
// episode (not rebuilt from the log), and the best response to the mixture is the best of
// every deterministic history-dependent policy of the deviator, each played out by
// enumerating trajectories.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include <eqlab/algorithms/markov/eval/episode_mixture_eval.hpp>
#include <eqlab/algorithms/markov/eval/product_eval.hpp>
#include <eqlab/algorithms/markov/independent/independent_exp3ix.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/table_model.hpp>

using namespace eqlab;

namespace {

// A deviation of player `dev` in a game with H = 2, S = 2 and two actions each: its step-0
// action per initial state (2 bits) and its step-1 action per (s0, the other's action,
// s1) (8 bits): 1024 policies. Its own step-0 action is fixed by s0, so these histories
// are all it sees.
struct HistoryPolicy {
  unsigned bits = 0;
  int first(int s0) const { return static_cast<int>((bits >> s0) & 1u); }
  int second(int s0, int other, int s1) const { return static_cast<int>((bits >> (2 + s0 * 4 + other * 2 + s1)) & 1u); }
};

// V_dev of `deviation` against the others of product policy `pi`, by enumeration
// (normalised rewards times the scale, like the evaluators).
double play_out(const MarkovModel& model, const ProductPolicy& pi, int dev, const HistoryPolicy& deviation) {
  const int other = 1 - dev;
  double value = 0.0;
  std::vector<int> a(2);
  std::vector<double> r(2), law(2);
  for (int s0 = 0; s0 < 2; ++s0) {
    const double p0 = model.initial()[s0];
    if (p0 == 0.0) continue;
    for (int b0 = 0; b0 < 2; ++b0) {
      const double q0 = p0 * pi.at(0, s0, other)[b0];
      a[dev] = deviation.first(s0);
      a[other] = b0;
      model.rewards(0, s0, a, r);
      value += q0 * r[dev];
      model.next_distribution(0, s0, a, law);
      for (int s1 = 0; s1 < 2; ++s1)
        for (int b1 = 0; b1 < 2; ++b1) {
          std::vector<int> a1(2);
          a1[dev] = deviation.second(s0, b0, s1);
          a1[other] = b1;
          std::vector<double> r1(2);
          model.rewards(1, s1, a1, r1);
          value += q0 * law[s1] * pi.at(1, s1, other)[b1] * r1[dev];
        }
    }
  }
  return value * model.reward_scale();
}

}  // namespace

TEST_CASE("episode mixture: value, exact best response and bounds agree with brute force") {
  const auto model = make_markov_builtin("markov-random(players=2,states=2,actions=2,horizon=2,seed=5)");
  REQUIRE(model->num_states() == 2);
  REQUIRE(model->horizon() == 2);
  IndependentExp3Ix learner(*model, {}, 11);
  std::vector<ProductPolicy> played;
  for (int k = 0; k < 40; ++k) {
    played.push_back(*learner.product());  // what episode k draws from
    learner.run_episode();
  }
  const EpisodeMixtureEvaluation e = evaluate_episode_mixture(*model, learner.play_log(), *learner.next_play());
  REQUIRE(e.cce_gap.has_value());
  CHECK(e.episodes == 40);
  // Float32 in the log against double snapshots: agreement to 1e-6.
  for (int i = 0; i < 2; ++i) {
    double value = 0.0;
    for (const ProductPolicy& pi : played) value += product_values(*model, pi)[i];
    value /= 40.0;
    CHECK(e.value[i] == doctest::Approx(value).epsilon(1e-6));
    double best = -std::numeric_limits<double>::infinity();
    for (unsigned bits = 0; bits < 1024; ++bits) {
      double v = 0.0;
      for (const ProductPolicy& pi : played) v += play_out(*model, pi, i, HistoryPolicy{bits});
      best = std::max(best, v / 40.0);
    }
    CAPTURE(i);
    CHECK((*e.gap)[i] == doctest::Approx(best - value).epsilon(1e-6));
    CHECK(e.gap_lower[i] <= (*e.gap)[i] + 1e-12);
    CHECK((*e.gap)[i] <= e.gap_upper[i] + 1e-12);
  }
  CHECK(*e.cce_gap == std::max((*e.gap)[0], (*e.gap)[1]));
}

TEST_CASE("episode mixture: one episode is a product policy, and the exact pass has a budget") {
  const auto model = make_markov_builtin("markov-random(players=2,states=2,actions=2,horizon=2,seed=5)");
  IndependentExp3Ix learner(*model, {}, 3);
  const ProductPolicy first = *learner.product();
  learner.run_episode();
  const EpisodeMixtureEvaluation one = evaluate_episode_mixture(*model, learner.play_log(), *learner.next_play());
  const ProductEvaluation direct = evaluate_product(*model, first);
  // One episode: the mixture is π^1 itself, so exact gap = upper bound = its Nash gap.
  CHECK(*one.cce_gap == doctest::Approx(direct.nash_gap).epsilon(1e-6));
  CHECK(one.cce_gap_upper == doctest::Approx(direct.nash_gap).epsilon(1e-6));
  CHECK(*one.cce_gap >= 0.0);

  for (int k = 0; k < 9; ++k) learner.run_episode();
  // m · K · nodes · Π A = 2 · 10 · (2 + 2 · 8) · 4 = 1440.
  CHECK(episode_mixture_exact_work(*model, 10) == 1440.0);
  EpisodeMixtureOptions tight;
  tight.max_exact_work = 1439.0;
  CHECK_FALSE(evaluate_episode_mixture(*model, learner.play_log(), *learner.next_play(), tight).cce_gap.has_value());
  tight.max_exact_work = 1440.0;
  CHECK(evaluate_episode_mixture(*model, learner.play_log(), *learner.next_play(), tight).cce_gap.has_value());
}

TEST_CASE("episode mixture: a deviator that reads the history beats every Markov deviation, by hand") {
  // Matching pennies twice (one live state; s1 is never reached): p0 earns 1 on a match,
  // p1 on a mismatch. Episode 1: p1 plays heads at both steps; episode 2: tails; p0 plays
  // uniformly. Against the mixture, p0 cannot tell the episode at step 1 (1/2), but p1's
  // first action tells it at step 2 (1): V^† = 1.5 against V = 0.5 + 0.5 = 1, gap 1/2.
  // Told the episode, p0 matches twice: the upper bound is 2 - 1 = 1. The Markov
  // deviation (the best response to p1's average, heads-or-tails 1/2 at both steps, ties
  // to heads) earns 1/2 + 1/2 = 1: the lower bound is 0. p1 earns 1/2 per step whatever
  // it does: every gap of p1 is 0.
  MarkovGame g("pennies twice", {"p0", "p1"}, 2, {"s0", "s1"}, {{"heads", "tails"}, {"heads", "tails"}}, {1.0, 0.0});
  const double match[2] = {1.0, 0.0}, mismatch[2] = {0.0, 1.0};
  const StateProb stay[1] = {{0, 1.0}};
  const std::uint32_t win0 = g.add_outcome(match, stay), win1 = g.add_outcome(mismatch, stay);
  for (int h = 0; h < 2; ++h)
    for (int s = 0; s < 2; ++s)
      for (std::size_t a0 = 0; a0 < 2; ++a0)
        for (std::size_t a1 = 0; a1 < 2; ++a1) g.set_cell(h, s, a0 * 2 + a1, a0 == a1 ? win0 : win1);
  const TableMarkovModel model(std::move(g));
  VisitLog log(model, 2);
  for (std::uint32_t k = 0; k < 2; ++k)
    for (int h = 0; h < 2; ++h) {
      const std::span<float> row = log.add_visit(h, 0, k);
      row[0] = row[1] = 0.5f;                                     // p0 uniform
      row[2] = k == 0 ? 1.0f : 0.0f, row[3] = k == 0 ? 0.0f : 1.0f;  // p1 heads, then tails
    }
  log.set_episodes(2);
  const EpisodeMixtureEvaluation e = evaluate_episode_mixture(model, log, ProductPolicy(model));
  CHECK(e.value[0] == 1.0);
  CHECK(e.value[1] == 1.0);
  REQUIRE(e.gap.has_value());
  CHECK((*e.gap)[0] == 0.5);
  CHECK(e.gap_upper[0] == 1.0);
  CHECK(e.gap_lower[0] == 0.0);
  CHECK((*e.gap)[1] == 0.0);
  CHECK(e.gap_upper[1] == 0.0);
  CHECK(e.gap_lower[1] == 0.0);
  CHECK(*e.cce_gap == 0.5);
  CHECK(e.cce_gap_upper == 1.0);
  CHECK(e.cce_gap_lower == 0.0);
}
