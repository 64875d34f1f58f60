#include <eqlab/algorithms/markov/markov_run_memory.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/solver_registry.hpp>

namespace eqlab {

namespace {

std::uint64_t bytes_of(double bytes) { return bytes >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(bytes); }

double steps_times_states(const MarkovModel& model) {
  return static_cast<double>(model.horizon()) * model.num_states();
}

// Per player and (step, state): `per_action_squared` doubles per action squared,
// `per_action` per action and `per_state` per next state and action, plus `fixed`.
double table_bytes(const MarkovModel& model, double per_action_squared, double per_action, double fixed,
                   double per_next_state_and_action) {
  double bytes = 0;
  for (int i = 0; i < model.num_players(); ++i) {
    const double a = model.num_actions(i);
    bytes += steps_times_states(model) *
             (per_action_squared * a * a + per_action * a + fixed + per_next_state_and_action * a * model.num_states()) *
             8.0;
  }
  return bytes;
}

// The log's arrays grow by doubling, so they may hold up to twice what they use.
void add_certified_log(MemoryEstimate& estimate, const MarkovModel& model, std::int64_t episodes) {
  estimate.add("certified log", saturating_multiply(2 * certified_log_bytes_per_episode(model),
                                                    static_cast<std::uint64_t>(std::max<std::int64_t>(episodes, 0))));
}

void add_play_log(MemoryEstimate& estimate, const MarkovModel& model, std::int64_t episodes) {
  estimate.add("play log", saturating_multiply(2 * play_log_bytes_per_episode(model),
                                               static_cast<std::uint64_t>(std::max<std::int64_t>(episodes, 0))));
}

// The exact evaluators: value tables and per-state best responses per player.
void add_evaluation(MemoryEstimate& estimate, const MarkovModel& model) {
  estimate.add("evaluation",
               bytes_of(steps_times_states(model) * (model.total_actions() + 4.0 * model.num_players()) * 16.0));
}

}  // namespace

std::uint64_t certified_log_bytes_per_episode(const MarkovModel& model) {
  return static_cast<std::uint64_t>(model.horizon()) * (4 + 4 * static_cast<std::uint64_t>(model.total_actions()));
}

std::uint64_t play_log_bytes_per_episode(const MarkovModel& model) {
  std::uint64_t choice_bits = 0;
  for (int i = 0; i < model.num_players(); ++i)
    choice_bits += 2 * static_cast<std::uint64_t>(std::ceil(std::log2(static_cast<double>(model.num_actions(i)))));
  return static_cast<std::uint64_t>(model.horizon()) * (4 + (choice_bits + 7) / 8);
}

MemoryEstimate per_action_learner_memory(const MarkovModel& model, std::int64_t episodes) {
  MemoryEstimate estimate;
  estimate.add("learner state", bytes_of(table_bytes(model, 0, 2, 2, 0)));
  add_certified_log(estimate, model, episodes);  // EXP3-IX keeps it too, unless told not to
  add_evaluation(estimate, model);
  return estimate;
}

MemoryEstimate v_learner_memory(const MarkovModel& model, std::int64_t episodes) {
  MemoryEstimate estimate = per_action_learner_memory(model, episodes);
  add_play_log(estimate, model, episodes);
  return estimate;
}

MemoryEstimate swap_regret_learner_memory(const MarkovModel& model, std::int64_t episodes) {
  MemoryEstimate estimate;
  estimate.add("learner state", bytes_of(table_bytes(model, 1, 2, 2, 0)));
  add_certified_log(estimate, model, episodes);
  add_evaluation(estimate, model);
  add_play_log(estimate, model, episodes);
  return estimate;
}

MemoryEstimate ucbvi_learner_memory(const MarkovModel& model, std::int64_t) {
  MemoryEstimate estimate;
  estimate.add("learner state", bytes_of(table_bytes(model, 0, 4, 0, 1) + table_bytes(model, 0, 2, 2, 0)));
  add_evaluation(estimate, model);
  return estimate;
}

MemoryEstimate joint_action_learner_memory(const MarkovModel& model, std::int64_t) {
  MemoryEstimate estimate;
  const double players = model.num_players();
  estimate.add("learner state", bytes_of(steps_times_states(model) * model.joint_actions() *
                                         (model.num_states() + 2.0 * players + 5.0) * 8.0));
  add_evaluation(estimate, model);
  return estimate;
}

MemoryEstimate estimate_markov_run_memory(const MarkovModel& model, const std::string& solver, std::int64_t episodes) {
  return solver_entry(solver, GameKind::markov, Feedback::bandit).markov_memory(model, episodes);
}

}  // namespace eqlab
