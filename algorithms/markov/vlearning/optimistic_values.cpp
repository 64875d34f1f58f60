#include <eqlab/algorithms/markov/vlearning/optimistic_values.hpp>

#include <algorithm>

namespace eqlab {

OptimisticValues::OptimisticValues(int players, int horizon, int states)
    : players_(players), horizon_(horizon), states_(states) {
  const std::size_t entries = static_cast<std::size_t>(horizon) * states * players;
  value_.resize(entries);
  for (int h = 0; h < horizon; ++h)
    for (int s = 0; s < states; ++s)
      for (int i = 0; i < players; ++i) value_[at(i, h, s)] = horizon - h;
  count_.assign(entries, 0);
}

double OptimisticValues::next_value(int player, int h, int next) const {
  const double to_go = horizon_ - h;
  return next < 0 ? 0.0 : std::min(value_[at(player, h + 1, next)], to_go - 1.0);
}

void OptimisticValues::update(int player, int h, int s, double alpha, double target) {
  double& v = value_[at(player, h, s)];
  const double to_go = horizon_ - h;
  v = std::min(to_go, (1.0 - alpha) * v + alpha * target);
}

std::size_t OptimisticValues::memory_bytes() const {
  return value_.capacity() * sizeof(double) + count_.capacity() * sizeof(std::int64_t);
}

}  // namespace eqlab
