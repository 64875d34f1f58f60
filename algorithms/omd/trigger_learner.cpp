#include <eqlab/algorithms/omd/trigger_learner.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <eqlab/lib/parallel.hpp>
#include <eqlab/lib/stationary_distribution.hpp>
#include <eqlab/lib/vector_math.hpp>

namespace eqlab {

namespace {

// The utility sums are added one infoset at a time; this many infosets per task.
constexpr std::size_t kInfosetsPerTask = 16;
// A group of infosets whose triggers are computed together holds at most this many
// infosets, and stops growing once its trigger storage reaches kGroupEntries.
constexpr int kGroupInfosets = 32;
constexpr std::size_t kGroupEntries = 8192;


}  // namespace

TriggerFixedPoint::TriggerFixedPoint(int widest)
    : chain_(static_cast<std::size_t>(widest + 1) * (widest + 1), 0.0),
      stationary_(widest + 1, 0.0),
      inflow_(widest, 0.0),
      local_weight_(widest, 0.0),
      rows_(widest, nullptr) {}

void TriggerFixedPoint::solve_all(const TreeplexSubtrees& subtrees, std::span<const double> log_weight,
                                  std::span<const double> trigger_behavioural, std::span<const double> trigger_plan,
                                  std::span<double> behavioural, std::span<double> plan) {
  solve_below(subtrees, {}, log_weight, trigger_behavioural, trigger_plan, behavioural, plan);
}

void TriggerFixedPoint::solve_below(const TreeplexSubtrees& subtrees, std::span<const char> stale_top,
                                    std::span<const double> log_weight, std::span<const double> trigger_behavioural,
                                    std::span<const double> trigger_plan, std::span<double> behavioural,
                                    std::span<double> plan) {
  const Treeplex& tp = subtrees.treeplex();
  // The subtrees of different top-level infosets share no infoset and no trigger, so each
  // is solved on its own, top-down in its member order.
  tops_.clear();
  for (int r = 0; r < tp.num_infosets(); ++r)
    if (tp.parent_seq[r] == 0 && (stale_top.empty() || stale_top[r])) tops_.push_back(r);
  prepare_weights(subtrees, log_weight);
  plan[0] = 1.0;
  for (int r : tops_)
    for (const SubtreeMember& member : subtrees.members(r))
      solve_infoset(subtrees, member.infoset, trigger_behavioural, trigger_plan, behavioural, plan);
}

// With offset(x) = max of log λ over the triggers of x and its ancestors (the largest
// weight on x's path is then 1), the weight of trigger t of ancestor g, seen from x, is
//   exp(log λ_t − offset(x)) = relative(t) · top_scale(g) · Π_y step(y),
//   relative(t) = exp(log λ_t − top(g)),  top_scale(g) = exp(top(g) − offset(g)),
//   step(y) = exp(offset(parent of y) − offset(y))  for y from x up to g's child on the path,
// top(g) the largest log λ of g's triggers. Every factor is at most 1, and the exps, one
// per sequence and two per infoset, run as one vectorised batch.
void TriggerFixedPoint::prepare_weights(const TreeplexSubtrees& subtrees, std::span<const double> log_weight) {
  const Treeplex& tp = subtrees.treeplex();
  offset_.resize(tp.num_infosets());
  relative_weight_.resize(tp.num_sequences());
  top_scale_.resize(tp.num_infosets());
  step_scale_.resize(tp.num_infosets());
  // Exponents gathered in solving order: per infoset its sequences, then top_scale, then
  // step.
  exponents_.clear();
  for (int r : tops_)
    for (const SubtreeMember& member : subtrees.members(r)) {
      const int x = member.infoset;
      const int first = tp.first_seq[x], end = first + tp.num_actions[x];
      double top = -std::numeric_limits<double>::infinity();
      for (int t = first; t < end; ++t) top = std::max(top, log_weight[t]);
      const double parent_offset = x == r ? top : offset_[tp.seq_infoset[tp.parent_seq[x]]];
      offset_[x] = std::max(parent_offset, top);
      for (int t = first; t < end; ++t) exponents_.push_back(log_weight[t] - top);
      exponents_.push_back(top - offset_[x]);
      exponents_.push_back(parent_offset - offset_[x]);
    }
  exp_in_place(exponents_);
  std::size_t i = 0;
  for (int r : tops_)
    for (const SubtreeMember& member : subtrees.members(r)) {
      const int x = member.infoset;
      for (int t = tp.first_seq[x]; t < tp.first_seq[x] + tp.num_actions[x]; ++t) relative_weight_[t] = exponents_[i++];
      top_scale_[x] = exponents_[i++];
      step_scale_[x] = exponents_[i++];
    }
}

TriggerRegretLearner::TriggerRegretLearner(const Treeplex& treeplex, TriggerLearnerOptions options)
    : treeplex_(treeplex), subtrees_(treeplex), trigger_sums_(subtrees_), options_(std::move(options)),
      fixed_point_(treeplex.max_actions()) {
  const std::size_t storage = subtrees_.trigger_storage();
  const int m = treeplex.num_sequences();
  deviation_utility_.assign(storage, 0.0);
  trigger_behavioural_.assign(storage, 0.0);
  trigger_plan_.assign(storage, 0.0);
  kept_utility_.assign(m, 0.0);
  log_weight_.assign(m, 0.0);
  behavioural_.assign(m, 0.0);
  plan_.assign(m, 0.0);
  below_.assign(m, 0.0);
  build_levels();
  compute_trigger_strategies(0.0);
  solve_fixed_point();
}

void TriggerRegretLearner::update(std::span<const double> u, double eta) {
  const Treeplex& tp = treeplex_;
  const int n = tp.num_infosets();
  // K_τ += utility collected at or below τ: R(x,a) = μ(x,a) u(x,a) + R of the infosets below.
  for (int s = 1; s < tp.num_sequences(); ++s) below_[s] = plan_[s] * u[s];
  for (int j = n - 1; j >= 0; --j) {
    double sum = 0.0;
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) sum += below_[s];
    if (tp.parent_seq[j] != 0) below_[tp.parent_seq[j]] += sum;
  }
  for (int s = 1; s < tp.num_sequences(); ++s) kept_utility_[s] += below_[s];

