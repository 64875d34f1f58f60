#pragma once
// The balanced exploration policy of Bai, Jin, Mei, Yu (ICML 2022), one policy per own
// depth h, and the weights it gives the balanced dilated entropy.
//
// Layer h is the set of infosets of own depth h. For an infoset x above the layer
// (depth < h) the policy plays each action in proportion to the number of layer-h
// *sequences* below it:
//   μ^{⋆,h}(a|x) = cnt_h(x,a) / cnt_h(x),
// and uniformly at and below the layer (and wherever cnt_h(x) = 0). Counting sequences
// rather than infosets generalises the original (constant action count) definition to
// infosets with different numbers of actions: for every behavioural strategy μ,
//   Σ_{x ∈ layer h, a} μ(x,a) / μ^{⋆,h}(x,a) ≤ (number of layer-h sequences),
// with equality when μ puts all its mass on actions that lead to layer h.
//
// Weights provided:
//   sequence weight  μ^{⋆,h}(x_h, a) for every sequence, h the depth of its infoset
//                    (the same for every action of x_h);
//   root weight      w(x_h) = Π_{k=1}^{h-1} μ^{⋆,h}(a_k|x_k) / |A(x_h)| along the own path
//                    from the root infoset; equal to the sequence weight;
//   trigger weights  w_g(x_h) = Π_{k=g}^{h-1} μ^{⋆,h}(a_k|x_k) / |A(x_h)| for every infoset
//                    g and every member x_h of g's subtree (the policy conditioned to start
//                    at g), as a flat per-member array: members(g)[k] is entry
//                    TreeplexSubtrees::member_index(g) + k.
// Every weight is at least 1 / (number of layer-h sequences), so nothing underflows.
//
// Reference: Bai, Jin, Mei, Yu, "Near-Optimal Learning of Extensive-Form Games with Imperfect
// Information", ICML 2022, arXiv:2202.01752.
// Cost: O(H·N) to build for H own depths and N sequences, plus the trigger weights,
// one per subtree member (O(H·N) in all); lookups O(1).
// See docs/algorithms/phi-hedge-omd.md, "The balanced exploration policy".
#include <cstddef>
#include <span>
#include <vector>

#include <eqlab/lib/treeplex_subtrees.hpp>

namespace eqlab {

class BalancedPolicy {
 public:
  // Reads the treeplex and its subtrees only while constructing; the layer policies
  // keep a reference to the treeplex, which must outlive this object.
  explicit BalancedPolicy(const TreeplexSubtrees& subtrees);

  int max_depth() const { return static_cast<int>(layer_sequences_.size()) - 1; }
  // The number of sequences whose infoset has own depth h (1-based).
  int layer_sequences(int h) const { return layer_sequences_[h]; }

  // μ^{⋆,h}(x_h, a) per sequence (entry 0, the empty sequence, is 1).
  std::span<const double> sequence_weights() const { return sequence_weight_; }
  // w(x) per infoset.
  std::span<const double> root_weights() const { return root_weight_; }
  // w_g(x) for the members x of g's subtree, in the order of TreeplexSubtrees::members(g).
  std::span<const double> trigger_weights(int g) const {
    return {trigger_weight_.data() + trigger_begin_[g], trigger_weight_.data() + trigger_begin_[g + 1]};
  }
  // All of them, indexed like TreeplexSubtrees' flat per-member arrays.
  std::span<const double> all_trigger_weights() const { return trigger_weight_; }

  // The behavioural policy μ^{⋆,h}(a|x) of layer h, per sequence (entry 0 unused).
  std::vector<double> layer_policy(int h) const;

 private:
  // Per infoset and per sequence: the number of layer-h sequences below (cnt_h).
  void count_layer(int h, std::vector<double>& infoset_count, std::vector<double>& sequence_count) const;

  const Treeplex& treeplex_;
  std::vector<int> depth_;            // own depth per infoset
  std::vector<int> layer_sequences_;  // per depth 0..H (entry 0 unused)
  std::vector<double> sequence_weight_;
  std::vector<double> root_weight_;
  std::vector<std::size_t> trigger_begin_;  // per infoset + 1: member_index(g), then the total
  std::vector<double> trigger_weight_;
};

}  // namespace eqlab
