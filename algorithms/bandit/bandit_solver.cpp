#include <eqlab/algorithms/bandit/bandit_solver.hpp>

#include <algorithm>
#include <utility>

#include <eqlab/lib/error.hpp>

namespace eqlab {

BanditSelfPlay::BanditSelfPlay(const CompiledGame& game, std::vector<std::unique_ptr<BanditLearner>> learners,
                               std::string name, nlohmann::json params, std::uint64_t seed,
                               std::optional<Concept> solution_concept)
    : game_(game),
      simulator_(game),
      learners_(std::move(learners)),
      chance_rng_(seed, kBanditChancePurpose, 0),
      name_(std::move(name)),
      concept_(solution_concept),
      params_(std::move(params)),
      average_(game.uniform_profile()) {
  const int n = game.num_players();
  if (static_cast<int>(learners_.size()) != n)
    throw UsageError("bandit self-play: need one learner per player");
  for (int p = 0; p < n; ++p) {
    learner_view_.push_back(learners_[p].get());
    player_rng_.emplace_back(seed, kBanditPlayerPurpose, static_cast<std::uint64_t>(p));
  }
  params_["seed"] = seed;
  played_ = current_profile();
}

Concept BanditSelfPlay::solution_concept() const {
  if (concept_) return *concept_;
  return game_.num_players() == 2 && game_.constant_sum ? Concept::nash : Concept::nfcce;
}

void BanditSelfPlay::step() {
  for (int p = 0; p < game_.num_players(); ++p) {
    const std::span<const double> x = learners_[p]->expected_strategy();
    std::copy(x.begin(), x.end(), played_[p].begin());
    average_.add(p, played_[p], 1.0);
  }
  last_terminal_ = simulator_.play(learner_view_, chance_rng_, player_rng_);
  ++episodes_;
}

Profile BanditSelfPlay::output_profile() const { return average_.value(played_); }

Profile BanditSelfPlay::current_profile() const {
  Profile current;
  for (const auto& learner : learners_) {
    const std::span<const double> x = learner->expected_strategy();
    current.emplace_back(x.begin(), x.end());
  }
  return current;
}

}  // namespace eqlab
