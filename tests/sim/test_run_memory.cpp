// The memory estimate of a run (algorithms/run_memory.hpp) against the peak a run really holds,
// measured by the test binary's operator new: for every learner, full and bandit feedback,
// on games whose sizes stress different terms (sequences, trigger blocks, augmented
// states), the estimate covers the measured peak and is not more than 4 times it (plus
// 256 KiB of fixed costs).
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>

#include <tbb/task_arena.h>

#include <eqlab/algorithms/bandit/bandit_solver.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/memory_text.hpp>
#include <eqlab/sim/runner.hpp>

#include "support/allocation_counter.hpp"

using namespace eqlab;

namespace {

// The peak bytes of constructing the solver and running it for a few iterations with the
// runner's evaluation, all on this thread.
std::int64_t measured_peak(const CompiledGame& game, const RunMemoryRequest& request) {
  std::int64_t peak = 0;
  tbb::task_arena one_thread(1);
  one_thread.execute([&] {
    const std::int64_t before = test::live_bytes_on_this_thread();
    test::reset_peak_on_this_thread();
    {
      SolverOptions options;
      options.seed = 1;
      if (request.solver == "kefr") options.extra = {{"k", request.k}};
      std::unique_ptr<Solver> solver = request.feedback == Feedback::bandit ? make_bandit_solver(request.solver, game, options, 64)
                                                      : make_solver(request.solver, game, options);
      RunOptions run;
      run.iterations = 6;
      run.checkpoints = 3;
      run.measure_mixture = request.measure_mixture;
      run.kefce_k = request.kefce_k;
      (void)run_solver(*solver, game, run);
    }
    peak = test::peak_bytes_on_this_thread() - before;
  });
  return peak;
}

void check_estimate(const CompiledGame& game, const RunMemoryRequest& request) {
  const MemoryEstimate estimate = estimate_run_memory(game, request);
  const std::int64_t game_bytes = static_cast<std::int64_t>(compiled_game_bytes(game));
  // The game exists before the run: its share of the estimate is compared with itself.
  const std::int64_t peak = measured_peak(game, request) + game_bytes;
  const auto total = static_cast<std::int64_t>(estimate.total());
  CAPTURE(game.name);
  CAPTURE(request.solver);
  CAPTURE(estimate.text());
  CAPTURE(memory_text(static_cast<std::uint64_t>(peak)));
  MESSAGE(game.name << " " << std::string(request.feedback == Feedback::bandit ? "bandit " : "") << request.solver << ": estimate " << estimate.text()
                    << ", measured " << memory_text(static_cast<std::uint64_t>(peak)));
  CHECK(total >= peak);
  CHECK(total <= 4 * peak + 256 * 1024);
}

}  // namespace

TEST_CASE("run memory: the estimate covers the measured peak of every learner, within a factor of 4") {
  for (const char* spec : {"leduc", "sheriff", "kuhn(players=3)", "goofspiel(cards=4)"}) {
    const CompiledGame game = compile(make_builtin(spec));
    for (const SolverEntry* info : registered_solvers(GameKind::extensive, Feedback::full)) {
      if (info->normal_form_only) continue;
      check_estimate(game, {info->name, Feedback::full, info->plays_mixture, std::nullopt, 1});
    }
    for (const SolverEntry* info : registered_solvers(GameKind::extensive, Feedback::bandit))
      check_estimate(game, {info->name, Feedback::bandit, false, std::nullopt, 1});
  }
}

TEST_CASE("run memory: K-EFR and the K-EFCE evaluator grow with K as their augmented states do") {
  const CompiledGame game = compile(make_builtin("leduc"));
  for (int k : {0, 2, 3}) check_estimate(game, {"kefr", Feedback::full, true, std::nullopt, k});
  check_estimate(game, {"omd", Feedback::full, true, 2, 1});
}

TEST_CASE("run memory: trigger learners hold more than sequence learners; an unknown solver is refused") {
  const CompiledGame game = compile(make_builtin("leduc"));
  const std::uint64_t cfr = estimate_run_memory(game, {"cfr", Feedback::full, false, std::nullopt, 1}).total();
  const std::uint64_t efce = estimate_run_memory(game, {"efce-omd", Feedback::full, true, std::nullopt, 1}).total();
  CHECK(efce > cfr);
  // A solver the registry does not know has no estimate: it cannot be waved through.
  CHECK_THROWS_AS(estimate_run_memory(game, {"a-new-solver", Feedback::full, false, std::nullopt, 1}), UsageError);
}
