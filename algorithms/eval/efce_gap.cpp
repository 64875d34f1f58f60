#include <eqlab/algorithms/eval/efce_gap.hpp>

#include <algorithm>
#include <cmath>
#include <span>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/parallel.hpp>

namespace eqlab {

namespace {

// Triggers per parallel task: blocks differ in size (a root's block is a whole subtree),
// so tasks stay small enough to even out; each task owns its triggers' W blocks outright.
constexpr std::size_t kTriggersPerTask = 16;
// The same for the trigger sums, which go infoset by infoset (2 to 3 triggers each).
constexpr std::size_t kInfosetsPerTask = 8;

// The state of a top-level subtree's stretch (Stretch::open).
constexpr char kNoStretch = 0;   // before the first round
constexpr char kPending = 1;     // a stretch is pending
constexpr char kContinued = 2;   // this round continued it (within advance_stretches)

}  // namespace

EfceGap::EfceGap(const CompiledGame& game) : game_(game) {
  const int n = game.num_players();
  subtrees_.reserve(n);
  for (int p = 0; p < n; ++p) {
    const Treeplex& tp = game.treeplex[p];
    subtrees_.emplace_back(tp);
    trigger_sums_.emplace_back(subtrees_.back());
    stretches_.push_back(stretch_of(subtrees_.back()));
    const std::size_t m = static_cast<std::size_t>(tp.num_sequences());
    deviation_sum_.emplace_back(subtrees_.back().trigger_storage(), 0.0);
    kept_sum_.emplace_back(m, 0.0);
    gradient_.emplace_back(m, 0.0);
    below_.emplace_back(m, 0.0);
    work_per_round_ += subtrees_.back().trigger_storage() + m;
  }
}

EfceGap::Stretch EfceGap::stretch_of(const TreeplexSubtrees& st) {
  const Treeplex& tp = st.treeplex();
  Stretch stretch;
  stretch.infoset_begin.push_back(0);
  for (int r = 0; r < tp.num_infosets(); ++r) {
    if (tp.parent_seq[r] != 0) continue;
    stretch.tops.push_back(r);
    const std::size_t first = stretch.infosets.size();
    for (const SubtreeMember& member : st.members(r)) stretch.infosets.push_back(member.infoset);
    // In increasing order, so that the bottom-up sums below visit them as a sweep over all
    // infosets from the last one would.
    std::sort(stretch.infosets.begin() + static_cast<std::ptrdiff_t>(first), stretch.infosets.end());
    stretch.infoset_begin.push_back(static_cast<int>(stretch.infosets.size()));
  }
  stretch.open.assign(stretch.tops.size(), kNoStretch);
  stretch.plan.assign(static_cast<std::size_t>(tp.num_sequences()), 0.0);
  stretch.gradient.assign(static_cast<std::size_t>(tp.num_sequences()), 0.0);
  stretch.closing.reserve(static_cast<std::size_t>(tp.num_infosets()));
  return stretch;
}

void EfceGap::add_kept_sums(const Treeplex& tp, std::span<const int> infosets, const double* mu, const double* g,
                            double* below, double* kept) {
  // R(x, a) = μ(x, a) g(x, a) + Σ of R over the sequences of the child infosets. Children
  // have larger indices than their parents, so one backward sweep suffices.
  for (int j : infosets)
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) below[s] = mu[s] * g[s];
  for (std::size_t i = infosets.size(); i-- > 0;) {
    const int j = infosets[i];
    const int parent = tp.parent_seq[j];
    if (parent == 0) continue;
    double subtotal = 0.0;
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) subtotal += below[s];
    below[parent] += subtotal;
  }
  for (int j : infosets)
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) kept[s] += below[s];
}

std::span<const int> EfceGap::Stretch::subtree(std::size_t k) const {
  return {infosets.data() + infoset_begin[k], infosets.data() + infoset_begin[k + 1]};
}

void EfceGap::advance_stretches(int player, const std::vector<double>& mu, const double* g) {
  const TriggerSums& sums = trigger_sums_[player];
  Stretch& stretch = stretches_[player];
  const std::size_t tops = stretch.tops.size();
  // A top's subtree is the runs of its own block.
  const auto runs_of = [&](std::size_t k) { return sums.runs(stretch.tops[k]); };
  const auto same_plan = [&](std::size_t k) {
    for (const TriggerSums::Run& run : runs_of(k))
      for (int s = run.first; s < run.first + run.length; ++s)
        if (!(mu[s] == stretch.plan[s])) return false;
    return true;
  };
  stretch.closing.clear();
  for (std::size_t k = 0; k < tops; ++k) {
    if (stretch.open[k] != kNoStretch && same_plan(k)) {
      for (const TriggerSums::Run& run : runs_of(k))
        for (int s = run.first; s < run.first + run.length; ++s) stretch.gradient[s] += g[s];
      stretch.open[k] = kContinued;
      continue;
    }
    if (stretch.open[k] != kNoStretch) {
      const std::span<const int> subtree = stretch.subtree(k);
      stretch.closing.insert(stretch.closing.end(), subtree.begin(), subtree.end());
      add_kept_sums(game_.treeplex[player], subtree, stretch.plan.data(), stretch.gradient.data(),
                    below_[player].data(), kept_sum_[player].data());
    }
    stretch.open[k] = kPending;  // a new stretch starts with this round
  }
  // W_τ(local s) += μ(τ) Σ g(s) over the subtree of each closing trigger's infoset.
  double* w = deviation_sum_[player].data();
  const std::size_t work = stretch.closing.size() * deviation_sum_[player].size() /
                           std::max<std::size_t>(1, game_.treeplex[player].num_infosets());
  parallel_ranges(stretch.closing.size(), work, kInfosetsPerTask, [&](std::size_t begin, std::size_t end) {
    sums.add(stretch.plan.data(), stretch.gradient.data(), w,
             std::span<const int>(stretch.closing).subspan(begin, end - begin));
  });
  for (std::size_t k = 0; k < tops; ++k) {
    if (stretch.open[k] == kContinued) {
      stretch.open[k] = kPending;
      continue;
    }
    for (const TriggerSums::Run& run : runs_of(k))
      for (int s = run.first; s < run.first + run.length; ++s) {
        stretch.plan[s] = mu[s];
        stretch.gradient[s] = g[s];
      }
  }
}

