#pragma once
// Episodes of a Markov game, as the learners meet them (docs/algorithms/markov-learning.md): draw
// s_1 ~ ρ, then at each step every player acts, each gets its own reward, and the next
// state is drawn. Only the environment's randomness lives here, in its own stream keyed
// by (seed, "environment"), so that the learners' draws (their own streams) never shift it.
// What a player may look at is up to the learner: eqlab's decentralized learners read
// the states, their own action and their own reward only (bandit feedback).
#include <cstdint>
#include <span>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

class MarkovSimulator {
 public:
  MarkovSimulator(const MarkovModel& model, std::uint64_t seed);

  // Starts an episode: the initial state.
  int reset();
  // Step h of the current episode in state s under joint action a: writes every player's
  // normalised reward (m entries) and returns the next state, or -1 after the last step.
  int step(int h, int s, std::span<const int> a, std::span<double> rewards);

  const MarkovModel& model() const { return model_; }
  std::int64_t episodes() const { return episodes_; }  // resets so far

 private:
  const MarkovModel& model_;
  RngStream rng_;
  std::int64_t episodes_ = 0;
};

// The stream purposes used across the Markov learners, so that no two collide.
namespace markov_stream {
inline constexpr std::uint64_t kEnvironment = 0x6d61726b'656e7631ULL;  // the simulator
inline constexpr std::uint64_t kLearner = 0x6d61726b'6c726e31ULL;      // one per player
inline constexpr std::uint64_t kOutput = 0x6d61726b'6f757431ULL;       // sampling an output policy
}  // namespace markov_stream

}  // namespace eqlab
