// Speed of K-EFR: one full-feedback iteration (every player's utility gradient, the
// regret updates over its augmented states and the local fixed points) on Leduc for
// K = 1 and 2, and the exact K-EFCE gap's accumulation of one profile (what a curve pays
// per round). Results go to docs/BENCHMARKS.md.
#include <string>

#include <benchmark/benchmark.h>

#include <eqlab/algorithms/eval/kefce_gap.hpp>
#include <eqlab/algorithms/kefce/kefr_solver.hpp>

#include "bench_games.hpp"

namespace {

using namespace eqlab;
using bench::game;

void kefr_iteration(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  KefrOptions options;
  options.k = static_cast<int>(state.range(0));
  KefrSolver solver(g, options);
  for (int t = 0; t < 10; ++t) solver.step();  // past the uniform start
  for (auto _ : state) solver.step();
  double states = 0;
  for (int p = 0; p < g.num_players(); ++p) states += solver.learner(p).states().num_states();
  state.counters["augmented_states"] = states;
}

void kefce_gap_add(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  KefceGap gap(g, static_cast<int>(state.range(0)));
  const Profile uniform = g.uniform_profile();
  for (auto _ : state) gap.add(uniform);
}

BENCHMARK_CAPTURE(kefr_iteration, Leduc, std::string("leduc"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(kefce_gap_add, Leduc, std::string("leduc"))->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

}  // namespace