void EfceGap::add(const Profile& x, double weight) { add_round(x, nullptr, weight); }

void EfceGap::add(const Profile& x, const Profile& gradients, double weight) {
  if (gradients.size() != x.size()) throw UsageError("EfceGap::add: one gradient per player");
  add_round(x, &gradients, weight);
}

void EfceGap::add_round(const Profile& x, const Profile* gradients, double weight) {
  const std::size_t players = static_cast<std::size_t>(game_.num_players());
  // A profile of the wrong shape would be read out of bounds by the gradient.
  bool fits = x.size() == players;
  for (std::size_t p = 0; fits && p < players; ++p)
    fits = x[p].size() == static_cast<std::size_t>(game_.treeplex[p].num_sequences());
  if (!fits) throw UsageError("EfceGap::add: the profile does not match the game's sequence counts");
  if (!(weight > 0.0) || !std::isfinite(weight)) throw UsageError("EfceGap::add: a weight must be positive and finite");
  ++rounds_;
  total_weight_ += weight;
  // Every player writes only its own arrays, so players are independent tasks.
  parallel_ranges(players, work_per_round_, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t p = begin; p < end; ++p)
      add_player(static_cast<int>(p), x, gradients ? &(*gradients)[p] : nullptr, weight);
  });
}

void EfceGap::add_player(int player, const Profile& x, const std::vector<double>* given, double weight) {
  // Every sum is linear in the round's gradient: weighting it weights the round. A given
  // gradient of weight 1 is read where it is.
  std::vector<double>& own = gradient_[player];
  if (!given) game_.utility_gradient(player, x, own);
  const double* g = given ? given->data() : own.data();
  if (weight != 1.0) {
    for (std::size_t s = 0; s < own.size(); ++s) own[s] = g[s] * weight;
    g = own.data();
  }
  advance_stretches(player, x[player], g);
}

double EfceGap::best_total_gain(int player) const {
  const Treeplex& tp = game_.treeplex[player];
  const TreeplexSubtrees& st = subtrees_[player];
  const int triggers = tp.num_sequences() - 1;
  if (triggers <= 0) return 0.0;
  std::vector<double> gain(static_cast<std::size_t>(triggers));
  const double* w = deviation_sum_[player].data();
  const std::vector<double>& kept = kept_sum_[player];
  const TriggerSums& sums = trigger_sums_[player];
  const Stretch& pending = stretches_[player];
  // B of the pending stretches, as advance_stretches would add it (every top has one).
  std::vector<double> pending_kept(kept.size(), 0.0), below(kept.size(), 0.0);
  for (std::size_t k = 0; k < pending.tops.size(); ++k)
    add_kept_sums(tp, pending.subtree(k), pending.plan.data(), pending.gradient.data(), below.data(),
                  pending_kept.data());

  // Per trigger: the best-response DP over its block, values of W plus the best values
  // of the child infosets, members walked backwards so children come before parents.
  auto run = [&](std::size_t begin, std::size_t end) {
    std::vector<double> value(static_cast<std::size_t>(st.largest_block()));
    for (std::size_t k = begin; k < end; ++k) {
      const int trigger = static_cast<int>(k) + 1;
      const int g = tp.seq_infoset[trigger];
      const double* block = w + st.trigger_offset(trigger);
      std::copy(block, block + st.block_size(g), value.begin());
      // W of the pending stretch, likewise (no copy of the whole of W).
      const double reach = pending.plan[trigger];
      if (reach != 0.0) sums.add_to_block(g, reach, pending.gradient.data(), value.data());
      const auto members = st.members(g);
      double root_best = 0.0;
      for (std::size_t i = members.size(); i-- > 0;) {
        const SubtreeMember& member = members[i];
        const double* v = value.data() + member.local_first;
        double best = v[0];
        for (int a = 1; a < tp.num_actions[member.infoset]; ++a) best = std::max(best, v[a]);
        if (member.parent_local >= 0) {
          value[member.parent_local] += best;
        } else {
          root_best = best;
        }
      }
      gain[k] = root_best - (kept[trigger] + pending_kept[trigger]);
    }
  };
  parallel_ranges(static_cast<std::size_t>(triggers), st.trigger_storage(), kTriggersPerTask, run);
  return *std::max_element(gain.begin(), gain.end());
}

std::vector<double> EfceGap::player_gaps() const {
  std::vector<double> gaps(game_.num_players(), 0.0);
  if (rounds_ == 0) return gaps;
  for (int p = 0; p < game_.num_players(); ++p) gaps[p] = best_total_gain(p) / total_weight_;
  return gaps;
}

double EfceGap::gap() const {
  double worst = 0.0;
  for (double g : player_gaps()) worst = std::max(worst, g);
  return worst;
}

}  // namespace eqlab