  // S_τ(x,a) += μ(τ) u(x,a) over the subtree of x_g.
  parallel_ranges(n, subtrees_.trigger_storage(), kInfosetsPerTask, [&](std::size_t begin, std::size_t end) {
    trigger_sums_.add(plan_.data(), u.data(), deviation_utility_.data(), static_cast<int>(begin),
                      static_cast<int>(end - begin));
  });

  compute_trigger_strategies(eta);
  solve_fixed_point();
}

void TriggerRegretLearner::build_levels() {
  const Treeplex& tp = treeplex_;
  const int n = tp.num_infosets();
  level_begin_.assign(n + 1, 0);
  std::vector<int> height, member_at_local, order;
  for (int g = 0; g < n; ++g) {
    const auto members = subtrees_.members(g);
    const int count = static_cast<int>(members.size());
    // A member's height is one more than its highest child's; children follow their
    // parent in the member list, so one backward sweep settles every height. Every height
    // from 0 to the root's is then taken.
    member_at_local.assign(subtrees_.block_size(g), -1);
    for (int k = 0; k < count; ++k)
      for (int a = 0; a < tp.num_actions[members[k].infoset]; ++a) member_at_local[members[k].local_first + a] = k;
    height.assign(count, 0);
    for (int k = count - 1; k > 0; --k) {
      int& parent_height = height[member_at_local[members[k].parent_local]];
      parent_height = std::max(parent_height, height[k] + 1);
    }
    order.resize(count);
    for (int k = 0; k < count; ++k) order[k] = count - 1 - k;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return height[a] < height[b]; });
    for (int i = 0; i < count; ++i) {
      const int k = order[i];
      if (i == 0 || height[k] != height[order[i - 1]])
        levels_.push_back({static_cast<int>(level_members_.size()), static_cast<int>(level_members_.size()), 0});
      const SubtreeMember& member = members[k];
      level_members_.push_back({member.local_first, member.parent_local, tp.num_actions[member.infoset],
                                options_.member_weight.empty() ? 1.0 : options_.member_weight[subtrees_.member_index(g) + k]});
      levels_.back().end = static_cast<int>(level_members_.size());
      levels_.back().entries += level_members_.back().actions;
    }
    level_begin_[g + 1] = static_cast<int>(levels_.size());
  }

  for (int g = 0; g < n;) {
    Group group{g, g, 0};
    std::size_t storage = 0;
    while (group.last < n && group.last - group.first < kGroupInfosets && storage < kGroupEntries) {
      const int x = group.last++;
      storage += static_cast<std::size_t>(tp.num_actions[x]) * subtrees_.block_size(x);
      group.height = std::max(group.height, levels_of(x));
    }
    for (int h = 0; h < group.height; ++h) {
      std::size_t entries = 0, members = 0;
      for (int x = group.first; x < group.last; ++x) {
        if (h >= levels_of(x)) continue;
        const Level& level = levels_[level_begin_[x] + h];
        entries += static_cast<std::size_t>(tp.num_actions[x]) * level.entries;
        members += static_cast<std::size_t>(tp.num_actions[x]) * (level.end - level.begin);
      }
      scratch_entries_ = std::max(scratch_entries_, entries);
      scratch_members_ = std::max(scratch_members_, members);
    }
    groups_.push_back(group);
    g = group.last;
  }
}

