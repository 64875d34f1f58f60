#pragma once
// `markov-team` (docs/GAMES.md), the (perturbed) team game: one shared reward
// r(h, s, a) ~ U[0, 1] and r_i = clamp(r + delta · noise_i, 0, 1) with noise_i ~ U[-1, 1]
// per (h, s, a, i). delta = 0 is an exact team game, a Markov potential game for any
// transitions (Φ = V); the transitions are G1's Dirichlet(kappa · 1) rows. Every entry is
// regenerated on demand from its key; the oracle enumerates the joint actions.
#include <eqlab/games/markov/generators/generator_common.hpp>

namespace eqlab::markov_gen {

struct TeamParams {
  GenSizes sizes;
  double delta = 0.0;  // noise scale, >= 0
  double kappa = 1.0;  // Dirichlet concentration, > 0
};

class TeamMarkov final : public DirichletMarkov {
 public:
  // UsageError when Π_j A_j exceeds 2^24, delta < 0 or kappa <= 0.
  explicit TeamMarkov(const TeamParams& params);

  // "markov-team(players=..,states=..,actions=..,horizon=..,delta=..,kappa=..,seed=..)"
  static std::string canonical_name(const TeamParams& params);

  void rewards(int h, int s, std::span<const int> a, std::span<double> out) const override;

 private:
  TeamParams params_;
};

}  // namespace eqlab::markov_gen
