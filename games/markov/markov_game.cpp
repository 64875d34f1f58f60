#include <eqlab/games/markov/markov_game.hpp>

#include <cmath>
#include <string>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

constexpr double kSumTolerance = 1e-9;

[[noreturn]] void game_misuse(const std::string& what) { throw UsageError("MarkovGame: " + what); }

// Walks every combination of the players other than `skip` (skip = -1: all players) in
// mixed radix, calling visit(base, weight) with base = Σ_j a_j * stride_j and weight =
// Π_j p_j(a_j). Combinations of weight 0 are skipped: they contribute nothing.
template <class Visit>
void for_each_weighted_profile(const std::vector<std::size_t>& sizes, const std::vector<std::size_t>& strides,
                               const std::vector<std::span<const double>>& p, int skip, Visit&& visit) {
  const int m = static_cast<int>(sizes.size());
  std::vector<std::size_t> digit(m, 0);
  while (true) {
    double weight = 1.0;
    std::size_t base = 0;
    for (int j = 0; j < m && weight != 0.0; ++j) {
      if (j == skip) continue;
      weight *= p[j][digit[j]];
      base += digit[j] * strides[j];
    }
    if (weight != 0.0) visit(base, weight);
    // Odometer step, the last player fastest.
    int j = m - 1;
    for (; j >= 0; --j) {
      if (j == skip) continue;
      if (++digit[j] < sizes[j]) break;
      digit[j] = 0;
    }
    if (j < 0) return;
  }
}

}  // namespace

MarkovGame::MarkovGame(std::string name, std::vector<std::string> players, int horizon,
                       std::vector<std::string> states, std::vector<std::vector<std::string>> actions,
                       std::vector<double> initial, double reward_lo, double reward_hi, std::size_t max_cells)
    : name_(std::move(name)),
      players_(std::move(players)),
      horizon_(horizon),
      states_(std::move(states)),
      actions_(std::move(actions)),
      initial_(std::move(initial)),
      lo_(reward_lo),
      hi_(reward_hi) {
  const std::size_t m = players_.size();
  if (m == 0) game_misuse("a game needs at least one player");
  if (horizon_ < 1) game_misuse("the horizon must be >= 1, got " + std::to_string(horizon_));
  if (states_.empty()) game_misuse("a game needs at least one state");
  if (actions_.size() != m)
    game_misuse("expected " + std::to_string(m) + " action lists, got " + std::to_string(actions_.size()));
  if (!(std::isfinite(lo_) && std::isfinite(hi_) && lo_ < hi_))
    game_misuse("the reward range needs finite lo < hi, got [" + std::to_string(lo_) + ", " + std::to_string(hi_) + "]");
  if (initial_.size() != states_.size())
    game_misuse("the initial distribution needs " + std::to_string(states_.size()) + " entries, got " +
           std::to_string(initial_.size()));
  double sum = 0.0;
  for (double q : initial_) {
    if (!(q >= 0.0)) game_misuse("initial probabilities must be >= 0");
    sum += q;
  }
  if (std::fabs(sum - 1.0) > kSumTolerance) game_misuse("the initial distribution sums to " + std::to_string(sum));

  // Strides with player 0 the slowest digit; the product is checked against max_cells
  // before anything is allocated, dividing instead of multiplying so nothing overflows.
  stride_.assign(m, 1);
  const std::size_t per_step_state = std::size_t{static_cast<std::size_t>(horizon_)} * states_.size();
  const std::size_t joint_limit = max_cells / per_step_state;
  if (joint_limit == 0) game_misuse("more than " + std::to_string(max_cells) + " cells");
  for (std::size_t i = m; i-- > 0;) {
    if (actions_[i].empty()) game_misuse("player " + std::to_string(i) + " has no action");
    stride_[i] = num_joint_;
    if (num_joint_ > joint_limit / actions_[i].size())
      game_misuse("the table has more than " + std::to_string(max_cells) + " cells (steps x states x joint actions)");
    num_joint_ *= actions_[i].size();
  }
  cells_.assign(per_step_state * num_joint_, kUnset);
}