void TriggerRegretLearner::compute_trigger_strategies(double eta) {
  parallel_ranges(groups_.size(), subtrees_.trigger_storage(), 1, [&](std::size_t begin, std::size_t end) {
    LevelScratch& scratch = scratch_.local();
    if (scratch.exponent.size() < scratch_entries_) scratch.exponent.resize(scratch_entries_);
    if (scratch.top.size() < scratch_members_) {
      scratch.top.resize(scratch_members_);
      scratch.sum.resize(scratch_members_);
      scratch.log_sum.resize(scratch_members_);
    }
    for (std::size_t k = begin; k < end; ++k) compute_group_triggers(groups_[k], eta, scratch);
  });
}

// The bottom-up pass of a dilated-entropy learner for every trigger τ = (x_g, a_g):
//   score(x, a) = η S_τ(x, a) + Σ_{x' ∈ C(x,a)} F_τ(x'),   top(x) = max_a score(x, a),
//   m_τ(a|x) = exp(w (score − top)) / sum,   F_τ(x) = top + log(sum) / w,
// with F_τ(x_g) the root's. Height by height, every member of that height in every
// subtree of the group: they depend only on the heights below. The maximum is subtracted
// before multiplying by w, so that a small weight never loses the leading digits.
void TriggerRegretLearner::compute_group_triggers(const Group& group, double eta, LevelScratch& scratch) {
  const Treeplex& tp = treeplex_;
  // Walks every (infoset g, trigger block, member) of height h in a fixed order; each of
  // the three passes below walks the same sequence, so a running entry and slot number
  // find a member's scratch.
  const auto for_each_member = [&](int h, auto&& body) {
    for (int g = group.first; g < group.last; ++g) {
      if (h >= levels_of(g)) continue;
      const Level& level = levels_[level_begin_[g] + h];
      const std::size_t block = static_cast<std::size_t>(subtrees_.block_size(g));
      // The blocks of g's triggers follow each other.
      const std::size_t base = subtrees_.trigger_offset(tp.first_seq[g]);
      for (int a = 0; a < tp.num_actions[g]; ++a)
        for (int i = level.begin; i < level.end; ++i) body(tp.first_seq[g] + a, base + a * block, level_members_[i]);
    }
  };

  // The sequence-form blocks double as the children's log-partition sums during the
  // bottom-up pass: each entry is read once, before the top-down pass overwrites it.
  for (int g = group.first; g < group.last; ++g) {
    const std::size_t base = subtrees_.trigger_offset(tp.first_seq[g]);
    std::fill(trigger_plan_.begin() + base,
              trigger_plan_.begin() + base + static_cast<std::size_t>(tp.num_actions[g]) * subtrees_.block_size(g), 0.0);
  }
  double* const exponent = scratch.exponent.data();
  for (int h = 0; h < group.height; ++h) {
    std::size_t entry = 0, slot = 0;
    for_each_member(h, [&](int, std::size_t offset, const LevelMember& member) {
      const int actions = member.actions;
      const double w = member.weight;
      const double* S = deviation_utility_.data() + offset + member.local_first;
      const double* child_sum = trigger_plan_.data() + offset + member.local_first;
      // The scores are computed twice rather than stored and reloaded: a wide load of
      // values just stored one by one stalls until the stores retire.
      double top = -std::numeric_limits<double>::infinity();
      for (int i = 0; i < actions; ++i) top = std::max(top, eta * S[i] + child_sum[i]);
      double* z = exponent + entry;
      for (int i = 0; i < actions; ++i) z[i] = w * ((eta * S[i] + child_sum[i]) - top);
      scratch.top[slot++] = top;
      entry += actions;
    });
    exp_in_place(std::span<double>(exponent, entry));
    entry = slot = 0;
    for_each_member(h, [&](int, std::size_t, const LevelMember& member) {
      const int actions = member.actions;
      double sum = 0.0;
      for (int i = 0; i < actions; ++i) sum += exponent[entry + i];
      scratch.sum[slot] = scratch.log_sum[slot] = sum;
      ++slot;
      entry += actions;
    });
    log_in_place(std::span<double>(scratch.log_sum.data(), slot));
    entry = slot = 0;
    for_each_member(h, [&](int trigger, std::size_t offset, const LevelMember& member) {
      const int actions = member.actions;
      const double w = member.weight;
      double* m = trigger_behavioural_.data() + offset + member.local_first;
      const double inverse = 1.0 / scratch.sum[slot];
      for (int i = 0; i < actions; ++i) m[i] = exponent[entry + i] * inverse;
      const double log_partition = scratch.top[slot] + scratch.log_sum[slot] / w;
      // log λ_τ holds F_τ(x_g) until the top-down pass below.
      if (member.parent_local >= 0) trigger_plan_[offset + member.parent_local] += log_partition;
      else log_weight_[trigger] = log_partition;
      ++slot;
      entry += actions;
    });
  }

  for (int g = group.first; g < group.last; ++g) {
    const auto members = subtrees_.members(g);
    for (int a = 0; a < tp.num_actions[g]; ++a) {
      const int trigger = tp.first_seq[g] + a;
      log_weight_[trigger] = options_.temperature * (log_weight_[trigger] - eta * kept_utility_[trigger]);
      const std::size_t offset = subtrees_.trigger_offset(trigger);
      const double* m = trigger_behavioural_.data() + offset;
      double* plan = trigger_plan_.data() + offset;
      for (const SubtreeMember& member : members) {
        const double reach = member.parent_local < 0 ? 1.0 : plan[member.parent_local];
        for (int i = 0; i < tp.num_actions[member.infoset]; ++i)
          plan[member.local_first + i] = reach * m[member.local_first + i];
      }
    }
  }
}

