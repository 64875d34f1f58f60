#pragma once
// One episode of play with bandit feedback: a walk from the root of a compiled game to a
// terminal, chance nodes sampled from their probabilities and decision nodes asking the
// acting player's learner for an action. Each learner sees only its own infosets (as the
// compiled per-player index), picks with its own random stream, and at the end receives
// only its own reward, the terminal payoff normalised with the game's global bounds:
//   reward_i = (u_i − U_min) / (U_max − U_min)  ∈ [0, 1].
#include <span>

#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class EpisodeSimulator {
 public:
  // Keeps a reference to the game, which must outlive the simulator.
  explicit EpisodeSimulator(const CompiledGame& game);

  // Plays one episode: begin_episode() for every player, the walk, then
  // end_episode(reward_i) for every player. `learners` and `player_rng` have one entry per
  // player. Returns the terminal index reached. Allocates nothing.
  int play(std::span<BanditLearner* const> learners, RngStream& chance, std::span<RngStream> player_rng);

  const CompiledGame& game() const { return game_; }
  // The reward player p gets at terminal t.
  double reward(int terminal, int player) const;

 private:
  const CompiledGame& game_;
  double min_payoff_ = 0.0;
  double inverse_span_ = 1.0;
};

}  // namespace eqlab
