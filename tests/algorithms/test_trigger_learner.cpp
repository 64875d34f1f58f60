// The EFCE-OMD learner against Φ-Hedge computed by brute force: Hedge over every
// deterministic trigger deviation (τ → v), the matrix Σ p_φ φ, and its fixed point by a
// dense linear solve. Also: the fixed point is exact, and the learner's trigger regret
// equals the brute-force maximum over deviations.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Dense>

#include <eqlab/algorithms/omd/balanced_policy.hpp>
#include <eqlab/algorithms/omd/trigger_learner.hpp>
#include <eqlab/games/builtin/registry.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/stationary_distribution.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>

#include "support/pure_plans.hpp"

using namespace eqlab;

namespace {

// The matrices φ_{τ→v} of every trigger τ and pure subtree plan v at x_g, in sequence
// form (index 0 is the empty sequence).
std::vector<Eigen::MatrixXd> trigger_deviations(const Treeplex& tp) {
  const int m = tp.num_sequences();
  const auto plans = test::pure_plans(tp);
  const auto at_or_below = [&](int s, int t) {  // is sequence t on the own path to s (or s)?
    for (; s != 0; s = tp.parent_seq[tp.seq_infoset[s]])
      if (s == t) return true;
    return false;
  };
  const auto in_subtree = [&](int s, int g) {
    for (int x = tp.seq_infoset[s];; x = tp.seq_infoset[tp.parent_seq[x]]) {
      if (x == g) return true;
      if (tp.parent_seq[x] == 0) return false;
    }
  };
  std::vector<Eigen::MatrixXd> out;
  for (int t = 1; t < m; ++t) {
    const int g = tp.seq_infoset[t];
    // Subtree plans: full plans that play the path to x_g, restricted to its subtree.
    std::vector<std::vector<double>> subtree_plans;
    for (const auto& v : plans) {
      if (v[tp.parent_seq[g]] != 1.0) continue;
      std::vector<double> r(m, 0.0);
      for (int s = 1; s < m; ++s)
        if (in_subtree(s, g)) r[s] = v[s];
      if (std::find(subtree_plans.begin(), subtree_plans.end(), r) == subtree_plans.end()) subtree_plans.push_back(r);
    }
    for (const auto& v : subtree_plans) {
      Eigen::MatrixXd phi = Eigen::MatrixXd::Zero(m, m);
      for (int s = 0; s < m; ++s)
        if (!at_or_below(s, t)) phi(s, s) = 1.0;
      for (int s = 1; s < m; ++s) phi(s, t) += v[s];
      out.push_back(phi);
    }
  }
  return out;
}

// The fixed point μ = Φ μ among realisation plans: μ(∅) = 1 and, at every infoset,
// Σ_a μ(x, a) = μ(p(x)).
Eigen::VectorXd fixed_point(const Treeplex& tp, const Eigen::MatrixXd& phi) {
  const int m = static_cast<int>(phi.rows()), n = tp.num_infosets();
  Eigen::MatrixXd system = Eigen::MatrixXd::Zero(m + 1 + n, m);
  system.topRows(m) = phi - Eigen::MatrixXd::Identity(m, m);
  system(m, 0) = 1.0;
  for (int j = 0; j < n; ++j) {
    system(m + 1 + j, tp.parent_seq[j]) = -1.0;
    for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) system(m + 1 + j, s) = 1.0;
  }
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(m + 1 + n);
  rhs(m) = 1.0;
  return system.colPivHouseholderQr().solve(rhs);
}

