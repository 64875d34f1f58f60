#pragma once
// `markov-random` (docs/GAMES.md), the dense random Markov game: every reward
// r_{h,i}(s, a) ~ U[0, 1] and every transition row P_h(·|s, a) ~ Dirichlet(kappa · 1),
// each regenerated on demand from its key (seed, tensor, h, s, joint action[, player]), so
// the game costs no memory whatever its size. Fully general, so the oracle enumerates the
// joint actions: the game is refused above kMaxEnumeratedJointActions of them.
#include <eqlab/games/markov/generators/generator_common.hpp>

namespace eqlab::markov_gen {

struct DenseRandomParams {
  GenSizes sizes;
  double kappa = 1.0;         // Dirichlet concentration, > 0
  bool constant_sum = false;  // two players only: r_1 = 1 - r_0
};

class DenseRandomMarkov final : public DirichletMarkov {
 public:
  // UsageError when Π_j A_j exceeds 2^24, kappa <= 0 or constant_sum without two players.
  explicit DenseRandomMarkov(const DenseRandomParams& params);

  // "markov-random(players=..,states=..,actions=..,horizon=..,kappa=..,constant_sum=..,seed=..)"
  static std::string canonical_name(const DenseRandomParams& params);

  void rewards(int h, int s, std::span<const int> a, std::span<double> out) const override;

 private:
  DenseRandomParams params_;
};

}  // namespace eqlab::markov_gen
