// An experiment round allocates nothing once warm: a bandit learner's episode and the
// exact NFCCE and EFCE gap sums of the round's profile (MixtureMeter::add, the gradients
// shared between them) make no allocation. Counted by the test binary's operator new
// (support/allocation_counter.hpp), per thread; the episode alone is covered by
// test_episode_allocations.cpp.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>

#include <eqlab/algorithms/eval/mixture_meter.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>

#include "support/allocation_counter.hpp"

using eqlab::test::allocations_on_this_thread;

using namespace eqlab;

TEST_CASE("round allocations: a bandit episode with the round's mixture gap sums allocates nothing once warm") {
  const CompiledGame game = compile(make_builtin("leduc"));
  for (const std::string solver : {"efce-omd-balanced", "efce-omd", "balanced-omd", "ixomd"}) {
    INFO("solver ", solver);
    SolverOptions options;
    options.extra = {{"schedule", "doubling"}};
    std::unique_ptr<Solver> learner = make_bandit_solver(solver, game, options, 4096);
    MixtureMeter meter(game, std::nullopt);
    auto round = [&] {
      learner->step();
      meter.add(*learner->played_profile(), learner->played_behavioural(), 1.0);
    };
    for (int warm = 0; warm < 1500; ++warm) round();
    const std::size_t before = allocations_on_this_thread();
    for (int t = 0; t < 300; ++t) round();
    CHECK(allocations_on_this_thread() - before == 0);
  }
}
