#include <eqlab/algorithms/markov/vlearning/swap_experts.hpp>

#include <algorithm>
#include <cmath>

#include <eqlab/algorithms/markov/vlearning/exp_weights.hpp>
#include <eqlab/lib/stationary_distribution.hpp>

namespace eqlab {

void propose_sub_experts(std::span<const double> g, std::span<const std::int64_t> counts, double alpha,
                         double eta_factor, int actions, std::span<double> q) {
  const auto n = static_cast<std::size_t>(actions);
  for (std::size_t b = 0; b < n; ++b) {
    const std::span<double> row = q.subspan(b * n, n);
    if (counts[b] == 0) {
      std::fill(row.begin(), row.end(), 1.0 / static_cast<double>(n));
    } else {
      const double eta = eta_factor / std::sqrt(static_cast<double>(counts[b]));
      negative_softmax(g.subspan(b * n, n), eta / alpha, row);
    }
  }
}

void solve_marginal(std::span<const double> q, int actions, std::span<double> scratch, std::span<double> mu) {
  const std::size_t size = static_cast<std::size_t>(actions) * actions;
  std::copy(q.begin(), q.begin() + static_cast<std::ptrdiff_t>(size), scratch.begin());
  stationary_distribution(scratch.first(size), actions, mu.first(static_cast<std::size_t>(actions)));
}

TwoStepDraw two_step_draw(std::span<const double> q, std::span<const double> mu, int actions, RngStream& rng) {
  const auto n = static_cast<std::size_t>(actions);
  TwoStepDraw draw;
  draw.expert = draw_index(mu.first(n), rng.uniform());
  draw.action = draw_index(q.subspan(static_cast<std::size_t>(draw.expert) * n, n), rng.uniform());
  return draw;
}

}  // namespace eqlab
