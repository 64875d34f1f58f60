// The memory estimate of a Markov run (algorithms/markov/markov_run_memory.hpp) against what each
// learner reports holding (MarkovSolver::memory_bytes, its own count of its tables and
// log) after a run: the estimate covers it and is at most 4 times it plus 64 KiB.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include <eqlab/algorithms/markov/markov_run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/lib/memory_text.hpp>

using namespace eqlab;

TEST_CASE("markov run memory: the estimate covers every learner's own count, within a factor of 4") {
  const std::int64_t episodes = 4000;
  for (const char* spec : {"markov-cycle(players=2,states=3,actions=3,horizon=3)",
                           "markov-random(players=3,states=4,actions=3,horizon=3,seed=2)"}) {
    const std::unique_ptr<MarkovModel> model = make_markov_builtin(spec);
    for (const SolverEntry* info : registered_solvers(GameKind::markov, Feedback::bandit)) {
      std::unique_ptr<MarkovSolver> solver = make_markov_solver(info->name, *model, nlohmann::json::object(), 1, episodes);
      while (solver->episodes() < episodes && solver->run_episode()) {
      }
      const MemoryEstimate estimate = estimate_markov_run_memory(*model, info->name, episodes);
      std::uint64_t learner = 0;
      for (const auto& part : estimate.parts())
        if (part.what != "evaluation") learner += part.bytes;
      const std::uint64_t held = solver->memory_bytes();
      CAPTURE(std::string(spec));
      CAPTURE(info->name);
      CAPTURE(estimate.text());
      CAPTURE(memory_text(held));
      CHECK(learner >= held);
      CHECK(learner <= 4 * held + 64 * 1024);
    }
  }
}

TEST_CASE("markov run memory: the certified log grows with the episodes") {
  const std::unique_ptr<MarkovModel> model = make_markov_builtin("markov-cycle");
  const std::uint64_t small = estimate_markov_run_memory(*model, "cce-v", 1000).total();
  const std::uint64_t large = estimate_markov_run_memory(*model, "cce-v", 1001000).total();
  CHECK(large - small ==  // with room to grow
        2 * 1000000 * (certified_log_bytes_per_episode(*model) + play_log_bytes_per_episode(*model)));
  CHECK(estimate_markov_run_memory(*model, "nash-ca", 1000).total() ==
        estimate_markov_run_memory(*model, "nash-ca", 1001000).total());
}
