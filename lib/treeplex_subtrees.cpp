#include <eqlab/lib/treeplex_subtrees.hpp>

#include <algorithm>

namespace eqlab {

SubtreeSizes measure_subtrees(const Treeplex& tp) {
  const int n = tp.num_infosets();
  std::vector<std::uint64_t> block(n, 0);
  SubtreeSizes sizes;
  for (int j = 0; j < n; ++j)
    for (int y = j; y >= 0; y = tp.parent_seq[y] == 0 ? -1 : tp.seq_infoset[tp.parent_seq[y]]) {
      block[y] += static_cast<std::uint64_t>(tp.num_actions[j]);
      ++sizes.members;
    }
  for (int g = 0; g < n; ++g) {
    sizes.trigger_storage += static_cast<std::uint64_t>(tp.num_actions[g]) * block[g];
    sizes.largest_block = std::max(sizes.largest_block, static_cast<int>(block[g]));
  }
  return sizes;
}

TreeplexSubtrees::TreeplexSubtrees(const Treeplex& tp) : treeplex_(&tp) {
  const int n = tp.num_infosets();
  depth_.assign(n, 1);
  for (int j = 0; j < n; ++j) {
    const int parent = tp.parent_seq[j];
    if (parent != 0) depth_[j] = depth_[tp.seq_infoset[parent]] + 1;
    max_depth_ = std::max(max_depth_, depth_[j]);
  }

  // Every infoset joins the subtree of each of its ancestors (and its own). Walking the
  // infosets in order keeps every member list topological.
  member_begin_.assign(n + 1, 0);
  std::vector<int> count(n, 0);
  for (int j = 0; j < n; ++j)
    for (int y = j; y >= 0; y = tp.parent_seq[y] == 0 ? -1 : tp.seq_infoset[tp.parent_seq[y]]) ++count[y];
  for (int j = 0; j < n; ++j) member_begin_[j + 1] = member_begin_[j] + count[j];
  members_.resize(member_begin_[n]);
  std::vector<int> fill(member_begin_.begin(), member_begin_.end() - 1);
  for (int j = 0; j < n; ++j)
    for (int y = j; y >= 0; y = tp.parent_seq[y] == 0 ? -1 : tp.seq_infoset[tp.parent_seq[y]])
      members_[fill[y]++].infoset = j;

  // Ancestor lists: infoset x has depth(x) entries, filled from the back while the blocks
  // are visited top-down (g increasing), so that x's own block comes first.
  ancestor_begin_.assign(n + 1, 0);
  for (int j = 0; j < n; ++j) ancestor_begin_[j + 1] = ancestor_begin_[j] + depth_[j];
  ancestors_.resize(ancestor_begin_[n]);
  std::vector<int> ancestor_fill(ancestor_begin_.begin() + 1, ancestor_begin_.end());

  // Local sequence numbers, block by block.
  block_size_.assign(n, 0);
  std::vector<int> local_first_of(n, -1);
  for (int g = 0; g < n; ++g) {
    int next = 0;
    for (int k = member_begin_[g]; k < member_begin_[g + 1]; ++k) {
      SubtreeMember& m = members_[k];
      m.local_first = next;
      local_first_of[m.infoset] = next;
      next += tp.num_actions[m.infoset];
      if (m.infoset == g) {
        m.parent_local = -1;
      } else {
        const int parent = tp.parent_seq[m.infoset];
        const int owner = tp.seq_infoset[parent];
        m.parent_local = local_first_of[owner] + (parent - tp.first_seq[owner]);
      }
    }
    block_size_[g] = next;
    for (int k = member_begin_[g]; k < member_begin_[g + 1]; ++k) {
      const SubtreeMember& m = members_[k];
      ancestors_[--ancestor_fill[m.infoset]] = {g, m.local_first};
    }
    largest_block_ = std::max(largest_block_, next);
  }

  trigger_offset_.assign(tp.num_sequences() + 1, 0);
  for (int s = 1; s < tp.num_sequences(); ++s)
    trigger_offset_[s + 1] = trigger_offset_[s] + static_cast<std::size_t>(block_size_[tp.seq_infoset[s]]);
}

}  // namespace eqlab
