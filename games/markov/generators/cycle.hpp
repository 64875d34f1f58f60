#pragma once
// `markov-cycle` (docs/GAMES.md): stage games without a pure equilibrium, on which
// independent learners cycle, played on a small chain of states.
//
// Two players, A >= 3 actions (A = 3 is Shapley's game): player 0 gets 1 when
// a_1 = a_0 + 1 (mod A), player 1 gets 1 when a_0 = a_1 + 1 (mod A), otherwise 0. Each
// player's best reply is "one below" the other's action, so best replies cycle through
// every action; the game is general-sum (a tie pays nobody). Transition: a tie (a_0 = a_1)
// keeps the state, any other outcome moves to s + 1 (mod S).
//
// m >= 3 players, A = 2 (cyclic matching pennies): player i < m-1 gets 1 when
// a_i = a_{i+1}, player m-1 gets 1 when a_{m-1} != a_0. Going round the circle, the
// players' wishes ask for an odd number of changes, so no pure profile satisfies them all
// and there is no pure equilibrium for any m. (The alternative "odd players mismatch" has
// pure equilibria whenever m/2 rounds down to an even number, hence this variant.)
// Transition: s + 1 (mod S) when an odd number of players play action 1, else s.
//
// Every state plays the same stage game; the game is deterministic given its sizes. With
// perturb = ε > 0, every reward becomes (base + ε·U) / (1 + ε), U ~ U[0, 1] keyed by
// (seed, h, s, joint action, player), which breaks ties between seeds; the oracle then
// enumerates the joint actions (refused above 2^24). Without it the oracle has a closed form.
#include <eqlab/games/markov/generators/generator_common.hpp>

namespace eqlab::markov_gen {

struct CycleParams {
  GenSizes sizes;        // players >= 2; actions >= 3 for two players, 2 for more
  double perturb = 0.0;  // >= 0
};

class CycleMarkov final : public MarkovModel {
 public:
  // UsageError for the action counts above, a negative perturb, or perturb > 0 with more
  // than 2^24 joint actions.
  explicit CycleMarkov(const CycleParams& params);

  // "markov-cycle(players=..,states=..,actions=..,horizon=..,perturb=..,seed=..)"
  static std::string canonical_name(const CycleParams& params);

  void rewards(int h, int s, std::span<const int> a, std::span<double> out) const override;
  int sample_next(int h, int s, std::span<const int> a, double u) const override;
  void next_distribution(int h, int s, std::span<const int> a, std::span<double> out) const override;
  void player_expectation(int h, int s, int player, ProductView p, std::span<double> rewards,
                          std::span<double> next) const override;
  void joint_expectation(int h, int s, ProductView p, std::span<double> rewards,
                         std::span<double> next) const override;

 private:
  int successor(int s, std::span<const int> a) const;
  // The unperturbed closed form (m >= 3) of E[r_i | a_i = b] against the others.
  double matching_reward(int player, int b, ProductView p) const;

  CycleParams params_;
};

}  // namespace eqlab::markov_gen
