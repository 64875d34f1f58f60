#include <eqlab/sim/markov/markov_run_memory.hpp>

#include <algorithm>
#include <cmath>

namespace eqlab {

namespace {

std::uint64_t bytes_of(double bytes) { return bytes >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(bytes); }

}  // namespace

std::uint64_t certified_log_bytes_per_episode(const MarkovModel& model) {
  return static_cast<std::uint64_t>(model.horizon()) * (4 + 4 * static_cast<std::uint64_t>(model.total_actions()));
}

MemoryEstimate estimate_markov_run_memory(const MarkovModel& model, const std::string& solver, std::int64_t episodes) {
  const double hs = static_cast<double>(model.horizon()) * model.num_states();
  const double states = model.num_states(), players = model.num_players();
  // Per player and (step, state): CCE-V and EXP3-IX keep a few doubles per action (weights,
  // loss sums, counts), CE-V an A x A swap-regret table besides; Nash-CA runs a UCBVI model
  // per player with next-state counts per action; Nash-VI keeps the joint-action model
  // (the formula of its own guard).
  double cce = 0, ce = 0, ucbvi = 0;
  for (int i = 0; i < model.num_players(); ++i) {
    const double a = model.num_actions(i);
    cce += hs * (2.0 * a + 2.0) * 8.0;
    ce += hs * (a * a + 2.0 * a + 2.0) * 8.0;
    ucbvi += hs * a * (states + 4.0) * 8.0;
  }
  // Its counts, rewards, bounds and Q tables, and the two joint policies.
  const double nash_vi = hs * model.joint_actions() * (states + 2.0 * players + 5.0) * 8.0;

  MemoryEstimate estimate;
  bool certified = false;
  if (solver == "cce-v" || solver == "exp3-ix") {
    estimate.add("learner state", bytes_of(cce));
    certified = true;  // EXP3-IX keeps the played strategies too, unless told not to
  } else if (solver == "nash-ca") {
    estimate.add("learner state", bytes_of(ucbvi + cce));
  } else if (solver == "nash-vi") {
    estimate.add("learner state", bytes_of(nash_vi));
  } else {  // ce-v, and any learner this estimate does not know yet
    estimate.add("learner state", bytes_of(ce));
    certified = true;
  }
  // The log's arrays grow by doubling, so they may hold up to twice what they use.
  if (certified)
    estimate.add("certified log", saturating_multiply(2 * certified_log_bytes_per_episode(model),
                                                      static_cast<std::uint64_t>(std::max<std::int64_t>(episodes, 0))));
  // The exact evaluators: value tables and per-state best responses per player.
  estimate.add("evaluation", bytes_of(hs * (model.total_actions() + 4.0 * players) * 16.0));
  return estimate;
}

}  // namespace eqlab
