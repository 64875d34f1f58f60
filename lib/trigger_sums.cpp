#include <eqlab/lib/trigger_sums.hpp>

#include <numeric>

#include <eqlab/lib/simd_clones.hpp>

namespace eqlab {

TriggerSums::TriggerSums(const TreeplexSubtrees& subtrees) {
  const Treeplex& tp = subtrees.treeplex();
  const int n = tp.num_infosets();
  run_begin_.push_back(0);
  for (int g = 0; g < n; ++g) {
    first_trigger_.push_back(tp.first_seq[g]);
    actions_.push_back(tp.num_actions[g]);
    block_.push_back(subtrees.block_size(g));
    // The blocks of g's triggers follow one another.
    offset_.push_back(subtrees.trigger_offset(tp.first_seq[g]));
    for (const SubtreeMember& member : subtrees.members(g)) {
      const int first = tp.first_seq[member.infoset], length = tp.num_actions[member.infoset];
      if (static_cast<int>(runs_.size()) > run_begin_.back()) {
        Run& last = runs_.back();
        if (last.first + last.length == first && last.local_first + last.length == member.local_first) {
          last.length += length;
          continue;
        }
      }
      runs_.push_back({first, member.local_first, length});
    }
    run_begin_.push_back(static_cast<int>(runs_.size()));
  }
  all_infosets_.resize(static_cast<std::size_t>(n));
  std::iota(all_infosets_.begin(), all_infosets_.end(), 0);
}

// One function for the whole list, so that the loader's choice of clone is made once per
// call, not once per run.
EQLAB_SIMD_CLONES void TriggerSums::add(const double* weight, const double* values, double* blocks,
                                        std::span<const int> infosets) const {
  for (const int j : infosets) {
    const int first_trigger = first_trigger_[j], actions = actions_[j], block = block_[j];
    double* trigger_block = blocks + offset_[j];
    if (block == actions) {
      // A leaf infoset: a k × k outer product, without the run walk.
      const double* v = values + first_trigger;
      for (int a = 0; a < actions; ++a, trigger_block += block) {
        const double w = weight[first_trigger + a];
        if (w == 0.0) continue;
        for (int s = 0; s < actions; ++s) trigger_block[s] += w * v[s];
      }
      continue;
    }
    const std::span<const Run> subtree = runs(j);
    for (int a = 0; a < actions; ++a, trigger_block += block) {
      const double w = weight[first_trigger + a];
      if (w == 0.0) continue;
      add_runs(subtree, w, values, trigger_block);
    }
  }
}

}  // namespace eqlab
