// The doubling schedule of the bandit learners: the constants of episodes [2^k, 2^{k+1})
// are the theorem's for the horizon 2^k, the FTRL state survives a retune exactly, and
// self-play still drives the EFCE gap down.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/bandit/efce_omd_bandit.hpp>
#include <eqlab/algorithms/bandit/ixomd.hpp>
#include <eqlab/algorithms/eval/efce_gap.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/error.hpp>

using namespace eqlab;

namespace {

std::unique_ptr<Solver> doubling_solver(const std::string& name, const CompiledGame& g, double eta_scale = 1.0) {
  SolverOptions options;
  options.seed = 5;
  options.extra = {{"schedule", "doubling"}, {"eta_scale", eta_scale}};
  return make_bandit_solver(name, g, options, 1000);
}

// η and γ of player 0's next episode.
std::pair<double, double> constants_of(Solver& solver) {
  BanditLearner& learner = dynamic_cast<BanditSelfPlay&>(solver).learner(0);
  if (auto* efce = dynamic_cast<EfceOmdBandit*>(&learner)) return {efce->eta(), efce->gamma()};
  auto& ix = dynamic_cast<IxomdLearner&>(learner);
  return {ix.eta(), ix.gamma()};
}

}  // namespace

TEST_CASE("Bandit learners, doubling schedule: episode t uses the constants of horizon 2^floor(log2 t)") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  const Treeplex& tp = g.treeplex[0];
  for (const char* name : {"efce-omd-balanced", "efce-omd", "ixomd", "balanced-omd"}) {
    CAPTURE(name);
    auto solver = doubling_solver(name, g);
    const auto [eta1, gamma1] = constants_of(*solver);
    // Episode 1 runs with the horizon-1 constants.
    const std::string variant = name;
    if (variant.starts_with("efce")) {
      EfceOmdBanditOptions options;
      options.balanced = variant == "efce-omd-balanced";
      options.horizon = 1;
      CHECK(eta1 == doctest::Approx(efce_omd_bandit_constants(tp, options).eta).epsilon(1e-15));
    } else {
      const auto kind = variant == "ixomd" ? IxomdConfig::Variant::ixomd : IxomdConfig::Variant::balanced;
      CHECK(eta1 == doctest::Approx(ixomd_config(tp, kind, 1).eta).epsilon(1e-15));
    }
    for (int t = 1; t <= 17; ++t) {
      solver->step();
      // The next episode is t + 1; its epoch starts at the largest power of two ≤ t + 1.
      const double epoch = std::exp2(std::floor(std::log2(static_cast<double>(t + 1))));
      const auto [eta, gamma] = constants_of(*solver);
      CHECK(eta == doctest::Approx(eta1 / std::sqrt(epoch)).epsilon(1e-13));
      CHECK(gamma == doctest::Approx(gamma1 / std::sqrt(epoch)).epsilon(1e-13));
    }
  }
  SolverOptions bad;
  bad.extra = {{"schedule", "sometimes"}};
  CHECK_THROWS_AS(make_bandit_solver("efce-omd", g, bad, 10), UsageError);
  CHECK_THROWS_AS(make_bandit_solver("ixomd", g, bad, 10), UsageError);
}

TEST_CASE("EFCE-OMD bandit, doubling schedule: the retuned F, childsum and log λ match a recomputation") {
  const CompiledGame g = compile(make_builtin("leduc"));
  for (const char* name : {"efce-omd-balanced", "efce-omd"}) {
    auto solver = doubling_solver(name, g, 20.0);
    for (int t = 0; t < 1500; ++t) solver->step();  // ten retunes
    auto& self = dynamic_cast<BanditSelfPlay&>(*solver);
    for (int p = 0; p < g.num_players(); ++p) {
      const auto& learner = dynamic_cast<const EfceOmdBandit&>(self.learner(p));
      double largest_S = 0.0;
      for (double s : learner.deviation_loss()) largest_S = std::max(largest_S, s);
      CAPTURE(name);
      CHECK(largest_S > 1.0);
      CHECK(learner.refresh_drift() < 1e-9);
    }
  }
}

TEST_CASE("Balanced EFCE-OMD bandit, doubling schedule: self-play on 3-player Kuhn poker lowers the EFCE gap") {
  const CompiledGame g = compile(make_builtin("kuhn(players=3)"));
  auto solver = doubling_solver("efce-omd-balanced", g);
  EfceGap gap(g);
  double early = 0.0;
  for (int t = 1; t <= 30000; ++t) {
    solver->step();
    gap.add(*solver->played_profile());
    if (t == 1000) early = gap.gap();
  }
  MESSAGE("doubling Balanced EFCE-OMD, Kuhn 3p: EFCE gap " << early << " after 1000 episodes, " << gap.gap()
                                                           << " after 30000");
  CHECK(gap.gap() < 0.5 * early);
}
