#pragma once
// The augmented states (x, σ) of one player for K-EFCE.
//
// A K-deviator at own infoset x knows, beyond x itself, its timed recommendation history
// σ = ((g_1, r_1), ..., (g_k, r_k)): the own depths g_j where it played something other
// than the recommendation r_j, k ≤ K. While k < K the state *observes* (the deviator sees
// the recommendation at x and maps it through a swap map); at k = K it is *blind* (it plays
// a fixed action). Both the exact K-EFCE gap and the K-EFR learner keep one row of
// statistics per augmented state, so this class only numbers the states and links them.
//
// Numbering. States are grouped by infoset, in the treeplex's topological order: the
// states of infoset x are first_state(x) .. first_state(x + 1) - 1. A state's parent lies
// at the parent infoset, which comes earlier, so a forward loop over states is top-down
// (parents before children) and a reverse loop is bottom-up. Root infosets have the one
// state σ = () each.
//
// Children. Let s be a state at infoset x, a an action of x and x' ∈ C(x, a) (the
// infosets whose parent sequence is (x, a), listed by child_infosets(seq)). The child of s
// at x' is first_state(x') + child_local(s, r, a) where, for an observing s,
//   r == a : followed the recommendation, σ unchanged;
//   r != a : deviated, σ extended by (d(x), r);
// and for a blind s, first_state(x') + child_local(s) (σ unchanged). The local index does
// not depend on which x' ∈ C(x, a) is meant, which is why one number per state replaces a
// per-(state, r, a, x') table: child_infosets() is the CSR of the children, child_local()
// the column.
//
// Reach weights go top-down with parent() and recommendation(): a state reached by
// following or deviating at its parent infoset p was reached when recommendation(s) was
// recommended at p (weight factor π(recommendation(s) | p)); a state below a blind parent
// has recommendation(s) == -1 (factor 1).
//
// Reference: Song, Mei, Bai, "Sample-Efficient Learning of Correlated Equilibria in
// Extensive-Form Games", NeurIPS 2022, arXiv:2205.07223.
// Cost: count() O(X·min(K, H)) without building anything; construction O(number of
// states); every accessor O(1) except history().
// See docs/algorithms/kefce.md, "Recommendation histories and augmented states".
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <eqlab/lib/treeplex.hpp>

namespace eqlab {

// The default budget of augmented states per player. At 2 actions per infoset, the exact
// gap evaluator needs about 80 bytes per state (index arrays, accumulators and its DP
// value), so the default keeps one player's evaluator under about 4 GB.
inline constexpr std::uint64_t kDefaultMaxAugmentedStates = 50'000'000;

// The number of augmented states of one player, computed without building them
// (exact for non-uniform action counts). Counts saturate at UINT64_MAX.
struct AugmentedStateCount {
  std::uint64_t observing = 0;  // states with |σ| < K
  std::uint64_t blind = 0;      // states with |σ| = K
  std::uint64_t total = 0;      // observing + blind
  // Σ over observing states of |A(x)|² plus Σ over blind states of |A(x)|: the number of
  // doubles one row of statistics per state needs (the gap's S_obs and S_bl).
  std::uint64_t statistics = 0;
  // Estimated bytes of an exact gap evaluator for this player: the index arrays, the
  // statistics and one DP value and one weight per state.
  std::uint64_t bytes() const;
};

class AugmentedStates {
 public:
  // Counts the states of `treeplex` for K = k ≥ 0 without building anything.
  static AugmentedStateCount count(const Treeplex& treeplex, int k);

  // Builds the states. Throws UsageError when k < 0, or when the count exceeds max_states
  // (the message gives the count and the budget, and how to raise it).
  AugmentedStates(const Treeplex& treeplex, int k, std::uint64_t max_states = kDefaultMaxAugmentedStates);

  const Treeplex& treeplex() const { return *treeplex_; }
  // The K the states were built for (not clamped: K ≥ max_depth behaves as max_depth).
  int k() const { return k_; }

  int num_states() const { return static_cast<int>(infoset_.size()); }
  int num_observing() const { return num_observing_; }
  int num_blind() const { return num_states() - num_observing_; }

  // Own depth of an infoset: 1 for roots.
  int depth(int infoset) const { return depth_[infoset]; }
  int max_depth() const { return max_depth_; }

  // The states of infoset x are first_state(x) .. first_state(x + 1) - 1.
  int first_state(int infoset) const { return first_state_[infoset]; }
  int num_states_at(int infoset) const { return first_state_[infoset + 1] - first_state_[infoset]; }

  int infoset(int state) const { return infoset_[state]; }
  // |σ|: the number of deviations on the way to the state.
  int deviations(int state) const { return deviations_[state]; }
  bool observing(int state) const { return deviations_[state] < k_; }
  // The state above (at the parent infoset), -1 for a root state.
  int parent(int state) const { return parent_[state]; }
  // The recommendation (action index at the parent infoset) under which the parent moved
  // to this state: the parent's action when it followed, the deviation's recommendation
  // when it deviated, -1 below a blind parent and for roots.
  int recommendation(int state) const { return recommendation_[state]; }

  // The reach weight w(x, σ) of a non-root state from its parent's: times
  // π(recommendation | parent infoset), or unchanged below a blind parent. `behavioural`
  // holds π by sequence.
  double child_weight(int state, double parent_weight, std::span<const double> behavioural) const {
    const int r = recommendation_[state];
    return r < 0 ? parent_weight
                 : parent_weight * behavioural[treeplex_->first_seq[infoset_[parent_[state]]] + r];
  }

  // The infosets x' whose parent sequence is `seq` (sequence 0: the root infosets).
  std::span<const int> child_infosets(int seq) const {
    return {child_infosets_.data() + child_begin_[seq], child_infosets_.data() + child_begin_[seq + 1]};
  }
  // Local index (inside any child infoset of action a) of the child of the observing
  // state `state` when r is recommended and a is played.
  int child_local(int state, int r, int a) const {
    return child_base_[state] + (r == a ? 0 : (r < a ? r + 1 : r));
  }
  // Local index of the child of a blind state (whatever action it plays).
  int child_local(int state) const { return child_base_[state]; }

  // σ of a state as (own depth, recommended action index) pairs, oldest first. Walks up
  // the parents: for tests and reports, not for hot paths.
  std::vector<std::pair<int, int>> history(int state) const;

 private:
  const Treeplex* treeplex_;
  int k_ = 0;
  int max_depth_ = 0;
  int num_observing_ = 0;
  std::vector<int> depth_;        // per infoset
  std::vector<int> first_state_;  // per infoset + 1
  std::vector<int> child_begin_;  // per sequence + 1
  std::vector<int> child_infosets_;
  std::vector<int> infoset_;         // per state
  std::vector<int> deviations_;      // per state
  std::vector<int> parent_;          // per state
  std::vector<int> recommendation_;  // per state
  std::vector<int> child_base_;      // per state
};

}  // namespace eqlab