void check_against_brute_force(const Treeplex& tp, int rounds, double eta, std::uint64_t seed) {
  const int m = tp.num_sequences();
  const auto deviations = trigger_deviations(tp);
  TriggerRegretLearner learner(tp);
  RngStream rng(seed, 2, 0);
  std::vector<Eigen::VectorXd> played, utilities;
  double worst_strategy = 0.0, worst_residual = 0.0;
  for (int round = 0; round <= rounds; ++round) {
    // Brute-force Φ-Hedge: p_φ ∝ exp(η Σ_s <φ μ^s, u^s>).
    std::vector<double> score(deviations.size(), 0.0);
    double top = -1e300;
    for (std::size_t k = 0; k < deviations.size(); ++k) {
      for (int s = 0; s < round; ++s) score[k] += eta * utilities[s].dot(deviations[k] * played[s]);
      top = std::max(top, score[k]);
    }
    Eigen::MatrixXd mix = Eigen::MatrixXd::Zero(m, m);
    double total = 0.0;
    for (std::size_t k = 0; k < deviations.size(); ++k) total += std::exp(score[k] - top);
    for (std::size_t k = 0; k < deviations.size(); ++k) mix += std::exp(score[k] - top) / total * deviations[k];
    const Eigen::VectorXd expected = fixed_point(tp, mix);
    for (int s = 0; s < m; ++s) worst_strategy = std::max(worst_strategy, std::abs(learner.sequence_form()[s] - expected(s)));
    worst_residual = std::max(worst_residual, learner.fixed_point_residual());
    if (round == rounds) break;

    Eigen::VectorXd mu(m), u(m);
    for (int s = 0; s < m; ++s) mu(s) = learner.sequence_form()[s];
    u(0) = 0.0;
    for (int s = 1; s < m; ++s) u(s) = rng.uniform() * 2.0 - 0.7;
    played.push_back(mu);
    utilities.push_back(u);
    learner.update(std::span<const double>(u.data(), m), eta);
  }
  MESSAGE(deviations.size() << " deviations: largest strategy difference " << worst_strategy << ", fixed-point residual "
                            << worst_residual);
  CHECK(worst_strategy < 1e-10);
  CHECK(worst_residual < 1e-13);

  // Trigger regret: max over deviations of Σ_t <φ μ^t − μ^t, u^t>.
  double regret = -1e300;
  for (const auto& phi : deviations) {
    double gain = 0.0;
    for (int s = 0; s < rounds; ++s) gain += utilities[s].dot(phi * played[s] - played[s]);
    regret = std::max(regret, gain);
  }
  CHECK(learner.trigger_regret() == doctest::Approx(regret).epsilon(1e-11));
}

}  // namespace

TEST_CASE("EFCE-OMD learner equals brute-force Φ-Hedge over trigger deviations on Kuhn poker") {
  const CompiledGame g = compile(make_builtin("kuhn"));
  check_against_brute_force(g.treeplex[0], 12, 0.8, 1);
  check_against_brute_force(g.treeplex[1], 12, 2.0, 2);
}

TEST_CASE("EFCE-OMD learner equals brute-force Φ-Hedge on deeper random treeplexes") {
  // Depth 5 gives own depths up to 3, with several infosets below one sequence.
  for (std::uint64_t seed : {3u, 11u}) {
    const CompiledGame g = compile(make_builtin("random(depth=5,chance=0.3,seed=" + std::to_string(seed) + ")"));
    for (int p = 0; p < 2; ++p) {
      if (test::pure_plans(g.treeplex[p]).size() > 200) continue;
      check_against_brute_force(g.treeplex[p], 8, 1.3, seed + p);
    }
  }
}

namespace {

// The trigger learner as computed before its exps and logs were batched and vectorised:
// one trigger at a time with std::exp and std::log, and the fixed point with one std::exp
// per ancestor trigger and GTH elimination for every chain. The learner must agree with it
// to 1e-12: the arithmetic differs only in the exp and log routines (1 ulp), in the order
// in which a sequence's children's log-partitions are added, and in the closed form for
// chains of two and three states.
struct ReferenceTriggerLearner {
  const Treeplex& tp;
  const TreeplexSubtrees& st;
  TriggerLearnerOptions options;
  std::vector<double> S, K, m, m_plan, log_weight, plan;

