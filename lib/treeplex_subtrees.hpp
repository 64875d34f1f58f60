#pragma once
// The subtrees of a treeplex as flat blocks, for everything indexed by a trigger
// (x_g, a_g): trigger learners, the EFCE gap, balanced weights.
//
// The subtree of infoset g holds g and every infoset whose own path passes through g.
// Its members are listed in topological order (g first, parents before children), and
// their sequences are numbered locally, 0 .. block_size(g) - 1, member after member.
// Per-trigger arrays over a subtree then need no index maps: a bottom-up pass walks the
// members backwards and adds each member's result into its parent's local sequence.
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

// Where an infoset sits in the block of one of its ancestors (itself included).
struct AncestorBlock {
  int root;         // the ancestor infoset g
  int local_first;  // the infoset's first sequence in g's local numbering
};

struct SubtreeMember {
  int infoset;       // the member's infoset in the treeplex
  int local_first;   // its first sequence in the block's local numbering
  int parent_local;  // the local number of its parent sequence; -1 for the root g
};

// The sizes a TreeplexSubtrees of a treeplex will have, computed in O(Σ depth) time
// without building it: for memory estimates before a learner allocates.
struct SubtreeSizes {
  std::uint64_t members = 0;          // Σ over infosets g of the infosets in g's subtree
  std::uint64_t trigger_storage = 0;  // Σ over sequences (x_g, a) of the block size of g
  int largest_block = 0;
};
SubtreeSizes measure_subtrees(const Treeplex& tp);

class TreeplexSubtrees {
 public:
  explicit TreeplexSubtrees(const Treeplex& treeplex);

  const Treeplex& treeplex() const { return *treeplex_; }

  // Own depth of an infoset: 1 for roots (no own move before), parent's depth + 1 below.
  int depth(int infoset) const { return depth_[infoset]; }
  int max_depth() const { return max_depth_; }

  // The members of infoset g's subtree, g first, in topological order.
  std::span<const SubtreeMember> members(int g) const {
    return {members_.data() + member_begin_[g], members_.data() + member_begin_[g + 1]};
  }
  // The position of flat per-member arrays: members(g)[k] is entry member_index(g) + k.
  std::size_t member_index(int g) const { return static_cast<std::size_t>(member_begin_[g]); }
  std::size_t num_members() const { return members_.size(); }

  // Every block infoset x belongs to, from its own (root x, local_first 0) up to its
  // topmost ancestor's: the own path to x, read upwards.
  std::span<const AncestorBlock> ancestors(int x) const {
    return {ancestors_.data() + ancestor_begin_[x], ancestors_.data() + ancestor_begin_[x + 1]};
  }

  // The number of sequences in g's subtree (g's own included).
  int block_size(int g) const { return block_size_[g]; }

  // Triggers are the sequences (g, a) of the treeplex (sequence 0 excluded). Trigger
  // arrays hold, for every trigger of g, one block of block_size(g) entries:
  // trigger_offset(s) is where the block of trigger sequence s starts.
  std::size_t trigger_offset(int seq) const { return trigger_offset_[seq]; }
  // Σ over triggers of their block sizes: the length of a per-trigger array.
  std::size_t trigger_storage() const { return trigger_offset_.back(); }
  // The largest block: the size of the scratch a per-trigger pass needs.
  int largest_block() const { return largest_block_; }

 private:
  const Treeplex* treeplex_;
  std::vector<int> depth_;
  int max_depth_ = 0;
  std::vector<int> member_begin_;  // per infoset + 1
  std::vector<SubtreeMember> members_;
  std::vector<int> ancestor_begin_;  // per infoset + 1
  std::vector<AncestorBlock> ancestors_;
  std::vector<int> block_size_;
  std::vector<std::size_t> trigger_offset_;  // per sequence + 1 (entry 0 unused)
  int largest_block_ = 0;
};

}  // namespace eqlab
