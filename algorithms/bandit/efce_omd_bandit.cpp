#include <eqlab/algorithms/bandit/efce_omd_bandit.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <eqlab/algorithms/bandit/bandit_params.hpp>
#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/algorithms/omd/dilated_entropy.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

EfceOmdBanditConstants efce_omd_bandit_constants(const Treeplex& tp, const EfceOmdBanditOptions& options) {
  if (options.horizon < 1) throw UsageError("EFCE-OMD bandit: the horizon must be at least 1 episode");
  if (!(options.eta_scale >= 0.0) || !(options.gamma_scale >= 0.0))
    throw UsageError("EFCE-OMD bandit: eta_scale and gamma_scale must be nonnegative");
  if (!(options.delta > 0.0 && options.delta < 1.0)) throw UsageError("EFCE-OMD bandit: delta must lie in (0, 1)");
  if (options.balanced && options.uniform_exploration)
    throw UsageError("EFCE-OMD bandit: uniform exploration goes with the plain variant only");
  // Own depth: infosets come parents first.
  std::vector<int> depth(tp.num_infosets(), 1);
  int deepest = 1;
  for (int x = 0; x < tp.num_infosets(); ++x) {
    if (tp.parent_seq[x] != 0) depth[x] = depth[tp.seq_infoset[tp.parent_seq[x]]] + 1;
    deepest = std::max(deepest, depth[x]);
  }
  const double T = static_cast<double>(options.horizon);
  const double N = std::max(1, tp.num_sequences() - 1);
  const double H = deepest;
  const double A = std::max(2, tp.max_actions());
  EfceOmdBanditConstants constants;
  if (options.balanced) {
    const double iota = std::log(10.0 * N / options.delta);
    constants.eta = options.eta_scale * std::sqrt(N * iota / (H * H * H * H * T));
    constants.gamma = options.gamma_scale * 2.0 * std::sqrt(N * iota / (H * H * T));
    constants.temperature = 1.0 / N;
  } else {
    const double plans = std::max(1, DilatedEntropyLearner::max_reached_infosets(tp));
    const double iota = std::log(3.0 * N / options.delta);
    constants.eta = options.eta_scale * std::sqrt(plans * std::log(A) / (H * N * T));
    constants.gamma = options.gamma_scale * std::sqrt(plans * iota / (N * T));
    if (options.uniform_exploration) constants.gamma = std::min(1.0, constants.gamma);
  }
  constants.eta *= options.eta_loss_factor(H);
  return constants;
}

EfceOmdBandit::EfceOmdBandit(const Treeplex& treeplex, EfceOmdBanditOptions options)
    : treeplex_(treeplex), subtrees_(treeplex), options_(options), fixed_point_(treeplex.max_actions()) {
  const Treeplex& tp = treeplex;
  const int m = tp.num_sequences();
  if (options.doubling) options_.horizon = 1;
  const EfceOmdBanditConstants constants = efce_omd_bandit_constants(tp, options_);
  eta_ = constants.eta;
  gamma_ = constants.gamma;
  temperature_ = constants.temperature;
  if (options.balanced) {
    const BalancedPolicy policy(subtrees_);
    weight_begin_.assign(tp.num_infosets(), 0);
    std::size_t total = 0;
    for (int g = 0; g < tp.num_infosets(); ++g) {
      weight_begin_[g] = total;
      total += subtrees_.block_size(g);
    }
    block_weight_.assign(total, 0.0);
    for (int g = 0; g < tp.num_infosets(); ++g) {
      const auto members = subtrees_.members(g);
      const auto weights = policy.trigger_weights(g);
      for (std::size_t k = 0; k < members.size(); ++k) block_weight_[weight_begin_[g] + members[k].local_first] = weights[k];
    }
    sequence_weight_.assign(policy.sequence_weights().begin(), policy.sequence_weights().end());
  }

  if (options.uniform_exploration) {
    // Sequences of an infoset come after its parent sequence (infosets parents first).
    uniform_plan_.assign(m, 1.0);
    for (int x = 0; x < tp.num_infosets(); ++x)
      for (int a = 0; a < tp.num_actions[x]; ++a)
        uniform_plan_[tp.first_seq[x] + a] = uniform_plan_[tp.parent_seq[x]] / tp.num_actions[x];
  }

  const std::size_t storage = subtrees_.trigger_storage();
  deviation_loss_.assign(storage, 0.0);
  log_partition_.assign(storage, 0.0);
  child_sum_.assign(storage, 0.0);
  kept_loss_.assign(m, 0.0);
  log_weight_.assign(m, 0.0);
  behavioural_.assign(m, 0.0);
  plan_.assign(m, 0.0);
  fixed_behavioural_.assign(m, 0.0);
  fixed_plan_.assign(m, 0.0);
  trigger_behavioural_.assign(storage, 0.0);
  trigger_plan_.assign(storage, 0.0);
  stale_infoset_.assign(tp.num_infosets(), kAllRowsStale);
  stale_top_.assign(tp.num_infosets(), 1);
  // An episode changes at most A·H(H+1)/2 rows; room for a few episodes between two
  // expected_strategy() calls, beyond which whole infosets are recomputed instead.
  const std::size_t depth = subtrees_.max_depth();
  stale_rows_.reserve(4 * static_cast<std::size_t>(tp.max_actions()) * depth * (depth + 1) / 2);
  const int widest = tp.max_actions();
  inflow_.assign(widest, 0.0);
  own_weight_.assign(widest, 0.0);
  own_rows_.assign(widest, nullptr);
  recompute_all(log_partition_, child_sum_, log_weight_);
}

