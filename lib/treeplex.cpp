#include <eqlab/lib/treeplex.hpp>

#include <algorithm>
#include <cmath>

namespace eqlab {

void Treeplex::to_sequence_form(std::span<const double> b, std::span<double> x) const {
  x[0] = 1.0;
  for (int j = 0; j < num_infosets(); ++j) {
    const double reach = x[parent_seq[j]];
    for (int s = first_seq[j], e = s + num_actions[j]; s < e; ++s) x[s] = reach * b[s];
  }
}

void Treeplex::to_behavioural(std::span<const double> x, std::span<double> b) const {
  b[0] = 1.0;
  for (int j = 0; j < num_infosets(); ++j) {
    const int s0 = first_seq[j], n = num_actions[j];
    double mass = 0.0;
    for (int s = s0; s < s0 + n; ++s) mass += x[s];
    for (int s = s0; s < s0 + n; ++s) b[s] = mass > 0.0 ? x[s] / mass : 1.0 / n;
  }
}

std::vector<double> Treeplex::uniform_sequence_form() const {
  std::vector<double> b(num_sequences()), x(num_sequences());
  for (int j = 0; j < num_infosets(); ++j)
    for (int s = first_seq[j]; s < first_seq[j] + num_actions[j]; ++s) b[s] = 1.0 / num_actions[j];
  to_sequence_form(b, x);
  return x;
}

double Treeplex::best_response(std::span<const double> gradient, std::span<double> value,
                               std::span<double> best) const {
  std::copy(gradient.begin(), gradient.end(), value.begin());
  std::vector<int> choice;
  if (!best.empty()) choice.assign(num_infosets(), 0);
  for (int j = num_infosets() - 1; j >= 0; --j) {
    const int s0 = first_seq[j];
    int arg = 0;
    for (int a = 1; a < num_actions[j]; ++a)
      if (value[s0 + a] > value[s0 + arg]) arg = a;
    value[parent_seq[j]] += value[s0 + arg];
    if (!best.empty()) choice[j] = arg;
  }
  if (!best.empty()) {
    std::fill(best.begin(), best.end(), 0.0);
    best[0] = 1.0;
    for (int j = 0; j < num_infosets(); ++j)
      best[first_seq[j] + choice[j]] = best[parent_seq[j]];
  }
  return value[0];
}

double Treeplex::plan_violation(std::span<const double> x) const {
  double worst = std::fabs(x[0] - 1.0);
  for (double v : x) worst = std::max(worst, -v);
  for (int j = 0; j < num_infosets(); ++j) {
    double mass = 0.0;
    for (int s = first_seq[j]; s < first_seq[j] + num_actions[j]; ++s) mass += x[s];
    worst = std::max(worst, std::fabs(mass - x[parent_seq[j]]));
  }
  return worst;
}

}  // namespace eqlab
