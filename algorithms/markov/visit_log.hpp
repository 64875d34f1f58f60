#pragma once
// The log behind the certified policy π̂ of CCE-/CE-V-learning: for every (h, s), the
// episodes in which it was visited and, per visit, the distribution every player drew its
// action from there (CCE-V: μ before its update; CE-V: the stationary marginal solved at
// that visit).
//
// Storage: per visit a 4-byte episode index and Σ_i A_i floats (float32: the
// distributions only weight values, and 2^-24 relative error is far below any gap eqlab
// reports). m = 32 players with 2 actions, H = 3, 10^6 episodes: 3·10^6 visits × 260 bytes
// = 780 MB. The alternative (replay the accumulators from logged actions and
// losses) would save a factor of A_i / 2 at the price of re-running the learners in every
// evaluation; at A_i = 2 it saves nothing.
//
// Conventions: visits and episodes are 0-based here (the papers' visit j is index j-1,
// its episode k is index k-1). N^k_h(s), the visits of (h, s) before episode k, is
// visits_before(h, s, k). The weights α_t = (H_α+1)/(H_α+t) use the learner's α-horizon,
// recorded in the log.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184 (Algorithm 2).
// Cost: O(Σ_i A_i) per logged visit (H visits per episode); visits_before() by binary
// search; drawing the index l walks back over at most t visits.
// See docs/algorithms/markov-learning.md, "The certified policy".
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/games/markov/markov_model.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

// α_t = (H_α+1)/(H_α+t) for t >= 1 (α_1 = 1).
inline double v_learning_alpha(int alpha_horizon, std::int64_t t) {
  return (alpha_horizon + 1.0) / (alpha_horizon + static_cast<double>(t));
}

// Draws l ∈ {1..t} with P(l = j) = α_t^j = α_j Π_{u=j+1}^{t} (1 - α_u), walking j = t, t-1,
// ... and accepting j with probability α_j (α_1 = 1 always accepts). t >= 1.
std::int64_t sample_alpha_index(int alpha_horizon, std::int64_t t, RngStream& rng);

class VisitLog {
 public:
  VisitLog(const MarkovModel& model, int alpha_horizon);

  // Records a visit of (h, s) in `episode` (episodes must not decrease across the visits of
  // one (h, s)); returns the Σ_i A_i floats where player i writes its distribution at
  // [action_offset(i), action_offset(i) + A_i). The span is valid until the next add_visit.
  std::span<float> add_visit(int h, int s, std::uint32_t episode);
  // Episodes played so far (the K of the certified policy): the driver sets it after each
  // episode, so that episodes that visit nothing at some step still count.
  void set_episodes(std::int64_t k) { episodes_ = k; }
  std::int64_t episodes() const { return episodes_; }

  std::int64_t visits(int h, int s) const { return static_cast<std::int64_t>(cell(h, s).episodes.size()); }
  std::span<const std::uint32_t> visit_episodes(int h, int s) const { return cell(h, s).episodes; }
  // N^k_h(s): visits of (h, s) in episodes 0..k-1 (binary search).
  std::int64_t visits_before(int h, int s, std::int64_t episode) const;
  // Player i's distribution at visit j (0-based) of (h, s).
  std::span<const float> distribution(int h, int s, std::int64_t j, int player) const;

  int alpha_horizon() const { return alpha_horizon_; }
  int horizon() const { return horizon_; }
  int num_states() const { return states_; }
  int num_players() const { return static_cast<int>(sizes_.size()); }
  std::size_t memory_bytes() const;
  // FNV-1a (64 bits) over K and every (h, s)'s visit episodes and float bits, in order: two
  // logs with the same checksum are, for any practical purpose, the same log. Play files
  // record it so that a replay that differs from the run that wrote it is caught.
  std::uint64_t checksum() const;

 private:
  struct Cell {
    std::vector<std::uint32_t> episodes;
    std::vector<float> probs;  // visit-major, Σ_i A_i per visit
  };
  const Cell& cell(int h, int s) const { return cells_[static_cast<std::size_t>(h) * states_ + s]; }
  Cell& cell(int h, int s) { return cells_[static_cast<std::size_t>(h) * states_ + s]; }

  int horizon_ = 0, states_ = 0, alpha_horizon_ = 0;
  std::size_t row_ = 0;  // Σ_i A_i
  std::vector<std::size_t> offsets_, sizes_;
  std::vector<Cell> cells_;
  std::int64_t episodes_ = 0;
};

}  // namespace eqlab
