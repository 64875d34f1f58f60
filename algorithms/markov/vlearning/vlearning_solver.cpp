#include <eqlab/algorithms/markov/vlearning/vlearning_solver.hpp>

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
      log_(model, alpha_horizon_) {
  options_.alpha_horizon = alpha_horizon_;
  if (options_.iota <= 0.0) options_.iota = vlearning_iota(options_, model);
  for (int i = 0; i < m_; ++i) rng_.emplace_back(seed, markov_stream::kLearner, static_cast<std::uint64_t>(i));
}

nlohmann::json VLearningSolver::params() const {
  nlohmann::json j = to_json(options_);
  j["solver"] = name();
  return j;
}

}  // namespace eqlab