  ReferenceTriggerLearner(const Treeplex& treeplex, const TreeplexSubtrees& subtrees, TriggerLearnerOptions o)
      : tp(treeplex), st(subtrees), options(std::move(o)) {
    S.assign(st.trigger_storage(), 0.0);
    m = m_plan = S;
    K.assign(tp.num_sequences(), 0.0);
    log_weight = plan = K;
  }

  // The utilities of a round observed under the learner's plan mu.
  void add(std::span<const double> mu, std::span<const double> u) {
    std::vector<double> below(tp.num_sequences(), 0.0);
    for (int s = 1; s < tp.num_sequences(); ++s) below[s] = mu[s] * u[s];
    for (int j = tp.num_infosets() - 1; j >= 0; --j) {
      double sum = 0.0;
      for (int s = tp.first_seq[j]; s < tp.first_seq[j] + tp.num_actions[j]; ++s) sum += below[s];
      if (tp.parent_seq[j] != 0) below[tp.parent_seq[j]] += sum;
    }
    for (int s = 1; s < tp.num_sequences(); ++s) K[s] += below[s];
    for (int t = 1; t < tp.num_sequences(); ++t)
      for (const SubtreeMember& member : st.members(tp.seq_infoset[t]))
        for (int a = 0; a < tp.num_actions[member.infoset]; ++a)
          S[st.trigger_offset(t) + member.local_first + a] += mu[t] * u[tp.first_seq[member.infoset] + a];
  }

  void compute(double eta) {
    for (int t = 1; t < tp.num_sequences(); ++t) {
      const int g = tp.seq_infoset[t];
      const auto members = st.members(g);
      const std::size_t offset = st.trigger_offset(t);
      std::vector<double> child(st.block_size(g), 0.0);
      double root = 0.0;
      for (std::size_t k = members.size(); k-- > 0;) {
        const SubtreeMember& member = members[k];
        const double w = options.member_weight.empty() ? 1.0 : options.member_weight[st.member_index(g) + k];
        const int n = tp.num_actions[member.infoset];
        double* mx = m.data() + offset + member.local_first;
        double top = -1e300;
        for (int a = 0; a < n; ++a) top = std::max(top, mx[a] = eta * S[offset + member.local_first + a] + child[member.local_first + a]);
        double sum = 0.0;
        for (int a = 0; a < n; ++a) sum += (mx[a] = std::exp(w * (mx[a] - top)));
        for (int a = 0; a < n; ++a) mx[a] /= sum;
        const double F = top + std::log(sum) / w;
        if (member.parent_local >= 0) child[member.parent_local] += F;
        else root = F;
      }
      log_weight[t] = options.temperature * (root - eta * K[t]);
      for (const SubtreeMember& member : members) {
        const double reach = member.parent_local < 0 ? 1.0 : m_plan[offset + member.parent_local];
        for (int a = 0; a < tp.num_actions[member.infoset]; ++a)
          m_plan[offset + member.local_first + a] = reach * m[offset + member.local_first + a];
      }
    }
    solve_fixed_point();
  }