double EfceOmdBandit::member_weight(int g, int local) const {
  return block_weight_.empty() ? 1.0 : block_weight_[weight_begin_[g] + local];
}

double EfceOmdBandit::played_reach(int sigma, double reach) const {
  return uniform_plan_.empty() ? reach : (1.0 - gamma_) * reach + gamma_ * uniform_plan_[sigma];
}

double EfceOmdBandit::log_weight_of(int trigger, double root_log_partition) const {
  return temperature_ * (eta_ * kept_loss_[trigger] + root_log_partition);
}

double EfceOmdBandit::log_partition(const double* S, const double* childsum, int local, int actions, double w) const {
  // The maximum is taken before multiplying by w, so that a small weight never loses the
  // leading digits of the scores.
  double top = -std::numeric_limits<double>::infinity();
  for (int a = 0; a < actions; ++a) top = std::max(top, childsum[local + a] - eta_ * S[local + a]);
  double sum = 0.0;
  for (int a = 0; a < actions; ++a) sum += std::exp(w * (childsum[local + a] - eta_ * S[local + a] - top));
  return top + std::log(sum) / w;
}

void EfceOmdBandit::trigger_row(const double* S, const double* childsum, int local, int actions, double w,
                                double* out) const {
  double top = -std::numeric_limits<double>::infinity();
  for (int a = 0; a < actions; ++a) top = std::max(top, out[a] = childsum[local + a] - eta_ * S[local + a]);
  double sum = 0.0;
  for (int a = 0; a < actions; ++a) sum += (out[a] = std::exp(w * (out[a] - top)));
  for (int a = 0; a < actions; ++a) out[a] /= sum;
}

void EfceOmdBandit::recompute_all(std::vector<double>& log_partition_out, std::vector<double>& child_sum_out,
                                  std::vector<double>& log_weight_out) const {
  const Treeplex& tp = treeplex_;
  for (int t = 1; t < tp.num_sequences(); ++t) {
    const int g = tp.seq_infoset[t];
    const auto members = subtrees_.members(g);
    const std::size_t offset = subtrees_.trigger_offset(t);
    const double* S = deviation_loss_.data() + offset;
    double* F = log_partition_out.data() + offset;
    double* childsum = child_sum_out.data() + offset;
    std::fill(childsum, childsum + subtrees_.block_size(g), 0.0);
    double root = 0.0;
    for (std::size_t k = members.size(); k-- > 0;) {
      const SubtreeMember& member = members[k];
      const double value = log_partition(S, childsum, member.local_first, tp.num_actions[member.infoset],
                                         member_weight(g, member.local_first));
      F[member.local_first] = value;
      if (member.parent_local >= 0) childsum[member.parent_local] += value;
      else root = value;
    }
    log_weight_out[t] = log_weight_of(t, root);
  }
}

void EfceOmdBandit::begin_episode() {
  path_.clear();
  step_values_.clear();
  path_triggers_.clear();
  trigger_reach_.clear();
  trigger_seq_.clear();
}

std::span<const double> EfceOmdBandit::path_strategy(int step) const {
  const Step& s = path_[step];
  return {step_values_.data() + s.strategy, static_cast<std::size_t>(treeplex_.num_actions[s.infoset])};
}

