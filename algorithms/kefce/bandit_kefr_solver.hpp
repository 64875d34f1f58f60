#pragma once
// K-EFR with bandit feedback (solver "kefr" under --feedback bandit): every player runs the
// full-feedback KefrLearner, but on counterfactual values it estimates from its own
// sampled episodes.
//
// An iteration t holds Σ_i H_i exploration episodes, H_i being player i's own depth, in a
// fixed round-robin order: for each player i and h = 1..H_i, player i samples the balanced
// exploration policy μ^{⋆,h} at own depths ≤ h and its π_i^t below, every other player
// samples its π_j^t, chance samples the game's probabilities. If player i's path reaches
// (x_h, a_h) at depth h, with μ^⋆_{1:h} the product of the μ^{⋆,h} probabilities along it,
//   Q̂_i(x_h, a_h) = G / μ^⋆_{1:h}(x_h, a_h),    G = i's terminal reward in [0, 1],
// and every other depth-h entry is 0; E[Q̂_i] is the counterfactual value Q_i^t.
// At the end of the iteration every learner takes update_counterfactual(Q̂_i). A player's
// estimate uses only its own infosets, actions, reward and policies, so the learners stay
// uncoupled.
//
// One step() plays one episode, so iteration() counts episodes. played_profile() is the
// profile π^t of the iteration the last episode belongs to: the mixture over episodes
// weights each π^t by its number of episodes, uniformly over iterations.
//
// Reference: Song, Mei, Bai, "Sample-Efficient Learning of Correlated Equilibria in
// Extensive-Form Games", NeurIPS 2022, arXiv:2205.07223.
// Balanced exploration: Bai, Jin, Mei, Yu, "Near-Optimal Learning of Extensive-Form Games
// with Imperfect Information", ICML 2022, arXiv:2202.01752.
// Cost per iteration: Σ_i H_i episodes of O(path length) each, then every learner's
// update, O(N_obs·A² + N_blind·A + X·A³) per player.
// See docs/algorithms/kefce.md, "Bandit K-EFR".
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include <eqlab/algorithms/average_strategy.hpp>
#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/algorithms/kefce/kefr_learner.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/lib/treeplex_subtrees.hpp>
#include <eqlab/algorithms/bandit/episode.hpp>

namespace eqlab {

// One player's side of an episode: samples a fixed behavioural policy π, or, when
// exploring depth h, the balanced policy μ^{⋆,h} at own depths ≤ h and π below, and then
// reports the one estimate Q̂(x_h, a_h) its episode produced.
class ExplorationPlayer final : public BanditLearner {
 public:
  // Keeps a reference to the treeplex, which must outlive the player.
  explicit ExplorationPlayer(const Treeplex& treeplex);

  int max_depth() const { return max_depth_; }
  // The policy of the coming episodes: behavioural (per sequence, entry 0 ignored) and the
  // same in sequence form (what expected_strategy() returns). Both must stay alive and
  // unchanged while episodes are played with them.
  void set_policy(std::span<const double> behavioural, std::span<const double> sequence_form);
  // Explore own depth h (1..max_depth()) in the coming episodes; 0: play π only.
  void explore(int depth);

  void begin_episode() override;
  int act(int infoset, RngStream& rng) override;
  void end_episode(double reward) override;
  std::span<const double> expected_strategy() override { return plan_; }

  // After an exploring episode: the sequence (x_h, a_h) it played at the explored depth, or
  // -1 when its path had no own infoset there (all depth-h entries of Q̂ are then 0).
  int estimated_sequence() const { return sampled_sequence_; }
  // Q̂ of that sequence: the reward divided by μ^⋆_{1:h}(x_h, a_h).
  double estimate() const { return reward_ / path_probability_; }

 private:
  const Treeplex& treeplex_;
  std::vector<int> depth_;  // own depth per infoset (1 at the roots)
  int max_depth_ = 0;
  std::vector<std::vector<double>> layer_policy_;  // μ^{⋆,h} per sequence, h = 1..H (entry 0 empty)
  std::span<const double> policy_, plan_;
  int explore_depth_ = 0;
  double path_probability_ = 1.0;
  int sampled_sequence_ = -1;
  double reward_ = 0.0;
};

class BanditKefrSolver final : public Solver {
 public:
  // `episodes` is the run's horizon, only recorded in params(). Throws as KefrLearner.
  BanditKefrSolver(const CompiledGame& game, KefrOptions options, std::uint64_t seed = 0, std::int64_t episodes = 0);

  void step() override;
  std::int64_t iteration() const override { return episodes_; }
  std::string name() const override { return "kefr"; }
  Concept solution_concept() const override { return Concept::kefce; }
  nlohmann::json params() const override;
  // The marginals of the mixture: every player's average sequence-form strategy over the
  // episodes played.
  Profile output_profile() const override { return average_.value(current_profile()); }
  Profile current_profile() const override;
  const Profile* played_profile() const override { return episodes_ > 0 ? &played_ : nullptr; }
  // π^t at every infoset, reached or not (the K-EFCE gap for K ≥ 2 reads them).
  const Profile* played_behavioural() const override { return episodes_ > 0 ? &behavioural_ : nullptr; }
  // No own metrics: the learners' regret bounds hold for the estimated values only, not
  // for the true regret, so they would not bound the measured gap.

  int k() const { return options_.k; }
  // Episodes per iteration: Σ_i H_i (1 when no player has an infoset).
  int episodes_per_iteration() const { return static_cast<int>(schedule_.size()); }
  // Completed iterations (learner updates).
  std::int64_t iterations() const { return iterations_; }
  const KefrLearner& learner(int player) const { return *learners_[player]; }

 private:
  void begin_iteration();
  void end_iteration();

  const CompiledGame& game_;
  KefrOptions options_;
  std::uint64_t seed_;
  std::int64_t horizon_;
  EpisodeSimulator simulator_;
  std::vector<std::unique_ptr<KefrLearner>> learners_;
  std::vector<std::unique_ptr<ExplorationPlayer>> players_;
  std::vector<BanditLearner*> player_view_;
  RngStream chance_rng_;
  std::vector<RngStream> player_rng_;
  // The round-robin order of one iteration: (player, own depth) per episode; player -1
  // (nobody explores) only when no player has an infoset.
  std::vector<std::pair<int, int>> schedule_;
  std::size_t position_ = 0;  // the next episode's place in schedule_
  std::vector<std::vector<double>> estimate_;     // Q̂ per player and sequence, this iteration
  Profile behavioural_;                            // π^t per player, this iteration
  Profile played_;                                 // π^t in sequence form
  AverageStrategy average_{Profile{}};
  std::int64_t episodes_ = 0, iterations_ = 0;
};

// The random-stream purposes of bandit K-EFR (see RngStream).
inline constexpr std::uint64_t kBanditKefrChancePurpose = 0xbe4f7c4a7ce00001ULL;
inline constexpr std::uint64_t kBanditKefrPlayerPurpose = 0xbe4f7c4a7ce00002ULL;


}  // namespace eqlab
