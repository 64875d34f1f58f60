#include <eqlab/algorithms/markov/potential/ucbvi.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <eqlab/lib/error.hpp>

namespace eqlab {

Ucbvi::Ucbvi(const MarkovModel& model, int player)
    : model_(model),
      player_(player),
      horizon_(model.horizon()),
      states_(model.num_states()),
      actions_(model.num_actions(player)),
      players_(model.num_players()) {
  const std::size_t cells = static_cast<std::size_t>(horizon_) * states_ * actions_;
  const std::size_t steps_states = static_cast<std::size_t>(horizon_) * states_;
  others_.assign(steps_states * players_, 0);
  visits_.assign(cells, 0.0);
  reward_sum_.assign(cells, 0.0);
  next_counts_.assign(cells * states_, 0.0);
  upper_.assign(steps_states + states_, 0.0);
  lower_.assign(steps_states + states_, 0.0);
  greedy_.assign(steps_states, 0);
  best_.assign(steps_states, 0);
  joint_.assign(players_, 0);
  rewards_.assign(players_, 0.0);
}

void Ucbvi::start(std::span<const int> profile, const UcbviOptions& options) {
  if (profile.size() != others_.size()) throw UsageError("UCBVI: the fixed profile has the wrong size");
  if (!(options.bonus_scale >= 0.0) || !(options.iota > 0.0) || options.max_episodes < 0 ||
      !(options.bonus_states >= 1.0))
    throw UsageError("UCBVI: the bonus scale and the episode cap must be nonnegative and iota positive");
  options_ = options;
  std::copy(profile.begin(), profile.end(), others_.begin());
  std::fill(visits_.begin(), visits_.end(), 0.0);
  std::fill(reward_sum_.begin(), reward_sum_.end(), 0.0);
  std::fill(next_counts_.begin(), next_counts_.end(), 0.0);
  std::fill(best_.begin(), best_.end(), 0);
  best_gap_ = std::numeric_limits<double>::infinity();
  episodes_ = 0;
  finished_ = false;
}

double Ucbvi::bonus(double visits) const {
  return options_.bonus_scale *
         std::sqrt(static_cast<double>(horizon_) * horizon_ * options_.bonus_states * options_.iota / visits);
}

double Ucbvi::plan() {
  // V̄_{H+1} = V̲_{H+1} = 0: the block after the last step.
  std::fill(upper_.end() - states_, upper_.end(), 0.0);
  std::fill(lower_.end() - states_, lower_.end(), 0.0);
  for (int h = horizon_ - 1; h >= 0; --h) {
    const double cap = static_cast<double>(horizon_ - h);
    const double* up_next = upper_.data() + static_cast<std::size_t>(h + 1) * states_;
    const double* low_next = lower_.data() + static_cast<std::size_t>(h + 1) * states_;
    for (int s = 0; s < states_; ++s) {
      double best_up = -1.0, best_low = 0.0;
      int best_a = 0;
      for (int a = 0; a < actions_; ++a) {
        const std::size_t c = cell(h, s, a);
        double up = cap, low = 0.0;
        if (visits_[c] > 0.0) {
          const double n = visits_[c];
          const double* counts = next_counts_.data() + c * states_;
          double pv_up = 0.0, pv_low = 0.0;
          for (int t = 0; t < states_; ++t) {
            pv_up += counts[t] * up_next[t];
            pv_low += counts[t] * low_next[t];
          }
          const double mean = reward_sum_[c] / n;
          const double b = bonus(n);
          up = std::min(mean + pv_up / n + b, cap);
          low = std::max(mean + pv_low / n - b, 0.0);
        }
        if (up > best_up) {  // strict: the lowest action wins ties
          best_up = up;
          best_low = low;
          best_a = a;
        }
      }
      const std::size_t k = static_cast<std::size_t>(h) * states_ + s;
      greedy_[k] = best_a;
      upper_[k] = best_up;
      lower_[k] = best_low;
    }
  }
  double gap = 0.0;
  for (int s = 0; s < states_; ++s) gap += model_.initial()[s] * (upper_[s] - lower_[s]);
  return gap;
}

bool Ucbvi::run_episode(MarkovSimulator& sim) {
  if (finished_) return false;
  const double gap = plan();
  if (gap < best_gap_) {
    best_gap_ = gap;
    std::copy(greedy_.begin(), greedy_.end(), best_.begin());
  }
  if (best_gap_ <= options_.target_gap || episodes_ >= options_.max_episodes) {
    finished_ = true;
    return false;
  }
  ++episodes_;
  int s = sim.reset();
  for (int h = 0; h < horizon_; ++h) {
    const std::size_t k = static_cast<std::size_t>(h) * states_ + s;
    for (int j = 0; j < players_; ++j) joint_[j] = others_[k * players_ + j];
    const int a = greedy_[k];
    joint_[player_] = a;
    const int next = sim.step(h, s, joint_, rewards_);
    const std::size_t c = cell(h, s, a);
    visits_[c] += 1.0;
    reward_sum_[c] += rewards_[player_];
    if (next >= 0) next_counts_[c * states_ + next] += 1.0;
    s = next;
  }
  return true;
}

std::size_t Ucbvi::memory_bytes() const {
  return sizeof(double) * (visits_.size() + reward_sum_.size() + next_counts_.size() + upper_.size() + lower_.size() +
                           rewards_.size()) +
         sizeof(int) * (others_.size() + greedy_.size() + best_.size() + joint_.size());
}

}  // namespace eqlab