std::uint32_t MarkovGame::add_outcome(std::span<const double> rewards, std::span<const StateProb> next) {
  const int m = num_players();
  if (static_cast<int>(rewards.size()) != m)
    game_misuse("an outcome needs " + std::to_string(m) + " rewards, got " + std::to_string(rewards.size()));
  for (double r : rewards)
    if (!(r >= lo_ && r <= hi_)) game_misuse("reward " + std::to_string(r) + " is outside the reward range");
  if (num_outcomes() >= kUnset) game_misuse("too many outcomes");
  double sum = 0.0;
  for (const StateProb& e : next) {
    if (e.state < 0 || e.state >= num_states()) game_misuse("next state " + std::to_string(e.state) + " out of range");
    if (!(e.prob >= 0.0) || !std::isfinite(e.prob)) game_misuse("a next-state probability must be finite and >= 0");
    sum += e.prob;
  }
  if (std::fabs(sum - 1.0) > kSumTolerance) game_misuse("next-state probabilities sum to " + std::to_string(sum));
  outcome_rewards_.insert(outcome_rewards_.end(), rewards.begin(), rewards.end());
  for (const StateProb& e : next)
    if (e.prob > 0.0) next_entries_.push_back(e);
  next_begin_.push_back(next_entries_.size());
  return static_cast<std::uint32_t>(num_outcomes() - 1);
}

std::size_t MarkovGame::cell_index(int h, int s, std::size_t joint) const {
  if (h < 0 || h >= horizon_) game_misuse("step " + std::to_string(h) + " out of range 0.." + std::to_string(horizon_ - 1));
  if (s < 0 || s >= num_states()) game_misuse("state " + std::to_string(s) + " out of range");
  if (joint >= num_joint_) game_misuse("joint action " + std::to_string(joint) + " out of range");
  return (static_cast<std::size_t>(h) * states_.size() + static_cast<std::size_t>(s)) * num_joint_ + joint;
}

void MarkovGame::set_cell(int h, int s, std::size_t joint, std::uint32_t outcome) {
  if (outcome >= num_outcomes()) game_misuse("unknown outcome " + std::to_string(outcome));
  cells_[cell_index(h, s, joint)] = outcome;
}

std::uint32_t MarkovGame::cell(int h, int s, std::size_t joint) const { return cells_[cell_index(h, s, joint)]; }

bool MarkovGame::complete() const {
  for (std::uint32_t c : cells_)
    if (c == kUnset) return false;
  return true;
}

MarkovGame::Cell MarkovGame::first_unset() const {
  for (std::size_t k = 0; k < cells_.size(); ++k)
    if (cells_[k] == kUnset) {
      const std::size_t hs = k / num_joint_;
      return {static_cast<int>(hs / states_.size()), static_cast<int>(hs % states_.size()), k % num_joint_};
    }
  game_misuse("every cell is set");
}

std::uint32_t MarkovGame::outcome_at(int h, int s, std::size_t joint) const {
  const std::uint32_t o = cells_[cell_index(h, s, joint)];
  if (o == kUnset)
    game_misuse("no outcome at step " + std::to_string(h) + ", state " + std::to_string(s) + ", joint action " +
           std::to_string(joint));
  return o;
}

std::size_t MarkovGame::joint_action(std::span<const int> per_player) const {
  if (per_player.size() != players_.size())
    game_misuse("a joint action needs " + std::to_string(players_.size()) + " actions, got " +
           std::to_string(per_player.size()));
  std::size_t joint = 0;
  for (std::size_t i = 0; i < per_player.size(); ++i) {
    if (per_player[i] < 0 || per_player[i] >= num_actions(static_cast<int>(i)))
      game_misuse("action " + std::to_string(per_player[i]) + " of player " + std::to_string(i) + " out of range");
    joint += static_cast<std::size_t>(per_player[i]) * stride_[i];
  }
  return joint;
}

int MarkovGame::action_of(std::size_t joint, int player) const {
  return static_cast<int>((joint / stride_[player]) % actions_[player].size());
}

std::vector<int> MarkovGame::player_actions(std::size_t joint) const {
  if (joint >= num_joint_) game_misuse("joint action " + std::to_string(joint) + " out of range");
  std::vector<int> out(players_.size());
  for (int i = 0; i < num_players(); ++i) out[i] = action_of(joint, i);
  return out;
}

std::span<const double> MarkovGame::rewards(int h, int s, std::size_t joint) const {
  const std::size_t m = players_.size();
  return {outcome_rewards_.data() + outcome_at(h, s, joint) * m, m};
}

