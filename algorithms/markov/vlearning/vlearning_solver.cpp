#include <eqlab/algorithms/markov/vlearning/vlearning_solver.hpp>

#include <limits>

#include <eqlab/lib/error.hpp>

namespace eqlab {

VLearningSolver::VLearningSolver(const MarkovModel& model, const VLearningOptions& options, std::uint64_t seed)
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
      actions_(m_),
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
    const int next = simulator_.step(h, s, actions_, rewards_);
    for (int i = 0; i < m_; ++i) update_player(i, h, s, next, rewards_[i]);
    s = next;
  }
  ++episodes_;
  log_.set_episodes(episodes_);
  return true;
}

nlohmann::json VLearningSolver::params() const {
  nlohmann::json j = to_json(options_);
  j["solver"] = name();
  return j;
}

}  // namespace eqlab
