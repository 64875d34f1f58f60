#include <eqlab/games/markov/generators/dense_random.hpp>

#include <cmath>

#include <eqlab/lib/error.hpp>

namespace eqlab::markov_gen {

namespace {

const DenseRandomParams& checked(const DenseRandomParams& p) {
  if (!(p.kappa > 0.0) || !std::isfinite(p.kappa)) throw UsageError("markov-random: kappa must be > 0");
  if (p.constant_sum && p.sizes.players != 2)
    throw UsageError("markov-random: constant_sum needs players=2, not " + std::to_string(p.sizes.players));
  check_enumerable("markov-random", p.sizes, "a dense game has no structure, so its exact evaluation enumerates them");
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
    : DirichletMarkov(generated_shape(canonical_name(checked(params)), params.sizes), params.sizes, params.kappa),
      params_(params) {}

void DenseRandomMarkov::rewards(int h, int s, std::span<const int> a, std::span<double> out) const {
  const std::uint64_t joint = joint_of(a);
  const auto key = [&](int i) {
    return entry_uniform(seed(), Tensor::reward,
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

}  // namespace eqlab::markov_gen
