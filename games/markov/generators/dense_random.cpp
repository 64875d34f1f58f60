#include <eqlab/games/markov/generators/dense_random.hpp>

#include <cmath>
#include <vector>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

namespace {

const DenseRandomParams& checked(const DenseRandomParams& p) {
  if (!(p.kappa > 0.0) || !std::isfinite(p.kappa)) throw UsageError("markov-random: kappa must be > 0");
  if (p.constant_sum && p.sizes.players != 2)
    throw UsageError("markov-random: constant_sum needs players=2, not " + std::to_string(p.sizes.players));
  if (std::pow(static_cast<double>(p.sizes.actions), p.sizes.players) > kMaxEnumeratedJointActions)
    throw UsageError("markov-random: actions^players = " + std::to_string(p.sizes.actions) + "^" +
                     std::to_string(p.sizes.players) +
                     " joint actions is over 2^24; a dense game has no structure, so its exact "
                     "evaluation enumerates them; use fewer players or actions");
  return p;
}

}  // namespace

std::string DenseRandomMarkov::canonical_name(const DenseRandomParams& p) {
  return "markov-random(players=" + std::to_string(p.sizes.players) + ",states=" + std::to_string(p.sizes.states) +
         ",actions=" + std::to_string(p.sizes.actions) + ",horizon=" + std::to_string(p.sizes.horizon) +
         ",kappa=" + real_text(p.kappa) + ",constant_sum=" + (p.constant_sum ? "true" : "false") +
         ",seed=" + std::to_string(p.sizes.seed) + ")";
}

DenseRandomMarkov::DenseRandomMarkov(const DenseRandomParams& params)
    : MarkovModel(generated_shape(canonical_name(checked(params)), params.sizes)), params_(params) {}

void DenseRandomMarkov::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  const std::uint64_t joint = joint_index(a, params_.sizes.actions);
  const auto key = [&](int i) {
    return entry_uniform(params_.sizes.seed, Tensor::reward,
                         {static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(s), joint,
                          static_cast<std::uint64_t>(i)});
  };
  if (params_.constant_sum) {
    out[0] = key(0);
    out[1] = 1.0 - out[0];
    return;
  }
  for (int i = 0; i < num_players(); ++i) out[i] = key(i);
}

void DenseRandomMarkov::next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const {
  dense_transition(params_.sizes.seed, params_.kappa, h, s, joint_index(a, params_.sizes.actions),
                   out.first(num_states()));
}

int DenseRandomMarkov::sample_next(int h, int s, std::span<const int> a, double u) const {
  std::vector<double> dist(num_states());
  next_distribution(h, s, a, dist);
  return invert_cdf(dist, u);
}

void DenseRandomMarkov::player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                                           std::span<double> next) const {
  enumerate_player_expectation(h, s, player, p, rewards, next, kMaxEnumeratedJointActions);
}

void DenseRandomMarkov::joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                                          std::span<double> next) const {
  enumerate_joint_expectation(h, s, p, rewards, next, kMaxEnumeratedJointActions);
}

}  // namespace eqlab::markov_gen