void TriggerRegretLearner::solve_fixed_point() {
  fixed_point_.solve_all(subtrees_, log_weight_, trigger_behavioural_, trigger_plan_, behavioural_, plan_);
}

// c(a) = Σ over x's ancestors g and their triggers t of κ_t m_t-plan(x, a) into inflow_,
// κ_t = λ_t μ(t) relative to the largest weight on x's path; returns L, the weight of the
// triggers on the path. Actions > 0 fixes |A(x)| so that c stays in registers: summed in
// memory, each ancestor's additions would wait on the last one's store.
template <int Actions>
double TriggerFixedPoint::gather_inflow(const TreeplexSubtrees& subtrees, int x,
                                       std::span<const double> trigger_plan, std::span<const double> plan) {
  const Treeplex& tp = subtrees.treeplex();
  const int actions = Actions > 0 ? Actions : tp.num_actions[x];
  const auto ancestors = subtrees.ancestors(x);  // [0] is x itself
  double c[Actions > 0 ? Actions : 1] = {};
  if constexpr (Actions == 0) std::fill(inflow_.begin(), inflow_.begin() + actions, 0.0);
  double path_weight = 0.0;
  int path_seq = tp.parent_seq[x];
  double ratio = 1.0;  // exp(offset(g) − offset(x)) for the ancestor g being visited
  int below = x;       // the path's infoset just below g
  for (std::size_t k = 1; k < ancestors.size(); ++k) {
    const AncestorBlock& block = ancestors[k];
    const int g = block.root;
    ratio *= step_scale_[below];
    const double scale = top_scale_[g] * ratio;
    path_weight += relative_weight_[path_seq] * scale;
    for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t) {
      const double kappa = relative_weight_[t] * scale * plan[t];
      if (kappa == 0.0) continue;
      const double* m_plan = trigger_plan.data() + subtrees.trigger_offset(t) + block.local_first;
      if constexpr (Actions > 0) {
        for (int a = 0; a < Actions; ++a) c[a] += kappa * m_plan[a];
      } else {
        for (int a = 0; a < actions; ++a) inflow_[a] += kappa * m_plan[a];
      }
    }
    path_seq = tp.parent_seq[g];
    below = g;
  }
  if constexpr (Actions > 0) std::copy(c, c + Actions, inflow_.begin());
  return path_weight;
}

