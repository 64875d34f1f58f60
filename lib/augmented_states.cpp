#include <eqlab/lib/augmented_states.hpp>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <limits>
#include <string>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/memory_text.hpp>

namespace eqlab {

namespace {

constexpr std::uint64_t kSaturated = std::numeric_limits<std::uint64_t>::max();

// Counts of huge treeplexes overflow 64 bits quickly at large K; they only feed a budget
// check, so saturating is enough.
std::uint64_t add_saturating(std::uint64_t a, std::uint64_t b) { return a > kSaturated - b ? kSaturated : a + b; }
std::uint64_t multiply_saturating(std::uint64_t a, std::uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturated / b ? kSaturated : a * b;
}

// Own depth of every infoset (1 for roots); topological order makes one pass enough.
std::vector<int> own_depths(const Treeplex& tp) {
  std::vector<int> depth(tp.num_infosets(), 1);
  for (int x = 0; x < tp.num_infosets(); ++x) {
    const int parent_seq = tp.parent_seq[x];
    if (parent_seq != 0) depth[x] = depth[tp.seq_infoset[parent_seq]] + 1;
  }
  return depth;
}

// Per state of the gap evaluator: five ints of index (infoset, deviations, parent,
// recommendation, child base), the offset of its statistics row, its DP value and weight.
constexpr std::uint64_t kBytesPerState = 5 * sizeof(int) + sizeof(std::size_t) + 2 * sizeof(double);

}  // namespace

std::uint64_t AugmentedStateCount::bytes() const {
  return add_saturating(multiply_saturating(total, kBytesPerState), multiply_saturating(statistics, sizeof(double)));
}

AugmentedStateCount AugmentedStates::count(const Treeplex& tp, int k) {
  if (k < 0) throw UsageError("K-EFCE: K must be at least 0, not " + std::to_string(k));
  const std::vector<int> depth = own_depths(tp);
  const int max_depth = depth.empty() ? 0 : *std::max_element(depth.begin(), depth.end());
  // No path has more than max_depth - 1 deviations, so rows beyond max_depth stay 0.
  const int rows = std::min(k, max_depth) + 1;
  // by_deviations[x * rows + j]: states at x with j deviations.
  std::vector<std::uint64_t> by_deviations(static_cast<std::size_t>(tp.num_infosets()) * rows, 0);
  AugmentedStateCount out;
  for (int x = 0; x < tp.num_infosets(); ++x) {
    std::uint64_t* here = by_deviations.data() + static_cast<std::size_t>(x) * rows;
    const int parent_seq = tp.parent_seq[x];
    if (parent_seq == 0) {
      here[0] = 1;
    } else {
      const int p = tp.seq_infoset[parent_seq];
      const std::uint64_t* above = by_deviations.data() + static_cast<std::size_t>(p) * rows;
      const std::uint64_t others = static_cast<std::uint64_t>(tp.num_actions[p] - 1);
      for (int j = 0; j < rows; ++j) {
        here[j] = above[j];  // followed (observing parent) or blind parent: σ unchanged
        if (j >= 1 && j - 1 < k) here[j] = add_saturating(here[j], multiply_saturating(above[j - 1], others));
      }
    }
    const std::uint64_t actions = static_cast<std::uint64_t>(tp.num_actions[x]);
    for (int j = 0; j < rows; ++j) {
      if (j < k) {
        out.observing = add_saturating(out.observing, here[j]);
        out.statistics = add_saturating(out.statistics, multiply_saturating(here[j], actions * actions));
      } else {
        out.blind = add_saturating(out.blind, here[j]);
        out.statistics = add_saturating(out.statistics, multiply_saturating(here[j], actions));
      }
    }
  }
  out.total = add_saturating(out.observing, out.blind);
  return out;
}

AugmentedStates::AugmentedStates(const Treeplex& tp, int k, std::uint64_t max_states)
    : treeplex_(&tp), k_(k), depth_(own_depths(tp)) {
  const AugmentedStateCount size = count(tp, k);
  const std::uint64_t limit = std::min<std::uint64_t>(max_states, INT_MAX);
  if (size.total > limit)
    throw UsageError("K-EFCE with K = " + std::to_string(k) + " needs " +
                     (size.total == kSaturated ? std::string("more than 2^64") : std::to_string(size.total)) +
                     " augmented states for one player, more than the budget of " + std::to_string(limit) +
                     " (about " + memory_text(size.bytes()) + "); lower K or raise the budget (--max-states)");
  max_depth_ = depth_.empty() ? 0 : *std::max_element(depth_.begin(), depth_.end());

  const int num_infosets = tp.num_infosets();
  child_begin_.assign(tp.num_sequences() + 1, 0);
  for (int x = 0; x < num_infosets; ++x) ++child_begin_[tp.parent_seq[x] + 1];
  for (int s = 0; s < tp.num_sequences(); ++s) child_begin_[s + 1] += child_begin_[s];
  child_infosets_.resize(num_infosets);
  {
    std::vector<int> next(child_begin_.begin(), child_begin_.end() - 1);
    for (int x = 0; x < num_infosets; ++x) child_infosets_[next[tp.parent_seq[x]]++] = x;
  }

  const auto total = static_cast<std::size_t>(size.total);
  infoset_.reserve(total);
  deviations_.reserve(total);
  parent_.reserve(total);
  recommendation_.reserve(total);
  child_base_.reserve(total);
  first_state_.assign(num_infosets + 1, 0);
  auto push = [&](int x, int deviations, int parent, int recommendation) {
    infoset_.push_back(x);
    deviations_.push_back(deviations);
    parent_.push_back(parent);
    recommendation_.push_back(recommendation);
    child_base_.push_back(0);
    if (deviations < k_) ++num_observing_;
  };
  for (int x = 0; x < num_infosets; ++x) {
    first_state_[x] = static_cast<int>(infoset_.size());
    const int parent_seq = tp.parent_seq[x];
    if (parent_seq == 0) {
      push(x, 0, -1, -1);
      continue;
    }
    // Children of each parent state, in the order child_local() assumes: the followed
    // (or blind) child first, then one per deviating recommendation r != a, by r.
    const int p = tp.seq_infoset[parent_seq];
    const int a = parent_seq - tp.first_seq[p];
    for (int ps = first_state_[p]; ps < first_state_[p + 1]; ++ps) {
      if (deviations_[ps] < k_) {
        push(x, deviations_[ps], ps, a);
        for (int r = 0; r < tp.num_actions[p]; ++r)
          if (r != a) push(x, deviations_[ps] + 1, ps, r);
      } else {
        push(x, deviations_[ps], ps, -1);
      }
    }
  }
  first_state_[num_infosets] = static_cast<int>(infoset_.size());

  // A state's children start at the same local index in every child infoset: the number of
  // children of the states listed before it at its infoset.
  for (int x = 0; x < num_infosets; ++x) {
    int base = 0;
    for (int s = first_state_[x]; s < first_state_[x + 1]; ++s) {
      child_base_[s] = base;
      base += deviations_[s] < k_ ? tp.num_actions[x] : 1;
    }
  }
}

std::vector<std::pair<int, int>> AugmentedStates::history(int state) const {
  std::vector<std::pair<int, int>> sigma;
  for (int s = state; parent_[s] >= 0; s = parent_[s]) {
    const int x = infoset_[s];
    const int p = infoset_[parent_[s]];
    const int played = treeplex_->parent_seq[x] - treeplex_->first_seq[p];
    if (recommendation_[s] >= 0 && recommendation_[s] != played) sigma.emplace_back(depth_[p], recommendation_[s]);
  }
  std::reverse(sigma.begin(), sigma.end());
  return sigma;
}

}  // namespace eqlab
