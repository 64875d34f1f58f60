#pragma once
// The EFCE gap of a uniform mixture of product profiles (1/T) Σ_t (x_1^t × ... × x_n^t),
// accumulated round by round.
//
// A trigger deviation (τ → v) of player i, τ = (x_g, a_g), plays the recommendation until
// a_g is recommended at x_g and then the pure subtree plan v from x_g on. Its total gain
// over the rounds is ⟨v, W_τ⟩ − B_τ with
//   W_τ(x, a) = Σ_t x_i^t(τ) g_i^t(x, a)   for every sequence (x, a) of the subtree of x_g,
//   B_τ       = Σ_t Σ_{(x,a) ⪰ τ} x_i^t(x, a) g_i^t(x, a),
// g_i^t being player i's utility gradient against the others' round-t strategies. The
// best v comes from one best-response pass over the subtree. Player i's gap times T is its
// trigger regret in utility units (additive convention, not divided by trigger
// probabilities).
//
// References: Farina, Celli, Marchesi, Gatti, "Simple Uncoupled No-Regret Learning Dynamics
// for Extensive-Form Correlated Equilibrium", JACM 2022, arXiv:2104.01520 (trigger
// deviations); Bai, Jin, Mei, Song, Yu, "Efficient Phi-Regret Minimization in Extensive-Form
// Games via Online Mirror Descent", NeurIPS 2022, arXiv:2205.15294 (trigger regret).
// Cost per round and player: one gradient, O((n-1)·|Z|), one comparison of the plan with
// the last round's, O(|Σ_i|), plus the sums of the top-level subtrees whose plan changed,
// O(Σ_{x_g} |A(x_g)|·|Σ(subtree of x_g)|) ≤ O(H·A·|Σ_i|) when all did; the final best
// responses the same.
// See docs/algorithms/evaluation.md, "EFCE gap".
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/games/extensive/compiled_game.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>
#include <eqlab/lib/trigger_sums.hpp>

namespace eqlab {

class EfceGap {
 public:
  explicit EfceGap(const CompiledGame& game);

  // Adds one round's profile (every player's sequence-form strategy of that round).
  // Players and triggers are processed in parallel; the sums are the same for any
  // number of threads. Throws UsageError for a profile of the wrong shape.
  void add(const Profile& x) { add(x, 1.0); }
  // Adds a profile with weight w > 0: the gaps divide by the total weight, so add(x) T
  // times and add(x, 1/T) T times describe the same mixture.
  void add(const Profile& x, double weight);
  // The same, given every player's utility gradient at x (CompiledGame::utility_gradient),
  // so that meters measuring one round share them.
  void add(const Profile& x, const Profile& gradients, double weight);

  std::int64_t rounds() const { return rounds_; }
  double total_weight() const { return total_weight_; }
  // Per player: (1/total weight) max over trigger deviations of their total gain (may be negative
  // only when no trigger exists); 0 before any round.
  std::vector<double> player_gaps() const;
  // max over players of max(0, gap_i).
  double gap() const;

 private:
  // One player's share of add(): its gradient, then its stretches (W and B).
  // Both add()s: checks the round, then every player's share; `gradients` (per player, at
  // x) or nullptr to compute them.
  void add_round(const Profile& x, const Profile* gradients, double weight);
  // `given` is the player's gradient at x, or nullptr to compute it.
  void add_player(int player, const Profile& x, const std::vector<double>* given, double weight);
  // max over player's triggers τ of [best ⟨v, W_τ⟩ − B_τ], 0 without triggers.
  double best_total_gain(int player) const;

  // The sums W and B are kept lazily, per top-level subtree (a top-level infoset and all
  // below it; its triggers and their blocks lie inside it). While the player's plan stays
  // the same on a subtree from one round to the next, as it does outside the episode's
  // subtree for a bandit learner, Σ_t μ^t(τ) g^t = μ(τ) Σ_t g^t there: the gradients are
  // summed into the stretch's `gradient` over the subtree's sequences, and W and B take
  // the plan times that sum only when the plan changes. A plan that changes every round
  // adds exactly μ^t(τ) g^t, one round late, as an eager sum would; reading the gaps adds
  // the pending stretches.
  struct Stretch {
    std::vector<int> tops;              // the top-level infosets
    std::vector<int> infoset_begin;     // per top + 1: its infosets in `infosets`
    std::vector<int> infosets;          // each top's subtree, top first
    std::vector<char> open;             // per top: whether a stretch is pending (efce_gap.cpp)
    std::vector<double> plan;           // μ of the pending stretch, per sequence
    std::vector<double> gradient;       // Σ of g over the pending stretch, per sequence
    std::vector<int> closing;           // scratch: the infosets whose stretch closes
    std::span<const int> subtree(std::size_t k) const;  // top k's infosets, increasing
  };
  static Stretch stretch_of(const TreeplexSubtrees& st);
  // B_τ += R(τ) for the sequences of `infosets` (one top's subtree, increasing), R the
  // bottom-up sums of μ g; `below` is scratch.
  static void add_kept_sums(const Treeplex& tp, std::span<const int> infosets, const double* mu, const double* g,
                            double* below, double* kept);
  // Moves the pending stretch of every top whose plan differs in x into W and starts a new
  // one; adds g to the others'.
  void advance_stretches(int player, const std::vector<double>& mu, const double* g);

  const CompiledGame& game_;
  std::vector<TriggerSums> trigger_sums_;  // per player
  std::vector<Stretch> stretches_;  // per player
  std::int64_t rounds_ = 0;
  double total_weight_ = 0.0;
  std::vector<TreeplexSubtrees> subtrees_;     // per player
  std::vector<std::vector<double>> deviation_sum_;  // W without the pending stretches, per player, by trigger
  std::vector<std::vector<double>> kept_sum_;       // B without the pending stretches, per player and sequence
  std::vector<std::vector<double>> gradient_;       // scratch: g_i^t
  std::vector<std::vector<double>> below_;          // scratch: R per sequence
  std::size_t work_per_round_ = 0;                  // Σ over players of |W| + |Σ_i|
};

}  // namespace eqlab
