#include <eqlab/algorithms/markov/markov_policy.hpp>

#include <algorithm>

#include <eqlab/lib/error.hpp>

namespace eqlab {

ProductPolicy::ProductPolicy(const MarkovModel& model)
    : horizon_(model.horizon()), states_(model.num_states()), block_size_(model.total_actions()) {
  const int m = model.num_players();
  for (int i = 0; i < m; ++i) {
    offsets_.push_back(static_cast<std::size_t>(model.action_offset(i)));
    sizes_.push_back(static_cast<std::size_t>(model.num_actions(i)));
  }
  prob_.resize(static_cast<std::size_t>(horizon_) * states_ * block_size_);
  for (int h = 0; h < horizon_; ++h)
    for (int s = 0; s < states_; ++s)
      for (int i = 0; i < m; ++i) {
        std::span<double> p = at(h, s, i);
        std::fill(p.begin(), p.end(), 1.0 / static_cast<double>(p.size()));
      }
}

void ProductPolicy::view(int h, int s, std::vector<std::span<const double>>& views) const {
  views.resize(sizes_.size());
  for (std::size_t i = 0; i < sizes_.size(); ++i) views[i] = at(h, s, static_cast<int>(i));
}

void ProductPolicy::set_pure(int h, int s, int player, int action) {
  std::span<double> p = at(h, s, player);
  std::fill(p.begin(), p.end(), 0.0);
  p[action] = 1.0;
}

CorrelatedPolicy::CorrelatedPolicy(const MarkovModel& model, double max_joint)
    : horizon_(model.horizon()), states_(model.num_states()) {
  if (model.joint_actions() > max_joint)
    throw UsageError("a correlated policy of '" + model.name() + "' would hold " +
                     std::to_string(model.joint_actions()) + " joint actions per state, over the limit of " +
                     std::to_string(max_joint));
  const int m = model.num_players();
  strides_.assign(m, 1);
  sizes_.resize(m);
  for (int i = m - 1; i >= 0; --i) {
    sizes_[i] = static_cast<std::size_t>(model.num_actions(i));
    strides_[i] = joint_;
    joint_ *= sizes_[i];
  }
  prob_.assign(static_cast<std::size_t>(horizon_) * states_ * joint_, 1.0 / static_cast<double>(joint_));
}

void CorrelatedPolicy::decode(std::size_t joint, std::span<int> out) const {
  for (std::size_t i = 0; i < sizes_.size(); ++i) out[i] = action_of(joint, static_cast<int>(i));
}

}  // namespace eqlab
