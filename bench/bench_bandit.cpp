// Speed of bandit self-play: episodes of Balanced EFCE-OMD (every player's lazy fixed
// point along the sampled path, the estimator and the path-only refresh) on Leduc and
// Sheriff, without evaluation: the learners' own cost, which does not grow with the
// number of infosets; and the same episode with every player's full expected strategy
// computed before it, which is what an experiment measures each round (the strategy
// behind the EFCE gap of the mixture); and a whole experiment round, the same plus the
// exact NFCCE and EFCE sums of the mixture (MixtureMeter::add). Results go to
// docs/BENCHMARKS.md (episodes per second = 1 / time).
#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <eqlab/algorithms/bandit/efce_omd_bandit.hpp>
#include <eqlab/algorithms/bandit/episode.hpp>
#include <eqlab/algorithms/eval/mixture_meter.hpp>

#include "bench_games.hpp"

namespace {

using namespace eqlab;
using bench::game;

enum class Round {
  episode,                 // the learners' own work
  with_expected_strategy,  // and every player's expected strategy
  experiment,              // and the exact gaps' sums of the mixture
};

void balanced_efce_omd_episode(benchmark::State& state, const std::string& spec, Round round) {
  const CompiledGame& g = game(spec);
  EfceOmdBanditOptions options;
  options.balanced = true;
  options.horizon = 1'000'000;
  std::vector<std::unique_ptr<BanditLearner>> learners;
  std::vector<BanditLearner*> view;
  std::vector<RngStream> player_rng;
  for (int p = 0; p < g.num_players(); ++p) {
    learners.push_back(std::make_unique<EfceOmdBandit>(g.treeplex[p], options));
    view.push_back(learners.back().get());
    player_rng.emplace_back(1, 1, static_cast<std::uint64_t>(p));
  }
  EpisodeSimulator simulator(g);
  RngStream chance(1, 2, 0);
  for (int t = 0; t < 1000; ++t) simulator.play(view, chance, player_rng);  // past the uniform start
  MixtureMeter meter(g, std::nullopt);
  Profile played = g.uniform_profile();
  for (auto _ : state) {
    if (round != Round::episode)
      for (int p = 0; p < g.num_players(); ++p) {
        const std::span<const double> x = view[p]->expected_strategy();
        std::copy(x.begin(), x.end(), played[p].begin());
      }
    if (round == Round::experiment) meter.add(played, nullptr, 1.0);
    benchmark::DoNotOptimize(simulator.play(view, chance, player_rng));
  }
  state.counters["episodes_per_second"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                             benchmark::Counter::kIsRate);
}

// The other part of an experiment round: adding the round's profile to the exact NFCCE
// and EFCE gap accumulators of the mixture (MixtureMeter::add). Two profiles that differ
// at every sequence take turns, so that no sum can be deferred: the meter's worst case
// (a bandit learner's plan changes in the episode's subtrees only).
void mixture_meter_add(benchmark::State& state, const std::string& spec) {
  const CompiledGame& g = game(spec);
  MixtureMeter meter(g, std::nullopt);
  Profile x[2] = {g.uniform_profile(), g.uniform_profile()};
  for (std::vector<double>& plan : x[1])
    for (double& entry : plan) entry *= 0.5;
  std::size_t t = 0;
  for (auto _ : state) meter.add(x[t++ % 2], nullptr, 1.0);
  double storage = 0.0;
  for (const Treeplex& tp : g.treeplex) storage += static_cast<double>(measure_subtrees(tp).trigger_storage);
  state.counters["trigger_entries"] = storage;
}

BENCHMARK_CAPTURE(mixture_meter_add, Leduc, std::string("leduc"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(balanced_efce_omd_episode, Leduc, std::string("leduc"), Round::episode)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(balanced_efce_omd_episode, Sheriff, std::string("sheriff"), Round::episode)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(balanced_efce_omd_episode, Leduc_with_expected_strategy, std::string("leduc"),
                  Round::with_expected_strategy)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(balanced_efce_omd_episode, Sheriff_with_expected_strategy, std::string("sheriff"),
                  Round::with_expected_strategy)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(balanced_efce_omd_episode, Leduc_experiment_round, std::string("leduc"), Round::experiment)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