int EfceOmdBandit::act(int x, RngStream& rng) {
  const Treeplex& tp = treeplex_;
  if (x < 0 || x >= tp.num_infosets()) throw UsageError("EFCE-OMD bandit: infoset " + std::to_string(x) + " out of range");
  const int expected_parent = path_.empty() ? 0 : tp.first_seq[path_.back().infoset] + path_.back().action;
  if (tp.parent_seq[x] != expected_parent)
    throw UsageError("EFCE-OMD bandit: infoset " + std::to_string(x) + " does not continue the episode's own path");

  const int j = static_cast<int>(path_.size());
  const int actions = tp.num_actions[x];
  const int first = tp.first_seq[x];
  Step step;
  step.infoset = x;
  step.reach = path_.empty() ? 1.0 : trigger_seq_[path_.back().triggers + path_.back().action];
  step.triggers = path_triggers_.size();
  for (int a = 0; a < actions; ++a) path_triggers_.push_back(first + a);
  const std::size_t triggers = path_triggers_.size();
  step.strategy = step_values_.size();
  step.rows = step.strategy + actions;
  step_values_.resize(step.rows + triggers * actions);
  double* strategy = step_values_.data() + step.strategy;
  double* rows = step_values_.data() + step.rows;

  // m_τ(·|x) for every trigger at or above x; the block position of x for a trigger of
  // path step g is ancestors(x)[j − g].
  const auto ancestors = subtrees_.ancestors(x);
  double offset = -std::numeric_limits<double>::infinity();
  for (int g = 0; g <= j; ++g) {
    const Step& at = g < j ? path_[g] : step;
    const int local = ancestors[j - g].local_first;
    const double w = member_weight(at.infoset, local);
    for (int a = 0; a < tp.num_actions[at.infoset]; ++a) {
      const std::size_t i = at.triggers + a;
      const std::size_t block = subtrees_.trigger_offset(path_triggers_[i]);
      trigger_row(deviation_loss_.data() + block, child_sum_.data() + block, local, actions, w, rows + i * actions);
      offset = std::max(offset, log_weight_[path_triggers_[i]]);
    }
  }

  if (actions == 1) {
    strategy[0] = 1.0;
  } else {
    // The local fixed point (TriggerFixedPoint): L from the played ancestor sequences,
    // c(a) from every ancestor trigger's κ_τ = λ_τ μ(τ) Π_{k=g}^{j−1} m_τ(a_k|x_k).
    double path_weight = 0.0;
    std::fill(inflow_.begin(), inflow_.begin() + actions, 0.0);
    for (int g = 0; g < j; ++g) {
      const Step& at = path_[g];
      path_weight += std::exp(log_weight_[path_triggers_[at.triggers + at.action]] - offset);
      for (int a = 0; a < tp.num_actions[at.infoset]; ++a) {
        const std::size_t i = at.triggers + a;
        const double kappa = std::exp(log_weight_[path_triggers_[i]] - offset) * trigger_reach_[i];
        if (kappa == 0.0) continue;
        for (int b = 0; b < actions; ++b) inflow_[b] += kappa * rows[i * actions + b];
      }
    }
    for (int a = 0; a < actions; ++a) {
      own_weight_[a] = std::exp(log_weight_[first + a] - offset);
      own_rows_[a] = rows + (step.triggers + a) * actions;
    }
    fixed_point_.solve_local(actions, path_weight, j > 0 && path_weight > 0.0, inflow_.data(), own_weight_.data(),
                             own_rows_.data(), strategy);
  }

  // Sample from the played plan's conditional ν(x, a) / ν(p(x)) (μ^t(·|x) itself unless
  // exploring uniformly), then record μ^t(τ) for x's triggers and extend every path
  // trigger's product.
  const int parent = tp.parent_seq[x];
  const double played_parent = played_reach(parent, step.reach);
  auto played = [&](int a) {
    return uniform_plan_.empty() ? strategy[a] : played_reach(first + a, step.reach * strategy[a]) / played_parent;
  };
  const double u = rng.uniform();
  int chosen = actions - 1;
  double cumulative = 0.0;
  for (int a = 0; a < actions; ++a) {
    cumulative += played(a);
    if (u < cumulative) {
      chosen = a;
      break;
    }
  }
  while (chosen > 0 && played(chosen) == 0.0) --chosen;
  step.action = chosen;
  for (int a = 0; a < actions; ++a) {
    trigger_seq_.push_back(step.reach * strategy[a]);
    trigger_reach_.push_back(step.reach * strategy[a]);
  }
  for (std::size_t i = 0; i < triggers; ++i) trigger_reach_[i] *= rows[i * actions + chosen];
  path_.push_back(step);
  return chosen;
}

