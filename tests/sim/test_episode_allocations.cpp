// Bandit episodes allocate nothing once warm: the simulator walks one path and every
// learner keeps its per-episode buffers between episodes; the same holds for the Markov
// simulator and its decentralized learners. Counted by the test binary's operator new
// (support/allocation_counter.hpp), per thread.
#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <new>
#include <string>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>

#include "support/allocation_counter.hpp"

using eqlab::test::allocations_on_this_thread;

using namespace eqlab;

TEST_CASE("bandit self-play: no allocation per episode once warm (every bandit solver, Kuhn 3p and Leduc)") {
  for (const char* spec : {"kuhn(players=3)", "leduc"}) {
    const CompiledGame g = compile(make_builtin(spec));
    for (const SolverEntry* info : registered_solvers(GameKind::extensive, Feedback::bandit)) {
      CAPTURE(spec);
      CAPTURE(info->name);
      SolverOptions options;
      options.seed = 3;
      // The OMD learners retune their steps at episodes 2^k; K-EFR has no schedule.
      if (info->name != "kefr") options.extra = {{"schedule", "doubling"}};
      auto solver = make_bandit_solver(info->name, g, options, 4096);
      // Warm-up: the longest paths have been seen, and the doubling retunes up to 1024
      // happen in place.
      for (int t = 0; t < 1500; ++t) solver->step();
      const std::size_t before = allocations_on_this_thread();
      for (int t = 0; t < 500; ++t) solver->step();
      CHECK(allocations_on_this_thread() - before == 0);
    }
  }
  // The counter does count: one vector allocates once.
  const std::size_t before = allocations_on_this_thread();
  { std::string text(100, 'x'); CHECK(text.size() == 100); }
  CHECK(allocations_on_this_thread() - before == 1);
}

TEST_CASE("Markov learners: no allocation per episode once warm (every decentralized learner, every generator)") {
  // The certified log's arrays grow by doubling, a few dozen allocations in all; anything
  // that allocated per episode or per step would show thousands here.
  constexpr int kEpisodes = 4000;
  for (const char* spec : {"markov-random(players=3,states=3,actions=2,horizon=3)",
                           "markov-polymatrix(players=5,states=3,actions=2,horizon=3,degree=2)",
                           "markov-congestion(players=4,states=3,actions=3,horizon=3)",
                           "markov-team(players=3,states=2,actions=2,horizon=3,delta=0.1)",
                           "markov-cycle(players=2,states=2,horizon=2)"}) {
    const std::unique_ptr<MarkovModel> model = make_markov_builtin(spec);
    for (const char* name : {"cce-v", "ce-v", "exp3-ix", "nash-ca"}) {
      const std::string where = std::string(spec) + ", " + name;
      CAPTURE(where);
      auto solver = make_markov_solver(name, *model, nlohmann::json::object(), 5, 2 * kEpisodes);
      for (int t = 0; t < 1000; ++t) solver->run_episode();
      const std::size_t before = allocations_on_this_thread();
      for (int t = 0; t < kEpisodes; ++t) solver->run_episode();
      CHECK(allocations_on_this_thread() - before <= 64);
    }
  }
}
