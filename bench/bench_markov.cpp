// Speed of the decentralized Markov-game learners: episodes per second of CCE-V-learning
// and CE-V-learning on the polymatrix game (G2) with H = 3, S = 3, A = 2 at m = 8 and
// m = 32 players, the certified-policy log included. Arguments: players, then the degree
// of the interaction graph (0: complete, where the simulator's O(m^2) rewards per step
// dominate; 2: sparse, where the learners' own work does). Results go to docs/BENCHMARKS.md.
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>

namespace {

using namespace eqlab;

void markov_episode(benchmark::State& state, const std::string& solver_name) {
  const std::string spec = "markov-polymatrix(players=" + std::to_string(state.range(0)) +
                           ",states=3,actions=2,horizon=3,degree=" + std::to_string(state.range(1)) + ",seed=1)";
  const std::unique_ptr<MarkovModel> model = make_markov_builtin(spec);
  const std::unique_ptr<MarkovSolver> solver =
      make_markov_solver(solver_name, *model, nlohmann::json::object(), 1, 1'000'000);
  for (int k = 0; k < 1000; ++k) solver->run_episode();  // past the first visits
  for (auto _ : state) solver->run_episode();
  state.SetItemsProcessed(state.iterations());  // items/s = episodes per second
  state.counters["bytes_per_episode"] =
      static_cast<double>(solver->memory_bytes()) / static_cast<double>(solver->episodes());
}

BENCHMARK_CAPTURE(markov_episode, cce_v, std::string("cce-v"))
    ->ArgsProduct({{8, 32}, {0, 2}})
    ->ArgNames({"players", "degree"})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(markov_episode, ce_v, std::string("ce-v"))
    ->ArgsProduct({{8, 32}, {0, 2}})
    ->ArgNames({"players", "degree"})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
