#include <eqlab/algorithms/markov/eval/correlated_eval.hpp>

#include <algorithm>
#include <limits>
#include <span>

#include <eqlab/algorithms/markov/eval/stage_payoffs.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

CorrelatedEvaluation evaluate_correlated(const MarkovModel& model, const CorrelatedPolicy& policy) {
  const int H = model.horizon(), S = model.num_states(), m = model.num_players();
  if (policy.horizon() != H || policy.num_states() != S ||
      static_cast<double>(policy.num_joint_actions()) != model.joint_actions())
    throw UsageError("a correlated policy does not match the shape of Markov game '" + model.name() + "'");
  const std::size_t J = policy.num_joint_actions();
  const int Amax = model.max_actions();
  const auto ms = static_cast<std::size_t>(m);

  // Per state and player, at the next step: the value, the CCE and the CE deviation values.
  std::vector<double> v_next(S * ms, 0.0), w_next(S * ms, 0.0), c_next(S * ms, 0.0);
  std::vector<double> v_cur(S * ms), w_cur(S * ms), c_cur(S * ms);
  // Per joint action and player: reward plus expected continuation, for each of the three.
  std::vector<double> qv(J * ms), qw(J * ms), qc(J * ms);
  // Per player: Σ_a π(a)·qw(a with i's action a') over a', and the same per recommendation b.
  std::vector<double> cce(ms * Amax), ce(ms * Amax * Amax);

  for (int h = H - 1; h >= 0; --h) {
    for (int s = 0; s < S; ++s) {
      stage_payoffs(model, policy, h, s, {{v_next, qv}, {w_next, qw}, {c_next, qc}});
      std::fill(cce.begin(), cce.end(), 0.0);
      std::fill(ce.begin(), ce.end(), 0.0);
      for (std::size_t i = 0; i < ms; ++i) v_cur[s * ms + i] = 0.0;
      const std::span<const double> pi = policy.at(h, s);
      for (std::size_t a = 0; a < J; ++a) {
        const double w = pi[a];
        if (w == 0.0) continue;
        for (std::size_t i = 0; i < ms; ++i) {
          v_cur[s * ms + i] += w * qv[a * ms + i];
          const int A = model.num_actions(static_cast<int>(i));
          const int b = policy.action_of(a, static_cast<int>(i));
          const std::size_t stride = policy.stride(static_cast<int>(i));
          const std::size_t base = a - static_cast<std::size_t>(b) * stride;
          double* row = ce.data() + (i * Amax + b) * Amax;
          for (int d = 0; d < A; ++d) {
            const std::size_t deviated = base + static_cast<std::size_t>(d) * stride;
            cce[i * Amax + d] += w * qw[deviated * ms + i];
            row[d] += w * qc[deviated * ms + i];
          }
        }
      }
      for (std::size_t i = 0; i < ms; ++i) {
        const int A = model.num_actions(static_cast<int>(i));
        w_cur[s * ms + i] = *std::max_element(cce.begin() + i * Amax, cce.begin() + i * Amax + A);
        double c = 0.0;
        for (int b = 0; b < A; ++b) {
          const double* row = ce.data() + (i * Amax + b) * Amax;
          c += *std::max_element(row, row + A);
        }
        c_cur[s * ms + i] = c;
      }
    }
    std::swap(v_cur, v_next);
    std::swap(w_cur, w_next);
    std::swap(c_cur, c_next);
  }

  CorrelatedEvaluation out;
  out.value.assign(ms, 0.0);
  out.cce_best.assign(ms, 0.0);
  out.ce_best.assign(ms, 0.0);
  out.cce_gap = out.ce_gap = -std::numeric_limits<double>::infinity();
  const double scale = model.reward_scale();
  for (std::size_t i = 0; i < ms; ++i) {
    for (int s = 0; s < S; ++s) {
      const double rho = model.initial()[s];
      out.value[i] += rho * v_next[s * ms + i];
      out.cce_best[i] += rho * w_next[s * ms + i];
      out.ce_best[i] += rho * c_next[s * ms + i];
    }
    out.value[i] *= scale;
    out.cce_best[i] *= scale;
    out.ce_best[i] *= scale;
    out.cce_gap = std::max(out.cce_gap, out.cce_best[i] - out.value[i]);
    out.ce_gap = std::max(out.ce_gap, out.ce_best[i] - out.value[i]);
  }
  return out;
}

}  // namespace eqlab
