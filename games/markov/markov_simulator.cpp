#include <eqlab/games/markov/markov_simulator.hpp>

namespace eqlab {

MarkovSimulator::MarkovSimulator(const MarkovModel& model, std::uint64_t seed)
    : model_(model), rng_(seed, markov_stream::kEnvironment) {}

int MarkovSimulator::reset() {
  ++episodes_;
  const std::vector<double>& rho = model_.initial();
  const double u = rng_.uniform();
  double cumulative = 0.0;
  for (int s = 0; s < static_cast<int>(rho.size()); ++s) {
    cumulative += rho[s];
    if (u < cumulative) return s;
  }
  int last = static_cast<int>(rho.size()) - 1;  // u within rounding of 1: the last state of positive weight
  while (last > 0 && rho[last] == 0.0) --last;
  return last;
}

int MarkovSimulator::step(int h, int s, std::span<const int> a, std::span<double> rewards) {
  model_.rewards(h, s, a, rewards);
  if (h == model_.horizon() - 1) return -1;
  return model_.sample_next(h, s, a, rng_.uniform());
}

}  // namespace eqlab
