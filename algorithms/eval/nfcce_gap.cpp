#include <eqlab/algorithms/eval/nfcce_gap.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace eqlab {

NfcceGap::NfcceGap(const CompiledGame& game) : game_(game), value_sum_(game.num_players(), 0.0) {
  for (const Treeplex& tp : game.treeplex) {
    gradient_sum_.emplace_back(tp.num_sequences(), 0.0);
    gradients_.emplace_back(tp.num_sequences(), 0.0);
  }
}

void NfcceGap::add(const Profile& x, double weight) {
  for (int p = 0; p < game_.num_players(); ++p) game_.utility_gradient(p, x, gradients_[p]);
  add(x, gradients_, weight);
}

void NfcceGap::add(const Profile& x, const Profile& gradients, double weight) {
  if (!(weight > 0.0) || !std::isfinite(weight))
    throw std::invalid_argument("NfcceGap::add: the weight must be positive and finite");
  ++rounds_;
  total_weight_ += weight;
  for (int p = 0; p < game_.num_players(); ++p) {
    const int m = game_.treeplex[p].num_sequences();
    const std::vector<double>& g = gradients[p];
    double value = 0.0;
    for (int s = 0; s < m; ++s) {
      gradient_sum_[p][s] += weight * g[s];
      value += g[s] * x[p][s];
    }
    value_sum_[p] += weight * value;
  }
}

std::vector<double> NfcceGap::player_gaps() const {
  std::vector<double> gaps(game_.num_players(), 0.0);
  if (rounds_ == 0) return gaps;
  for (int p = 0; p < game_.num_players(); ++p) {
    const Treeplex& tp = game_.treeplex[p];
    std::vector<double> scratch(tp.num_sequences());
    const double best = tp.best_response(gradient_sum_[p], scratch);
    gaps[p] = (best - value_sum_[p]) / total_weight_;
  }
  return gaps;
}

std::vector<double> NfcceGap::values() const {
  std::vector<double> values(game_.num_players(), 0.0);
  if (rounds_ == 0) return values;
  for (int p = 0; p < game_.num_players(); ++p) values[p] = value_sum_[p] / total_weight_;
  return values;
}

double NfcceGap::gap() const {
  double worst = 0.0;
  for (double g : player_gaps()) worst = std::max(worst, g);
  return worst;
}

}  // namespace eqlab
