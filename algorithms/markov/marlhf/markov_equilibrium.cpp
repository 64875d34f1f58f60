#include <eqlab/algorithms/markov/marlhf/markov_equilibrium.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include <eqlab/algorithms/markov/stage_equilibrium.hpp>
#include <eqlab/algorithms/markov/stage_nash.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

constexpr double kMaxJointActions = 1 << 20;

// The stage game at (h, s): Q[joint·m + i] = r + E[V_{h+1}].
void stage_payoffs(const MarkovModel& model, const JointRewardTable& rewards, int h, int s,
                   const std::vector<double>& next_value, std::vector<double>& q, std::vector<int>& actions,
                   std::vector<double>& next) {
  const int m = model.num_players(), S = model.num_states();
  const std::size_t J = rewards.num_joint_actions();
  for (std::size_t a = 0; a < J; ++a) {
    const double* r = rewards.at(h, s, a);
    for (int i = 0; i < m; ++i) q[a * m + i] = r[i];
    if (h + 1 == model.horizon()) continue;
    model.decode_joint(a, actions);
    model.next_distribution(h, s, actions, next);
    for (int t = 0; t < S; ++t)
      if (next[t] != 0.0)
        for (int i = 0; i < m; ++i) q[a * m + i] += next[t] * next_value[static_cast<std::size_t>(t) * m + i];
  }
}

// Two players: the stage Nash equilibrium of the largest welfare. A degenerate stage game
// may have no equilibrium of equal supports with nonsingular systems; it is then solved
// again with every payoff moved by at most 1e-9 of its scale, which makes it nondegenerate
// with probability 1 and leaves an equilibrium of gap at most 2e-9 of the scale.
BimatrixEquilibrium two_player_stage(int rows, int cols, const std::vector<double>& q, double tolerance,
                                     bool& perturbed) {
  std::vector<double> A(static_cast<std::size_t>(rows) * cols), B(A.size());
  double scale = 0.0;
  for (std::size_t k = 0; k < A.size(); ++k) {
    A[k] = q[2 * k];
    B[k] = q[2 * k + 1];
    scale = std::max({scale, std::abs(A[k]), std::abs(B[k])});
  }
  std::vector<BimatrixEquilibrium> found = support_enumeration(rows, cols, A, B, tolerance);
  perturbed = found.empty();
  if (perturbed) {
    // A fixed irrational pattern, so the perturbation is the same on every run.
    const double step = 1e-9 * std::max(scale, 1.0);
    for (std::size_t k = 0; k < A.size(); ++k) {
      A[k] += step * std::fmod(0.6180339887498949 * static_cast<double>(k + 1), 1.0);
      B[k] += step * std::fmod(0.4142135623730950 * static_cast<double>(k + 1), 1.0);
    }
    found = support_enumeration(rows, cols, A, B, tolerance);
    if (found.empty()) throw NumericalError("a stage game has no equilibrium found by support enumeration");
  }
  std::size_t best = 0;
  for (std::size_t e = 1; e < found.size(); ++e)
    if (found[e].row_value + found[e].column_value > found[best].row_value + found[best].column_value) best = e;
  return found[best];
}

}  // namespace

JointRewardTable::JointRewardTable(const MarkovModel& model)
    : states_(model.num_states()), players_(model.num_players()) {
  if (model.joint_actions() > kMaxJointActions)
    throw UsageError("'" + model.name() + "' has " + std::to_string(model.joint_actions()) +
                     " joint actions a state: a reward table of every joint action is limited to 2^20");
  joint_ = static_cast<std::size_t>(model.joint_actions());
  values_.assign(static_cast<std::size_t>(model.horizon()) * states_ * joint_ * players_, 0.0);
}

JointRewardTable markov_reward_table(const MarkovModel& model) {
  JointRewardTable table(model);
  std::vector<int> actions(model.num_players());
  for (int h = 0; h < model.horizon(); ++h)
    for (int s = 0; s < model.num_states(); ++s)
      for (std::size_t a = 0; a < table.num_joint_actions(); ++a) {
        model.decode_joint(a, actions);
        model.rewards(h, s, actions, {table.at(h, s, a), static_cast<std::size_t>(model.num_players())});
      }
  return table;
}

MarkovEquilibrium solve_markov_equilibrium(const MarkovModel& model, const JointRewardTable& rewards,
                                           const MarkovEquilibriumOptions& options) {
  const int m = model.num_players(), S = model.num_states(), H = model.horizon();
  if (rewards.num_players() != m || rewards.num_joint_actions() != static_cast<std::size_t>(model.joint_actions()))
    throw UsageError("solve_markov_equilibrium: the reward table is not of this game's shape");
  const std::size_t J = rewards.num_joint_actions();
  MarkovEquilibrium out;
  std::optional<StageSolver> cce;
  if (m <= 2) out.product.emplace(model);
  else {
    out.target = Concept::cce;
    out.correlated.emplace(model, kMaxJointActions);
    std::vector<int> sizes(m);
    for (int i = 0; i < m; ++i) sizes[i] = model.num_actions(i);
    cce.emplace(std::move(sizes), StageEquilibrium::kCoarseCorrelated);
  }

  std::vector<double> value(static_cast<std::size_t>(S) * m, 0.0), next_value(value.size(), 0.0);
  std::vector<double> q(J * m), next(S), joint_play(J);
  std::vector<int> actions(m);
  for (int h = H - 1; h >= 0; --h) {
    for (int s = 0; s < S; ++s) {
      stage_payoffs(model, rewards, h, s, next_value, q, actions, next);
      double* v = value.data() + static_cast<std::size_t>(s) * m;
      if (m == 1) {
        std::size_t best = 0;
        for (std::size_t a = 1; a < J; ++a)
          if (q[a] > q[best]) best = a;
        out.product->set_pure(h, s, 0, static_cast<int>(best));
        v[0] = q[best];
      } else if (m == 2) {
        bool perturbed = false;
        const BimatrixEquilibrium e =
            two_player_stage(model.num_actions(0), model.num_actions(1), q, options.tolerance, perturbed);
        out.perturbed_stages += perturbed;
        std::ranges::copy(e.row, out.product->at(h, s, 0).begin());
        std::ranges::copy(e.column, out.product->at(h, s, 1).begin());
        // The values under the true payoffs (the perturbed ones differ by 1e-9 at most).
        v[0] = v[1] = 0.0;
        for (int r = 0; r < model.num_actions(0); ++r)
          for (int c = 0; c < model.num_actions(1); ++c) {
            const std::size_t a = static_cast<std::size_t>(r) * model.num_actions(1) + c;
            v[0] += e.row[r] * e.column[c] * q[2 * a];
            v[1] += e.row[r] * e.column[c] * q[2 * a + 1];
          }
      } else {
        cce->solve(q, options.cce_rounds, joint_play);
        std::ranges::copy(joint_play, out.correlated->at(h, s).begin());
        std::fill(v, v + m, 0.0);
        for (std::size_t a = 0; a < J; ++a)
          for (int i = 0; i < m; ++i) v[i] += joint_play[a] * q[a * m + i];
      }
    }
    std::swap(value, next_value);
  }
  out.value.assign(m, 0.0);
  for (int s = 0; s < S; ++s)
    for (int i = 0; i < m; ++i) out.value[i] += model.initial()[s] * next_value[static_cast<std::size_t>(s) * m + i];
  return out;
}

}  // namespace eqlab