// The inputs of the local solve at x from the full arrays (see TriggerFixedPoint).
void TriggerFixedPoint::solve_infoset(const TreeplexSubtrees& subtrees, int x,
                                      std::span<const double> trigger_behavioural,
                                      std::span<const double> trigger_plan, std::span<double> behavioural,
                                      std::span<double> plan) {
  const Treeplex& tp = subtrees.treeplex();
  const int actions = tp.num_actions[x];
  const int first = tp.first_seq[x];
  const double reach = plan[tp.parent_seq[x]];
  if (actions == 1) {
    behavioural[first] = 1.0;
    plan[first] = reach;
    return;
  }
  const auto ancestors = subtrees.ancestors(x);  // [0] is x itself

  // λ is homogeneous in the equations: every weight is taken relative to the largest on
  // x's path (see prepare_weights).
  double path_weight = 0.0;  // L
  switch (actions) {
    case 2: path_weight = gather_inflow<2>(subtrees, x, trigger_plan, plan); break;
    case 3: path_weight = gather_inflow<3>(subtrees, x, trigger_plan, plan); break;
    default: path_weight = gather_inflow<0>(subtrees, x, trigger_plan, plan); break;
  }
  for (int a = 0; a < actions; ++a) {
    local_weight_[a] = relative_weight_[first + a] * top_scale_[x];
    rows_[a] = trigger_behavioural.data() + subtrees.trigger_offset(first + a);  // x roots its block
  }
  solve_local(actions, path_weight, ancestors.size() > 1 && path_weight > 0.0, inflow_.data(), local_weight_.data(),
              rows_.data(), behavioural.data() + first);
  for (int a = 0; a < actions; ++a) plan[first + a] = reach * behavioural[first + a];
}

