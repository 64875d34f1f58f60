// Speed of decoy placement: the paper's random-graph regression (100 published 150-vertex
// games x 4 greedy runs of 5 decoys: DSWin and DASWin, all fakes or all traps, reference
// mode) and greedy placement of 5 decoys on a 10^5-vertex random graph (clean mode).
// Results go to docs/BENCHMARKS.md.
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <eqlab/algorithms/graph/decoy_placement.hpp>
#include <eqlab/games/graph/random_graph.hpp>
#include <eqlab/games/graph/reference_model.hpp>

namespace {

using namespace eqlab;
namespace fs = std::filesystem;

void decoys_random_graph_regression(benchmark::State& state) {
  std::vector<TurnGame> games;
  for (const auto& entry : fs::directory_iterator(fs::path(EQLAB_SOURCE_DIR) / "tests/data/decoys/random-graphs"))
    games.push_back(load_reference_model(entry.path().string()));
  for (auto _ : state) {
    double total = 0.0;
    for (const TurnGame& g : games) {
      const DeceptionEvaluator eval(g, DeceptionMode::reference);
      for (DeceptionRegion region : {DeceptionRegion::sure, DeceptionRegion::almost_sure}) {
        total += greedy_placement(eval, region, 5, 0).value;
        total += greedy_placement(eval, region, 0, 5).value;
      }
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["games"] = static_cast<double>(games.size());
}

void decoys_greedy_large(benchmark::State& state, DecoyPick::Kind kind, bool lazy) {
  // One target per 15 vertices, as in the published 150-vertex games (10 draws).
  const int n = static_cast<int>(state.range(0));
  const TurnGame g = make_random_graph({n, 5, n / 15, 1});
  const DeceptionEvaluator eval(g, DeceptionMode::clean);
  long long evaluations = 0;
  double value = 0.0;
  for (auto _ : state) {
    const PlacementResult r = greedy_placement(eval, DeceptionRegion::sure, kind == DecoyPick::Kind::fake ? 5 : 0,
                                               kind == DecoyPick::Kind::trap ? 5 : 0, lazy);
    evaluations = r.evaluations;
    value = r.value;
  }
  state.counters["win2"] = static_cast<double>(eval.base().win2_size);
  state.counters["evaluations"] = static_cast<double>(evaluations);
  state.counters["value"] = value;
}

BENCHMARK(decoys_random_graph_regression)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(decoys_greedy_large, traps, DecoyPick::Kind::trap, false)
    ->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(decoys_greedy_large, fakes, DecoyPick::Kind::fake, false)
    ->Arg(10'000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(decoys_greedy_large, fakes_lazy, DecoyPick::Kind::fake, true)
    ->Arg(10'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
