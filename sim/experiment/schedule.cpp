#include <eqlab/sim/experiment/schedule.hpp>

#include <algorithm>

namespace eqlab {

bool run_in_shard(std::size_t index, int shard_index, int shard_count) {
  return static_cast<int>(index % static_cast<std::size_t>(shard_count)) == shard_index;
}

int runs_at_a_time(const MemoryBudget& budget, std::uint64_t held_bytes, std::uint64_t largest_run) {
  const int threads = tbb::this_task_arena::max_concurrency();
  if (budget.bytes == 0) return threads;
  const std::uint64_t fit = std::max<std::uint64_t>(1, (budget.bytes - held_bytes) / largest_run);
  return static_cast<int>(std::min(fit, static_cast<std::uint64_t>(threads)));
}

}  // namespace eqlab