  void solve_fixed_point() {
    plan[0] = 1.0;
    for (int x = 0; x < tp.num_infosets(); ++x) {
      const int n = tp.num_actions[x], first = tp.first_seq[x];
      const auto ancestors = st.ancestors(x);
      double offset = -1e300;
      for (const AncestorBlock& block : ancestors)
        for (int t = tp.first_seq[block.root]; t < tp.first_seq[block.root] + tp.num_actions[block.root]; ++t)
          offset = std::max(offset, log_weight[t]);
      double L = 0.0;
      std::vector<double> inflow(n, 0.0);
      int path_seq = tp.parent_seq[x];
      for (std::size_t k = 1; k < ancestors.size(); ++k) {
        const int g = ancestors[k].root;
        L += std::exp(log_weight[path_seq] - offset);
        for (int t = tp.first_seq[g]; t < tp.first_seq[g] + tp.num_actions[g]; ++t)
          for (int a = 0; a < n; ++a)
            inflow[a] += std::exp(log_weight[t] - offset) * plan[t] * m_plan[st.trigger_offset(t) + ancestors[k].local_first + a];
        path_seq = tp.parent_seq[g];
      }
      const bool has_path = ancestors.size() > 1 && L > 0.0;
      const int base = has_path ? 1 : 0, states = n + base;
      std::vector<double> P(states * states, 0.0), pi(states);
      double total_inflow = 0.0;
      for (double c : inflow) total_inflow += c;
      for (int a = 0; a < n && has_path; ++a) P[a + 1] = total_inflow > 0.0 ? inflow[a] / total_inflow : 1.0 / n;
      for (int from = 0; from < n; ++from) {
        const double lambda = std::exp(log_weight[first + from] - offset);
        const double stay = has_path ? lambda / (L + lambda) : 1.0;
        if (has_path) P[(from + 1) * states] = L / (L + lambda);
        for (int a = 0; a < n; ++a) P[(from + base) * states + a + base] = stay * m[st.trigger_offset(first + from) + a];
      }
      stationary_distribution(P, states, pi);
      double total = 0.0;
      std::vector<double> y(n);
      for (int a = 0; a < n; ++a)
        total += (y[a] = pi[a + base] / std::max((has_path ? L : 0.0) + std::exp(log_weight[first + a] - offset),
                                                 std::numeric_limits<double>::min()));
      for (int a = 0; a < n; ++a) plan[first + a] = plan[tp.parent_seq[x]] * y[a] / total;
    }
  }
};

double worst_difference(std::span<const double> a, std::span<const double> b) {
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(1.0, std::abs(b[i])));
  return worst;
}

void check_against_reference(const Treeplex& tp, bool balanced) {
  const TreeplexSubtrees subtrees(tp);
  TriggerLearnerOptions options;
  if (balanced) {
    const BalancedPolicy policy(subtrees);
    options.member_weight.assign(policy.all_trigger_weights().begin(), policy.all_trigger_weights().end());
    options.temperature = 1.0 / (tp.num_sequences() - 1);
  }
  TriggerRegretLearner learner(tp, options);
  ReferenceTriggerLearner reference(tp, subtrees, options);
  RngStream rng(21, 1, 0);
  std::vector<double> u(tp.num_sequences(), 0.0), mu(tp.num_sequences());
  double worst_m = 0.0, worst_weight = 0.0, worst_plan = 0.0;
  for (int round = 1; round <= 30; ++round) {
    const double eta = 2.0 / std::sqrt(static_cast<double>(round));
    for (int s = 1; s < tp.num_sequences(); ++s) u[s] = rng.uniform() * 2.0 - 1.0;
    std::copy(learner.sequence_form().begin(), learner.sequence_form().end(), mu.begin());
    learner.update(u, eta);
    reference.add(mu, u);
    reference.compute(eta);
    worst_m = std::max(worst_m, worst_difference(learner.trigger_strategies(), reference.m));
    worst_weight = std::max(worst_weight, worst_difference(learner.log_weights(), reference.log_weight));
    worst_plan = std::max(worst_plan, worst_difference(learner.sequence_form(), reference.plan));
  }
  MESSAGE("largest differences: trigger strategies " << worst_m << ", log-weights " << worst_weight << ", plan "
                                                     << worst_plan);
  CHECK(worst_m < 1e-12);
  CHECK(worst_weight < 1e-12);
  CHECK(worst_plan < 1e-12);
}

}  // namespace

TEST_CASE("EFCE-OMD learner agrees with one-trigger-at-a-time std::exp computation to 1e-12 on Leduc and Sheriff") {
  for (const char* spec : {"leduc", "sheriff"}) {
    const CompiledGame g = compile(make_builtin(spec));
    for (bool balanced : {false, true}) {
      CAPTURE(spec);
      CAPTURE(balanced);
      check_against_reference(g.treeplex[0], balanced);
      check_against_reference(g.treeplex[1], balanced);
    }
  }
}