void EfceOmdBandit::end_episode(double reward) {
  if (!(reward >= 0.0 && reward <= 1.0)) throw UsageError("EFCE-OMD bandit: the reward must lie in [0, 1]");
  const double loss = 1.0 - reward;
  if (!path_.empty() && loss != 0.0) charge_loss(loss);  // a zero estimate changes nothing
  ++episodes_done_;
  // Retuned after the update, so that expected_strategy() before an episode reports the
  // plan that episode is played from.
  if (options_.doubling && episodes_done_ + 1 == next_retune_) {
    retune(next_retune_);
    next_retune_ *= 2;
  }
}

void EfceOmdBandit::retune(std::int64_t horizon) {
  options_.horizon = horizon;
  const EfceOmdBanditConstants constants = efce_omd_bandit_constants(treeplex_, options_);
  eta_ = constants.eta;
  gamma_ = constants.gamma;
  recompute_all(log_partition_, child_sum_, log_weight_);
  mark_all_stale();
}

void EfceOmdBandit::charge_loss(double loss) {
  const Treeplex& tp = treeplex_;
  const int last = static_cast<int>(path_.size()) - 1;
  const Step& final_step = path_[last];
  const int x_last = final_step.infoset;
  const int actions_last = tp.num_actions[x_last];
  const int sigma = tp.first_seq[x_last] + final_step.action;
  const double reach_sigma = trigger_seq_[final_step.triggers + final_step.action];
  const double star = options_.balanced ? sequence_weight_[sigma] : 0.0;
  const auto ancestors = subtrees_.ancestors(x_last);

  // S_τ(σ) += μ^t(τ) ℓ / den for every trigger at or above σ's infoset.
  for (int g = 0; g <= last; ++g) {
    const Step& at = path_[g];
    const int local = ancestors[last - g].local_first + final_step.action;
    for (int a = 0; a < tp.num_actions[at.infoset]; ++a) {
      const std::size_t i = at.triggers + a;
      const double den = options_.balanced              ? reach_sigma + gamma_ * (star + trigger_reach_[i])
                         : options_.uniform_exploration ? played_reach(sigma, reach_sigma)
                                                        : reach_sigma + gamma_;
      if (!(den > 0.0)) continue;
      deviation_loss_[subtrees_.trigger_offset(path_triggers_[i]) + local] += trigger_seq_[i] * loss / den;
    }
  }
  // K_τ += M̃[σ, σ] for the played triggers at or above σ.
  const double own_row = step_values_[final_step.rows + (final_step.triggers + final_step.action) * actions_last +
                                      final_step.action];
  const double den = options_.balanced              ? reach_sigma + gamma_ * (star + reach_sigma * own_row)
                     : options_.uniform_exploration ? played_reach(sigma, reach_sigma)
                                                    : reach_sigma + gamma_;
  const double diagonal = den > 0.0 ? reach_sigma * loss / den : 0.0;
  for (int g = 0; g <= last; ++g) kept_loss_[tp.first_seq[path_[g].infoset] + path_[g].action] += diagonal;

  // F and childsum change only on the path from σ's infoset up to each trigger's root.
  stale_top_[path_[0].infoset] = 1;
  for (int g = 0; g <= last; ++g) {
    const Step& root = path_[g];
    // The rows m_τ(·|x) that change are those of the path's members of the block: their
    // S or childsum moved. The block's sequence form changes below them.
    const int rows = tp.num_actions[root.infoset] * (last - g + 1);
    char& stale = stale_infoset_[root.infoset];
    if (stale != kAllRowsStale) stale = stale_rows_.size() + rows <= stale_rows_.capacity() ? kRowsStale : kAllRowsStale;
    for (int a = 0; a < tp.num_actions[root.infoset]; ++a) {
      const int trigger = path_triggers_[root.triggers + a];
      const std::size_t block = subtrees_.trigger_offset(trigger);
      const double* S = deviation_loss_.data() + block;
      double* F = log_partition_.data() + block;
      double* childsum = child_sum_.data() + block;
      for (int k = last; k >= g; --k) {
        const int x = path_[k].infoset;
        const int local = subtrees_.ancestors(x)[k - g].local_first;
        if (stale == kRowsStale) stale_rows_.push_back({trigger, local, tp.num_actions[x]});
        const double value = log_partition(S, childsum, local, tp.num_actions[x], member_weight(root.infoset, local));
        if (k > g) {
          const Step& parent = path_[k - 1];
          childsum[subtrees_.ancestors(parent.infoset)[k - 1 - g].local_first + parent.action] += value - F[local];
        }
        F[local] = value;
      }
      log_weight_[trigger] = log_weight_of(trigger, F[0]);
    }
  }
}

