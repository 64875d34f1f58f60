#include <eqlab/algorithms/markov/eval/planner.hpp>

#include <algorithm>
#include <vector>

#include <eqlab/algorithms/markov/eval/stage_equilibrium.hpp>

namespace eqlab {

namespace {

template <class Solve>
CorrelatedPolicy plan(const MarkovModel& model, Solve&& solve) {
  CorrelatedPolicy policy(model);
  const int H = model.horizon(), S = model.num_states(), m = model.num_players();
  const std::size_t J = policy.num_joint_actions();
  const auto ms = static_cast<std::size_t>(m);
  StageGame stage;
  for (int i = 0; i < m; ++i) stage.actions.push_back(model.num_actions(i));
  stage.payoff.resize(J * ms);
  std::vector<double> next(S * ms, 0.0), cur(S * ms), r(ms), trans(S);
  std::vector<int> acts(ms);
  for (int h = H - 1; h >= 0; --h) {
    const bool last = h == H - 1;
    for (int s = 0; s < S; ++s) {
      for (std::size_t a = 0; a < J; ++a) {
        policy.decode(a, acts);
        model.rewards(h, s, acts, r);
        if (!last) model.next_distribution(h, s, acts, trans);
        for (std::size_t i = 0; i < ms; ++i) {
          double v = r[i];
          if (!last)
            for (int t = 0; t < S; ++t) v += trans[t] * next[t * ms + i];
          stage.payoff[a * ms + i] = v;
        }
      }
      const std::vector<double> joint = solve(stage);
      std::copy(joint.begin(), joint.end(), policy.at(h, s).begin());
      for (std::size_t i = 0; i < ms; ++i) {
        double v = 0.0;
        for (std::size_t a = 0; a < J; ++a) v += joint[a] * stage.payoff[a * ms + i];
        cur[s * ms + i] = v;
      }
    }
    std::swap(cur, next);
  }
  return policy;
}

}  // namespace

CorrelatedPolicy plan_cce(const MarkovModel& model, int rounds) {
  return plan(model, [rounds](const StageGame& g) { return stage_cce(g, rounds); });
}

CorrelatedPolicy plan_ce(const MarkovModel& model, int rounds) {
  return plan(model, [rounds](const StageGame& g) { return stage_ce(g, rounds); });
}

}  // namespace eqlab
