// The NFCCE gap of a mixture of product profiles, against a brute force that tries every
// pure plan of every player against every round's profile.
#include <doctest/doctest.h>

#include <algorithm>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/eval/nfcce_gap.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/rng.hpp>

#include "support/pure_plans.hpp"
#include "support/random_plans.hpp"

using namespace eqlab;
using eqlab::test::random_plan;

namespace {

// max over pure plans v of player p of (1/T) Σ_t u_p(v, x_{-p}^t) - (1/T) Σ_t u_p(x^t).
double brute_force_gap(const CompiledGame& g, const std::vector<Profile>& rounds, int p) {
  double mixture_value = 0.0;
  for (const Profile& x : rounds) mixture_value += g.expected_values(x)[p];
  double best = -1e300;
  for (const std::vector<double>& v : test::pure_plans(g.treeplex[p])) {
    double total = 0.0;
    for (Profile x : rounds) {
      x[p] = v;
      total += g.expected_values(x)[p];
    }
    best = std::max(best, total);
  }
  return (best - mixture_value) / static_cast<double>(rounds.size());
}

}  // namespace

TEST_CASE("NFCCE gap of a mixture equals the brute force over pure deviations") {
  for (const char* spec : {"kuhn", "random(players=3,depth=4,branching=2,chance=0.3,zero_sum=false,seed=4)"}) {
    CAPTURE(spec);
    const CompiledGame g = compile(make_builtin(spec));
    RngStream rng(11);
    std::vector<Profile> rounds;
    NfcceGap gap(g);
    for (int t = 0; t < 5; ++t) {
      Profile x;
      for (const Treeplex& tp : g.treeplex) x.push_back(random_plan(tp, rng));
      rounds.push_back(x);
      gap.add(x);
    }
    const std::vector<double> gaps = gap.player_gaps();
    double worst = 0.0;
    for (int p = 0; p < g.num_players(); ++p) {
      const double expected = brute_force_gap(g, rounds, p);
      CHECK(gaps[p] == doctest::Approx(expected).epsilon(1e-12));
      worst = std::max(worst, expected);
    }
    CHECK(gap.gap() == doctest::Approx(worst).epsilon(1e-12));
    CHECK(gap.rounds() == 5);
  }
}

TEST_CASE("the NFCCE gap of one profile is its largest best-response gain; OMD's mixture shrinks it") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  NfcceGap single(g);
  const Profile uniform = g.uniform_profile();
  single.add(uniform);
  const NashReport report = evaluate_nash(g, uniform);
  double largest_gain = 0.0;
  for (int p = 0; p < 3; ++p) largest_gain = std::max(largest_gain, report.best_response[p] - report.values[p]);
  CHECK(single.gap() == doctest::Approx(largest_gain).epsilon(1e-12));

  // Self-play with dilated-entropy OMD: the mixture of the played profiles is an
  // approximate NFCCE whose gap falls with the number of rounds.
  auto solver = make_solver("omd", g, {});
  NfcceGap mixture(g);
  double at_100 = 0.0;
  for (int t = 1; t <= 2000; ++t) {
    mixture.add(solver->current_profile());
    solver->step();
    if (t == 100) at_100 = mixture.gap();
  }
  MESSAGE("NFCCE gap of OMD's mixture on 3-player Kuhn: " << at_100 << " after 100 rounds, " << mixture.gap()
                                                          << " after 2000");
  CHECK(mixture.gap() < at_100 / 3);
  CHECK(mixture.gap() < 0.02);
}
