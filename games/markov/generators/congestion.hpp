#pragma once
// markov-congestion (docs/GAMES.md), the Markov congestion game: every player picks one of
// F facilities (A_i = F) and gets r_{h,i}(s, a) = c_{h,s}(a_i, n_{a_i}(a)), where n_f(a) is
// the number of players on f and c_{h,s}(f, k) ∈ [0, 1], k = 1..m, is random and
// non-increasing in the load k (m uniform draws sorted in descending order). Transitions
// do not depend on the actions (Dirichlet rows P_h(·|s)), so with Rosenthal's stage
// potential φ_{h,s}(a) = Σ_f Σ_{k=1}^{n_f(a)} c_{h,s}(f, k) it is a Markov potential game.
//
// The oracle is exact and polynomial: against independent players, the load the others
// put on f is Poisson-binomial, computed by an O(m²) dynamic programme per facility.
// Memory: H·S·F·m costs plus (H-1)·S² transition entries; refused above 2^27 doubles.
#include <vector>

#include <eqlab/games/markov/generators/generator_common.hpp>

namespace eqlab::markov_gen {

struct CongestionParams {
  GenSizes sizes;      // sizes.actions is the number of facilities F
  double kappa = 1.0;  // Dirichlet concentration of the transition rows, > 0
};

class CongestionMarkov final : public MarkovModel {
 public:
  // UsageError for kappa <= 0 or tables over 2^27 doubles.
  explicit CongestionMarkov(const CongestionParams& params);

  // "markov-congestion(players=..,states=..,actions=..,horizon=..,kappa=..,seed=..)"
  static std::string canonical_name(const CongestionParams& params);

  // c_{h,s}(f, k), 1 <= k <= m.
  double cost(int h, int s, int f, int k) const { return costs_[cost_offset(h, s, f) + (k - 1)]; }
  // Rosenthal's potential φ_{h,s}(a) = Σ_f Σ_{k=1}^{n_f(a)} c_{h,s}(f, k).
  double potential(int h, int s, std::span<const int> a) const;

  void rewards(int h, int s, std::span<const int> a, std::span<double> out) const override;
  int sample_next(int h, int s, std::span<const int> a, double u) const override;
  void next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const override;
  // Cost O(m²·F + F·S).
  void player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                          std::span<double> next) const override;
  // Cost O(m²·F + S): one load law per facility over all players, then each player's
  // leave-one-out law by removing its own Bernoulli from it in O(m).
  void joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                         std::span<double> next) const override;

 private:
  std::size_t cost_offset(int h, int s, int f) const {
    return ((static_cast<std::size_t>(h) * num_states() + s) * num_actions(0) + f) * num_players();
  }
  const double* state_row(int h, int s) const {
    return rows_.data() + (static_cast<std::size_t>(h) * num_states() + s) * num_states();
  }

  CongestionParams params_;
  std::vector<double> costs_;  // [((h·S + s)·F + f)·m + k - 1]
  std::vector<double> rows_;   // [(h·S + s)·S + s'], h < H-1
};

}  // namespace eqlab::markov_gen
