#include <eqlab/algorithms/markov/eval/product_eval.hpp>

#include <algorithm>
#include <limits>
#include <span>
#include <string>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

void check_policy(const MarkovModel& model, const ProductPolicy& policy) {
  if (policy.horizon() != model.horizon() || policy.num_states() != model.num_states() ||
      policy.num_players() != model.num_players())
    throw UsageError("a product policy does not match the shape of Markov game '" + model.name() + "'");
}

double initial_average(const MarkovModel& model, std::span<const double> per_state) {
  double total = 0.0;
  for (int s = 0; s < model.num_states(); ++s) total += model.initial()[s] * per_state[s];
  return total;
}

// V^†_{0,i}(s) for every s (normalised); when `record` is given, player i's entries of it
// become the argmax actions.
std::vector<double> best_response_values(const MarkovModel& model, const ProductPolicy& policy, int player,
                                         ProductPolicy* record) {
  const int H = model.horizon(), S = model.num_states(), A = model.num_actions(player);
  std::vector<double> next(S, 0.0), cur(S), rewards(A), trans(static_cast<std::size_t>(A) * S);
  std::vector<std::span<const double>> views;
  for (int h = H - 1; h >= 0; --h) {
    const bool last = h == H - 1;
    for (int s = 0; s < S; ++s) {
      policy.view(h, s, views);
      model.player_expectation(h, s, player, views, rewards, trans);
      double best = -std::numeric_limits<double>::infinity();
      int arg = 0;
      for (int a = 0; a < A; ++a) {
        double q = rewards[a];
        if (!last)
          for (int t = 0; t < S; ++t) q += trans[static_cast<std::size_t>(a) * S + t] * next[t];
        if (q > best) {  // strict: ties keep the lowest action
          best = q;
          arg = a;
        }
      }
      cur[s] = best;
      if (record) record->set_pure(h, s, player, arg);
    }
    std::swap(cur, next);
  }
  return next;
}

}  // namespace

std::vector<double> product_values(const MarkovModel& model, const ProductPolicy& policy) {
  check_policy(model, policy);
  const int H = model.horizon(), S = model.num_states(), m = model.num_players();
  // [s * m + i]: V_{h,i}(s) at the step being computed and at the one after it.
  std::vector<double> next(static_cast<std::size_t>(S) * m, 0.0), cur(next.size());
  std::vector<double> rewards(m), trans(S);
  std::vector<std::span<const double>> views;
  for (int h = H - 1; h >= 0; --h) {
    const bool last = h == H - 1;
    for (int s = 0; s < S; ++s) {
      policy.view(h, s, views);
      model.joint_expectation(h, s, views, rewards, trans);
      for (int i = 0; i < m; ++i) {
        double v = rewards[i];
        if (!last)
          for (int t = 0; t < S; ++t) v += trans[t] * next[static_cast<std::size_t>(t) * m + i];
        cur[static_cast<std::size_t>(s) * m + i] = v;
      }
    }
    std::swap(cur, next);
  }
  std::vector<double> value(m, 0.0);
  for (int i = 0; i < m; ++i) {
    for (int s = 0; s < S; ++s) value[i] += model.initial()[s] * next[static_cast<std::size_t>(s) * m + i];
    value[i] *= model.reward_scale();
  }
  return value;
}

ProductEvaluation evaluate_product(const MarkovModel& model, const ProductPolicy& policy) {
  ProductEvaluation out;
  out.value = product_values(model, policy);
  const int m = model.num_players();
  out.best_response.resize(m);
  out.gap.resize(m);
  out.nash_gap = -std::numeric_limits<double>::infinity();
  for (int i = 0; i < m; ++i) {
    out.best_response[i] =
        model.reward_scale() * initial_average(model, best_response_values(model, policy, i, nullptr));
    out.gap[i] = out.best_response[i] - out.value[i];
    out.nash_gap = std::max(out.nash_gap, out.gap[i]);
  }
  return out;
}

ProductPolicy best_response_policy(const MarkovModel& model, const ProductPolicy& policy, int player) {
  check_policy(model, policy);
  if (player < 0 || player >= model.num_players())
    throw UsageError("no player " + std::to_string(player) + " in Markov game '" + model.name() + "'");
  ProductPolicy out = policy;
  best_response_values(model, policy, player, &out);
  return out;
}

}  // namespace eqlab
