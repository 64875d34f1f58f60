// What this machine can do at best, for the floors of docs/BENCHMARKS.md: the rates of the
// few operations eqlab's hot paths are made of, each on data of the size and layout those
// paths use.
//   gather_multiply_add  sum += w[e] * x[idx[e]] with x resident in L1 (1,200 doubles, the
//                        size of a Leduc player's plan) and random idx: the unit of a
//                        utility gradient (CompiledGame::utility_gradient), per entry
//   multiply_add_l1      sum += a[i] * b[i] over 4 KiB arrays: the unit of a pass over a
//                        treeplex (regrets, regret matching, averaging), per element
//   exp_l1               y[i] = exp(x[i]) over 4 KiB with the C library's exp, one call
//                        per element: the unit of a dilated-entropy update, per element
//   exp_vectorised_l1    the same by eqlab's exp_in_place (lib/vector_math.hpp): the unit
//                        of a trigger update, per element
//   stream_read          the sum of a 256 MiB array: memory bandwidth, per byte
// A floor is then a count (entries, sequences, exps, bytes) divided by these rates; the
// counts of each benchmarked operation are its own counters (bench_cfr.cpp, ...).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include <eqlab/lib/vector_math.hpp>

namespace {

std::vector<double> random_doubles(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> v(n);
  for (double& x : v) x = u(rng);
  return v;
}

void gather_multiply_add(benchmark::State& state) {
  const std::size_t plan = 1200, entries = 5520;
  const std::vector<double> x = random_doubles(plan, 1), w = random_doubles(entries, 2);
  std::vector<int> idx(entries);
  std::mt19937_64 rng(3);
  for (int& i : idx) i = static_cast<int>(rng() % plan);
  for (auto _ : state) {
    double sum = 0.0;
    for (std::size_t e = 0; e < entries; ++e) sum += w[e] * x[static_cast<std::size_t>(idx[e])];
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * entries));
}

void multiply_add_l1(benchmark::State& state) {
  const std::size_t n = 512;  // 4 KiB of doubles per array
  const std::vector<double> a = random_doubles(n, 4), b = random_doubles(n, 5);
  for (auto _ : state) {
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < n; ++i) sum += a[i] * b[i];
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void exp_l1(benchmark::State& state) {
  const std::size_t n = 512;
  const std::vector<double> x = random_doubles(n, 6);
  std::vector<double> y(n);
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) y[i] = std::exp(x[i]);
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void exp_vectorised_l1(benchmark::State& state) {
  const std::size_t n = 512;
  const std::vector<double> x = random_doubles(n, 6);
  std::vector<double> y(n);
  for (auto _ : state) {
    std::copy(x.begin(), x.end(), y.begin());
    eqlab::exp_in_place(y);
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

void stream_read(benchmark::State& state) {
  const std::size_t n = std::size_t{32} << 20;  // 256 MiB of doubles
  const std::vector<double> a(n, 1.0);
  for (auto _ : state) {
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < n; ++i) sum += a[i];
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n * sizeof(double)));
}

BENCHMARK(gather_multiply_add)->Unit(benchmark::kMicrosecond);
BENCHMARK(multiply_add_l1)->Unit(benchmark::kNanosecond);
BENCHMARK(exp_l1)->Unit(benchmark::kMicrosecond);
BENCHMARK(exp_vectorised_l1)->Unit(benchmark::kMicrosecond);
BENCHMARK(stream_read)->Unit(benchmark::kMillisecond);

}  // namespace
