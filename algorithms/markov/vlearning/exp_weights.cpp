#include <eqlab/algorithms/markov/vlearning/exp_weights.hpp>

#include <algorithm>
#include <cmath>

namespace eqlab {

void negative_softmax(std::span<const double> g, double scale, std::span<double> out) {
  const double low = *std::min_element(g.begin(), g.end());
  double total = 0.0;
  for (std::size_t a = 0; a < g.size(); ++a) {
    out[a] = std::exp(-scale * (g[a] - low));
    total += out[a];
  }
  for (std::size_t a = 0; a < g.size(); ++a) out[a] /= total;
}

int draw_index(std::span<const double> p, double u) {
  double cumulative = 0.0;
  for (std::size_t a = 0; a < p.size(); ++a) {
    cumulative += p[a];
    if (u < cumulative) return static_cast<int>(a);
  }
  std::size_t last = p.size() - 1;
  while (last > 0 && p[last] == 0.0) --last;
  return static_cast<int>(last);
}

void weighted_ix_update(std::span<double> g, int action, double alpha, double loss, double prob, double gamma) {
  const double keep = 1.0 - alpha;
  for (double& x : g) x *= keep;
  g[action] += alpha * loss / (prob + gamma);
}

}  // namespace eqlab
