#include <eqlab/algorithms/kefce/kefr_learner.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/stationary_distribution.hpp>

namespace eqlab {

KefrLearner::KefrLearner(const Treeplex& treeplex, KefrOptions options)
    : treeplex_(treeplex), options_(options), states_(treeplex, options.k, options.max_states) {
  if (!(options.eta_scale > 0.0) || !std::isfinite(options.eta_scale))
    throw UsageError("K-EFR: eta_scale must be a positive number");
  const Treeplex& tp = treeplex;
  const int states = states_.num_states();
  row_begin_.assign(states + 1, 0);
  log_experts_.assign(tp.num_infosets(), 0.0);
  for (int s = 0; s < states; ++s) {
    const int x = states_.infoset(s);
    const std::size_t a = tp.num_actions[x];
    row_begin_[s + 1] = row_begin_[s] + (states_.observing(s) ? a * a : a);
    log_experts_[x] += states_.observing(s) ? static_cast<double>(a * (a - 1)) : static_cast<double>(a);
  }
  for (double& n : log_experts_) n = std::log(std::max(1.0, n));
  regret_.assign(row_begin_[states], 0.0);
  weight_.assign(states, 0.0);
  behavioural_.assign(tp.num_sequences(), 1.0);
  plan_.assign(tp.num_sequences(), 1.0);
  counterfactual_.assign(tp.num_sequences(), 0.0);
  infoset_value_.assign(tp.num_infosets(), 0.0);
  squared_range_.assign(tp.num_infosets(), 0.0);
  const std::size_t widest = std::max(1, tp.max_actions());
  pair_weight_.assign(widest * widest, 0.0);
  blind_weight_.assign(widest, 0.0);
  chain_.assign(widest * widest, 0.0);
  stationary_.assign(widest, 0.0);
  compute_policy();
}

void KefrLearner::compute_policy() {
  const Treeplex& tp = treeplex_;
  // Infosets come parents first, and so do their states: a state's weight and its
  // infoset's parent policy are ready when it is reached.
  for (int x = 0; x < tp.num_infosets(); ++x) {
    for (int s = states_.first_state(x); s < states_.first_state(x + 1); ++s) {
      const int parent = states_.parent(s);
      weight_[s] = parent < 0 ? 1.0 : states_.child_weight(s, weight_[parent], behavioural_);
    }
    local_policy(x);
    const int first = tp.first_seq[x];
    const double reach = plan_[tp.parent_seq[x]];
    for (int a = 0; a < tp.num_actions[x]; ++a) plan_[first + a] = reach * behavioural_[first + a];
  }
}

double KefrLearner::hedge_rate(int x) const {
  if (options_.potential != KefrOptions::Potential::hedge) return 0.0;
  return options_.eta_scale * std::sqrt(2.0 * log_experts_[x] / (1.0 + squared_range_[x]));
}

void KefrLearner::local_policy(int x) {
  const Treeplex& tp = treeplex_;
  const int actions = tp.num_actions[x];
  const int first = tp.first_seq[x];
  double* policy = behavioural_.data() + first;
  if (actions == 1) {
    policy[0] = 1.0;
    return;
  }
  const int begin = states_.first_state(x), end = states_.first_state(x + 1);
  const bool hedge = options_.potential == KefrOptions::Potential::hedge;
  double eta = 0.0, top = 0.0;
  if (hedge) {
    eta = hedge_rate(x);
    top = -std::numeric_limits<double>::infinity();
    for (int s = begin; s < end; ++s) {
      const double* R = regret_.data() + row_begin_[s];
      if (states_.observing(s)) {
        for (int a = 0; a < actions; ++a)
          for (int b = 0; b < actions; ++b)
            if (a != b) top = std::max(top, R[a * actions + b]);
      } else {
        for (int b = 0; b < actions; ++b) top = std::max(top, R[b]);
      }
    }
  }
  const auto potential = [&](double r) { return hedge ? std::exp(eta * (r - top)) : std::max(r, 0.0); };

  std::fill(pair_weight_.begin(), pair_weight_.begin() + actions * actions, 0.0);
  std::fill(blind_weight_.begin(), blind_weight_.begin() + actions, 0.0);
  for (int s = begin; s < end; ++s) {
    const double w = weight_[s];
    if (w == 0.0) continue;
    const double* R = regret_.data() + row_begin_[s];
    if (states_.observing(s)) {
      for (int a = 0; a < actions; ++a)
        for (int b = 0; b < actions; ++b)
          if (a != b) pair_weight_[a * actions + b] += w * potential(R[a * actions + b]);
    } else {
      for (int b = 0; b < actions; ++b) blind_weight_[b] += w * potential(R[b]);
    }
  }
  double total = 0.0;
  for (int a = 0; a < actions; ++a)
    for (int b = 0; b < actions; ++b)
      if (a != b) total += pair_weight_[a * actions + b];
  for (int b = 0; b < actions; ++b) total += blind_weight_[b];
  if (!(total > 0.0)) {
    // Every potential is zero: any policy meets the Blackwell condition.
    for (int a = 0; a < actions; ++a) policy[a] = 1.0 / actions;
    return;
  }
  // The chain a → a' (a ≠ a'); its diagonal is implied (GTH does not read it).
  for (int a = 0; a < actions; ++a)
    for (int b = 0; b < actions; ++b)
      chain_[a * actions + b] = a == b ? 0.0 : (pair_weight_[a * actions + b] + blind_weight_[b]) / total;
  stationary_distribution_of_any(std::span<double>(chain_.data(), static_cast<std::size_t>(actions * actions)),
                                 actions, std::span<double>(stationary_.data(), static_cast<std::size_t>(actions)));
  for (int a = 0; a < actions; ++a) policy[a] = stationary_[a];
}

void KefrLearner::update(std::span<const double> utility) {
  const Treeplex& tp = treeplex_;
  if (static_cast<int>(utility.size()) != tp.num_sequences())
    throw UsageError("K-EFR: the utility vector must have one entry per sequence");
  // Q and V bottom-up: Q(x,a) = g(x,a) + Σ_{x' ∈ C(x,a)} V(x').
  std::copy(utility.begin(), utility.end(), counterfactual_.begin());
  for (int x = tp.num_infosets() - 1; x >= 0; --x) {
    const int first = tp.first_seq[x];
    double value = 0.0;
    for (int a = 0; a < tp.num_actions[x]; ++a) value += behavioural_[first + a] * counterfactual_[first + a];
    counterfactual_[tp.parent_seq[x]] += value;
  }
  update_regrets();
}

void KefrLearner::update_counterfactual(std::span<const double> counterfactual) {
  if (static_cast<int>(counterfactual.size()) != treeplex_.num_sequences())
    throw UsageError("K-EFR: the counterfactual values must have one entry per sequence");
  std::copy(counterfactual.begin(), counterfactual.end(), counterfactual_.begin());
  update_regrets();
}

void KefrLearner::update_regrets() {
  const Treeplex& tp = treeplex_;
  for (int x = 0; x < tp.num_infosets(); ++x) {
    const int first = tp.first_seq[x];
    double value = 0.0, high = -std::numeric_limits<double>::infinity(), low = -high;
    for (int a = 0; a < tp.num_actions[x]; ++a) {
      const double q = counterfactual_[first + a];
      value += behavioural_[first + a] * q;
      high = std::max(high, q);
      low = std::min(low, q);
    }
    infoset_value_[x] = value;
    squared_range_[x] += (high - low) * (high - low);
  }
  for (int s = 0; s < states_.num_states(); ++s) {
    const double w = weight_[s];
    if (w == 0.0) continue;
    const int x = states_.infoset(s);
    const int actions = tp.num_actions[x];
    const double* policy = behavioural_.data() + tp.first_seq[x];
    const double* Q = counterfactual_.data() + tp.first_seq[x];
    double* R = regret_.data() + row_begin_[s];
    if (states_.observing(s)) {
      for (int a = 0; a < actions; ++a) {
        const double scale = w * policy[a];
        if (scale == 0.0) continue;
        for (int b = 0; b < actions; ++b)
          if (a != b) R[a * actions + b] += scale * (Q[b] - Q[a]);
      }
    } else {
      for (int b = 0; b < actions; ++b) R[b] += w * (Q[b] - infoset_value_[x]);
    }
  }
  ++rounds_;
  compute_policy();
}

double KefrLearner::regret_bound() const {
  const Treeplex& tp = treeplex_;
  double bound = 0.0;
  for (int s = 0; s < states_.num_states(); ++s) {
    const int actions = tp.num_actions[states_.infoset(s)];
    const double* R = regret_.data() + row_begin_[s];
    if (states_.observing(s)) {
      for (int a = 0; a < actions; ++a) {
        double best = 0.0;
        for (int b = 0; b < actions; ++b)
          if (a != b) best = std::max(best, R[a * actions + b]);
        bound += best;
      }
    } else {
      double best = 0.0;
      for (int b = 0; b < actions; ++b) best = std::max(best, R[b]);
      bound += best;
    }
  }
  return bound;
}

}  // namespace eqlab
