#pragma once
// Nash-CA, coordinate ascent for Markov potential games (Algorithm 3 of Song–Mei–Bai).
// From a deterministic Markov product policy π (action 0 everywhere), each round:
//   1. runs π for N episodes: V̂_i(π) = the mean return of each player;
//   2. for each player i in turn, freezes π_{-i}, learns π̂_i by UCBVI (ucbvi.hpp) for at
//      most K_i episodes, then runs (π̂_i, π_{-i}) for N fresh episodes:
//      Δ_i = V̂_i(π̂_i, π_{-i}) − V̂_i(π). At the practical preset, when π̂_i equals π_i,
//      Δ_i = 0 exactly and those N episodes are skipped (they would only estimate 0 with
//      noise); the paper preset plays them, as Algorithm 3 does, so that episode counts
//      are the paper's;
//   3. if max_i Δ_i > ε/2, the first player reaching the maximum switches to π̂_i (one
//      potential improvement); otherwise π is returned as a pure ε-NE.
// At the paper preset each estimate is within ε/8 of its mean (N = 32·H²ι/ε²), so a
// switch (Δ_i > ε/2 measured) raises the potential Φ by more than ε/4, and at most
// 4Φ_max/ε switches happen; max_rounds defaults to that bound with Φ_max ≤ m·H. Every
// episode is counted, the evaluation ones included. run_episode() plays exactly one
// episode (a state machine over the phases above) and returns false from the moment π
// is returned; it stops as well after max_rounds rounds (converged() is then false).
// The learners are deterministic and the argmax breaks ties by the lowest player and
// action, so results depend on the seed (the simulator's draws) alone.
//
// Reference: Song, Mei, Bai, "When Can We Learn General-Sum Markov Games with a Large Number
// of Players Sample-Efficiently?", ICLR 2022, arXiv:2110.04184.
// Cost per episode: O(H) to play plus, while a player learns, the UCBVI planning of
// ucbvi.hpp; at most 4·Φ_max/ε rounds in a Markov potential game.
// See docs/algorithms/markov-learning.md, "nash-ca".
#include <cstdint>
#include <span>
#include <vector>

#include <eqlab/algorithms/markov/markov_solver.hpp>
#include <eqlab/algorithms/markov/potential/nash_ca_options.hpp>
#include <eqlab/algorithms/markov/potential/ucbvi.hpp>
#include <eqlab/games/markov/markov_simulator.hpp>

namespace eqlab {

class NashCa final : public MarkovSolver {
 public:
  NashCa(const MarkovModel& model, const nlohmann::json& options, std::uint64_t seed);

  std::string name() const override { return "nash-ca"; }
  Concept solution_concept() const override { return Concept::nash; }
  bool run_episode() override;
  std::int64_t episodes() const override { return simulator_.episodes(); }
  // The current deterministic profile; once finished, the returned one.
  const ProductPolicy* product() const override { return &policy_; }
  nlohmann::json params() const override;
  std::size_t memory_bytes() const override;

  // For reports.
  bool finished() const { return phase_ == Phase::kDone; }
  bool converged() const { return converged_; }  // finished with max_i Δ_i ≤ ε/2
  std::int64_t rounds() const { return rounds_; }              // rounds completed
  std::int64_t improvements() const { return improvements_; }  // switches (Φ-improvements)
  std::int64_t learner_episodes() const { return learner_episodes_; }
  std::int64_t evaluation_episodes() const { return evaluation_played_; }
  // The profile: one action per (h, s, player) at [(h·S + s)·m + i].
  std::span<const int> profile() const { return profile_; }
  const NashCaOptions& options() const { return options_; }
  // Player i's learner (its options are those of its latest learning run).
  const Ucbvi& learner(int player) const { return learners_[player]; }
  // Δ_i of the latest round, per player.
  std::span<const double> last_deltas() const { return deltas_; }

 private:
  enum class Phase { kEvaluateBase, kLearn, kEvaluateDeviation, kDone };
  // One episode of a fixed deterministic profile, every player's return added to sums.
  void play(std::span<const int> profile, std::span<double> sums);
  // After player learner_'s Δ is known: the next player, or the end of the round.
  void next_player();
  void start_learning();
  void decide();

  const MarkovModel& model_;
  NashCaOptions options_;
  std::uint64_t seed_;
  MarkovSimulator simulator_;
  std::vector<Ucbvi> learners_;
  std::vector<int> profile_, deviation_, candidates_;  // candidates_: π̂_i at [i·H·S + h·S + s]
  ProductPolicy policy_;
  std::vector<double> base_sums_, deviation_sums_, deltas_, step_rewards_;
  std::vector<int> joint_;
  Phase phase_ = Phase::kEvaluateBase;
  int learner_ = 0;
  std::int64_t evaluated_ = 0;  // episodes of the current evaluation phase
  std::int64_t rounds_ = 0, improvements_ = 0, learner_episodes_ = 0, evaluation_played_ = 0;
  bool converged_ = false;
};

}  // namespace eqlab
