#include <eqlab/algorithms/markov/vlearning/vlearning_solver.hpp>

#include <limits>
#include <string>
#include <utility>

#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace {

// Where a replay stands, as its errors name it.
std::string replay_place(std::int64_t episode, int step) {
  return "episode " + std::to_string(episode) + ", step " + std::to_string(step);
}

std::vector<int> choice_counts(const MarkovModel& model, bool expert_choices) {
  std::vector<int> counts;
  for (int i = 0; i < model.num_players(); ++i) {
    const int A = model.num_actions(i);
    if (expert_choices && A > 46340) throw UsageError("ce-v: a player with more than 46,340 actions");
    counts.push_back(expert_choices ? A * A : A);
  }
  return counts;
}

}  // namespace

VLearningSolver::VLearningSolver(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed,
                                 bool expert_choices)
    : model_(model),
      options_(options),
      m_(model.num_players()),
      horizon_(model.horizon()),
      states_(model.num_states()),
      alpha_horizon_(vlearning_alpha_horizon(options, model)),
      simulator_(model, seed),
      current_(model),
      values_(m_, horizon_, states_),
      log_(model, alpha_horizon_),
      play_(horizon_, states_, choice_counts(model, expert_choices)),
      actions_(m_),
      choices_(m_),
      rewards_(m_) {
  options_.alpha_horizon = alpha_horizon_;
  if (options_.iota <= 0.0) options_.iota = vlearning_iota(options_, model);
  for (int i = 0; i < m_; ++i) rng_.emplace_back(seed, markov_stream::kLearner, static_cast<std::uint64_t>(i));
}

bool VLearningSolver::run_episode() {
  if (episodes_ >= std::numeric_limits<std::uint32_t>::max())
    throw UsageError(name() + ": the visit log counts at most 2^32 - 1 episodes");
  const auto episode = static_cast<std::uint32_t>(episodes_);
  int s = simulator_.reset();
  for (int h = 0; h < horizon_; ++h) {
    act(h, s, options_.log ? log_.add_visit(h, s, episode) : std::span<float>{});
    if (options_.log) play_.add_step(s, choices_);
    const int next = simulator_.step(h, s, actions_, rewards_);
    for (int i = 0; i < m_; ++i) update_player(i, h, s, next, rewards_[i]);
    s = next;
  }
  ++episodes_;
  log_.set_episodes(episodes_);
  return true;
}

void VLearningSolver::replay(PlayLog play) {
  if (episodes_ != 0) throw UsageError(name() + ": replay needs a solver that has played nothing");
  if (!options_.log) throw UsageError(name() + ": replay rebuilds the visit log, which needs log=true");
  if (play.horizon() != horizon_ || play.num_states() != states_ || play.num_players() != m_)
    throw UsageError(name() + ": the play log is for another shape of game");
  for (int i = 0; i < m_; ++i)
    if (play.num_choices(i) != play_.num_choices(i))
      throw UsageError(name() + ": the play log's choices of player " + std::to_string(i) + " are not this learner's");
  std::vector<double> next_distribution(static_cast<std::size_t>(states_));
  replaying_ = true;
  const std::int64_t episodes = play.episodes();
  for (std::int64_t k = 0; k < episodes; ++k) {
    if (k >= std::numeric_limits<std::uint32_t>::max())
      throw UsageError(name() + ": the visit log counts at most 2^32 - 1 episodes");
    int s = play.state(k, 0);
    if (s >= states_ || model_.initial()[static_cast<std::size_t>(s)] <= 0.0)
      throw InputError(replay_place(k, 0), "the game cannot start in state " + std::to_string(s));
    for (int h = 0; h < horizon_; ++h) {
      replay_step_ = h;
      play.choices(k, h, choices_);
      for (int i = 0; i < m_; ++i)
        if (choices_[i] >= play.num_choices(i))
          throw InputError(replay_place(k, h), "player " + std::to_string(i) + " has no choice " + std::to_string(choices_[i]));
      act(h, s, log_.add_visit(h, s, static_cast<std::uint32_t>(k)));
      model_.rewards(h, s, actions_, rewards_);
      int next = -1;
      if (h + 1 < horizon_) {
        next = play.state(k, h + 1);
        if (next < states_) model_.next_distribution(h, s, actions_, next_distribution);
        if (next >= states_ || next_distribution[static_cast<std::size_t>(next)] <= 0.0)
          throw InputError(replay_place(k, h + 1), "the game cannot move to state " + std::to_string(next) + " from state " +
                                                std::to_string(s) + " under the logged actions");
      }
      for (int i = 0; i < m_; ++i) update_player(i, h, s, next, rewards_[i]);
      s = next;
    }
    ++episodes_;
    log_.set_episodes(episodes_);
  }
  replaying_ = false;
  play_ = std::move(play);
}

void VLearningSolver::check_replayed_choice(int i, double probability) const {
  if (probability > 0.0) return;
  throw InputError(replay_place(episodes_, replay_step_),
                   "player " + std::to_string(i) + "'s logged choice " + std::to_string(choices_[i]) +
                       " has probability 0 under the learner: the log is not from this game and learner");
}

nlohmann::json VLearningSolver::params() const {
  nlohmann::json j = to_json(options_);
  j["solver"] = name();
  return j;
}

}  // namespace eqlab
