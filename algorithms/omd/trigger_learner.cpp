#include <eqlab/algorithms/omd/trigger_learner.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <eqlab/lib/parallel.hpp>
#include <eqlab/lib/stationary_distribution.hpp>

namespace eqlab {

namespace {

// Trigger blocks are computed one infoset at a time; this many infosets per task.
constexpr std::size_t kInfosetsPerTask = 16;


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
  plan[0] = 1.0;
  for (int x = 0; x < subtrees.treeplex().num_infosets(); ++x)
    solve_infoset(subtrees, x, log_weight, trigger_behavioural, trigger_plan, behavioural, plan);
}

void TriggerFixedPoint::solve_below(const TreeplexSubtrees& subtrees, std::span<const char> stale_top,
                                    std::span<const double> log_weight, std::span<const double> trigger_behavioural,
                                    std::span<const double> trigger_plan, std::span<double> behavioural,
                                    std::span<double> plan) {
  plan[0] = 1.0;
  for (int x = 0; x < subtrees.treeplex().num_infosets(); ++x)
    if (stale_top[subtrees.ancestors(x).back().root])
      solve_infoset(subtrees, x, log_weight, trigger_behavioural, trigger_plan, behavioural, plan);
}

TriggerRegretLearner::TriggerRegretLearner(const Treeplex& treeplex, TriggerLearnerOptions options)
    : treeplex_(treeplex), subtrees_(treeplex), options_(std::move(options)), fixed_point_(treeplex.max_actions()) {
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
    for (std::size_t g = begin; g < end; ++g) {
      const auto members = subtrees_.members(static_cast<int>(g));
      for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t) {
        const double reach = plan_[t];
        if (reach == 0.0) continue;
        double* block = deviation_utility_.data() + subtrees_.trigger_offset(t);
        for (const SubtreeMember& member : members) {
          const int first = tp.first_seq[member.infoset];
          for (int a = 0; a < tp.num_actions[member.infoset]; ++a)
            block[member.local_first + a] += reach * u[first + a];
        }
      }
    }
  });

  compute_trigger_strategies(eta);
  solve_fixed_point();
}

void TriggerRegretLearner::compute_trigger_strategies(double eta) {
  const Treeplex& tp = treeplex_;
  parallel_ranges(tp.num_infosets(), subtrees_.trigger_storage(), kInfosetsPerTask,
                  [&](std::size_t begin, std::size_t end) {
                    for (std::size_t g = begin; g < end; ++g)
                      for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t)
                        compute_trigger(t, eta);
                  });
}

void TriggerRegretLearner::compute_trigger(int trigger, double eta) {
  const Treeplex& tp = treeplex_;
  const int g = tp.seq_infoset[trigger];
  const auto members = subtrees_.members(g);
  const std::size_t offset = subtrees_.trigger_offset(trigger);
  const double* S = deviation_utility_.data() + offset;
  double* m = trigger_behavioural_.data() + offset;
  // The sequence-form block doubles as the children's log-partition sums during the
  // bottom-up pass: each entry is read once, before the top-down pass overwrites it.
  double* child_sum = trigger_plan_.data() + offset;
  std::fill(child_sum, child_sum + subtrees_.block_size(g), 0.0);
  const double* weights =
      options_.member_weight.empty() ? nullptr : options_.member_weight.data() + subtrees_.member_index(g);

  double root_log_partition = 0.0;
  for (std::size_t k = members.size(); k-- > 0;) {
    const SubtreeMember& member = members[k];
    const int actions = tp.num_actions[member.infoset];
    const double w = weights ? weights[k] : 1.0;
    const int first = member.local_first;
    double top = -std::numeric_limits<double>::infinity();
    for (int a = 0; a < actions; ++a) {
      // The score before weighting; the maximum is taken first so that multiplying by a
      // small weight never loses the leading digits.
      m[first + a] = eta * S[first + a] + child_sum[first + a];
      top = std::max(top, m[first + a]);
    }
    double sum = 0.0;
    for (int a = 0; a < actions; ++a) sum += (m[first + a] = std::exp(w * (m[first + a] - top)));
    const double inverse = 1.0 / sum;
    for (int a = 0; a < actions; ++a) m[first + a] *= inverse;
    const double log_partition = top + std::log(sum) / w;
    if (member.parent_local >= 0) child_sum[member.parent_local] += log_partition;
    else root_log_partition = log_partition;
  }
  log_weight_[trigger] = options_.temperature * (root_log_partition - eta * kept_utility_[trigger]);

  for (const SubtreeMember& member : members) {
    const double reach = member.parent_local < 0 ? 1.0 : child_sum[member.parent_local];
    for (int a = 0; a < tp.num_actions[member.infoset]; ++a)
      child_sum[member.local_first + a] = reach * m[member.local_first + a];
  }
}

void TriggerRegretLearner::solve_fixed_point() {
  fixed_point_.solve_all(subtrees_, log_weight_, trigger_behavioural_, trigger_plan_, behavioural_, plan_);
}

// The inputs of the local solve at x from the full arrays (see TriggerFixedPoint).
void TriggerFixedPoint::solve_infoset(const TreeplexSubtrees& subtrees, int x, std::span<const double> log_weight,
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

  // λ is homogeneous in the equations: one common offset, the largest log-weight involved.
  double offset = -std::numeric_limits<double>::infinity();
  for (const AncestorBlock& block : ancestors) {
    const int g = block.root;
    for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t)
      offset = std::max(offset, log_weight[t]);
  }

  double path_weight = 0.0;  // L
  std::fill(inflow_.begin(), inflow_.begin() + actions, 0.0);
  int path_seq = tp.parent_seq[x];
  for (std::size_t k = 1; k < ancestors.size(); ++k) {
    const AncestorBlock& block = ancestors[k];
    const int g = block.root;
    path_weight += std::exp(log_weight[path_seq] - offset);
    for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t) {
      const double kappa = std::exp(log_weight[t] - offset) * plan[t];
      if (kappa == 0.0) continue;
      const double* m_plan = trigger_plan.data() + subtrees.trigger_offset(t) + block.local_first;
      for (int a = 0; a < actions; ++a) inflow_[a] += kappa * m_plan[a];
    }
    path_seq = tp.parent_seq[g];
  }
  for (int a = 0; a < actions; ++a) {
    local_weight_[a] = std::exp(log_weight[first + a] - offset);
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
  stationary_distribution(std::span<double>(chain_.data(), static_cast<std::size_t>(states) * states), states,
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
