#pragma once
// The NFCCE gap of a uniform mixture of product profiles (1/T) Σ_t (x_1^t × ... × x_n^t),
// accumulated round by round. Player i's gap is the best response to the average of its
// per-round utility gradients minus its average value: exactly its external regret / T.
// The product of the average strategies is a different distribution, never used here.
#include <cstdint>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

class NfcceGap {
 public:
  explicit NfcceGap(const CompiledGame& game);

  // Adds one round's profile (every player's sequence-form strategy of that round).
  void add(const Profile& x);

  std::int64_t rounds() const { return rounds_; }
  // Per player: best-response value against the mixture minus the mixture's value.
  std::vector<double> player_gaps() const;
  // max over players of max(0, gap_i); 0 before any round.
  double gap() const;

 private:
  const CompiledGame& game_;
  std::int64_t rounds_ = 0;
  std::vector<std::vector<double>> gradient_sum_;  // Σ_t g_i^t
  std::vector<double> value_sum_;                  // Σ_t <x_i^t, g_i^t>
  std::vector<double> scratch_;
};

}  // namespace eqlab
