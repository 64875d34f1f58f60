#include <eqlab/algorithms/markov/eval/certified_reach.hpp>

#include <algorithm>

#include <eqlab/algorithms/markov/eval/visit_distributions.hpp>

namespace eqlab {

namespace {

// draw(t) = α_t·B(t) with B(t) = occ(t) + (1 − α_{t+1})·B(t+1): the mass of every count
// t' >= t that lands on visit t, Σ_{t'>=t} occ(t')·α_{t'}^t, in one backward sweep.
void draw_weights(const StepSchedule& step, int states, int alpha_horizon, const std::vector<double>& occ,
                  std::vector<double>& draw) {
  draw.assign(step.cells(), 0.0);
  for (int s = 0; s < states; ++s) {
    const std::int64_t n = step.visits[s];
    double b = 0.0;
    for (std::int64_t t = n; t >= 1; --t) {
      const double keep = t < n ? 1.0 - v_learning_alpha(alpha_horizon, t + 1) : 0.0;
      b = occ[step.cell(s, t)] + keep * b;
      draw[step.cell(s, t)] = v_learning_alpha(alpha_horizon, t) * b;
    }
    draw[step.cell(s, 0)] = occ[step.cell(s, 0)];
  }
}

}  // namespace

CertifiedReach certified_reach(const MarkovModel& model, const VisitLog& log,
                               const std::vector<StepSchedule>& schedules, std::int64_t prefix,
                               std::vector<double> initial, int last_step) {
  const int S = model.num_states(), m = model.num_players(), H = model.horizon();
  CertifiedReach out;
  out.occupancy.resize(H);
  out.draw.resize(H);
  out.occupancy[0] = std::move(initial);
  VisitDistributions dist(model);
  std::vector<double> rewards(m), trans(S), fallback(S);
  std::vector<std::int64_t> count(S), count_next(S);
  for (int h = 0; h <= last_step; ++h) {
    const StepSchedule& step = schedules[h];
    draw_weights(step, S, log.alpha_horizon(), out.occupancy[h], out.draw[h]);
    if (h + 1 > last_step || h + 1 >= H) continue;
    const StepSchedule& next = schedules[h + 1];
    std::vector<double>& occ = out.occupancy[h + 1];
    occ.assign(next.cells(), 0.0);
    // Episodes falling back stay uniform: their mass moves to the fallback cells.
    for (int s = 0; s < S; ++s) {
      const double mass = out.occupancy[h][step.cell(s, 0)];
      if (mass == 0.0) continue;
      model.joint_expectation(h, s, dist.uniform(), rewards, fallback);
      for (int t = 0; t < S; ++t) occ[next.cell(t, 0)] += mass * fallback[t];
    }
    std::fill(count.begin(), count.end(), 0);
    std::fill(count_next.begin(), count_next.end(), 0);
    for (std::int64_t e = 0; e < prefix; ++e) {
      for (int s : step.episode_states(e)) {
        const std::int64_t j = count[s]++;
        const double mass = out.draw[h][step.cell(s, j + 1)];
        if (mass == 0.0) continue;
        model.joint_expectation(h, s, dist.load(log, h, s, j), rewards, trans);
        for (int t = 0; t < S; ++t) occ[next.cell(t, count_next[t])] += mass * trans[t];
      }
      for (int t : next.episode_states(e)) ++count_next[t];
    }
  }
  return out;
}

}  // namespace eqlab
