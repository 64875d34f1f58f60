#pragma once
// Scheduling the runs of an experiment, shared by the extensive-form (sim/experiment.hpp)
// and Markov (sim/markov/markov_experiment.hpp) experiments: the grid of runs in its fixed
// order, how many runs go at a time within a memory budget, and running them in parallel
// with a progress bar. A run depends on its place in the grid alone, so the files do not
// depend on the thread count or on the order runs finish in.
#include <atomic>
#include <cstddef>
#include <functional>
#include <cstdint>
#include <mutex>
#include <string>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <eqlab/lib/memory_budget.hpp>
#include <eqlab/lib/progress.hpp>

namespace eqlab {

// One run of the grid: indices into the config's games, algorithms and seeds.
struct RunCell {
  std::size_t game = 0, algorithm = 0, seed = 0;
};

// Every (game, algorithm, seed) of an experiment, numbered game by game, then algorithm by
// algorithm, then seed by seed; a (game, algorithm) pair is numbered the same way.
class RunGrid {
 public:
  RunGrid(std::size_t games, std::size_t algorithms, std::size_t seeds)
      : games_(games), algorithms_(algorithms), seeds_(seeds) {}
  std::size_t games() const { return games_; }
  std::size_t algorithms() const { return algorithms_; }
  std::size_t seeds() const { return seeds_; }
  std::size_t size() const { return games_ * algorithms_ * seeds_; }
  std::size_t pairs() const { return games_ * algorithms_; }
  std::size_t pair_index(std::size_t game, std::size_t algorithm) const { return game * algorithms_ + algorithm; }
  std::size_t index(std::size_t game, std::size_t algorithm, std::size_t seed) const {
    return pair_index(game, algorithm) * seeds_ + seed;
  }
  RunCell cell(std::size_t index) const {
    return {index / (algorithms_ * seeds_), (index / seeds_) % algorithms_, index % seeds_};
  }

 private:
  std::size_t games_, algorithms_, seeds_;
};

// Whether run `index` of the grid belongs to shard `shard_index` of `shard_count`: the
// runs are dealt out in grid order, index modulo shard_count.
bool run_in_shard(std::size_t index, int shard_index, int shard_count);

// How many runs go at a time: as many runs of `largest_run` bytes as fit in the budget
// beside `held_bytes` held for the whole experiment (at least one), and no more than the
// threads of the current task arena; all of those with no budget (bytes 0).
int runs_at_a_time(const MemoryBudget& budget, std::uint64_t held_bytes, std::uint64_t largest_run);

// Calls run(i) for every i in [0, count), in parallel, at most `at_a_time` at once (a
// run's own loops may use TBB as well), with a progress bar over the runs titled `title`
// on stderr when `show_progress` (and stderr is a terminal), and on_done(runs finished,
// count) after each run, one call at a time, when given.
template <class Run>
void run_in_parallel(std::size_t count, int at_a_time, const std::string& title, bool show_progress,
                     const std::function<void(std::int64_t, std::int64_t)>& on_done, Run&& run) {
  ProgressBar bar(title, static_cast<std::int64_t>(count), show_progress);
  std::mutex bar_mutex;
  std::atomic<std::int64_t> finished{0};
  tbb::task_arena arena(at_a_time);
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, count, [&](std::size_t i) {
      run(i);
      const std::int64_t done = ++finished;
      std::lock_guard lock(bar_mutex);
      bar.update(done);
      if (on_done) on_done(done, static_cast<std::int64_t>(count));
    });
  });
  bar.finish();
}

}  // namespace eqlab
