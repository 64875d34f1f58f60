#pragma once
// The visits of a VisitLog prefix, step by step, in episode order, and the (h, s, t) cell
// layout the certified-policy recursions live on.
//
// Why episode order: the continuation of visit j of (h, s) is read at the cells
// (h+1, s', N^{e_h(s,j)}_{h+1}(s')), and all those counts are running counters when
// the visits of step h and step h+1 are swept together by increasing episode. Sorting
// once by episode (a counting sort, O(K + visits)) makes every later pass linear.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost: O(K + visits) (a counting sort by episode), then linear passes.
// See docs/algorithms/evaluation.md, "The certified policy: value and gap bounds".
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/algorithms/markov/visit_log.hpp>

namespace eqlab {

struct StepSchedule {
  // Visits of episode e at this step are states[start[e] .. start[e+1]); within one
  // episode they come by state, then by visit index, so a running counter per state gives
  // each visit's index.
  std::vector<std::int64_t> start;  // K' + 1 entries
  std::vector<int> states;
  std::vector<std::int64_t> visits;  // n'_h(s): visits of s within the prefix
  // Cell (s, t), t = 0..n'_h(s), is at cell_offset[s] + t; cell_offset[S] = all cells.
  std::vector<std::size_t> cell_offset;

  std::size_t cells() const { return cell_offset.back(); }
  std::size_t cell(int s, std::int64_t t) const { return cell_offset[s] + static_cast<std::size_t>(t); }
  std::span<const int> episode_states(std::int64_t e) const {
    return {states.data() + start[e], static_cast<std::size_t>(start[e + 1] - start[e])};
  }
};

// One schedule per step for the first `prefix` episodes (visits with episode < prefix).
std::vector<StepSchedule> build_schedules(const VisitLog& log, std::int64_t prefix);

// For the initial step: the number of episodes k < prefix whose count N^k_0(s) is t,
// for every cell (s, t). With e_{-1} = -1 and e_{n} = prefix - 1 it is e_t - e_{t-1}.
std::vector<double> initial_index_counts(const VisitLog& log, const StepSchedule& step0, std::int64_t prefix);

}  // namespace eqlab