std::span<const double> EfceOmdBandit::expected_strategy() {
  const Treeplex& tp = treeplex_;
  // Only the triggers an update touched since the last call get new m_τ, and only the
  // infosets below a touched top-level infoset get a new fixed point: an episode changes
  // S, F and log λ of its path's triggers alone.
  for (const StaleRow& row : stale_rows_) {
    const int g = tp.seq_infoset[row.trigger];
    if (stale_infoset_[g] != kRowsStale) continue;  // recomputed whole below
    const std::size_t block = subtrees_.trigger_offset(row.trigger);
    trigger_row(deviation_loss_.data() + block, child_sum_.data() + block, row.local, row.actions,
                member_weight(g, row.local), trigger_behavioural_.data() + block + row.local);
  }
  stale_rows_.clear();
  for (int g = 0; g < tp.num_infosets(); ++g) {
    if (stale_infoset_[g] == kFresh) continue;
    const bool all_rows = stale_infoset_[g] == kAllRowsStale;
    stale_infoset_[g] = kFresh;
    for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t) {
      const std::size_t block = subtrees_.trigger_offset(t);
      const double* S = deviation_loss_.data() + block;
      const double* childsum = child_sum_.data() + block;
      double* m = trigger_behavioural_.data() + block;
      double* plan = trigger_plan_.data() + block;
      for (const SubtreeMember& member : subtrees_.members(g)) {
        const int actions = tp.num_actions[member.infoset];
        if (all_rows)
          trigger_row(S, childsum, member.local_first, actions, member_weight(g, member.local_first),
                      m + member.local_first);
        const double reach = member.parent_local < 0 ? 1.0 : plan[member.parent_local];
        for (int a = 0; a < actions; ++a) plan[member.local_first + a] = reach * m[member.local_first + a];
      }
    }
  }
  fixed_point_.solve_below(subtrees_, stale_top_, log_weight_, trigger_behavioural_, trigger_plan_,
                           fixed_behavioural_, fixed_plan_);
  std::fill(stale_top_.begin(), stale_top_.end(), 0);
  if (uniform_plan_.empty()) return fixed_plan_;
  // Report the plan actually played, ν^t, and its behavioural form.
  for (int s = 1; s < tp.num_sequences(); ++s) plan_[s] = played_reach(s, fixed_plan_[s]);
  for (int s = 1; s < tp.num_sequences(); ++s) {
    const int parent_seq = tp.parent_seq[tp.seq_infoset[s]];
    const double parent = parent_seq == 0 ? 1.0 : plan_[parent_seq];
    behavioural_[s] = parent > 0.0 ? plan_[s] / parent : 1.0 / tp.num_actions[tp.seq_infoset[s]];
  }
  return plan_;
}

std::span<const double> EfceOmdBandit::expected_behavioural() const {
  return uniform_plan_.empty() ? std::span<const double>(fixed_behavioural_) : std::span<const double>(behavioural_);
}

void EfceOmdBandit::mark_all_stale() {
  std::fill(stale_infoset_.begin(), stale_infoset_.end(), kAllRowsStale);
  std::fill(stale_top_.begin(), stale_top_.end(), 1);
}

double EfceOmdBandit::refresh_drift() const {
  std::vector<double> F(log_partition_.size(), 0.0), childsum(child_sum_.size(), 0.0), log_weight(log_weight_.size(), 0.0);
  recompute_all(F, childsum, log_weight);
  const Treeplex& tp = treeplex_;
  double worst = 0.0;
  for (int t = 1; t < tp.num_sequences(); ++t) {
    const std::size_t block = subtrees_.trigger_offset(t);
    for (const SubtreeMember& member : subtrees_.members(tp.seq_infoset[t])) {
      const std::size_t at = block + member.local_first;
      worst = std::max(worst, std::abs(F[at] - log_partition_[at]));
      for (int a = 0; a < tp.num_actions[member.infoset]; ++a)
        worst = std::max(worst, std::abs(childsum[at + a] - child_sum_[at + a]));
    }
    worst = std::max(worst, std::abs(log_weight[t] - log_weight_[t]));
  }
  return worst;
}

