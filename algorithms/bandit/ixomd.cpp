#include <eqlab/algorithms/bandit/ixomd.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <eqlab/algorithms/bandit/bandit_params.hpp>
#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/run_memory.hpp>
#include <eqlab/algorithms/solver_registry.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

namespace eqlab {

IxomdConfig ixomd_config(const Treeplex& treeplex, IxomdConfig::Variant variant, std::int64_t episodes,
                         double eta_scale, double gamma_scale, const std::function<double(double)>& eta_loss_factor) {
  if (episodes < 1) throw UsageError("bandit learner: the number of episodes must be at least 1");
  const double T = static_cast<double>(episodes);
  const double X = std::max(1, treeplex.num_infosets());
  const double XA = std::max(1, treeplex.num_sequences() - 1);
  const double A = std::max(2, treeplex.max_actions());
  const double H = treeplex.num_infosets() > 0 ? std::max(1, TreeplexSubtrees(treeplex).max_depth()) : 1;
  IxomdConfig config;
  config.variant = variant;
  if (variant == IxomdConfig::Variant::balanced) {
    constexpr double kDelta = 0.01;
    const double iota = std::log(10.0 * XA / kDelta);
    config.eta = std::sqrt(XA * iota / (H * H * H * T));
    config.gamma = std::sqrt(XA * iota / (H * T));
  } else {
    config.eta = std::sqrt(2.0 * X * std::log(A) / (H * A * T));
    config.gamma = config.eta / 2.0;
  }
  config.eta *= eta_scale * eta_loss_factor(variant == IxomdConfig::Variant::balanced ? H : 1.0);
  config.gamma *= gamma_scale;
  return config;
}

IxomdLearner::IxomdLearner(const Treeplex& treeplex, IxomdConfig config)
    : treeplex_(treeplex), config_(config), eta_(config.eta), gamma_(config.gamma) {
  if (!(config.eta > 0.0) || !std::isfinite(config.eta) || !(config.gamma > 0.0) || !std::isfinite(config.gamma))
    throw UsageError("bandit learner: eta and gamma must be positive and finite");
  const int infosets = treeplex.num_infosets();
  const int sequences = treeplex.num_sequences();
  if (config.variant == IxomdConfig::Variant::balanced && infosets > 0) {
    const TreeplexSubtrees subtrees(treeplex);
    const BalancedPolicy policy(subtrees);
    weight_.assign(policy.root_weights().begin(), policy.root_weights().end());
    exploration_.assign(policy.sequence_weights().begin(), policy.sequence_weights().end());
  } else {
    weight_.assign(infosets, 1.0);
    exploration_.assign(sequences, 1.0);
  }
  behavioural_.assign(sequences, 0.0);
  log_behavioural_.assign(sequences, 0.0);
  for (int x = 0; x < infosets; ++x) {
    const int first = treeplex.first_seq[x], count = treeplex.num_actions[x];
    for (int s = first; s < first + count; ++s) log_behavioural_[s] = -std::log(static_cast<double>(count));
    refresh_infoset(x);
  }
  plan_.assign(sequences, 0.0);
  const int depth = infosets > 0 ? TreeplexSubtrees(treeplex).max_depth() : 0;
  path_infoset_.assign(depth, -1);
  path_sequence_.assign(depth, 0);
  path_reach_.assign(depth, 0.0);
}

void IxomdLearner::refresh_infoset(int infoset) {
  const int first = treeplex_.first_seq[infoset], count = treeplex_.num_actions[infoset];
  for (int s = first; s < first + count; ++s) behavioural_[s] = std::exp(log_behavioural_[s]);
}

void IxomdLearner::begin_episode() { path_length_ = 0; }

int IxomdLearner::act(int infoset, RngStream& rng) {
  if (infoset < 0 || infoset >= treeplex_.num_infosets())
    throw UsageError("bandit learner: infoset " + std::to_string(infoset) + " is not one of the player's");
  if (path_length_ >= static_cast<int>(path_infoset_.size()))
    throw UsageError("bandit learner: more own moves in one episode than the treeplex is deep");
  const int first = treeplex_.first_seq[infoset], count = treeplex_.num_actions[infoset];
  // Inverse-CDF sampling; the last action with positive probability takes the rounding
  // remainder.
  double u = rng.uniform();
  int pick = -1;
  for (int k = 0; k < count; ++k) {
    const double p = behavioural_[first + k];
    if (p <= 0.0) continue;
    pick = k;
    if (u < p) break;
    u -= p;
  }
  if (pick < 0) pick = count - 1;  // every probability underflowed: cannot happen with finite logs
  const double parent_reach = path_length_ == 0 ? 1.0 : path_reach_[path_length_ - 1];
  path_infoset_[path_length_] = infoset;
  path_sequence_[path_length_] = first + pick;
  path_reach_[path_length_] = parent_reach * behavioural_[first + pick];
  ++path_length_;
  return pick;
}

void IxomdLearner::end_episode(double reward) {
  update(1.0 - std::clamp(reward, 0.0, 1.0));
  ++episodes_done_;
  if (config_.doubling && episodes_done_ + 1 == next_retune_) {
    const double shrink = 1.0 / std::sqrt(static_cast<double>(next_retune_));
    eta_ = config_.eta * shrink;
    gamma_ = config_.gamma * shrink;
    next_retune_ *= 2;
  }
}

void IxomdLearner::update(double loss) {
  // No own move, or no loss: every estimate is 0 and the strategy stays.
  if (path_length_ == 0 || loss <= 0.0) return;
  const int last = path_length_ - 1;
  const int last_sequence = path_sequence_[last];
  const double estimate = loss / (path_reach_[last] + gamma_ * exploration_[last_sequence]);

  // Bottom-up along the path. `child_shift` is logZ_{h+1}/w_{h+1}: how much the
  // log-partition of the path's next infoset moved, credited to the action leading there.
  double child_shift = 0.0;
  for (int h = last; h >= 0; --h) {
    const int x = path_infoset_[h];
    const int played = path_sequence_[h];
    const double w = weight_[x];
    const double exponent = w * ((h == last ? -eta_ * estimate : 0.0) + child_shift);
    const int first = treeplex_.first_seq[x], count = treeplex_.num_actions[x];
    // logZ = log Σ_a μ(a|x)·exp(e_a), e_a nonzero only for the played action.
    double top = -std::numeric_limits<double>::infinity();
    for (int s = first; s < first + count; ++s)
      top = std::max(top, log_behavioural_[s] + (s == played ? exponent : 0.0));
    double sum = 0.0;
    for (int s = first; s < first + count; ++s)
      sum += std::exp(log_behavioural_[s] + (s == played ? exponent : 0.0) - top);
    const double log_z = top + std::log(sum);
    for (int s = first; s < first + count; ++s)
      log_behavioural_[s] += (s == played ? exponent : 0.0) - log_z;
    refresh_infoset(x);
    child_shift = log_z / w;
  }
}

std::span<const double> IxomdLearner::expected_strategy() {
  treeplex_.to_sequence_form(behavioural_, plan_);
  return plan_;
}

// Registration: ixomd and balanced-omd (bandit feedback), one learner per player.
namespace {

SolverEntry ix_entry(std::string name, IxomdConfig::Variant variant, std::string summary, std::string source) {
  SolverEntry e = bandit_self_play_entry(name, Concept::nfcce, std::move(summary), source);
  e.nash_on_two_player_zero_sum = true;
  e.make = bandit_self_play_factory(
      name,
      [name, variant](const SolverRequest& request, int player) -> std::unique_ptr<BanditLearner> {
        const IxScales scales = ix_scales(request.params, name);
        const Treeplex& tp = request.game.treeplex[player];
        IxomdConfig config = ixomd_config(tp, variant, tuning_horizon(scales, request.horizon), scales.eta,
                                          scales.gamma, [&](double bound) { return scales.eta_loss_factor(bound); });
        config.doubling = scales.doubling;
        return std::make_unique<IxomdLearner>(tp, config);
      },
      [name, variant](const SolverRequest& request) {
        const IxScales scales = ix_scales(request.params, name);
        nlohmann::json params = bandit_params(request.game, scales, request.horizon, [&](const Treeplex& tp) {
          const IxomdConfig config =
              ixomd_config(tp, variant, tuning_horizon(scales, request.horizon), scales.eta, scales.gamma,
                           [&](double bound) { return scales.eta_loss_factor(bound); });
          return std::pair{config.eta, config.gamma};
        });
        params["weights"] = variant == IxomdConfig::Variant::balanced ? "balanced" : "uniform";
        return params;
      },
      std::nullopt);
  e.learner_bytes = sequence_learner_bytes;
  return e;
}

SolverEntry ixomd_entry() {
  return ix_entry("ixomd", IxomdConfig::Variant::ixomd,
                  "IXOMD: dilated-entropy OMD with implicit-exploration loss estimates, updated along the "
                  "sampled path "
                  "only (Kozuno et al. 2021)",
                  "Kozuno, Ménard, Munos, Valko 2021, arXiv:2106.06279 (IXOMD)");
}

SolverEntry balanced_omd_bandit_entry() {
  return ix_entry("balanced-omd", IxomdConfig::Variant::balanced,
                  "Balanced OMD: OMD with the balanced dilated entropy and balanced implicit exploration (Bai et al. "
                  "2022)",
                  "Bai, Jin, Mei, Yu 2022, arXiv:2202.01752 (Balanced OMD)");
}

}  // namespace

EQLAB_REGISTER_SOLVER(ixomd_entry)
EQLAB_REGISTER_SOLVER(balanced_omd_bandit_entry)

}  // namespace eqlab
