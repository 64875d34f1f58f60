#include <eqlab/algorithms/markov/marlhf/behaviour_estimate.hpp>

#include <cmath>
#include <string>

#include <eqlab/lib/error.hpp>

namespace eqlab {

BehaviourEstimate::BehaviourEstimate(const MarkovModel& model, const PreferenceDataset& data, double pseudo_count)
    : model_(&model), states_(model.num_states()), pseudo_count_(pseudo_count) {
  if (!(pseudo_count >= 0.0) || !std::isfinite(pseudo_count))
    throw UsageError("behaviour estimate: the pseudo-count must be a finite number of at least 0");
  const int m = model.num_players(), H = model.horizon();
  for (int i = 0; i < m; ++i) {
    joint_ *= model.num_actions(i);
    if (joint_ > (std::int64_t{1} << 24))
      throw UsageError("behaviour estimate: more than 2^24 joint actions a state (" + model.name() + ")");
  }
  visits_.assign(static_cast<std::size_t>(H) * states_, 0);
  counts_.assign(static_cast<std::size_t>(H) * states_ * joint_, 0);
  for (const PreferencePairRecord& pair : data.pairs)
    for (const PreferenceTrajectory* t : {&pair.first, &pair.second})
      for (int h = 0; h < H; ++h) {
        const std::size_t at = static_cast<std::size_t>(h) * states_ + t->states[h];
        ++visits_[at];
        ++counts_[at * joint_ + static_cast<std::int64_t>(model.encode_joint(
                                     {t->actions.data() + static_cast<std::size_t>(h) * m, static_cast<std::size_t>(m)}))];
      }
}

double BehaviourEstimate::probability(int h, int s, std::size_t joint) const {
  const std::size_t at = static_cast<std::size_t>(h) * states_ + s;
  const double n = static_cast<double>(visits_[at]), smoothing = pseudo_count_ * static_cast<double>(joint_);
  if (n + smoothing == 0.0) return 1.0 / static_cast<double>(joint_);
  return (static_cast<double>(counts_[at * joint_ + static_cast<std::int64_t>(joint)]) + pseudo_count_) /
         (n + smoothing);
}

}  // namespace eqlab
