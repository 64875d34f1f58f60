// The uniform-exploration baseline of EFCE-OMD (bandit solver "efce-omd-uniform"): the
// plan it reports is the mixture (1 − γ) μ^t + γ π_unif, the actions it samples follow
// that plan, and self-play on 3-player Kuhn poker drives the EFCE gap down.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/bandit/efce_omd_bandit.hpp>
#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

using namespace eqlab;

TEST_CASE("EFCE-OMD uniform exploration: self-play on 3-player Kuhn poker lowers the EFCE gap") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const std::int64_t episodes = 20000;
  SolverOptions options;
  options.seed = 5;
  auto solver = make_bandit_solver("efce-omd-uniform", g, options, episodes);
  CHECK(solver->solution_concept() == Concept::efce);
  CHECK(solver->params().at("exploration") == "uniform mixing, unbiased estimates");
  EfceGap gap(g);
  double early = 0.0;
  for (std::int64_t e = 1; e <= episodes; ++e) {
    solver->step();
    gap.add(*solver->played_profile());
    if (e == 500) early = gap.gap();
    if (e == 500 || e == 2000 || e == 10000 || e == episodes)
      MESSAGE("uniform-exploration EFCE-OMD, Kuhn 3p, after " << e << " episodes: EFCE gap " << gap.gap());
  }
  CHECK(early > 0.0);
  CHECK(gap.gap() < 0.5 * early);
}

TEST_CASE("EFCE-OMD uniform exploration: the reported plan mixes in the uniform plan and is the one sampled") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const Treeplex& tp = g.treeplex[0];
  EfceOmdBanditOptions options;
  options.horizon = 20000;
  options.uniform_exploration = true;
  const double gamma = efce_omd_bandit_constants(tp, options).gamma;
  CHECK(gamma > 0.0);
  CHECK(gamma <= 1.0);

  // Train player 0 on its first infoset alone (a root infoset): reward 1 for action 0,
  // 0 otherwise, so that μ^t moves far from uniform.
  REQUIRE(tp.parent_seq[0] == 0);
  EfceOmdBandit learner(tp, options);
  CHECK(learner.gamma() == doctest::Approx(gamma));
  RngStream rng(11, 0);
  for (int e = 0; e < 3000; ++e) {
    learner.begin_episode();
    learner.end_episode(learner.act(0, rng) == 0 ? 1.0 : 0.0);
  }
  const auto plan_span = learner.expected_strategy();
  const std::vector<double> plan(plan_span.begin(), plan_span.end());
  // Every sequence keeps at least γ times its uniform probability.
  std::vector<double> uniform(tp.num_sequences(), 1.0);
  for (int x = 0; x < tp.num_infosets(); ++x)
    for (int a = 0; a < tp.num_actions[x]; ++a) {
      const int s = tp.first_seq[x] + a;
      uniform[s] = uniform[tp.parent_seq[x]] / tp.num_actions[x];
      CHECK(plan[s] >= gamma * uniform[s] * (1.0 - 1e-12));
    }
  // The first infoset was pushed towards action 0, but not beyond 1 − γ/A.
  const int actions = tp.num_actions[0];
  MESSAGE("γ = " << gamma << ", plan at infoset 0: " << plan[tp.first_seq[0]] << " / " << plan[tp.first_seq[0] + 1]);
  CHECK(plan[tp.first_seq[0]] > 0.6);
  CHECK(plan[tp.first_seq[0]] <= 1.0 - gamma / actions + 1e-12);

  // The sampled frequency at infoset 0 matches the reported plan (within 5 standard errors).
  const int samples = 20000;
  int first = 0;
  for (int k = 0; k < samples; ++k) {
    learner.begin_episode();
    if (learner.act(0, rng) == 0) ++first;
  }
  const double p = plan[tp.first_seq[0]];
  const double z = (first / static_cast<double>(samples) - p) / std::sqrt(p * (1.0 - p) / samples);
  MESSAGE("sampled frequency of action 0: " << first / static_cast<double>(samples) << " vs plan " << p << " (z = " << z << ")");
  CHECK(std::abs(z) < 5.0);
}

TEST_CASE("EFCE-OMD uniform exploration: γ is capped at 1 and goes with the plain variant only") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const Treeplex& tp = g.treeplex[0];
  EfceOmdBanditOptions options;
  options.horizon = 1;
  options.uniform_exploration = true;
  options.gamma_scale = 100.0;
  CHECK(efce_omd_bandit_constants(tp, options).gamma == 1.0);
  options.uniform_exploration = false;
  CHECK(efce_omd_bandit_constants(tp, options).gamma > 1.0);
  options.uniform_exploration = true;
  options.balanced = true;
  CHECK_THROWS_AS(efce_omd_bandit_constants(tp, options), UsageError);
}
