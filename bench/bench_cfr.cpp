// Speed of the hot paths on the standard games: one CFR+ iteration (both players'
// updates), one dilated-entropy OMD iteration and one exact exploitability computation. Results go to docs/BENCHMARKS.md.
//   build/bin/eqlab_bench [--benchmark_filter=Leduc]   (threads: EQLAB_THREADS=N)
#include <cstdint>
#include <string>

#include <benchmark/benchmark.h>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/algorithms/solver_registry.hpp>

#include "bench_games.hpp"

namespace {

using namespace eqlab;
using bench::game;

void cfr_plus_iteration(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  auto solver = make_solver("cfr+", g, {});
  for (int t = 0; t < 10; ++t) solver->step();  // past the uniform start
  for (auto _ : state) solver->step();
  state.counters["terminals"] = g.terminals.size();
  state.counters["infosets"] = g.num_infosets();
  // The work of one iteration, for its floor (bench_floor.cpp): every player's gradient
  // entries, and its sequences, which the regret, matching and averaging passes each visit.
  double entries = 0.0, sequences = 0.0;
  for (int p = 0; p < g.num_players(); ++p) {
    entries += static_cast<double>(g.gradient_index[p].weight.size());
    sequences += g.treeplex[p].num_sequences();
  }
  state.counters["gradient_entries"] = entries;
  state.counters["sequences"] = sequences;
}

// A whole run as a program makes it: a fresh solver, then `iterations` steps. The Python
// package's overhead is measured against this (bench/python_overhead.py).
void cfr_plus_run(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  for (auto _ : state) {
    auto solver = make_solver("cfr+", g, {});
    for (std::int64_t t = 0; t < state.range(0); ++t) solver->step();
    benchmark::DoNotOptimize(solver->iteration());
  }
}

void omd_iteration(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  auto solver = make_solver("omd", g, {});
  for (int t = 0; t < 10; ++t) solver->step();
  for (auto _ : state) solver->step();
}

void exploitability(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  auto solver = make_solver("cfr+", g, {});
  for (int t = 0; t < 10; ++t) solver->step();
  const Profile x = solver->output_profile();
  for (auto _ : state) benchmark::DoNotOptimize(evaluate_nash(g, x).exploitability);
}

BENCHMARK_CAPTURE(cfr_plus_iteration, Kuhn, std::string("kuhn"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(cfr_plus_iteration, Leduc, std::string("leduc"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(cfr_plus_iteration, LiarsDice1d6f, std::string("liars_dice(dice=1,faces=6)"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(cfr_plus_iteration, Leduc3p, std::string("leduc(players=3)"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(cfr_plus_run, Leduc, std::string("leduc"))->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(omd_iteration, Leduc, std::string("leduc"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(exploitability, Leduc, std::string("leduc"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(exploitability, LiarsDice1d6f, std::string("liars_dice(dice=1,faces=6)"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(exploitability, Leduc3p, std::string("leduc(players=3)"))->Unit(benchmark::kMillisecond);

}  // namespace
