// K-EFR, the full-feedback K-EFCE learner: K = 0 is CFR (regret matching, simultaneous
// updates) step for step; K = 1 on a normal-form game is swap-regret learning, whose
// mixture approaches a correlated equilibrium; on 3-player Kuhn poker the K-EFCE gap of
// the mixture falls below 1e-2 for K = 1 and 2 and never exceeds the learner's own bound.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/cfr/cfr.hpp>
#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/eval/kefce_gap.hpp>
#include <eqlab/algorithms/kefce/kefr_solver.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/normal/normal_game.hpp>
#include <eqlab/lib/error.hpp>

#include "support/normal_games.hpp"

using namespace eqlab;

namespace {

KefrOptions with_k(int k) {
  KefrOptions options;
  options.k = k;
  return options;
}

double largest_difference(const Profile& a, const Profile& b) {
  double worst = 0.0;
  for (std::size_t p = 0; p < a.size(); ++p)
    for (std::size_t s = 0; s < a[p].size(); ++s) worst = std::max(worst, std::abs(a[p][s] - b[p][s]));
  return worst;
}

double regret_bound(const KefrSolver& solver) {
  return solver.own_metrics().front().second;
}

}  // namespace

TEST_CASE("K-EFR with K = 0 is CFR with regret matching and simultaneous updates, round by round") {
  // Games without exactly tied counterfactual values at the start: where two actions tie,
  // the two codes' rounding decides whether a regret is 0 or 1e-17, and regret matching
  // then plays uniform or pure (3-player Kuhn poker has such a tie).
  for (const char* spec : {"kuhn", "leduc", "random(players=3,depth=5,branching=3,seed=2)"}) {
    const CompiledGame g = compile(make_builtin(spec));
    KefrSolver kefr(g, with_k(0));
    CfrConfig config;
    config.alternating = false;
    CfrSolver cfr(g, "cfr", config);
    double worst = 0.0, moved = 0.0;
    const Profile start = kefr.current_profile();
    for (int t = 0; t < 200; ++t) {
      kefr.step();
      cfr.step();
      worst = std::max(worst, largest_difference(kefr.current_profile(), cfr.current_profile()));
      moved = std::max(moved, largest_difference(kefr.current_profile(), start));
    }
    CAPTURE(spec);
    CHECK(moved > 0.1);  // the strategies do change
    CHECK(worst < 1e-9);
  }
}

TEST_CASE("K-EFR with K = 1 on Shapley's game: the mixture approaches a correlated equilibrium") {
  const NormalGame game = eqlab::test::shapley_asymmetric();
  const CompiledGame g = compile(game.to_tree());
  KefrSolver kefr(g, with_k(1));
  EfceGap ce(g);  // with one infoset per player the EFCE gap is the CE gap
  double early = 0.0;
  for (int t = 1; t <= 5000; ++t) {
    kefr.step();
    ce.add(*kefr.played_profile());
    if (t == 100) early = ce.gap();
  }
  MESSAGE("K-EFR (K = 1), Shapley's game: CE gap " << early << " after 100 rounds, " << ce.gap()
                                                    << " after 5000; regret bound / T " << regret_bound(kefr));
  CHECK(ce.gap() < 5e-3);
  CHECK(ce.gap() < early / 5);
  CHECK(ce.gap() <= regret_bound(kefr) * (1 + 1e-12));
}

TEST_CASE("K-EFR on 3-player Kuhn poker: the K-EFCE gap falls below 1e-2 (K = 1, 2) under the learner's bound") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  for (int k : {1, 2}) {
    KefrSolver kefr(g, with_k(k));
    KefceGap gap(g, k);
    double at100 = 0.0;
    for (int t = 1; t <= 2000; ++t) {
      kefr.step();
      gap.add_behavioural(*kefr.played_behavioural(), 1.0);
      if (t == 100) at100 = gap.gap();
      if (t % 250 == 0) {
        CAPTURE(t);
        CHECK(gap.gap() <= regret_bound(kefr) * (1 + 1e-9) + 1e-15);
      }
    }
    MESSAGE("K-EFR (K = " << k << "), Kuhn 3p: K-EFCE gap " << at100 << " after 100 rounds, " << gap.gap()
                          << " after 2000; bound " << regret_bound(kefr));
    CHECK(gap.gap() < 1e-2);
  }
}

TEST_CASE("K-EFR on Leduc, K = 2: the gap of its own mixture, unreached infosets included, stays under its bound") {
  // Regret matching puts exact zeros on actions, so some infosets go unreached; a
  // 2-deviator can still get there and read the learner's recommendation, which only the
  // behavioural form of the rounds keeps.
  const CompiledGame g = compile(make_builtin("leduc"));
  KefrSolver kefr(g, with_k(2));
  KefceGap exact(g, 2), uniform_where_unreached(g, 2);
  for (int t = 1; t <= 300; ++t) {
    kefr.step();
    exact.add_behavioural(*kefr.played_behavioural(), 1.0);
    uniform_where_unreached.add(*kefr.played_profile());
    if (t % 100 == 0) {
      CAPTURE(t);
      CHECK(exact.gap() <= regret_bound(kefr) * (1 + 1e-9));
    }
  }
  MESSAGE("K-EFR (K = 2), Leduc, 300 rounds: 2-EFCE gap " << exact.gap() << " (uniform at unreached infosets: "
                                                          << uniform_where_unreached.gap() << "), bound "
                                                          << regret_bound(kefr));
  // Deterministic: pinned, and the unreached infosets' recommendations matter (the
  // uniform stand-in reads a different gap).
  CHECK(exact.gap() == doctest::Approx(0.108372).epsilon(1e-5));
  CHECK(uniform_where_unreached.gap() == doctest::Approx(0.10598).epsilon(1e-4));
}

TEST_CASE("K-EFR: Hedge potential learns too, and bad options are refused") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  KefrOptions options = with_k(1);
  options.potential = KefrOptions::Potential::hedge;
  KefrSolver kefr(g, options);
  EfceGap efce(g);
  for (int t = 1; t <= 2000; ++t) {
    kefr.step();
    efce.add(*kefr.played_profile());
  }
  MESSAGE("K-EFR (K = 1, Hedge), Kuhn 3p: EFCE gap " << efce.gap() << " after 2000 rounds");
  CHECK(efce.gap() < 2e-2);
  CHECK(efce.gap() <= regret_bound(kefr) * (1 + 1e-12));
  CHECK_THROWS_AS(KefrSolver(g, with_k(-1)), UsageError);
  options.eta_scale = 0.0;
  CHECK_THROWS_AS(KefrSolver(g, options), UsageError);
  KefrOptions small = with_k(2);
  small.max_states = 10;
  CHECK_THROWS_AS(KefrSolver(g, small), UsageError);
}
