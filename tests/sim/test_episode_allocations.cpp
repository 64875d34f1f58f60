// Bandit episodes allocate nothing once warm: the simulator walks one path and every
// learner keeps its per-episode buffers between episodes. Counted by replacing the global
// operator new for this test binary; the count is per thread, so that work on other
// threads never enters it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <new>
#include <string>

#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/sim/bandit_solver.hpp>

namespace {
thread_local std::size_t allocations_on_this_thread = 0;

void* counted_allocation(std::size_t size) {
  ++allocations_on_this_thread;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted_allocation(size); }
void* operator new[](std::size_t size) { return counted_allocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace eqlab;

TEST_CASE("bandit self-play: no allocation per episode once warm (every bandit solver, Kuhn 3p and Leduc)") {
  for (const char* spec : {"kuhn(players=3)", "leduc"}) {
    const CompiledGame g = compile(make_builtin(spec));
    for (const BanditSolverInfo& info : bandit_solver_list()) {
      CAPTURE(spec);
      CAPTURE(info.name);
      SolverOptions options;
      options.seed = 3;
      // The OMD learners retune their steps at episodes 2^k; K-EFR has no schedule.
      if (info.name != "kefr") options.extra = {{"schedule", "doubling"}};
      auto solver = make_bandit_solver(info.name, g, options, 4096);
      // Warm-up: the longest paths have been seen, and the doubling retunes up to 1024
      // happen in place.
      for (int t = 0; t < 1500; ++t) solver->step();
      const std::size_t before = allocations_on_this_thread;
      for (int t = 0; t < 500; ++t) solver->step();
      CHECK(allocations_on_this_thread - before == 0);
    }
  }
  // The counter does count: one vector allocates once.
  const std::size_t before = allocations_on_this_thread;
  { std::string text(100, 'x'); CHECK(text.size() == 100); }
  CHECK(allocations_on_this_thread - before == 1);
}