void TriggerFixedPoint::solve_local(int actions, double path_weight, bool has_path, const double* inflow,
                                    const double* own_weight, const double* const* own_rows, double* behavioural) {
  // The chain: state 0 is ⊥ when some ancestor trigger carries weight, then the actions.
  // At a root ⊥ does not exist and the chain on the actions has rows m_{a'}(·|x).
  const int base = has_path ? 1 : 0;
  const int states = actions + base;
  const auto P = [&](int i, int j) -> double& { return chain_[static_cast<std::size_t>(i) * states + j]; };
  if (has_path) {
    double inflow_total = 0.0;
    for (int a = 0; a < actions; ++a) inflow_total += inflow[a];
    P(0, 0) = 0.0;
    // Zero inflow means μ(p(x)) = 0: any distribution at x is a fixed point.
    for (int a = 0; a < actions; ++a) P(0, a + 1) = inflow_total > 0.0 ? inflow[a] / inflow_total : 1.0 / actions;
  }
  for (int from = 0; from < actions; ++from) {
    const double* m = own_rows[from];
    const double leave = path_weight + own_weight[from];
    const double stay = has_path ? own_weight[from] / leave : 1.0;
    if (has_path) P(from + 1, 0) = path_weight / leave;
    for (int a = 0; a < actions; ++a) P(from + base, a + base) = stay * m[a];
  }
  stationary_distribution_of_any(std::span<double>(chain_.data(), static_cast<std::size_t>(states) * states), states,
                                 stationary_);

  double total = 0.0;
  for (int a = 0; a < actions; ++a) {
    const double denominator = (has_path ? path_weight : 0.0) + own_weight[a];
    // A trigger whose weight underflowed to 0 at a root: its action absorbs the mass.
    const double y = stationary_[a + base] / std::max(denominator, std::numeric_limits<double>::min());
    behavioural[a] = y;
    total += y;
  }
  for (int a = 0; a < actions; ++a) behavioural[a] /= total;
}

double TriggerRegretLearner::trigger_regret() const {
  const Treeplex& tp = treeplex_;
  std::vector<double> value(subtrees_.largest_block());
  double best = -std::numeric_limits<double>::infinity();
  for (int t = 1; t < tp.num_sequences(); ++t) {
    const int g = tp.seq_infoset[t];
    const auto members = subtrees_.members(g);
    const double* S = deviation_utility_.data() + subtrees_.trigger_offset(t);
    std::copy(S, S + subtrees_.block_size(g), value.begin());
    double root = 0.0;
    for (std::size_t k = members.size(); k-- > 0;) {
      const SubtreeMember& member = members[k];
      double v = -std::numeric_limits<double>::infinity();
      for (int a = 0; a < tp.num_actions[member.infoset]; ++a) v = std::max(v, value[member.local_first + a]);
      if (member.parent_local >= 0) value[member.parent_local] += v;
      else root = v;
    }
    best = std::max(best, root - kept_utility_[t]);
  }
  return best;
}

double TriggerRegretLearner::fixed_point_residual() const {
  const Treeplex& tp = treeplex_;
  const int m = tp.num_sequences();
  double top = -std::numeric_limits<double>::infinity();
  for (int t = 1; t < m; ++t) top = std::max(top, log_weight_[t]);
  std::vector<double> lambda(m, 0.0);
  double total = 0.0;
  for (int t = 1; t < m; ++t) total += (lambda[t] = std::exp(log_weight_[t] - top));
  for (double& l : lambda) l /= total;

  // (φμ)(x,a) = μ(x,a) (1 − Σ_{τ on the path to (x,a), itself included} λ_τ)
  //           + Σ_{x_g at or above x} Σ_{a_g} λ_τ μ(τ) m_τ(x, a | from x_g).
  double worst = 0.0;
  for (int x = 0; x < tp.num_infosets(); ++x) {
    double path = 0.0;
    for (int s = tp.parent_seq[x]; s != 0; s = tp.parent_seq[tp.seq_infoset[s]]) path += lambda[s];
    for (int a = 0; a < tp.num_actions[x]; ++a) {
      const int s = tp.first_seq[x] + a;
      double image = plan_[s] * (1.0 - path - lambda[s]);
      for (const AncestorBlock& block : subtrees_.ancestors(x)) {
        const int g = block.root;
        for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t)
          image += lambda[t] * plan_[t] * trigger_plan_[subtrees_.trigger_offset(t) + block.local_first + a];
      }
      worst = std::max(worst, std::abs(image - plan_[s]));
    }
  }
  return worst;
}

}  // namespace eqlab
