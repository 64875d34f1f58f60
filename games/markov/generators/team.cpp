#include <eqlab/games/markov/generators/team.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

namespace {

const TeamParams& checked(const TeamParams& p) {
  if (!(p.kappa > 0.0) || !std::isfinite(p.kappa)) throw UsageError("markov-team: kappa must be > 0");
  if (!(p.delta >= 0.0) || !std::isfinite(p.delta)) throw UsageError("markov-team: delta must be >= 0");
  check_enumerable("markov-team", p.sizes,
                   "the team reward is a dense table, so its exact evaluation enumerates them");
  return p;
}

}  // namespace

std::string TeamMarkov::canonical_name(const TeamParams& p) {
  return "markov-team(players=" + std::to_string(p.sizes.players) + ",states=" + std::to_string(p.sizes.states) +
         ",actions=" + std::to_string(p.sizes.actions) + ",horizon=" + std::to_string(p.sizes.horizon) +
         ",delta=" + real_text(p.delta) + ",kappa=" + real_text(p.kappa) + ",seed=" + std::to_string(p.sizes.seed) +
         ")";
}

TeamMarkov::TeamMarkov(const TeamParams& params)
    : DirichletMarkov(generated_shape(canonical_name(checked(params)), params.sizes), params.sizes, params.kappa),
      params_(params) {}

void TeamMarkov::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  const std::uint64_t joint = joint_of(a);
  const auto hh = static_cast<std::uint64_t>(h), ss = static_cast<std::uint64_t>(s);
  const double shared = entry_uniform(seed(), Tensor::team_reward, {hh, ss, joint});
  for (int i = 0; i < num_players(); ++i) {
    if (params_.delta == 0.0) {
      out[i] = shared;  // no noise draw at all: delta = 0 is exactly a team game
      continue;
    }
    const double noise =
        2.0 * entry_uniform(seed(), Tensor::team_noise, {hh, ss, joint, static_cast<std::uint64_t>(i)}) -
        1.0;
    out[i] = std::clamp(shared + params_.delta * noise, 0.0, 1.0);
  }
}

}  // namespace eqlab::markov_gen
