#pragma once
// What a V-learning run played: for every episode and step, the state and every player's
// choice there. CCE-V's choice is its action a; CE-V's is its sub-expert b and action a,
// kept as b·A_i + a. Given the game and the learner's options, this is the whole run: the
// learners' other inputs (rewards, optimistic values) are functions of the game and of what
// was played, so replaying the log through a new learner (VLearningSolver::replay) rebuilds
// the certified policy's visit log exactly, without drawing a random number.
//
// Why it exists: the visit log stores Σ_i A_i probabilities per visit; this stores
// ⌈log2 S⌉ bits (rounded to whole bytes) and Σ_i ⌈log2 choices_i⌉ bits per visit.
// 16 players with 2 actions, H = 2, 200,000 episodes: 1.2 MB here, 52 MB as float32
// distributions, 253 MB as JSON.
//
// Layout (also the payload of an eqlab-markov-play/1 file, docs/FORMAT.md): one record per
// (episode, step), episode-major, each `record_bytes()` long: the state as a little-endian
// unsigned integer of `state_bytes()` bytes, then the choices bit-packed, player 0 first,
// each in choice_bits(i) bits, least significant bit first, the last byte zero-padded.
// Cost: O(m) per record written or read; no allocation per episode beyond the growth of
// one byte vector.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace eqlab {

class PlayLog {
 public:
  PlayLog() = default;
  // `choices[i]` is the number of choices of player i (A_i or A_i²); both sizes >= 1.
  PlayLog(int horizon, int states, std::vector<int> choices);

  // Appends step h of the current episode; steps come in order 0..H-1, episode after episode.
  void add_step(int state, std::span<const int> choices);
  // Whole episodes recorded (a partly recorded episode does not count).
  std::int64_t episodes() const { return static_cast<std::int64_t>(bytes_.size() / record_bytes_) / horizon_; }
  // The state of step h of episode k, and every player's choice there.
  int state(std::int64_t k, int h) const;
  void choices(std::int64_t k, int h, std::span<int> out) const;

  int horizon() const { return horizon_; }
  int num_states() const { return states_; }
  int num_players() const { return static_cast<int>(choices_.size()); }
  int num_choices(int player) const { return choices_[static_cast<std::size_t>(player)]; }
  int choice_bits(int player) const { return bits_[static_cast<std::size_t>(player)]; }
  int state_bytes() const { return state_bytes_; }
  std::size_t record_bytes() const { return record_bytes_; }

  // The records as stored (the file's payload), and the inverse: `bytes` must hold whole
  // episodes (a multiple of H·record_bytes()); states and choices are not checked here.
  std::span<const std::uint8_t> bytes() const { return bytes_; }
  void assign_bytes(std::vector<std::uint8_t> bytes);
  std::size_t memory_bytes() const { return bytes_.capacity(); }

 private:
  const std::uint8_t* record(std::int64_t k, int h) const;

  int horizon_ = 1, states_ = 1;
  std::vector<int> choices_, bits_;
  int state_bytes_ = 1;
  std::size_t record_bytes_ = 1;
  std::vector<std::uint8_t> bytes_;
};

// The bits that hold the values 0..n-1 (0 for n = 1).
int bits_for(int n);

}  // namespace eqlab
