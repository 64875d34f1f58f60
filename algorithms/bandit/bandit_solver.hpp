#pragma once
// Self-play with bandit feedback: one uncoupled BanditLearner per player, one sampled
// episode per step. Each player draws its actions from its own random stream, keyed by
// (seed, player), and chance from a stream of its own, so a player's play depends only on
// its own stream and what it observes.
//
// The profile of round t is every player's expected strategy before episode t (the
// strategy the episode was sampled from): played_profile() returns it, and the runner
// measures the mixture of those profiles. output_profile() is the average of the played
// sequence-form strategies.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <eqlab/algorithms/average_strategy.hpp>
#include <eqlab/algorithms/bandit/bandit_learner.hpp>
#include <eqlab/algorithms/solver.hpp>
#include <eqlab/lib/rng.hpp>
#include <eqlab/algorithms/bandit/episode.hpp>

namespace eqlab {

class BanditSelfPlay final : public Solver {
 public:
  // `learners`: one per player of `game`, which must outlive the solver. `params` is
  // written into results as is (the seed is added).
  BanditSelfPlay(const CompiledGame& game, std::vector<std::unique_ptr<BanditLearner>> learners,
                 std::string name, nlohmann::json params, std::uint64_t seed,
                 std::optional<Concept> solution_concept = std::nullopt);

  void step() override;
  std::int64_t iteration() const override { return episodes_; }
  std::string name() const override { return name_; }
  // The concept given at construction; by default Nash for two-player constant-sum games
  // (the average converges), else the NFCCE that the mixture of uncoupled no-regret play
  // approaches.
  Concept solution_concept() const override;
  nlohmann::json params() const override { return params_; }
  Profile output_profile() const override;
  Profile current_profile() const override;
  const Profile* played_profile() const override { return &played_; }

  BanditLearner& learner(int player) { return *learners_[player]; }
  // The terminal reached by the last episode (-1 before the first).
  int last_terminal() const { return last_terminal_; }

 private:
  const CompiledGame& game_;
  EpisodeSimulator simulator_;
  std::vector<std::unique_ptr<BanditLearner>> learners_;
  std::vector<BanditLearner*> learner_view_;
  RngStream chance_rng_;
  std::vector<RngStream> player_rng_;
  std::string name_;
  std::optional<Concept> concept_;
  nlohmann::json params_;
  Profile played_;
  AverageStrategy average_;
  std::int64_t episodes_ = 0;
  int last_terminal_ = -1;
};

// The random-stream purposes of bandit self-play (see RngStream).
inline constexpr std::uint64_t kBanditChancePurpose = 0xba4d17c4a7ce0001ULL;
inline constexpr std::uint64_t kBanditPlayerPurpose = 0xba4d17c4a7ce0002ULL;

}  // namespace eqlab
