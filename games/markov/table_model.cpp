#include <eqlab/games/markov/table_model.hpp>

#include <algorithm>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

MarkovShape shape_of(const MarkovGame& game) {
  if (!game.complete()) {
    const MarkovGame::Cell c = game.first_unset();
    throw UsageError("Markov game '" + game.name() + "': no outcome at step " + std::to_string(c.h + 1) +
                     ", state '" + game.states()[c.s] + "'");
  }
  return {game.name(), game.players(), game.horizon(), game.states(), game.actions(), game.initial(),
          game.reward_lo(), game.reward_hi()};
}

}  // namespace

TableMarkovModel::TableMarkovModel(MarkovGame game, double max_enumerated)
    : MarkovModel(shape_of(game)), game_(std::move(game)), max_enumerated_(max_enumerated) {}

std::size_t TableMarkovModel::joint_index(std::span<const int> a) const {
  std::size_t joint = 0;
  for (int i = 0; i < num_players(); ++i) joint += static_cast<std::size_t>(a[i]) * game_.stride(i);
  return joint;
}

void TableMarkovModel::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  const std::span<const double> r = game_.rewards(h, s, joint_index(a));
  for (int i = 0; i < num_players(); ++i) out[i] = game_.normalise(r[i]);
}

int TableMarkovModel::sample_next(int h, int s, std::span<const int> a, double u) const {
  const std::span<const StateProb> next = game_.next(h, s, joint_index(a));
  double cumulative = 0.0;
  for (const StateProb& e : next) {
    cumulative += e.prob;
    if (u < cumulative) return e.state;
  }
  return next.back().state;  // u within rounding of 1
}

void TableMarkovModel::next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const {
  std::fill(out.begin(), out.begin() + num_states(), 0.0);
  for (const StateProb& e : game_.next(h, s, joint_index(a))) out[e.state] += e.prob;
}

void TableMarkovModel::player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                          std::span<double> next) const {
  enumerate_player_expectation(h, s, player, p, rewards, next, max_enumerated_);
}

void TableMarkovModel::joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                         std::span<double> next) const {
  enumerate_joint_expectation(h, s, p, rewards, next, max_enumerated_);
}

}  // namespace eqlab
