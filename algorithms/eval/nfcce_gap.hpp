#pragma once
// The NFCCE gap of a uniform mixture of product profiles (1/T) Σ_t (x_1^t × ... × x_n^t),
// accumulated round by round. Player i's gap is the best response to the average of its
// per-round utility gradients minus its average value: exactly its external regret / T.
// The product of the average strategies is a different distribution, never used here.
// Weighted mixtures Σ_k w_k (x^k) / Σ_k w_k, as read from a distribution file, are
// accumulated the same way with add(x, w).
//
// Reference: Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294 (NFCCE gap = external
// regret / T).
// Cost per round: one utility gradient per player, O((n-1)·|Z|); one best response per
// player, O(|Σ_i|), when the gap is read.
// See docs/algorithms/evaluation.md, "NFCCE gap".
#include <cstdint>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

class NfcceGap {
 public:
  explicit NfcceGap(const CompiledGame& game);

  // Adds one round's profile (every player's sequence-form strategy of that round).
  void add(const Profile& x) { add(x, 1.0); }
  // Adds a profile with weight w > 0: every sum divides by the total weight, so add(x)
  // T times and add(x, 1/T) T times describe the same mixture.
  void add(const Profile& x, double weight);
  // The same, given every player's utility gradient at x (CompiledGame::utility_gradient),
  // so that meters measuring one round share them.
  void add(const Profile& x, const Profile& gradients, double weight);

  std::int64_t rounds() const { return rounds_; }
  double total_weight() const { return total_weight_; }
  // Per player: best-response value against the mixture minus the mixture's value.
  std::vector<double> player_gaps() const;
  // Per player: the mixture's expected value; 0 before any round.
  std::vector<double> values() const;
  // max over players of max(0, gap_i); 0 before any round.
  double gap() const;

 private:
  const CompiledGame& game_;
  std::int64_t rounds_ = 0;
  double total_weight_ = 0.0;                      // Σ_t w_t
  std::vector<std::vector<double>> gradient_sum_;  // Σ_t w_t g_i^t
  std::vector<double> value_sum_;                  // Σ_t w_t <x_i^t, g_i^t>
  Profile gradients_;  // add(x, w)'s scratch: this round's, per player
};

}  // namespace eqlab
