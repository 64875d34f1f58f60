#pragma once
// Per-trigger sums over subtrees: for every trigger τ = (g, a) of the listed infosets and
// every sequence s of g's subtree,
//   blocks[trigger_offset(τ) + local(s)] += weight[τ] · values[s],
// the update of the EFCE gap's W_τ and of the EFCE-OMD learners' S_τ, once per round.
//
// A subtree is walked as runs: stretches whose sequences are consecutive both in the
// treeplex and in the block's local numbering, so that a sum over a subtree is a few
// contiguous multiply-adds rather than one short loop per member (the same operations on
// the same numbers, in another grouping). A leaf infoset's triggers (the commonest: their
// subtree is the infoset alone) are a k × k outer product. The loop is compiled for the
// x86-64 baseline and for AVX2 (lib/simd_clones.hpp), with the same bits.
#include <cstddef>
#include <span>
#include <vector>

#include <eqlab/lib/treeplex_subtrees.hpp>

namespace eqlab {

class TriggerSums {
 public:
  struct Run {
    int first;        // the run's first sequence in the treeplex
    int local_first;  // and in the block
    int length;
  };

  explicit TriggerSums(const TreeplexSubtrees& subtrees);

  // The sums of the triggers of `infosets` (each writes its own blocks only, so disjoint
  // lists may run in parallel). A trigger of weight 0 adds nothing (not even 0 · inf).
  void add(const double* weight, const double* values, double* blocks, std::span<const int> infosets) const;
  // The same for the infosets first .. first + count - 1.
  void add(const double* weight, const double* values, double* blocks, int first, int count) const {
    add(weight, values, blocks, std::span<const int>(all_infosets_).subspan(first, count));
  }

  // weight · values over g's subtree, added into one block of g (block_size(g) entries):
  // one trigger's share of add(), for a block held elsewhere.
  void add_to_block(int g, double weight, const double* values, double* block) const {
    add_runs(runs(g), weight, values, block);
  }

  // The runs of infoset g's subtree.
  std::span<const Run> runs(int g) const {
    return {runs_.data() + run_begin_[g], runs_.data() + run_begin_[g + 1]};
  }

 private:
  static void add_runs(std::span<const Run> runs, double weight, const double* values, double* block) {
    for (const Run& run : runs) {
      const double* v = values + run.first;
      double* out = block + run.local_first;
      for (int s = 0; s < run.length; ++s) out[s] += weight * v[s];
    }
  }

  std::vector<int> first_trigger_;    // per infoset: its first sequence
  std::vector<int> actions_;          // per infoset
  std::vector<int> block_;            // per infoset: its block size
  std::vector<std::size_t> offset_;   // per infoset: where its first trigger's block starts
  std::vector<int> run_begin_;        // per infoset + 1
  std::vector<Run> runs_;
  std::vector<int> all_infosets_;     // 0 .. n - 1
};

}  // namespace eqlab
