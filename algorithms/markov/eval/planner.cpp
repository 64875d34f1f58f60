#include <eqlab/algorithms/markov/eval/planner.hpp>

#include <algorithm>
#include <utility>
#include <vector>

#include <eqlab/algorithms/markov/eval/stage_payoffs.hpp>
#include <eqlab/algorithms/markov/stage_equilibrium.hpp>

namespace eqlab {

namespace {

CorrelatedPolicy plan(const MarkovModel& model, StageEquilibrium kind, int rounds) {
  CorrelatedPolicy policy(model);
  const int H = model.horizon(), S = model.num_states(), m = model.num_players();
  const std::size_t J = policy.num_joint_actions();
  const auto ms = static_cast<std::size_t>(m);
  std::vector<int> actions;
  for (int i = 0; i < m; ++i) actions.push_back(model.num_actions(i));
  StageSolver stage(std::move(actions), kind);
  std::vector<double> payoff(J * ms), joint(J), next(S * ms, 0.0), cur(S * ms);
  for (int h = H - 1; h >= 0; --h) {
    for (int s = 0; s < S; ++s) {
      stage_payoffs(model, policy, h, s, {{next, payoff}});
      stage.solve(payoff, rounds, joint);
      std::copy(joint.begin(), joint.end(), policy.at(h, s).begin());
      for (std::size_t i = 0; i < ms; ++i) {
        double v = 0.0;
        for (std::size_t a = 0; a < J; ++a) v += joint[a] * payoff[a * ms + i];
        cur[s * ms + i] = v;
      }
    }
    std::swap(cur, next);
  }
  return policy;
}

}  // namespace

CorrelatedPolicy plan_cce(const MarkovModel& model, int rounds) {
  return plan(model, StageEquilibrium::kCoarseCorrelated, rounds);
}

CorrelatedPolicy plan_ce(const MarkovModel& model, int rounds) {
  return plan(model, StageEquilibrium::kCorrelated, rounds);
}

}  // namespace eqlab