double MarkovGame::reward(int h, int s, std::size_t joint, int player) const {
  if (player < 0 || player >= num_players()) game_misuse("player " + std::to_string(player) + " out of range");
  return rewards(h, s, joint)[player];
}

double MarkovGame::normalised_reward(int h, int s, std::size_t joint, int player) const {
  return normalise(reward(h, s, joint, player));
}

std::span<const StateProb> MarkovGame::next(int h, int s, std::size_t joint) const {
  const std::uint32_t o = outcome_at(h, s, joint);
  if (h == horizon_ - 1) return {};
  return {next_entries_.data() + next_begin_[o], next_begin_[o + 1] - next_begin_[o]};
}

void MarkovGame::check_distributions(const std::vector<std::span<const double>>& p, int skip,
                                     const ExpectationOptions& options) const {
  if (num_joint_ > options.max_joint_actions)
    game_misuse("the product-expectation oracle would enumerate " + std::to_string(num_joint_) +
           " joint actions, over the limit of " + std::to_string(options.max_joint_actions));
  if (p.size() != players_.size())
    game_misuse("expected " + std::to_string(players_.size()) + " distributions, got " + std::to_string(p.size()));
  for (int j = 0; j < num_players(); ++j)
    if (j != skip && p[j].size() != actions_[j].size())
      game_misuse("player " + std::to_string(j) + "'s distribution has " + std::to_string(p[j].size()) +
             " entries for " + std::to_string(actions_[j].size()) + " actions");
}

PlayerExpectation MarkovGame::product_expectation(int h, int s, int player,
                                                  const std::vector<std::span<const double>>& p,
                                                  const ExpectationOptions& options) const {
  if (player < 0 || player >= num_players()) game_misuse("player " + std::to_string(player) + " out of range");
  check_distributions(p, player, options);
  const std::size_t S = states_.size();
  const std::size_t A = actions_[player].size();
  const std::size_t m = players_.size();
  const bool last = h == horizon_ - 1;
  const std::size_t row = cell_index(h, s, 0);
  PlayerExpectation out{std::vector<double>(A, 0.0), std::vector<double>(A * S, 0.0)};
  std::vector<std::size_t> sizes(m);
  for (std::size_t j = 0; j < m; ++j) sizes[j] = actions_[j].size();
  for_each_weighted_profile(sizes, stride_, p, player, [&](std::size_t base, double w) {
    for (std::size_t a = 0; a < A; ++a) {
      const std::uint32_t o = cells_[row + base + a * stride_[player]];
      if (o == kUnset) game_misuse("no outcome at step " + std::to_string(h) + ", state " + std::to_string(s));
      const double r = outcome_rewards_[o * m + static_cast<std::size_t>(player)];
      out.rewards[a] += w * (options.normalised ? normalise(r) : r);
      if (last) continue;
      double* t = out.next.data() + a * S;
      for (std::size_t k = next_begin_[o]; k < next_begin_[o + 1]; ++k)
        t[next_entries_[k].state] += w * next_entries_[k].prob;
    }
  });
  return out;
}

JointExpectation MarkovGame::joint_expectation(int h, int s, const std::vector<std::span<const double>>& p,
                                               const ExpectationOptions& options) const {
  check_distributions(p, -1, options);
  const std::size_t m = players_.size();
  const bool last = h == horizon_ - 1;
  const std::size_t row = cell_index(h, s, 0);
  JointExpectation out{std::vector<double>(m, 0.0), std::vector<double>(states_.size(), 0.0)};
  std::vector<std::size_t> sizes(m);
  for (std::size_t j = 0; j < m; ++j) sizes[j] = actions_[j].size();
  for_each_weighted_profile(sizes, stride_, p, -1, [&](std::size_t base, double w) {
    const std::uint32_t o = cells_[row + base];
    if (o == kUnset) game_misuse("no outcome at step " + std::to_string(h) + ", state " + std::to_string(s));
    for (std::size_t j = 0; j < m; ++j) {
      const double r = outcome_rewards_[o * m + j];
      out.rewards[j] += w * (options.normalised ? normalise(r) : r);
    }
    if (last) return;
    for (std::size_t k = next_begin_[o]; k < next_begin_[o + 1]; ++k)
      out.next[next_entries_[k].state] += w * next_entries_[k].prob;
  });
  return out;
}

}  // namespace eqlab
