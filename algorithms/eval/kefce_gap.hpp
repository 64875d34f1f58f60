#pragma once
// The exact K-EFCE gap of a mixture of product profiles Σ_t λ_t (π_1^t × ... × π_n^t),
// accumulated one profile at a time.
//
// A K-deviator of player i sees the recommendation at each own infoset until it has
// played against it K times, then plays blind; its history is timed. Each profile
// adds, for every augmented state (x, σ) with reach weight w^t(x, σ),
//   observing: S[x,σ][r][a] += λ w π^t(r|x) g^t(x, a)    blind: S[x,σ][a] += λ w g^t(x, a),
// g^t being player i's utility gradient against the others. The best modification comes
// from one bottom-up DP over the states, whose argmaxes form an optimal φ.
// Player i's gap is (best deviation value − value of following) / Σ λ_t; the overall gap
// is max_i max(0, gap_i). K = 0 is the NFCCE gap, K = 1 the single-deviation (EFCE)
// notion, and K ≥ the player's own depth the ∞-EFCE gap.
//
// Profiles are read as behavioural strategies: add() converts a sequence-form profile
// with Treeplex::to_behavioural, so infosets the profile never reaches recommend the
// uniform strategy there (this matters from K = 2 on, where a deviator can reach them
// and still read recommendations). add_behavioural() takes the recommendations directly.
//
// Reference: Song, Mei, Bai, "Sample-Efficient Learning of Correlated Equilibria in
// Extensive-Form Games", NeurIPS 2022, arXiv:2205.07223.
// Cost per profile and player: O(N_obs·A² + N_blind·A) over the augmented states (plus
// one gradient); the final DP the same.
// See docs/algorithms/evaluation.md, "K-EFCE gap", and docs/algorithms/kefce.md.
#include <cstdint>
#include <vector>

#include <eqlab/lib/augmented_states.hpp>
#include <eqlab/games/extensive/compiled_game.hpp>

namespace eqlab {

// One player's deterministic modification φ ∈ Φ^K, state by state: for state s,
// choice[offset[s] .. offset[s + 1]) holds φ[x,σ](r) for every recommendation r when s
// observes, and the one fixed action when it is blind (action indices at x).
struct KefceModification {
  std::vector<std::size_t> offset;  // per state + 1
  std::vector<int> choice;
};

class KefceGap {
 public:
  // Counts every player's augmented states first and throws UsageError, building nothing,
  // when their total exceeds max_states (or when k < 0).
  KefceGap(const CompiledGame& game, int k, std::uint64_t max_states = kDefaultMaxAugmentedStates);

  // Adds one profile of sequence-form strategies (every player's, of one round).
  void add(const Profile& x) { add(x, 1.0); }
  // Adds a profile with weight λ > 0; the gaps divide by the total weight.
  void add(const Profile& x, double weight);
  // The same with behavioural strategies (entry s = probability of sequence s's action at
  // its infoset; entry 0 ignored), which define a recommendation at every infoset.
  void add_behavioural(const Profile& behavioural, double weight);

  int k() const { return k_; }
  std::int64_t rounds() const { return rounds_; }
  double total_weight() const { return total_weight_; }
  const AugmentedStates& states(int player) const { return players_[player].states; }

  // Per player: (best modification's value − following's value) / total weight. Never
  // negative for K ≥ 1; may be for K = 0. 0 before any profile.
  std::vector<double> player_gaps() const;
  // Per player: the mixture's expected value; 0 before any profile.
  std::vector<double> values() const;
  // max over players of max(0, gap_i).
  double gap() const;
  // An optimal modification of the player (ties go to the lowest action index).
  KefceModification best_modification(int player) const;

 private:
  struct PlayerSums {
    explicit PlayerSums(AugmentedStates s) : states(std::move(s)) {}
    AugmentedStates states;
    std::vector<std::size_t> row;  // per state + 1: where its statistics start
    std::vector<double> sums;      // S_obs rows (A×A, by r then a) and S_bl rows (A)
    double follow = 0.0;           // Σ λ ⟨x^t, g^t⟩, the empty sequence included
    double empty = 0.0;            // Σ λ g^t(∅): payoffs no own move can change
    std::vector<double> gradient;  // scratch: g^t
    std::vector<double> weight;    // scratch: w^t per state
  };

  void check_shape(const Profile& profile, const char* what) const;
  // Both forms of the profile: the gradient needs sequence form, the weights behaviour.
  void accumulate(const Profile& sequence_form, const Profile& behavioural, double weight);
  void add_player(int player, const Profile& sequence_form, const Profile& behavioural, double weight);
  // The bottom-up DP over the states; fills `modification` when it is not null. Returns the best value
  // (unnormalised, the empty sequence's constant included).
  double best_value(int player, KefceModification* modification) const;

  const CompiledGame& game_;
  int k_;
  std::int64_t rounds_ = 0;
  double total_weight_ = 0.0;
  std::vector<PlayerSums> players_;
  Profile converted_;  // scratch: the other form of the profile being added
  std::size_t work_per_round_ = 0;
};

}  // namespace eqlab