// Registration: the three EFCE-OMD bandit variants, implicit exploration (Thm 6),
// balanced (Thm 7) and the uniform-exploration baseline, one learner per player.
namespace {

enum class EfceVariant { plain, balanced, uniform };

EfceOmdBanditOptions efce_options(const IxScales& scales, std::int64_t episodes, EfceVariant variant) {
  EfceOmdBanditOptions options;
  options.balanced = variant == EfceVariant::balanced;
  options.uniform_exploration = variant == EfceVariant::uniform;
  options.horizon = tuning_horizon(scales, episodes);
  options.doubling = scales.doubling;
  options.eta_scale = scales.eta;
  options.gamma_scale = scales.gamma;
  options.eta_loss_factor = [scales](double theorem_bound) { return scales.eta_loss_factor(theorem_bound); };
  return options;
}

SolverEntry efce_bandit_entry(std::string name, EfceVariant variant, std::string summary, std::string source) {
  SolverEntry e = bandit_self_play_entry(name, Concept::efce, std::move(summary), source);
  e.make = bandit_self_play_factory(
      name,
      [name, variant](const SolverRequest& request, int player) -> std::unique_ptr<BanditLearner> {
        const IxScales scales = ix_scales(request.params, name);
        return std::make_unique<EfceOmdBandit>(request.game.treeplex[player],
                                               efce_options(scales, request.horizon, variant));
      },
      [name, variant](const SolverRequest& request) {
        const IxScales scales = ix_scales(request.params, name);
        const EfceOmdBanditOptions options = efce_options(scales, request.horizon, variant);
        nlohmann::json params = bandit_params(request.game, scales, request.horizon, [&](const Treeplex& tp) {
          const EfceOmdBanditConstants constants = efce_omd_bandit_constants(tp, options);
          return std::pair{constants.eta, constants.gamma};
        });
        params["delta"] = options.delta;
        params["weights"] = variant == EfceVariant::balanced ? "balanced" : "uniform";
        params["exploration"] =
            variant == EfceVariant::uniform ? "uniform mixing, unbiased estimates" : "implicit exploration";
        return params;
      },
      Concept::efce);
  e.learner_bytes = trigger_learner_bytes;
  return e;
}

SolverEntry efce_omd_bandit_entry() {
  return efce_bandit_entry("efce-omd", EfceVariant::plain,
                           "EFCE-OMD with bandit feedback: Phi-Hedge over trigger deviations with "
                           "implicit-exploration "
                           "estimates, fixed point and updates along the sampled path only (Bai et al. 2022, Thm 6)",
                           "Bai, Jin, Mei, Song, Yu 2022, arXiv:2205.15294, Thm 6");
}

SolverEntry balanced_efce_omd_bandit_entry() {
  return efce_bandit_entry("efce-omd-balanced", EfceVariant::balanced,
                           "Balanced EFCE-OMD: EFCE-OMD bandit with the balanced dilated entropy, tempered trigger "
                           "weights and adaptive implicit exploration (Bai et al. 2022, Thm 7)",
                           "Bai, Jin, Mei, Song, Yu 2022, arXiv:2205.15294, Thm 7");
}

SolverEntry uniform_efce_omd_bandit_entry() {
  return efce_bandit_entry("efce-omd-uniform", EfceVariant::uniform,
                           "EFCE-OMD with uniform exploration (baseline): plays the EFCE-OMD fixed point mixed with "
                           "the "
                           "uniform strategy with probability gamma and updates with unbiased importance-weighted "
                           "estimates",
                           "Bai, Jin, Mei, Song, Yu 2022, arXiv:2205.15294, Thm 6 (with uniform exploration)");
}

}  // namespace

EQLAB_REGISTER_SOLVER(efce_omd_bandit_entry)
EQLAB_REGISTER_SOLVER(balanced_efce_omd_bandit_entry)
EQLAB_REGISTER_SOLVER(uniform_efce_omd_bandit_entry)

}  // namespace eqlab
