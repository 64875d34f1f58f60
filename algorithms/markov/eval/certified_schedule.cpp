#include <eqlab/algorithms/markov/eval/certified_schedule.hpp>

namespace eqlab {

std::vector<StepSchedule> build_schedules(const VisitLog& log, std::int64_t prefix) {
  const int H = log.horizon(), S = log.num_states();
  std::vector<StepSchedule> out(H);
  for (int h = 0; h < H; ++h) {
    StepSchedule& step = out[h];
    step.visits.resize(S);
    step.cell_offset.assign(S + 1, 0);
    step.start.assign(static_cast<std::size_t>(prefix) + 1, 0);
    for (int s = 0; s < S; ++s) {
      step.visits[s] = log.visits_before(h, s, prefix);
      step.cell_offset[s + 1] = step.cell_offset[s] + static_cast<std::size_t>(step.visits[s]) + 1;
      const std::span<const std::uint32_t> episodes = log.visit_episodes(h, s);
      for (std::int64_t j = 0; j < step.visits[s]; ++j) ++step.start[episodes[j] + 1];
    }
    for (std::int64_t e = 0; e < prefix; ++e) step.start[e + 1] += step.start[e];
    step.states.resize(static_cast<std::size_t>(step.start[prefix]));
    std::vector<std::int64_t> fill(step.start.begin(), step.start.end() - 1);
    for (int s = 0; s < S; ++s) {
      const std::span<const std::uint32_t> episodes = log.visit_episodes(h, s);
      for (std::int64_t j = 0; j < step.visits[s]; ++j) step.states[fill[episodes[j]]++] = s;
    }
  }
  return out;
}

std::vector<double> initial_index_counts(const VisitLog& log, const StepSchedule& step0, std::int64_t prefix) {
  std::vector<double> counts(step0.cells());
  for (int s = 0; s < log.num_states(); ++s) {
    const std::span<const std::uint32_t> episodes = log.visit_episodes(0, s);
    const std::int64_t n = step0.visits[s];
    std::int64_t previous = -1;
    for (std::int64_t t = 0; t <= n; ++t) {
      const std::int64_t e = t < n ? static_cast<std::int64_t>(episodes[t]) : prefix - 1;
      counts[step0.cell(s, t)] = static_cast<double>(e - previous);
      previous = e;
    }
  }
  return counts;
}

}  // namespace eqlab
